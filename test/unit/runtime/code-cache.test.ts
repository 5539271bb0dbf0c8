// The launcher's code cache: which directories it trusts (checked on real directories, with real owners and
// modes), and, through the built program (bin/secret-hook.cjs) in child processes, that it is written to the
// user's cache directory, used on the next run, never read when forged where others can write, replaced when
// damaged or stale, and never needed to run. The end-to-end tests (test/e2e/code-cache.test.ts) do the same
// through real commits with the packed package.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { wrap } from 'node:module';
import { bundleFor } from '../../../src/commands/launch.js';
import { cacheDirectory, cacheFile, trustedDirectory, WRAPPER } from '../../../src/runtime/code-cache.js';
import { FakeKeys } from '../../helpers/examples.js';
import { damages, FORGED_OUTPUT, forgedCachedData, perfectForgery } from '../../helpers/forged-cache.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin', 'secret-hook.cjs');
const bundle = path.join(root, 'dist', 'cli.cjs');
// The pre-commit hook runs a bundle of its own (src/commands/launch.ts), cached in a file of its own.
const preCommitBundle = path.join(root, 'dist', bundleFor('pre-commit'));
// Another user's files can only be made by root (tests run as root on CI).
const isRoot = process.getuid?.() === 0;
const OTHER_UID = 65534;
const keys = new FakeKeys(1107);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-cache-')));
  dirs.push(dir);
  return dir;
}

describe('cacheDirectory', () => {
  it('follows XDG_CACHE_HOME, then the platform convention under HOME, and needs an absolute path', () => {
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(path.join('/x/cache', 'secret-hook'));
    if (process.platform === 'linux') {
      expect(cacheDirectory({ HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'secret-hook'));
      expect(cacheDirectory({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.cache/secret-hook');
      expect(cacheDirectory({ HOME: 'relative' })).toBeNull();
      expect(cacheDirectory({})).toBeNull();
    }
  });

  it('keeps one file per bundle and command kind', () => {
    const hook = cacheFile('/c', '/a/dist/cli.cjs', 'pre-commit');
    expect(cacheFile('/c', '/a/dist/cli.cjs', 'pre-commit')).toBe(hook);
    expect(cacheFile('/c', '/b/dist/cli.cjs', 'pre-commit')).not.toBe(hook);
    expect(cacheFile('/c', '/a/dist/cli.cjs', 'rules')).toBe(cacheFile('/c', '/a/dist/cli.cjs', 'install'));
    expect(cacheFile('/c', '/a/dist/cli.cjs', 'rules')).not.toBe(hook);
  });
});

describe.skipIf(process.platform === 'win32')('trustedDirectory', () => {
  const mode = (file: string) => fs.lstatSync(file).mode & 0o7777;

  it('makes the missing directories with mode 0700 and gives the real path', () => {
    const home = tempDir();
    const dir = path.join(home, 'cache', 'secret-hook');
    expect(trustedDirectory(dir)).toBe(dir);
    expect(mode(path.join(home, 'cache'))).toBe(0o700);
    expect(mode(dir)).toBe(0o700);
    // Once made, the same answer.
    expect(trustedDirectory(dir)).toBe(dir);
  });

  it('accepts a directory the user made readable by others, but not one others can write', () => {
    const home = tempDir();
    const dir = path.join(home, 'secret-hook');
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o755);
    expect(trustedDirectory(dir)).toBe(dir);
    for (const writable of [0o777, 0o775, 0o757, 0o1777]) {
      fs.chmodSync(dir, writable);
      expect(trustedDirectory(dir), writable.toString(8)).toBeNull();
    }
  });

  it('refuses a directory under one others can write, and makes nothing there', () => {
    const shared = tempDir();
    fs.chmodSync(shared, 0o777);
    expect(trustedDirectory(path.join(shared, 'cache', 'secret-hook'))).toBeNull();
    expect(fs.readdirSync(shared)).toEqual([]);
    fs.mkdirSync(path.join(shared, 'secret-hook'), { mode: 0o700 });
    expect(trustedDirectory(path.join(shared, 'secret-hook'))).toBeNull();
  });

  it('accepts the user’s own directory in a sticky directory such as /tmp', () => {
    const sticky = tempDir();
    fs.chmodSync(sticky, 0o1777);
    const dir = path.join(sticky, 'secret-hook');
    expect(trustedDirectory(dir)).toBe(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('follows a link of the user’s to a directory that passes, and uses the real path', () => {
    const home = tempDir();
    fs.mkdirSync(path.join(home, 'real'), { mode: 0o700 });
    fs.symlinkSync(path.join(home, 'real'), path.join(home, 'link'));
    expect(trustedDirectory(path.join(home, 'link', 'secret-hook'))).toBe(path.join(home, 'real', 'secret-hook'));
    fs.symlinkSync(path.join(home, 'real', 'secret-hook'), path.join(home, 'direct'));
    expect(trustedDirectory(path.join(home, 'direct'))).toBe(path.join(home, 'real', 'secret-hook'));
  });

  it('refuses a link to a directory others can write, a dangling link and a file', () => {
    const home = tempDir();
    const shared = tempDir();
    fs.chmodSync(shared, 0o777);
    fs.symlinkSync(shared, path.join(home, 'to-shared'));
    expect(trustedDirectory(path.join(home, 'to-shared'))).toBeNull();
    expect(trustedDirectory(path.join(home, 'to-shared', 'secret-hook'))).toBeNull();
    expect(fs.readdirSync(shared)).toEqual([]);
    fs.symlinkSync(path.join(home, 'nowhere'), path.join(home, 'dangling'));
    expect(trustedDirectory(path.join(home, 'dangling', 'secret-hook'))).toBeNull();
    expect(fs.existsSync(path.join(home, 'nowhere'))).toBe(false);
    fs.writeFileSync(path.join(home, 'file'), '');
    expect(trustedDirectory(path.join(home, 'file'))).toBeNull();
    expect(trustedDirectory(path.join(home, 'file', 'secret-hook'))).toBeNull();
  });

  it.skipIf(!isRoot)(
    'refuses what another user owns: the directory, one above it, a link on the way (needs root)',
    () => {
      const home = tempDir();
      const dir = path.join(home, 'secret-hook');
      fs.mkdirSync(dir, { mode: 0o700 });
      fs.chownSync(dir, OTHER_UID, OTHER_UID);
      expect(trustedDirectory(dir)).toBeNull();

      const theirs = path.join(tempDir(), 'theirs');
      fs.mkdirSync(theirs, { mode: 0o755 });
      fs.chownSync(theirs, OTHER_UID, OTHER_UID);
      expect(trustedDirectory(path.join(theirs, 'secret-hook'))).toBeNull();
      expect(fs.readdirSync(theirs)).toEqual([]);

      // Someone else's link in a sticky directory, pointing at a directory of the user's: they could point it
      // anywhere the user can write (a repository), so it is not followed.
      const sticky = tempDir();
      fs.chmodSync(sticky, 0o1777);
      const mine = path.join(tempDir(), 'mine');
      fs.mkdirSync(mine, { mode: 0o700 });
      fs.symlinkSync(mine, path.join(sticky, 'secret-hook'));
      fs.lchownSync(path.join(sticky, 'secret-hook'), OTHER_UID, OTHER_UID);
      expect(trustedDirectory(path.join(sticky, 'secret-hook'))).toBeNull();

      // A directory someone else made first in a sticky directory.
      const squatted = path.join(sticky, 'cache');
      fs.mkdirSync(squatted, { mode: 0o777 });
      fs.chownSync(squatted, OTHER_UID, OTHER_UID);
      expect(trustedDirectory(path.join(squatted, 'secret-hook'))).toBeNull();
      expect(fs.readdirSync(squatted)).toEqual([]);
    },
  );
});

describe.skipIf(process.platform === 'win32')('the launcher with a code cache', () => {
  function setup() {
    const repo = new TempRepo();
    dirs.push(repo.dir);
    repo.commit({ 'a.txt': 'hello\n' });
    repo.write('b.txt', 'const name = "world";\n');
    repo.git('add', 'b.txt');
    const cacheHome = tempDir();
    const env = { ...repo.env, XDG_CACHE_HOME: cacheHome };
    const run = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, [bin, ...args], {
        cwd: repo.dir,
        env: { ...env, ...extra },
        encoding: 'utf8',
        // A safety net against a hang (a FIFO in the cache), not a timing assertion: a hang fails the test.
        timeout: 60_000,
      });
    const dir = path.join(cacheHome, 'secret-hook');
    const file = cacheFile(dir, preCommitBundle, 'pre-commit');
    const stageKey = () => {
      repo.write('c.js', `const stripe = '${['sk', 'live', keys.chars('base62', 30)].join('_')}';\n`);
      repo.git('add', 'c.js');
    };
    return { repo, env, run, dir, file, cacheHome, stageKey };
  }

  /** Blocked by the real scan: exit 1 (not a signal), the finding named. */
  function expectBlocked(result: ReturnType<ReturnType<typeof setup>['run']>) {
    expect(result.signal, result.stderr).toBeNull();
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout + result.stderr).toContain('Stripe live secret key');
    expect(result.stdout).not.toContain(FORGED_OUTPUT);
  }

  it('writes the cache on the first run and uses it, unchanged, on the next', () => {
    const { run, file, dir } = setup();
    const first = run(['pre-commit']);
    expect(first.status, first.stderr).toBe(0);
    const written = fs.statSync(file);
    expect(written.size).toBeGreaterThan(10_000);
    expect(written.mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const header = fs.readFileSync(file, 'latin1').split('\n')[0]!;
    expect(header).toContain(`node=${process.version} arch=${process.arch} v8=${process.versions.v8}`);
    expect(header).toMatch(/ bundle=[0-9a-f]{64}:\d+ data=[0-9a-f]{64}:\d+$/);
    // Bound to the bundle's bytes by their SHA-256, not its size or time.
    expect(header).toContain(`bundle=${createHash('sha256').update(fs.readFileSync(preCommitBundle)).digest('hex')}:`);
    expect(header).toContain(`:${fs.statSync(preCommitBundle).size} data=`);
    const second = run(['pre-commit']);
    expect(second.status, second.stderr).toBe(0);
    // Accepted data is not written again.
    expect(fs.statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(fs.statSync(file).ino).toBe(written.ino);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it('runs a perfect forgery in the user’s own directory: the directory check, not the checksum, keeps forgers out', () => {
    // The control for every refusal below and in the end-to-end tests: the forgery itself is well made.
    const { run, file, env, stageKey } = setup();
    expect(run(['pre-commit']).status).toBe(0);
    fs.writeFileSync(file, perfectForgery(fs.readFileSync(file), forgedCachedData(preCommitBundle, env)));
    stageKey();
    const forged = run(['pre-commit']);
    expect(forged.status).toBe(0);
    expect(forged.stdout).toContain(FORGED_OUTPUT);
  });

  it('never reads a forgery others could have written, and writes nothing there', () => {
    const { run, dir, file, env, stageKey } = setup();
    expect(run(['pre-commit']).status).toBe(0);
    const forgery = perfectForgery(fs.readFileSync(file), forgedCachedData(preCommitBundle, env));
    fs.writeFileSync(file, forgery);
    stageKey();
    for (const writable of [0o777, 0o770, 0o1777]) {
      fs.chmodSync(dir, writable);
      expectBlocked(run(['pre-commit']));
      expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
      expect(fs.readFileSync(file).equals(forgery)).toBe(true);
    }
  });

  it('never reads a cache file others can write, a link or a FIFO, and replaces it', () => {
    const { run, dir, file, env, stageKey, cacheHome } = setup();
    expect(run(['pre-commit']).status).toBe(0);
    const forgery = perfectForgery(fs.readFileSync(file), forgedCachedData(preCommitBundle, env));
    stageKey();

    fs.writeFileSync(file, forgery);
    fs.chmodSync(file, 0o666);
    expectBlocked(run(['pre-commit']));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file).equals(forgery)).toBe(false);

    // A link is not followed, and what it pointed to is left alone.
    const elsewhere = path.join(cacheHome, 'elsewhere.bin');
    fs.writeFileSync(elsewhere, forgery, { mode: 0o600 });
    fs.rmSync(file);
    fs.symlinkSync(elsewhere, file);
    expectBlocked(run(['pre-commit']));
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(fs.readFileSync(elsewhere).equals(forgery)).toBe(true);

    // Opening a FIFO for reading would wait for a writer forever.
    fs.rmSync(file);
    execFileSync('mkfifo', [file]);
    expectBlocked(run(['pre-commit']));
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it.skipIf(!isRoot)('never reads a cache file another user owns, and replaces it (needs root)', () => {
    const { run, file, env, stageKey } = setup();
    expect(run(['pre-commit']).status).toBe(0);
    const forgery = perfectForgery(fs.readFileSync(file), forgedCachedData(preCommitBundle, env));
    fs.writeFileSync(file, forgery);
    fs.chownSync(file, OTHER_UID, OTHER_UID);
    stageKey();
    expectBlocked(run(['pre-commit']));
    expect(fs.statSync(file).uid).toBe(0);
    expect(fs.readFileSync(file).equals(forgery)).toBe(false);
  });

  it('replaces damaged, forged, stale or foreign data and still runs the program correctly', () => {
    const { run, file, env, stageKey } = setup();
    expect(run(['pre-commit']).status).toBe(0);
    const genuine = fs.readFileSync(file);
    const header = genuine.subarray(0, genuine.indexOf(10) + 1);
    stageKey();
    const cases: Record<string, Buffer> = {
      ...Object.fromEntries(Object.entries(damages).map(([name, damage]) => [name, damage(genuine)])),
      // The checksum no longer matches: forged data under the genuine header.
      'forged data under the genuine header': Buffer.concat([header, forgedCachedData(preCommitBundle, env)]),
      'another bundle': Buffer.from(
        genuine.toString('latin1').replace(/ bundle=[0-9a-f]{8}/, ' bundle=00000000'),
        'latin1',
      ),
      'another Node': Buffer.from(genuine.toString('latin1').replace(/ node=v[\d.]+/, ' node=v0.0.0'), 'latin1'),
      'the first format': Buffer.concat([Buffer.from(`${process.version} ${process.arch} 1 2 3\n`), genuine]),
    };
    for (const [name, content] of Object.entries(cases)) {
      fs.writeFileSync(file, content);
      const result = run(['pre-commit']);
      expect(result.signal, name).toBeNull();
      expect(result.status, `${name}: ${result.stderr}`).toBe(1);
      expect(result.stdout + result.stderr, name).toContain('Stripe live secret key');
      expect(result.stdout + result.stderr, name).not.toContain('could not complete');
      const rewritten = fs.readFileSync(file);
      expect(rewritten.subarray(0, rewritten.indexOf(10)).toString('latin1'), name).toMatch(/^secret-hook code cache /);
      expect(rewritten.equals(content), name).toBe(false);
    }
  });

  it('keeps each hook and the other commands apart', () => {
    const { run, file, dir, repo } = setup();
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([path.basename(cacheFile('', bundle, 'x'))]);
    // The message hook runs on every commit too: its own file, not the one `--version` or `doctor` last wrote.
    const message = path.join(repo.dir, '.git', 'COMMIT_EDITMSG');
    fs.writeFileSync(message, 'Add the greeting\n');
    expect(run(['commit-msg', message]).status).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [cacheFile('', bundle, 'commit-msg'), cacheFile('', bundle, 'x')].map((f) => path.basename(f)).sort(),
    );
  });

  it('runs without a cache when none can be written, or when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const { run, cacheHome, stageKey } = setup();
    const blocked = path.join(cacheHome, 'not-a-directory');
    fs.writeFileSync(blocked, '');
    const unwritable = run(['pre-commit'], { XDG_CACHE_HOME: blocked });
    expect(unwritable.status, unwritable.stderr).toBe(0);
    expect(unwritable.stderr).toBe('');

    const disabled = run(['pre-commit'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(disabled.status).toBe(0);
    expect(fs.readdirSync(cacheHome)).toEqual(['not-a-directory']);

    // With a cache (written, then used) or without, a finding blocks the same way.
    stageKey();
    const findings = (stdout: string) => (JSON.parse(stdout) as { findings: unknown[] }).findings;
    const without = run(['pre-commit', '--format', 'json'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    const writing = run(['pre-commit', '--format', 'json']);
    const reading = run(['pre-commit', '--format', 'json']);
    for (const result of [without, writing, reading]) expect(result.status).toBe(1);
    expect(findings(without.stdout)).toHaveLength(1);
    expect(findings(writing.stdout)).toEqual(findings(without.stdout));
    expect(findings(reading.stdout)).toEqual(findings(without.stdout));
  });
});

describe('the launcher without its program', () => {
  it('fails closed with the usual paragraph when dist/cli.cjs cannot be loaded', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-broken-'));
    try {
      fs.mkdirSync(path.join(copy, 'bin'));
      fs.mkdirSync(path.join(copy, 'dist'));
      fs.copyFileSync(bin, path.join(copy, 'bin', 'secret-hook.cjs'));
      fs.copyFileSync(path.join(root, 'dist', 'launcher.cjs'), path.join(copy, 'dist', 'launcher.cjs'));
      const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'secret-hook.cjs'), 'pre-commit'], {
        cwd: copy,
        encoding: 'utf8',
        env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' },
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^secret-hook could not complete the scan: its program could not be loaded/);
      expect(result.stderr).toContain('The commit was stopped');
      expect(result.stderr).toContain('git commit --no-verify');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('the CommonJS wrapper', () => {
  it('is the one node:module wraps a module in (written out so that a commit need not load node:module)', () => {
    expect(`${WRAPPER[0]}exports.x = 1;${WRAPPER[1]}`).toBe(wrap('exports.x = 1;'));
  });
});
