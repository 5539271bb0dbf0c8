import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { fingerprint } from '../../../src/engine/scan.js';
import { escapeData, escapeProperty, formatGithubAnnotations } from '../../../src/report/github.js';
import { redact } from '../../../src/report/redact.js';
import type { ReportedFinding, ScanResult } from '../../../src/result.js';
import { FakeKeys } from '../../helpers/examples.js';
import { reportedFinding } from '../../helpers/findings.js';

const rules = new Map(builtinRules.map((r) => [r.id, r]));
const keys = new FakeKeys(11);
const live = keys.expand('sk_live_{{base62:32}}');
const test = keys.expand('sk_test_{{base62:32}}');
const oid = keys.expand('{{hex:40}}');

function finding(ruleId: string, secret: string, path: string, extra: Partial<ReportedFinding> = {}): ReportedFinding {
  return reportedFinding(ruleId, secret, { path, line: 7, before: 'const stripe =' }, { action: 'block', ...extra });
}

const result: ScanResult = {
  scope: 'staged',
  findings: [
    finding('stripe-live-secret-key', live, 'src/billing,v2/pay:ment%.ts'),
    finding('stripe-test-secret-key', test, 'test/stripe.ts', { action: 'warn', line: 3, column: 9 }),
    finding('stripe-live-secret-key', live, 'app.ts', {
      commit: { oid, subject: 'Add 100% of it\nsecond line', author: 'A. Dev', time: 1_760_000_000 },
    }),
  ],
  skipped: [{ path: 'logo.png', reason: { kind: 'binary' } }],
  stats: { files: 3, bytes: 300, commits: 0, milliseconds: 1 },
  notices: [],
};

describe('formatGithubAnnotations', () => {
  const out = formatGithubAnnotations(result, { showSecrets: false });
  const lines = out.split('\n');

  it('writes one workflow command per finding, error for blocking and warning for test keys', () => {
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=/);
    expect(lines[1]).toMatch(/^::warning file=test\/stripe\.ts,line=3,col=9,title=Stripe test-mode secret key::/);
    expect(lines[2]).toMatch(/^::error file=app\.ts,line=7,col=15,/);
  });

  it('escapes property values and the message', () => {
    expect(lines[0]).toMatch(
      /^::error file=src\/billing%2Cv2\/pay%3Ament%25\.ts,line=7,col=15,title=Stripe live secret key::/,
    );
    // The commit subject's % is escaped, and its newline shown as `\n` (it comes from the repository): the
    // workflow command stays one line.
    expect(lines[2]).toContain('Add 100%25 of it\\nsecond line');
    // Exactly one unescaped '::' separator after the command name.
    for (const line of lines) expect(line.slice(2).split('::')).toHaveLength(2);
  });

  it('names the rule, shows the redacted secret and points to secret-hook explain', () => {
    expect(out).not.toContain(live);
    expect(out).not.toContain(test);
    expect(lines[0]).toContain('[stripe-live-secret-key]');
    expect(lines[0]).toContain(redact(live));
    expect(lines[0]).toContain('secret-hook explain stripe-live-secret-key');
    expect(lines[1]).toContain(redact(test));
    expect(lines[1]).toContain('secret-hook explain stripe-test-secret-key');
    expect(lines[2]).toContain(oid.slice(0, 10));
  });

  it('shows the whole secret only when asked', () => {
    expect(formatGithubAnnotations(result, { showSecrets: true })).toContain(live);
  });

  it('prints nothing without findings', () => {
    expect(formatGithubAnnotations({ ...result, findings: [] }, { showSecrets: false })).toBe('');
  });
});

describe('workflow command escaping', () => {
  it('escapes data: %, CR and LF (percent first)', () => {
    expect(escapeData('50%\r\nok: a,b')).toBe('50%25%0D%0Aok: a,b');
    expect(escapeData('%0A')).toBe('%250A');
  });
  it('escapes properties: also : and ,', () => {
    expect(escapeProperty('a:b,c%d\re\nf')).toBe('a%3Ab%2Cc%25d%0De%0Af');
  });

  it('lists at most 100 findings per file, and says how many more there are', () => {
    const many: ScanResult = {
      ...result,
      findings: Array.from({ length: 150 }, (_, i) =>
        finding('stripe-live-secret-key', live, 'dist/app.js', { line: i + 1 }),
      ),
    };
    const annotations = formatGithubAnnotations(many, { showSecrets: false }).split('\n');
    expect(annotations).toHaveLength(101);
    expect(annotations[100]).toBe(
      '::warning file=dist/app.js,title=Findings not listed::dist/app.js: 50 more findings not listed (100 shown, every kind of secret found there first).',
    );
  });
});
