// schema/output.schema.json describes `--format json` exactly as formatJson produces it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { fingerprint } from '../../../src/engine/scan.js';
import { JSON_SCHEMA_VERSION, formatJson } from '../../../src/report/format.js';
import type { ReportedFinding, ScanResult } from '../../../src/result.js';
import { FakeKeys } from '../../helpers/examples.js';
import { reportedFinding } from '../../helpers/findings.js';

const root = path.resolve(import.meta.dirname, '../../..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema/output.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

const rules = new Map(builtinRules.map((r) => [r.id, r]));
const keys = new FakeKeys(23);
const oid = keys.expand('{{hex:40}}');

function finding(ruleId: string, secret: string, extra: Partial<ReportedFinding> = {}): ReportedFinding {
  return reportedFinding(ruleId, secret, { before: 'export const key = "' }, extra);
}

const result: ScanResult = {
  scope: 'history',
  findings: [
    finding('stripe-live-secret-key', keys.expand('sk_live_{{base62:32}}')),
    finding('stripe-test-secret-key', keys.expand('sk_test_{{base62:24}}')),
    finding('aws-access-key-id', keys.expand('AKIA{{upper:16}}'), {
      commit: { oid, subject: 'Add config', author: 'A. Dev', time: 1_760_000_000 },
      encodedAs: 'ignored',
    }),
  ],
  skipped: [
    { path: 'logo.png', reason: { kind: 'binary' } },
    { path: 'big.sql', reason: { kind: 'too-large', bytes: 6_000_000, limit: 5_000_000 }, commit: oid },
  ],
  stats: { files: 12, bytes: 34567, commits: 3, milliseconds: 41.25 },
  notices: ['secret-hook: this is a shallow clone; the scan stopped at the shallow boundary.'],
  tips: [oid],
};

const errors = () => JSON.stringify(validate.errors, null, 2);

describe('schema/output.schema.json', () => {
  it('describes the version formatJson writes', () => {
    expect(schema.properties.version.const).toBe(JSON_SCHEMA_VERSION);
  });

  it('accepts formatJson output, redacted and with --show-secrets', () => {
    for (const showSecrets of [false, true]) {
      const output = JSON.parse(formatJson(result, { showSecrets }));
      expect(validate(output), errors()).toBe(true);
    }
  });

  it('accepts the stale allow comments check --all reports', () => {
    const withStale: ScanResult = { ...result, scope: 'all', staleAllows: [{ path: 'src/old.ts', line: 9 }] };
    const output = JSON.parse(formatJson(withStale, { showSecrets: false }));
    expect(output.staleAllows).toEqual([{ file: 'src/old.ts', line: 9 }]);
    expect(validate(output), errors()).toBe(true);
  });

  it('accepts an empty result', () => {
    const empty: ScanResult = { ...result, findings: [], skipped: [], notices: [] };
    expect(validate(JSON.parse(formatJson(empty, { showSecrets: false }))), errors()).toBe(true);
  });

  it('rejects output that breaks the contract', () => {
    const good = () => JSON.parse(formatJson(result, { showSecrets: false }));
    const cases: Array<[string, (o: any) => void]> = [
      ['a missing field', (o) => delete o.findings[0].fingerprint],
      ['an unknown action', (o) => (o.findings[0].action = 'ignore')],
      ['an unknown severity', (o) => (o.findings[1].severity = 'severe')],
      ['line 0', (o) => (o.findings[0].line = 0)],
      ['a short commit id', (o) => (o.findings[2].commit = oid.slice(0, 7))],
      ['an extra field', (o) => (o.findings[0].lineText = 'const key = …')],
      ['another version', (o) => (o.version = 2)],
      ['an unknown scope', (o) => (o.scope = 'everything')],
      ['skipped without a reason', (o) => delete o.skipped[0].reason],
      ['fractional file count', (o) => (o.stats.files = 1.5)],
    ];
    for (const [what, breakIt] of cases) {
      const output = good();
      breakIt(output);
      expect(validate(output), what).toBe(false);
    }
  });
});
