// A file with thousands of findings: every format lists a bounded number of them, says how many more there are,
// keeps the verdict of all of them, and masks every key a shown line holds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { shannonEntropy } from '../../../src/engine/entropy.js';
import { scan } from '../../../src/engine/scan.js';
import { formatJson, formatText } from '../../../src/report/format.js';
import { listFindings, MAX_FINDINGS_PER_FILE } from '../../../src/report/listing.js';
import type { ReportedFinding, ScanResult } from '../../../src/result.js';
import { formatSarif } from '../../../src/report/sarif.js';
import { FakeKeys } from '../../helpers/examples.js';
import { reportedFinding } from '../../helpers/findings.js';

const addFormats = ((addFormatsModule as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;
const root = path.resolve(import.meta.dirname, '../../..');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(
  JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sarif-2.1.0.schema.json'), 'utf8')),
);
const validateJson = new Ajv2020({ strict: true, allErrors: true }).compile(
  JSON.parse(fs.readFileSync(path.join(root, 'schema/output.schema.json'), 'utf8')),
);

const rules = new Map(builtinRules.map((r) => [r.id, r]));
const catalog = compileCatalog(builtinRules);
const keys = new FakeKeys(99);

/** AWS key ids random enough for the rule's entropy floor, so that every one is found. */
function awsKeys(count: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const key = `AKIA${keys.chars('base32', 16)}`;
    if (shannonEntropy(key) >= 3.3) out.push(key);
  }
  return out;
}

/** One minified line of keys, scanned by the real engine, as the hook reports it. */
function minifiedResult(count: number): { result: ScanResult; secrets: string[] } {
  const secrets = awsKeys(count);
  const text = `{${secrets.map((s, i) => `"access_${i}":"${s}"`).join(',')}}\n`;
  const findings = scan(catalog, { path: 'dist/keys.min.json', text }).map((f): ReportedFinding => ({
    ...f,
    action: 'block',
  }));
  const result: ScanResult = {
    scope: 'staged',
    findings,
    skipped: [],
    notices: [],
    stats: { files: 1, bytes: text.length, commits: 0, milliseconds: 1 },
  };
  return { result, secrets };
}

const at = (line: number) => ({ path: 'src/big.js', line, before: 'k = "' });

describe('listFindings', () => {
  it('leaves files under the limit alone', () => {
    const findings = Array.from({ length: MAX_FINDINGS_PER_FILE }, (_, i) =>
      reportedFinding('aws-access-key-id', `AKIA${keys.chars('base32', 16)}`, at(i + 1)),
    );
    expect(listFindings(findings)).toEqual({ listed: findings, unlisted: [] });
  });

  it('lists at most the limit per file: blocking findings and each rule first, in the original order', () => {
    const aws = Array.from({ length: 250 }, (_, i) =>
      reportedFinding('aws-access-key-id', `AKIA${keys.chars('base32', 16)}`, at(i + 1)),
    );
    const testKey = reportedFinding('stripe-test-secret-key', `sk_test_${keys.chars('base62', 24)}`, at(300));
    const live = reportedFinding('stripe-live-secret-key', `sk_live_${keys.chars('base62', 24)}`, at(301));
    const other = reportedFinding('aws-access-key-id', `AKIA${keys.chars('base32', 16)}`, {
      ...at(1),
      path: 'src/small.js',
    });
    const { listed, unlisted } = listFindings([...aws, testKey, live, other], 10);
    expect(testKey.action).toBe('warn');
    // The first AWS key, the live key (blocking rules first), the test key (then warnings), 7 more AWS keys.
    expect(listed).toEqual([...aws.slice(0, 8), testKey, live, other]);
    expect(unlisted).toEqual([{ path: 'src/big.js', count: 242, blocking: 242, listed: 10 }]);
  });

  it('counts files in different commits apart', () => {
    const commit = (oid: string) => ({ oid, subject: 's', author: 'a', time: 0 });
    const findings = ['a'.repeat(40), 'b'.repeat(40)].flatMap((oid) =>
      Array.from({ length: 3 }, (_, i) =>
        reportedFinding('aws-access-key-id', `AKIA${keys.chars('base32', 16)}`, at(i + 1), { commit: commit(oid) }),
      ),
    );
    const { unlisted } = listFindings(findings, 2);
    expect(unlisted.map((u) => [u.commit, u.count])).toEqual([
      ['a'.repeat(40), 1],
      ['b'.repeat(40), 1],
    ]);
  });
});

describe('a minified line with 2,000 keys, in every format', () => {
  const { result, secrets } = minifiedResult(2000);
  const unlisted = result.findings.length - MAX_FINDINGS_PER_FILE;

  it('is found whole by the engine, each finding holding a bounded excerpt of the line', () => {
    expect(result.findings).toHaveLength(2000);
    for (const f of result.findings) expect(f.lineText.length).toBeLessThanOrEqual(20 + 2 * 200);
    expect(result.findings[1000]!.excerpt).toMatchObject({ lineLength: result.stats.bytes - 1 });
  });

  it('text: counts every secret, lists 100, says how many more, and shows no key whole', () => {
    const text = formatText(result, {
      rules,
      color: false,
      verbose: false,
      showSecrets: false,
      summary: true,
      hook: true,
      width: 80,
    });
    expect(text).toContain('2000 secrets found in the staged changes');
    expect(text.match(/^ {2}dist\/keys\.min\.json:1:/gm)).toHaveLength(MAX_FINDINGS_PER_FILE);
    expect(text).toContain(`dist/keys.min.json: ${unlisted.toLocaleString('en-US')} more findings not listed`);
    // Each shown line holds the neighbours of its key: those are masked too.
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text.length).toBeLessThan(60_000);
  });

  it('JSON: lists 100, names the rest under `unlisted`, and follows the schema', () => {
    const output = JSON.parse(formatJson(result, { showSecrets: false }));
    expect(output.findings).toHaveLength(MAX_FINDINGS_PER_FILE);
    expect(output.unlisted).toEqual([{ file: 'dist/keys.min.json', findings: unlisted, blocking: unlisted }]);
    expect(validateJson(output), JSON.stringify(validateJson.errors)).toBe(true);
  });

  it('SARIF: lists 100 results and a notification for the rest, and validates', () => {
    const log = JSON.parse(formatSarif(result, { rules, showSecrets: false, toolVersion: '0.0.0' }));
    const run = log.runs[0];
    expect(run.results).toHaveLength(MAX_FINDINGS_PER_FILE);
    const note = run.invocations[0].toolExecutionNotifications.find(
      (n: { descriptor: { id: string } }) => n.descriptor.id === 'findings-not-listed',
    );
    expect(note.message.text).toContain(`${unlisted.toLocaleString('en-US')} more findings not listed`);
    expect(note.properties).toEqual({ findings: unlisted, blocking: unlisted });
    // The end column is read off the excerpt, not off the start of the line.
    expect(run.results[50].locations[0].physicalLocation.region.endColumn).toBe(result.findings[50]!.column + 20);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
  });

  it('--show-secrets: prints the excerpt with its cut ends marked, never the whole line', () => {
    const text = formatText(result, {
      rules,
      color: false,
      verbose: false,
      showSecrets: true,
      summary: false,
      hook: true,
      width: 80,
    });
    // Each finding's line comes right after its place.
    const all = text.split('\n');
    const lines = all.flatMap((l, i) => (/^ {2}dist\/keys\.min\.json:1:/.test(l) ? [all[i + 1]!] : []));
    expect(lines).toHaveLength(MAX_FINDINGS_PER_FILE);
    for (const line of lines.slice(10)) expect(line).toMatch(/^ {4}….{400,440}…$/);
  });
});
