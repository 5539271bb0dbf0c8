// Say what happened: a report says what stopped and what did not, names the commits it knows, and gives each
// finding its own fix. Real findings of the real engine, rendered as a hook or a manual check renders them.
import { describe, expect, it } from 'vitest';
import type { CommitInfo } from '../../../src/result.js';
import { FakeKeys } from '../../helpers/examples.js';
import { render, resultOf, scannedFindings } from '../../helpers/reports.js';

const keys = new FakeKeys(1402);
const live = () => `sk_live_${keys.chars('base62', 40)}`;
const test = () => `sk_test_${keys.chars('base62', 40)}`;
const commit = (oid: string, subject: string, time = 1_700_000_000): CommitInfo => ({
  oid,
  subject,
  author: 'A. Dev <a@example.invalid>',
  time,
});

describe('what stopped, and what did not', () => {
  it.each(['staged', 'push'] as const)('a test-key warning (%s) does not say that anything was stopped', (scope) => {
    const findings = scannedFindings(
      { 'src/pay.js': `const stripe = new Stripe("${test()}");\n` },
      scope === 'push' ? commit('a'.repeat(40), 'wip') : undefined,
    );
    expect(findings.map((f) => f.action)).toEqual(['warn']);
    const text = render(resultOf(scope, findings, scope === 'push' ? { tips: ['a'.repeat(40)] } : {}), 80);
    expect(text).toContain('test-mode, sandbox or local-only secret');
    expect(text).not.toMatch(/stopped/);
    expect(text).not.toContain('--no-verify');
    expect(text).toContain('→ const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);');
  });

  it('a manual check says what was found, not that a commit was stopped, and offers no --no-verify', () => {
    const findings = scannedFindings({ 'src/pay.js': `const stripe = new Stripe("${live()}");\n` });
    const manual = render(resultOf('staged', findings), 200, false);
    expect(manual).toContain('1 secret found in the staged changes.');
    expect(manual).not.toMatch(/stopped|no-verify/);
    expect(manual).toContain('not in git history yet');
    const hook = render(resultOf('staged', findings), 80, true);
    expect(hook).toContain('The commit was stopped.');
    expect(hook).toContain('git commit --no-verify');
  });
});

describe('push advice names the commits it knows', () => {
  const older = '840e7bc1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7';
  const tip = 'f00dfeed1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a';

  it('an older commit: git rebase -i <its id>^, and git reset --soft <its id>^', () => {
    const findings = scannedFindings({ 'src/pay.js': `const k = "${live()}";\n` }, commit(older, 'add billing'));
    const text = render(resultOf('push', findings, { tips: [tip] }), 200);
    expect(text).toContain('git rebase -i 840e7bc^, mark 840e7bc "edit"');
    expect(text).toContain('git reset --soft 840e7bc^');
    expect(text).not.toContain('<commit>');
    expect(text).toContain('git push --no-verify');
  });

  it('the tip of the push: amend it', () => {
    const findings = scannedFindings({ 'src/pay.js': `const k = "${live()}";\n` }, commit(tip, 'add billing'));
    const text = render(resultOf('push', findings, { tips: [tip] }), 200);
    expect(text).toContain('git add it, then git commit --amend');
    expect(text).not.toContain('rebase');
  });

  it('several commits: one rebase from the oldest, each marked by its id', () => {
    const findings = [
      ...scannedFindings({ 'src/a.js': `const k = "${live()}";\n` }, commit(tip, 'later', 1_700_000_100)),
      ...scannedFindings({ 'src/b.js': `const k = "${live()}";\n` }, commit(older, 'earlier', 1_700_000_000)),
    ];
    const text = render(resultOf('push', findings, { tips: [tip] }), 200);
    expect(text).toContain('git rebase -i 840e7bc^, mark 840e7bc f00dfee "edit"');
  });
});

describe('every finding gets its own fix', () => {
  it('the same rule in src/pay.js and .env: a code line for one, leave the commit for the other', () => {
    const findings = scannedFindings({
      '.env': `STRIPE_SECRET_KEY=${live()}\n`,
      'src/pay.js': `const stripe = new Stripe("${live()}");\n`,
    });
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['stripe-live-secret-key']));
    const text = render(resultOf('staged', findings), 200);
    expect(text).toContain('→ a settings file: take .env out of the commit and out of git');
    expect(text).toContain('→ const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);');
    expect(text).toContain('git restore --staged .env');
    expect(text).toContain('git add src/pay.js\n');
    expect(text).not.toMatch(/git add[^\n]*\.env/);
  });

  it('whole-file secrets are never told to stage the fixed file', () => {
    const findings = scannedFindings({
      '.env.local': `STRIPE_SECRET_KEY=${live()}\n`,
      'certs/tls.key': keys.pem('PRIVATE KEY'),
    });
    const text = render(resultOf('staged', findings), 200);
    expect(text).toContain('git restore --staged .env.local certs/tls.key, and add them to .gitignore');
    expect(text).not.toContain('git add');
    expect(text).not.toMatch(/stage the fix/i);
  });

  it('a tracked .env in a scan of every file leaves git with git rm --cached', () => {
    const findings = scannedFindings({ '.env': `STRIPE_SECRET_KEY=${live()}\n` });
    const text = render(resultOf('all', findings), 200, false);
    expect(text).toContain('git rm --cached .env');
    expect(text).toContain('Rotate it at Stripe');
  });
});

describe('file names', () => {
  it('are never broken at a space in them, and are quoted in commands', () => {
    const findings = scannedFindings({ 'src/pay ments/stripe config.ts': `const k = "${live()}";\n` });
    const text = render(resultOf('staged', findings), 40);
    expect(text).toContain('  src/pay ments/stripe config.ts:1:12');
    expect(text).toContain("git add 'src/pay ments/stripe config.ts'");
  });
});
