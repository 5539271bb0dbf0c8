// What a refused push prints through git's `remote: ` lines: short, redacted, each finding with its one-line fix.
import { describe, expect, it } from 'vitest';
import { formatServerReport, REMOTE_WIDTH } from '../../../src/report/server-report.js';
import type { CommitInfo, ReportedFinding } from '../../../src/result.js';
import { FakeKeys } from '../../helpers/examples.js';
import { RULES, scannedFindings } from '../../helpers/reports.js';
import { textWidth } from '../../../src/report/wrap.js';

const keys = new FakeKeys(7272);
const live = () => `sk_live_${keys.chars('base62', 40)}`;
const older: CommitInfo = {
  oid: '840e7bc1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7',
  subject: 'add billing',
  author: 'A',
  time: 1,
};
const tip: CommitInfo = { oid: 'f00dfeed1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a', subject: 'more', author: 'A', time: 2 };

/** The report with its line breaks and indents taken out: sentences wrap at 72 columns. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function report(findings: ReportedFinding[], extra: { bypassOffered?: boolean; notices?: string[] } = {}) {
  return formatServerReport({
    findings,
    tips: [tip.oid],
    rules: RULES,
    bypassOffered: extra.bypassOffered ?? false,
    notices: extra.notices ?? [],
  });
}

describe('formatServerReport', () => {
  it('lists each finding under its commit, masked, with its fix, and the rebase to rewrite the commits', () => {
    const a = live();
    const b = live();
    const findings = [
      ...scannedFindings({ 'src/pay.js': `const k = "${a}";\n` }, older),
      ...scannedFindings({ 'src/tip.py': `KEY = "${b}"\n` }, tip),
    ];
    const text = report(findings);
    expect(text).toContain('secret-hook: push refused: 2 secrets in what you pushed.');
    expect(text).toContain('commit 840e7bc1d2  add billing');
    expect(text).toContain('src/pay.js:1  Stripe live secret key [stripe-live-secret-key]');
    expect(text).toContain(`sk_live_****************…${a.slice(-4)}`);
    expect(text).toContain('→ const k = process.env.STRIPE_SECRET_KEY;');
    expect(text).toContain('git rebase -i 840e7bc^');
    expect(text).not.toContain('secret-hook.bypass');
    for (const secret of [a, b]) expect(text).not.toContain(secret);
    for (const line of text.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(REMOTE_WIDTH);
  });

  it('does not rewrite a line that holds another secret: the rewrite would show it', () => {
    const a = live();
    const b = live();
    const findings = scannedFindings({ 'src/pay.js': `const k = ["${a}", "${b}"];\n` }, tip);
    expect(findings).toHaveLength(2);
    const text = report(findings);
    for (const secret of [a, b]) expect(text).not.toContain(secret);
    // A statement of its own reads the variable; the user's line, with its other key, is not echoed.
    expect(text).toContain('→ const stripeSecretKey = process.env.STRIPE_SECRET_KEY;');
    expect(text).not.toContain('const k = [');
  });

  it("rewrites a paired key's line as the local report does: both halves read from the environment", () => {
    const [site, key] = [keys.chars('hex', 20), keys.chars('hex', 20)];
    const findings = scannedFindings(
      { 'src/track.js': `const cio = new TrackClient('${site}', '${key}', { region: RegionUS });\n` },
      tip,
    );
    expect(findings.map((f) => f.ruleId)).toEqual(['customerio-track-api-key']);
    const text = flat(report(findings));
    expect(text).toContain(
      '→ const cio = new TrackClient(process.env.CUSTOMERIO_SITE_ID, process.env.CUSTOMERIO_TRACK_API_KEY, {',
    );
    for (const secret of [site, key]) expect(text).not.toContain(secret);
  });

  it('says to reword a message, to re-tag a tag, and offers the bypass only when asked to', () => {
    const secret = live();
    const [inCommit] = scannedFindings({ '(commit message)': `Used ${secret}\n` }, tip);
    const [inTag] = scannedFindings({ '(tag message)': `Release ${secret}\n` });
    const text = report(
      [
        { ...inCommit!, inMessage: 'commit' },
        { ...inTag!, inMessage: 'tag', tag: { name: 'v1.0', oid: 'ab'.repeat(20) } },
      ],
      { bypassOffered: true, notices: ['a notice first'] },
    );
    expect(text.startsWith('a notice first')).toBe(true);
    expect(flat(text)).toContain('reword it (git commit --amend)');
    expect(text).toContain('tag v1.0 (abababab');
    expect(flat(text)).toContain('git tag -d v1.0');
    expect(flat(text)).toContain('git push -o secret-hook.bypass="<reason>"');
    expect(text).not.toContain(secret);
  });

  it('takes a settings file out of the commit rather than editing it', () => {
    const secret = live();
    const text = report(scannedFindings({ 'config/prod.env': `STRIPE_KEY=${secret}\n` }, tip));
    expect(flat(text)).toContain(
      '→ take the file out of the commit (git rm --cached config/prod.env) and add it to .gitignore.',
    );
    expect(text).not.toContain(secret);
  });

  it('reports test keys without refusing', () => {
    const findings = scannedFindings({ 'a.js': `k = "sk_test_${keys.chars('base62', 40)}"\n` }, tip);
    const text = report(findings);
    expect(flat(text)).toContain(
      '1 test-mode, sandbox or local-only secret in what you pushed (reported, not blocking)',
    );
    expect(text).not.toContain('refused');
  });
});
