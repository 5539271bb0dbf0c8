// Real `git commit` of hostile files through husky and the packed package: a minified bundle full of keys, 10 MB of
// keywords on one line, a file of 100,000 password lines. Each must end in seconds with the right verdict and a
// report of bounded size that shows no key whole. (One such bundle used to take the hook out of memory, the
// keyword line took 28 s, and the password file crashed the hook with a stack overflow.)
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { shannonEntropy } from '../../src/engine/entropy.js';
import { FakeKeys } from '../helpers/examples.js';
import { type Sandbox, sandboxesCleanedAfterEach, seededSandbox } from '../helpers/sandbox.js';

const keys = new FakeKeys(8080);
const sandboxes = sandboxesCleanedAfterEach();

function seeded(): Sandbox {
  return seededSandbox(sandboxes);
}

// Seconds on a quiet machine; the margin is for a loaded one. No assertion is timed.
const TIMEOUT_MS = 240_000;

/** AWS key ids random enough for the rule's entropy floor, so that every one of them is found. */
function awsKeys(count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const key = `AKIA${keys.chars('base32', 16)}`;
    if (shannonEntropy(key) >= 3.3) out.add(key);
  }
  return [...out];
}

/** Stages `file`, runs the hook as git would and then `git commit`; returns the hook's own run. */
function commitOf(box: Sandbox, file: string, content: string) {
  box.write(file, content);
  box.gitOk('add', file);
  const headBefore = box.head();
  const hook = box.secretHook(['pre-commit']);
  const commit = box.git('commit', '-q', '-m', `add ${file}`);
  return { hook, commit, moved: box.head() !== headBefore };
}

describe('committing files with very long lines or very many findings', () => {
  it(
    'a staged minified bundle holding 8,000 keys on one 300 KB line is stopped, with a bounded report',
    () => {
      const box = seeded();
      const secrets = awsKeys(8000);
      const line = `{${secrets.map((s, i) => `"access_${i}":"${s}"`).join(',')}}\n`;
      expect(line.length).toBeGreaterThan(290_000);
      const { hook, commit, moved } = commitOf(box, 'public/app.min.js', line);

      expect(hook.status, hook.output.slice(0, 2000)).toBe(1);
      expect(commit.status).not.toBe(0);
      expect(moved).toBe(false);
      expect(hook.output).toContain('8000 secrets found in the staged changes. The commit was stopped.');
      expect(hook.output).toContain('public/app.min.js: 7,900 more findings not listed');
      expect(hook.output.length).toBeLessThan(200_000);
      expect(commit.output.length).toBeLessThan(200_000);
      for (const secret of secrets) {
        if (hook.output.includes(secret) || commit.output.includes(secret)) expect.fail(`${secret} is shown whole`);
      }
    },
    TIMEOUT_MS,
  );

  it(
    'a staged file of 10 MB of rule keywords on one line is scanned and committed',
    () => {
      const box = seeded();
      const words = [...new Set(builtinRules.flatMap((r) => [...r.keywords, ...(r.near?.words ?? [])]))];
      const unit = `${words.join(',')},`;
      const soup = unit.repeat(Math.ceil(10_000_000 / unit.length)).slice(0, 10_000_000);
      const { hook, commit, moved } = commitOf(box, 'data/keywords.txt', soup);

      expect(hook.status, hook.output.slice(0, 2000)).toBe(0);
      expect(commit.status, commit.output.slice(0, 2000)).toBe(0);
      expect(moved).toBe(true);
    },
    TIMEOUT_MS,
  );

  it(
    'a staged file of 100,000 password lines is stopped with a bounded report, not a crash',
    () => {
      const box = seeded();
      const passwords = Array.from({ length: 100_000 }, () => keys.password(18));
      const text = passwords.map((p) => `password=${p}\n`).join('');
      const { hook, commit, moved } = commitOf(box, 'config/users.properties', text);

      expect(hook.status, hook.output.slice(0, 2000)).toBe(1);
      expect(commit.status).not.toBe(0);
      expect(moved).toBe(false);
      expect(hook.output).toMatch(/config\/users\.properties: 99,\d{3} more findings not listed/);
      expect(hook.output.length).toBeLessThan(200_000);
      for (const password of passwords.slice(0, 200)) expect(hook.output).not.toContain(password);
    },
    TIMEOUT_MS,
  );
});
