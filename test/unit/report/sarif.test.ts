// The SARIF report must validate against the SARIF 2.1.0 schema and carry what GitHub code scanning reads.
//
// test/fixtures/sarif-2.1.0.schema.json is vendored byte for byte from the npm package
// @microsoft/sarif-multitool-linux@5.7.0 (file package/sarif-2.1.0.json; tarball shasum
// c4336533d697196caf44dbce07394df2cbf90eee), published by Microsoft from https://github.com/microsoft/sarif-sdk
// (MIT), the SARIF reference implementation. It is the 2.1.0 schema in JSON Schema draft 2020-12.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { fingerprint } from '../../../src/engine/scan.js';
import { redact } from '../../../src/report/redact.js';
import type { ReportedFinding, ScanResult } from '../../../src/result.js';
import { encodePath, formatSarif, pascalCase } from '../../../src/report/sarif.js';
import { FakeKeys } from '../../helpers/examples.js';
import { reportedFinding } from '../../helpers/findings.js';

// ajv-formats is CommonJS: under NodeNext its default import is module.exports (the plugin, which also has .default).
const addFormats = ((addFormatsModule as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;
const root = path.resolve(import.meta.dirname, '../../..');
const sarifSchema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sarif-2.1.0.schema.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

const rules = new Map(builtinRules.map((r) => [r.id, r]));
const keys = new FakeKeys(7);
const live = keys.expand('sk_live_{{base62:32}}');
const test = keys.expand('sk_test_{{base62:32}}');
const aws = keys.expand('AKIA{{upper:16}}');
const oid = keys.expand('{{hex:40}}');

function finding(
  ruleId: string,
  secret: string,
  at: { path: string; line: number; before: string },
  extra: Partial<ReportedFinding> = {},
): ReportedFinding {
  return reportedFinding(ruleId, secret, at, { action: 'block', ...extra });
}

const result: ScanResult = {
  scope: 'push',
  findings: [
    finding('stripe-live-secret-key', live, { path: 'src/pay ments/config.ts', line: 12, before: 'const key = "' }),
    finding(
      'stripe-test-secret-key',
      test,
      { path: 'test/fixtures/stripe.env', line: 3, before: 'STRIPE_SECRET_KEY="' },
      { action: 'warn' },
    ),
    finding(
      'aws-access-key-id',
      aws,
      { path: 'deploy/aws#1.sh', line: 40, before: '  export AWS_ACCESS_KEY_ID="' },
      { commit: { oid, subject: 'Add deploy script', author: 'A. Dev <a@example.com>', time: 1_760_000_000 } },
    ),
  ],
  skipped: [
    { path: 'assets/logo.png', reason: { kind: 'binary' } },
    { path: 'data/huge.json', reason: { kind: 'too-large', bytes: 6_000_000, limit: 5_000_000 }, commit: oid },
  ],
  stats: { files: 5, bytes: 4321, commits: 1, milliseconds: 12.5 },
  notices: ['secret-hook: this is a shallow clone; the scan stopped at the shallow boundary.'],
};

type Json = any;
const sarifOf = (r: ScanResult, showSecrets = false) => formatSarif(r, { rules, showSecrets, toolVersion: '0.1.0' });

describe('formatSarif', () => {
  const text = sarifOf(result);
  const log: Json = JSON.parse(text);
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
  });

  it('uses a schema check that rejects what GitHub would reject', () => {
    const broken: Json = JSON.parse(text);
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
    const noUri: Json = JSON.parse(text);
    noUri.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(noUri)).toBe(false);
  });

  it('also validates with no findings and nothing skipped', () => {
    const empty: ScanResult = { ...result, findings: [], skipped: [], notices: [] };
    const emptyLog: Json = JSON.parse(sarifOf(empty));
    expect(validateSarif(emptyLog), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(emptyLog.runs[0].results).toEqual([]);
    expect(emptyLog.runs[0].tool.driver.rules).toEqual([]);
  });

  it('never contains a raw secret unless asked', () => {
    for (const secret of [live, test, aws]) {
      expect(text).not.toContain(secret);
      // Not even the masked middle: the body without prefix and tail.
      expect(text).not.toContain(secret.slice(8, -4));
    }
    expect(text).toContain(redact(live));
    const shown = sarifOf(result, true);
    expect(shown).toContain(live);
    expect(validateSarif(JSON.parse(shown))).toBe(true);
  });

  it('describes the tool and only the rules that have results', () => {
    const driver = run.tool.driver;
    expect(driver.name).toBe('secret-hook');
    expect(driver.semanticVersion).toBe('0.1.0');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: Json) => r.id)).toEqual([
      'stripe-live-secret-key',
      'stripe-test-secret-key',
      'aws-access-key-id',
    ]);
    const [liveRule, testRule, awsRule] = driver.rules;
    expect(liveRule.name).toBe('StripeLiveSecretKey');
    expect(liveRule.shortDescription.text).toBe('Stripe live secret key');
    expect(liveRule.fullDescription.text.length).toBeGreaterThan(20);
    expect(liveRule.helpUri).toBe('https://docs.stripe.com/keys');
    expect(liveRule.properties.tags).toEqual(['security', 'secret']);
    expect(liveRule.properties['security-severity']).toBe('9.5');
    expect(liveRule.defaultConfiguration.level).toBe('error');
    expect(testRule.properties['security-severity']).toBe('3.0');
    expect(testRule.defaultConfiguration.level).toBe('warning');
    expect(awsRule.properties['security-severity']).toMatch(/^\d+\.\d$/);
  });

  it('puts the env var, rotation steps and docs link in the rule help', () => {
    const rule = rules.get('stripe-live-secret-key')!;
    const help = run.tool.driver.rules[0].help;
    for (const body of [help.text, help.markdown]) {
      expect(body).toContain('STRIPE_SECRET_KEY');
      for (const step of rule.fix.rotate) expect(body).toContain(step);
      expect(body).toContain(rule.fix.docs);
      expect(body).toContain(rule.guide.checkMisuse);
      expect(body).toContain('secret-hook explain stripe-live-secret-key');
    }
    expect(help.markdown).toContain('`STRIPE_SECRET_KEY`');
  });

  it('reports each finding with rule, level, location, fingerprint and commit', () => {
    const [blocking, warning, inCommit] = run.results;
    expect(run.results).toHaveLength(3);
    expect(blocking.ruleId).toBe('stripe-live-secret-key');
    expect(blocking.ruleIndex).toBe(0);
    expect(blocking.level).toBe('error');
    expect(blocking.message.text).toContain('Stripe live secret key');
    expect(blocking.message.text).toContain(redact(live));
    const location = blocking.locations[0].physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'src/pay%20ments/config.ts', uriBaseId: '%SRCROOT%' });
    expect(location.region).toEqual({ startLine: 12, startColumn: 14, endColumn: 14 + live.length });
    expect(blocking.partialFingerprints).toEqual({ 'secretHook/v1': result.findings[0]!.fingerprint });
    expect(blocking.properties).toBeUndefined();

    expect(warning.ruleIndex).toBe(1);
    expect(warning.level).toBe('warning');

    expect(inCommit.ruleIndex).toBe(2);
    expect(inCommit.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/aws%231.sh');
    expect(inCommit.properties.commit).toBe(oid);
    expect(inCommit.message.text).toContain(oid.slice(0, 10));
  });

  it('shares one rule descriptor between findings of the same rule', () => {
    const twice: ScanResult = {
      ...result,
      findings: [result.findings[2]!, result.findings[0]!, { ...result.findings[2]!, line: 41, commit: undefined }],
    };
    const twiceRun: Json = JSON.parse(sarifOf(twice)).runs[0];
    expect(twiceRun.tool.driver.rules.map((r: Json) => r.id)).toEqual(['aws-access-key-id', 'stripe-live-secret-key']);
    expect(twiceRun.results.map((r: Json) => r.ruleIndex)).toEqual([0, 1, 0]);
  });

  it('gives no end column when the secret is not whole on the line (pairs, PEM)', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${keys.expand('{{base64:64}}')}\n-----END PRIVATE KEY-----`;
    const multi: ScanResult = {
      ...result,
      findings: [{ ...result.findings[0]!, secret: pem, lineText: '-----BEGIN PRIVATE KEY-----', column: 1 }],
    };
    const region = JSON.parse(sarifOf(multi)).runs[0].results[0].locations[0].physicalLocation.region;
    expect(region).toEqual({ startLine: 12, startColumn: 1 });
  });

  it('lists skipped files and notices as tool execution notifications', () => {
    const invocation = run.invocations[0];
    expect(invocation.executionSuccessful).toBe(true);
    const notes = invocation.toolExecutionNotifications;
    expect(notes).toHaveLength(3);
    expect(notes[0].message.text).toContain('shallow');
    expect(notes[1]).toMatchObject({
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'assets/logo.png' } } }],
    });
    expect(notes[2].level).toBe('warning');
    expect(notes[2].message.text).toContain('too large');
    expect(notes[2].properties.kind).toBe('too-large');
    expect(notes[2].properties.commit).toBe(oid);
  });
});

describe('helpers', () => {
  it('PascalCases rule ids', () => {
    expect(pascalCase('aws-access-key-id')).toBe('AwsAccessKeyId');
    expect(pascalCase('github-pat-fine-grained')).toBe('GithubPatFineGrained');
  });
  it('percent-encodes each path segment and keeps the slashes', () => {
    expect(encodePath('a b/c%d/e?f#g.ts')).toBe('a%20b/c%25d/e%3Ff%23g.ts');
    expect(encodePath('docs/über.md')).toBe('docs/%C3%BCber.md');
  });
});
