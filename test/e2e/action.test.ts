// The reusable GitHub Action (action.yml at the repository's root). Actions cannot run here, so the test does what
// the runner does with the parts that matter: it parses the file, evaluates each step's `env` expressions against
// the event GitHub would send (pull request, push to the default branch, a new branch, a first push, a force-push,
// a deletion), and runs the step's script with bash as the runner does (bash --noprofile --norc -eo pipefail), in a
// real repository, with secret-hook from this checkout. What it checks: the range each event scans, the SARIF it
// writes (or does not write), the outputs the later steps read, and those steps' conditions and verdicts.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox } from '../helpers/sandbox.js';

const root = path.resolve(import.meta.dirname, '../..');
const keys = new FakeKeys(1919);
const sandboxes: Sandbox[] = [];
afterEach(() => {
  while (sandboxes.length) sandboxes.pop()!.cleanup();
});

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}
interface Action {
  name: string;
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parseYaml(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;
const step = (name: string) => action.runs.steps.find((s) => s.name.startsWith(name))!;
const ZERO = '0'.repeat(40);

/** `${{ a.b.c }}` in `text`, looked up in `context` (a missing value is '', as in Actions). */
function evaluate(text: string, context: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    let value: unknown = context;
    for (const part of expression.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
    return value === undefined || value === null ? '' : String(value);
  });
}

interface Run {
  status: number;
  stdout: string;
  outputs: Record<string, string>;
  sarif: { runs: { results: { message: { text: string } }[] }[] } | null;
}

/** Runs a step's script as the runner would, for this event, in `box`. */
function runStep(
  box: Sandbox,
  name: string,
  github: Record<string, unknown>,
  inputs: Record<string, string> = {},
  steps: Record<string, unknown> = {},
): Run {
  const s = step(name);
  const withDefaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  const context = { github: { action_path: root, ...github }, inputs: { ...withDefaults, ...inputs }, steps };
  const env = Object.fromEntries(Object.entries(s.env ?? {}).map(([k, v]) => [k, evaluate(v, context)]));
  const outputFile = path.join(box.root, `github-output-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(outputFile, '');
  const script = path.join(box.root, 'step.sh');
  fs.writeFileSync(script, s.run!);
  const sarifFile = path.join(box.dir, String(context.inputs['sarif-file']));
  fs.rmSync(sarifFile, { force: true });
  const result = box.run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    env: {
      ...env,
      GITHUB_OUTPUT: outputFile,
      GITHUB_REF_NAME: String(github['ref_name'] ?? ''),
      COLUMNS: '200',
    },
  });
  const outputs = Object.fromEntries(
    fs
      .readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const sarif = fs.existsSync(sarifFile) ? (JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as Run['sarif']) : null;
  return { status: result.status, stdout: result.output, outputs, sarif };
}

/** A repository whose history already holds an old secret, and a bare origin that has main. */
function repository() {
  const box = new Sandbox({ husky: false, install: false });
  sandboxes.push(box);
  const old = `sk_live_${keys.chars('base62', 40)}`;
  box.seed({ 'README.md': '# app\n', 'legacy.js': `const key = "${old}";\n` }, 'legacy');
  box.seed({ 'legacy.js': 'const key = process.env.KEY;\n' }, 'fix legacy');
  box.gitOk('push', '-q', 'origin', 'main');
  box.gitOk('fetch', '-q', 'origin');
  const addSecret = (file: string, message: string) => {
    const secret = `sk_live_${keys.chars('base62', 40)}`;
    return { secret, commit: box.seed({ [file]: `const k = "${secret}";\n` }, message) };
  };
  return { box, old, addSecret };
}

const results = (run: Run) => run.sarif!.runs[0]!.results.length;

describe('action.yml', () => {
  it('is a composite action that checks out the whole history, builds secret-hook from its own checkout and uploads SARIF only from a completed scan', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(
      ['category', 'checkout', 'config', 'fail-on-findings', 'sarif-file', 'upload-sarif'].sort(),
    );
    const checkout = step('Check out');
    expect(checkout.uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(checkout.with).toEqual({ 'fetch-depth': 0 });
    expect(checkout.if).toBe("inputs.checkout == 'true'");
    const build = step('Build');
    expect(build.env).toEqual({ ACTION_PATH: '${{ github.action_path }}' });
    expect(build.run).toContain('npm ci --ignore-scripts');
    expect(build.run).toContain('node scripts/build.mjs --no-types');
    const upload = step('Upload');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.with).toEqual({ sarif_file: '${{ inputs.sarif-file }}', category: '${{ inputs.category }}' });
    expect(upload.if).toBe(
      "inputs.upload-sarif == 'true' && (steps.scan.outputs.status == '0' || steps.scan.outputs.status == '1')",
    );
    expect(action.outputs['status']!.value).toBe('${{ steps.scan.outputs.status }}');
    // No expression is spliced into a script: every value reaches the shell through the environment.
    for (const s of action.runs.steps) if (s.run) expect(s.run, s.name).not.toContain('${{');
  });

  it('pull_request: scans base..head, only the commits the pull request adds', () => {
    const { box, old, addSecret } = repository();
    const base = box.head();
    box.gitOk('checkout', '-q', '-b', 'feature');
    const { secret } = addSecret('pay.js', 'feature: pay');
    const head = box.head();
    const run = runStep(box, 'Scan', {
      event_name: 'pull_request',
      ref_name: '12/merge',
      event: { pull_request: { base: { sha: base }, head: { sha: head } }, repository: { default_branch: 'main' } },
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs).toEqual({ status: '1', range: `${base}..${head}` });
    expect(results(run)).toBe(1);
    expect(run.stdout).toContain('feature: pay');
    expect(run.stdout).toContain('pay.js');
    expect(run.stdout).not.toContain('legacy.js');
    expect(run.stdout).not.toContain(secret);
    expect(run.stdout).not.toContain(old);
  });

  it('push to the default branch: before..after; the first push (before 0000…): the whole history', () => {
    const { box, addSecret } = repository();
    const before = box.head();
    addSecret('pay.js', 'pay');
    const after = box.head();
    const github = (beforeSha: string) => ({
      event_name: 'push',
      ref_name: 'main',
      event: { before: beforeSha, after, repository: { default_branch: 'main' } },
    });
    const push = runStep(box, 'Scan', github(before));
    expect(push.outputs).toEqual({ status: '1', range: `${before}..${after}` });
    expect(results(push)).toBe(1);
    const first = runStep(box, 'Scan', github(ZERO));
    expect(first.outputs).toEqual({ status: '1', range: `..${after}` });
    expect(results(first)).toBe(2); // the old secret in the history, and the new one
    // A force-push whose old tip is gone from the repository (and the server): the whole history, never less.
    const gone = keys.chars('hex', 40);
    const forced = runStep(box, 'Scan', github(gone));
    expect(forced.outputs).toEqual({ status: '1', range: `..${after}` });
    expect(results(forced)).toBe(2);
  });

  it('push of a new branch (before 0000…): the commits it adds to the default branch; a deletion: nothing', () => {
    const { box, addSecret } = repository();
    const fork = box.head();
    box.gitOk('checkout', '-q', '-b', 'topic');
    addSecret('topic.js', 'topic');
    const after = box.head();
    const run = runStep(box, 'Scan', {
      event_name: 'push',
      ref_name: 'topic',
      event: { before: ZERO, after, repository: { default_branch: 'main' } },
    });
    expect(run.outputs).toEqual({ status: '1', range: `${fork}..${after}` });
    expect(results(run)).toBe(1);
    const deleted = runStep(box, 'Scan', {
      event_name: 'push',
      ref_name: 'topic',
      event: { before: after, after: ZERO, repository: { default_branch: 'main' } },
    });
    expect(deleted.status).toBe(0);
    expect(deleted.outputs).toEqual({ status: '0', range: '' });
    expect(deleted.sarif).toBeNull();
  });

  it('a clean range uploads an empty report; a failed scan writes no SARIF; without code scanning, annotations', () => {
    const { box, addSecret } = repository();
    const before = box.head();
    box.seed({ 'clean.js': 'export const a = 1;\n' }, 'clean');
    const github = (after: string) => ({
      event_name: 'push',
      ref_name: 'main',
      event: { before, after, repository: { default_branch: 'main' } },
    });
    const clean = runStep(box, 'Scan', github(box.head()));
    expect(clean.outputs['status']).toBe('0');
    expect(results(clean)).toBe(0);
    const { commit } = addSecret('pay.js', 'pay');
    const annotated = runStep(box, 'Scan', github(commit), { 'upload-sarif': 'false' });
    expect(annotated.stdout).toMatch(/^::error file=pay\.js,line=1,col=\d+,title=Stripe live secret key::/m);
    box.write('broken.json', '{ "rules": ');
    const failed = runStep(box, 'Scan', github(commit), { config: 'broken.json' });
    expect(failed.status).toBe(0);
    expect(failed.outputs['status']).toBe('2');
    expect(failed.sarif).toBeNull();
  });

  it('the verdict fails the job on findings (unless told not to) and on a failed scan', () => {
    const { box } = repository();
    const verdict = (status: string, failOnFindings = 'true') => {
      const s = step('Verdict');
      const env = Object.fromEntries(
        Object.entries(s.env!).map(([k, v]) => [
          k,
          evaluate(v, { steps: { scan: { outputs: { status } } }, inputs: { 'fail-on-findings': failOnFindings } }),
        ]),
      );
      return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], {
        cwd: box.dir,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
    };
    expect(verdict('0').status).toBe(0);
    expect(verdict('1').status).toBe(1);
    expect(verdict('1').stdout).toContain('::error title=secret-hook::secret-hook found secrets');
    expect(verdict('1', 'false').status).toBe(0);
    expect(verdict('2').status).toBe(2);
  });
});
