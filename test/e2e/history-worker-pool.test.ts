// `check --history` on a machine with few cores runs again in a node with a smaller V8 worker pool
// (src/runtime/worker-pool.ts). Through the installed package: the second node starts exactly when it should, with
// the pool it should, and the scan says and exits the same as in one node.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { historyPoolSize } from '../../src/runtime/worker-pool.js';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const sandboxes = sandboxesCleanedAfterEach();
const keys = new FakeKeys(20261207);

it('a history scan gives the same findings and exit code whether or not it runs in a second node', () => {
  const box = new Sandbox({ husky: false, install: false });
  sandboxes.push(box);
  box.seed({ 'README.md': '# shop\n' });
  box.seed({ 'src/pay.js': `const stripe = new Stripe("sk_live_${keys.chars('base62', 30)}");\n` }, 'pay');
  // Every node started records the flags it was started with.
  const recorder = path.join(box.root, 'record.cjs');
  fs.writeFileSync(
    recorder,
    "require('node:fs').appendFileSync(process.env.RECORD_FILE, JSON.stringify(process.execArgv) + '\\n');\n",
  );
  const run = (name: string, extraOptions: string) => {
    const record = path.join(box.root, `${name}.jsonl`);
    const result = box.secretHook(['check', '--history', '--format', 'json'], {
      env: { NODE_OPTIONS: `--require ${recorder}${extraOptions}`, RECORD_FILE: record },
    });
    const started = fs
      .readFileSync(record, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    return { result, started };
  };

  const asStarted = run('default', '');
  const oneNode = run('chosen', ' --v8-pool-size=4');

  // This machine decides: on one with few cores the scan must have run in a second node, elsewhere in one.
  const size = historyPoolSize(['check', '--history'], [], {}, () => os.availableParallelism());
  expect(asStarted.started).toEqual(size === null ? [[]] : [[], [`--v8-pool-size=${size}`]]);
  expect(oneNode.started, 'a pool size in NODE_OPTIONS is left alone').toEqual([[]]);

  for (const { result } of [asStarted, oneNode]) expect(result.status, result.output).toBe(1);
  const findings = (stdout: string) =>
    (JSON.parse(stdout) as { findings: { ruleId: string; file: string; line: number; fingerprint: string }[] })
      .findings;
  expect(findings(asStarted.result.stdout)).toEqual(findings(oneNode.result.stdout));
  expect(findings(asStarted.result.stdout).map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
    'stripe-live-secret-key src/pay.js:1',
  ]);
});
