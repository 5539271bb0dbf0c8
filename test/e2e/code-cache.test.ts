// The compiled-code cache against a hostile or damaged cache directory, through real `git commit` with the packed
// package installed with husky as a user has it. Whatever the cache directory holds, a staged key is found and
// the commit stopped; the hook never crashes or hangs; a cache others could write is neither read nor written;
// and a damaged cache in the user's own directory is replaced. (README, "What secret-hook trusts".)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFor } from '../../src/commands/launch.js';
import { cacheFile } from '../../src/runtime/code-cache.js';
import { FakeKeys } from '../helpers/examples.js';
import {
  damages,
  firstFormatForgery,
  FORGED_OUTPUT,
  forgedCachedData,
  perfectForgery,
} from '../helpers/forged-cache.js';
import { type RunResult, Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const isRoot = process.getuid?.() === 0;
const OTHER_UID = 65534;
const TITLE = 'Stripe live secret key';
const keys = new FakeKeys(20261107);

const sandboxes = sandboxesCleanedAfterEach();

/** A repository with a Stripe live key staged, and a cache home of its own inside the sandbox. */
function staged() {
  const box = new Sandbox();
  sandboxes.push(box);
  box.seed({ 'README.md': '# shop\n', 'src/app.js': 'export const port = 8080;\n' });
  const secret = `sk_live_${keys.chars('base62', 30)}`;
  box.write('src/pay.js', `const stripe = new Stripe("${secret}");\n`);
  box.gitOk('add', 'src/pay.js');
  const cacheHome = path.join(box.root, 'cache');
  const env = { XDG_CACHE_HOME: cacheHome };
  // The pre-commit hook's bundle as the installed launcher names it (node resolves the node_modules link).
  const bundle = fs.realpathSync(path.join(box.dir, 'node_modules', 'secret-hook', 'dist', bundleFor('pre-commit')));
  const dir = path.join(cacheHome, 'secret-hook');
  const file = cacheFile(dir, bundle, 'pre-commit');
  const hook = () => box.secretHook(['pre-commit'], { env });
  const commit = () => box.run('git', ['commit', '-m', 'pay'], { env });
  /** The cache file a first run writes (when it ends, whatever it found). */
  const genuine = () => {
    expectFound(hook(), secret);
    return fs.readFileSync(file);
  };
  // Made with the environment the hook gets, so with its V8 flags (NODE_OPTIONS).
  const forged = () => forgedCachedData(bundle, process.env as Record<string, string>);
  return { box, secret, cacheHome, dir, file, bundle, hook, commit, genuine, forged };
}

/** The hook ran the real scan: exit 1, not a signal or a crash, the finding named, the key itself not printed. */
function expectFound(result: RunResult, secret: string) {
  expect(result.status, result.output).toBe(1);
  expect(result.output).toContain(TITLE);
  expect(result.output).not.toContain(FORGED_OUTPUT);
  expect(result.output).not.toContain('could not complete');
  expect(result.output).not.toContain(secret);
}

/** `git commit` through husky was stopped, HEAD did not move. */
function expectCommitBlocked(box: Sandbox, result: RunResult, head: string) {
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain(TITLE);
  expect(result.output).not.toContain(FORGED_OUTPUT);
  expect(box.head()).toBe(head);
}

/** Every entry under `dir` with its mode, owner and bytes: to prove nothing there was touched. */
function snapshot(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stat = fs.lstatSync(path.join(dir, name));
      const bytes = stat.isFile() ? fs.readFileSync(path.join(dir, name)).toString('base64') : '';
      return `${name} ${stat.mode.toString(8)} ${stat.uid} ${stat.mtimeMs} ${bytes}`;
    });
}

describe.skipIf(process.platform === 'win32')('the code cache through a real commit', () => {
  it('finds the same with the cache written, reused and disabled, and keeps the cache to the user', () => {
    const { box, secret, dir, file, hook, commit } = staged();
    const head = box.head();
    const findings = (result: RunResult) => (JSON.parse(result.stdout) as { findings: unknown[] }).findings;
    const json = (extra: Record<string, string> = {}) =>
      box.secretHook(['pre-commit', '--format', 'json'], { env: { XDG_CACHE_HOME: path.dirname(dir), ...extra } });

    const without = json({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(fs.existsSync(dir)).toBe(false);
    const writing = json();
    const written = fs.statSync(file);
    const reading = json();
    for (const result of [without, writing, reading]) expect(result.status, result.output).toBe(1);
    expect(findings(without)).toHaveLength(1);
    expect(findings(writing)).toEqual(findings(without));
    expect(findings(reading)).toEqual(findings(without));
    // Written once, then read as it is.
    expect(fs.statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(fs.statSync(file).ino).toBe(written.ino);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(written.mode & 0o777).toBe(0o600);

    expectFound(hook(), secret);
    expectCommitBlocked(box, commit(), head);
  });

  it('does not run a forgery planted in a world-writable cache directory, and writes nothing there', () => {
    const { box, secret, cacheHome, dir, file, hook, commit, genuine, forged } = staged();
    const head = box.head();
    const forgery = perfectForgery(genuine(), forged());
    fs.writeFileSync(file, forgery);
    // A shared cache home, as XDG_CACHE_HOME=/srv/cache for everyone would be: others may write both levels.
    fs.chmodSync(cacheHome, 0o777);
    fs.chmodSync(dir, 0o777);
    const before = snapshot(cacheHome);

    expectFound(hook(), secret);
    expectCommitBlocked(box, commit(), head);
    expect(snapshot(cacheHome)).toEqual(before);

    // The same bytes in a directory only the user can write are run: the forgery is well made, and it was the
    // directory check that kept it out. (Whoever can write there is the user, who can change the hook anyway.)
    fs.chmodSync(dir, 0o700);
    fs.chmodSync(cacheHome, 0o700);
    const trusted = hook();
    expect(trusted.status).toBe(0);
    expect(trusted.stdout).toContain(FORGED_OUTPUT);
  });

  it.skipIf(!isRoot)('does not use a cache directory another user created first (needs root to chown)', () => {
    const { box, secret, cacheHome, dir, file, hook, commit, genuine, forged } = staged();
    const head = box.head();
    fs.writeFileSync(file, perfectForgery(genuine(), forged()));
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o644);
    fs.chownSync(file, OTHER_UID, OTHER_UID);
    fs.chownSync(dir, OTHER_UID, OTHER_UID);
    const before = snapshot(cacheHome);

    expectFound(hook(), secret);
    expectCommitBlocked(box, commit(), head);
    expect(snapshot(cacheHome)).toEqual(before);

    // One level up: a cache home of someone else's, with nothing in it yet: nothing is made there.
    fs.rmSync(dir, { recursive: true });
    fs.chownSync(cacheHome, OTHER_UID, OTHER_UID);
    expectFound(hook(), secret);
    expect(fs.readdirSync(cacheHome)).toEqual([]);
  });

  it('does not run forged data in the user’s own cache that does not verify, and rewrites the cache', () => {
    const { box, secret, bundle, file, hook, commit, genuine, forged } = staged();
    const head = box.head();
    const real = genuine();
    const data = forged();
    const header = real.subarray(0, real.indexOf(10) + 1);
    for (const [name, forgery] of [
      // The red team's file against the first format: the public stamp, then the forged data.
      ['the first format', firstFormatForgery(bundle, data)],
      // The genuine header with forged data under it: the data's checksum no longer matches.
      ['forged data under the genuine header', Buffer.concat([header, data])],
    ] as const) {
      fs.writeFileSync(file, forgery);
      expectCommitBlocked(box, commit(), head);
      const rewritten = fs.readFileSync(file);
      expect(rewritten.equals(forgery), name).toBe(false);
      expect(rewritten.subarray(0, 24).toString(), name).toBe('secret-hook code cache 3');
      fs.writeFileSync(file, forgery);
      expectFound(hook(), secret);
    }
  });

  it('blocks the commit and never crashes on a damaged cache file, and rewrites it', () => {
    const { box, secret, file, hook, commit, genuine } = staged();
    const head = box.head();
    const real = genuine();
    for (const [name, damage] of Object.entries(damages)) {
      const damaged = damage(real);
      fs.writeFileSync(file, damaged);
      // Run directly first, so that a signal would show as one (through git it is only a failed hook).
      const result = hook();
      expect(result.status, `${name}: ${result.output}`).toBe(1);
      expectFound(result, secret);
      const rewritten = fs.readFileSync(file);
      expect(rewritten.equals(damaged), name).toBe(false);
      // The rewritten cache is used by the next commit, which is stopped the same way.
      expectCommitBlocked(box, commit(), head);
      expect(fs.readFileSync(file).equals(rewritten), name).toBe(true);
    }
  });
});
