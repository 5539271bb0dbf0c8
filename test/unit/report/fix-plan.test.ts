// The plan of `secret-hook fix` as the user sees it: unified diffs git itself applies (so their line numbers are
// right), with every secret masked; and the blocked-commit report offering `secret-hook fix` first only when it can
// make every fix shown.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unifiedDiff, type PlannedFile } from '../../../src/report/fix-plan.js';
import { FakeKeys } from '../../helpers/examples.js';
import { render, resultOf, scannedFindings } from '../../helpers/reports.js';

const keys = new FakeKeys(1606);
const key = `sk_live_${keys.chars('base62', 40)}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-diff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const old = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);

/** `git apply --check` of the diff against the old lines. */
function applies(file: PlannedFile): string | null {
  const target = path.join(dir, file.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (file.created) fs.rmSync(target, { force: true });
  else fs.writeFileSync(target, file.oldLines.map((l) => `${l}\n`).join(''));
  const patch = `${unifiedDiff(file).join('\n')}\n`;
  const result = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: patch, encoding: 'utf8' });
  return result.status === 0 ? null : `${result.stderr}\n${patch}`;
}

describe('the diff of a planned file', () => {
  it('has hunk headers git applies: an import inserted near the top and a line replaced further down', () => {
    const file: PlannedFile = {
      path: 'pkg/a.go',
      role: 'source',
      created: false,
      oldLines: old,
      changes: [
        { at: 3, remove: 0, add: ['\t"os"'] },
        { at: 5, remove: 1, add: ['line 6 fixed'] },
        { at: 20, remove: 1, add: ['line 21 fixed'] },
      ],
      secrets: [],
    };
    expect(applies(file)).toBeNull();
    expect(unifiedDiff(file).filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,9 +1,10 @@', '@@ -18,7 +19,7 @@']);
  });

  it('a new file and lines appended at the end', () => {
    expect(
      applies({
        path: '.env.example',
        role: 'example',
        created: true,
        oldLines: [],
        changes: [{ at: 0, remove: 0, add: ['A=', 'B='] }],
        secrets: [],
      }),
    ).toBeNull();
    expect(
      applies({
        path: '.gitignore',
        role: 'gitignore',
        created: false,
        oldLines: old,
        changes: [{ at: 30, remove: 0, add: ['/.env'] }],
        secrets: [],
      }),
    ).toBeNull();
  });

  it('masks every secret, on the removed line, the context and the added .env line, keeping the indentation', () => {
    const file: PlannedFile = {
      path: 'src/pay.js',
      role: 'source',
      created: false,
      oldLines: ['function pay() {', `    const s = new Stripe("${key}");`, `    // was "${key}"`, '}'],
      changes: [{ at: 1, remove: 1, add: ['    const s = new Stripe(process.env.STRIPE_SECRET_KEY);'] }],
      secrets: [key],
    };
    const shown = unifiedDiff(file).join('\n');
    expect(shown).not.toContain(key);
    expect(shown).toContain('-    const s = new Stripe("sk_live_****************…');
    expect(shown).toContain('     // was "sk_live_****');
    const env = unifiedDiff({
      path: '.env',
      role: 'env',
      created: true,
      oldLines: [],
      changes: [{ at: 0, remove: 0, add: [`STRIPE_SECRET_KEY=${key}`] }],
      secrets: [key],
    });
    expect(env.join('\n')).not.toContain(key);
    expect(env).toContain(`+STRIPE_SECRET_KEY=${key.slice(0, 8)}****************…${key.slice(-4)}`);
  });

  it('shows control characters in a line as escapes, never raw', () => {
    const file: PlannedFile = {
      path: 'a\u001b[2Jb.js',
      role: 'source',
      created: false,
      oldLines: ['x\u001b]0;t\u0007'],
      changes: [{ at: 0, remove: 1, add: ['y'] }],
      secrets: [],
    };
    expect(unifiedDiff(file).join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe('the blocked-commit report offers secret-hook fix first', () => {
  it('when it can make every fix shown', () => {
    const text = render(
      resultOf(
        'staged',
        scannedFindings({
          'server/pay.js': `const s = new Stripe("${key}");\n`,
          'app/b.py': `stripe.api_key = "${key}"\n`,
        }),
      ),
      200,
    );
    expect(text).toContain('  1. Run secret-hook fix: it shows each change (→)');
    expect(text).toContain('git add server/pay.js app/b.py');
  });

  it.each([
    ['a front-end file', { 'src/Checkout.tsx': `const s = new Stripe("${key}");\n` }],
    ['a line it cannot rewrite', { 'server/pay.js': `const h = "Bearer ${key}";\n` }],
    ['a .env file', { 'server/pay.js': `const s = new Stripe("${key}");\n`, '.env': `STRIPE_SECRET_KEY=${key}\n` }],
    ['a kind it does not edit', { 'infra/main.tf': `resource "x" "y" {\n  api_key = "${key}"\n}\n` }],
  ])('not when one finding is in %s', (_what, files) => {
    const text = render(resultOf('staged', scannedFindings(files)), 200);
    expect(text).not.toContain('secret-hook fix');
    expect(text).toContain('as shown (→)');
  });

  it('not for a push: the commits are rewritten, not the working tree', () => {
    const commit = { oid: 'a'.repeat(40), subject: 'wip', author: 'A <a@example.invalid>', time: 1_700_000_000 };
    const text = render(
      resultOf('push', scannedFindings({ 'server/pay.js': `const s = new Stripe("${key}");\n` }, commit), {
        tips: [commit.oid],
      }),
      200,
    );
    expect(text).not.toContain('secret-hook fix');
  });
});
