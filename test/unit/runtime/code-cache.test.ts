// The launcher's code cache, through the built program (bin/secret-hook.cjs) in child processes: it is written
// to the user's cache directory, used on the next run, replaced when damaged or stale, and never needed to run.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDirectory, cacheFile } from '../../../src/runtime/code-cache.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin', 'secret-hook.cjs');
const bundle = path.join(root, 'dist', 'cli.cjs');
// Node 22.1+ caches through module.enableCompileCache (its own files); these tests cover the Node 20 path.
const ownCache = !('enableCompileCache' in (await import('node:module')));

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

describe.skipIf(!ownCache)('the launcher with a code cache', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function setup() {
    const repo = new TempRepo();
    dirs.push(repo.dir);
    repo.commit({ 'a.txt': 'hello\n' });
    repo.write('b.txt', 'const name = "world";\n');
    repo.git('add', 'b.txt');
    const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-cache-'));
    dirs.push(cacheHome);
    const env = { ...repo.env, XDG_CACHE_HOME: cacheHome };
    const run = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, [bin, ...args], { cwd: repo.dir, env: { ...env, ...extra }, encoding: 'utf8' });
    const file = cacheFile(path.join(cacheHome, 'secret-hook'), bundle, 'pre-commit');
    return { repo, run, file, cacheHome };
  }

  it('writes the cache on the first run and uses it, unchanged, on the next', () => {
    const { run, file } = setup();
    const first = run(['pre-commit']);
    expect(first.status, first.stderr).toBe(0);
    const written = fs.statSync(file);
    expect(written.size).toBeGreaterThan(10_000);
    expect(fs.readFileSync(file, 'latin1').split('\n')[0]).toContain(process.version);
    const second = run(['pre-commit']);
    expect(second.status, second.stderr).toBe(0);
    // Accepted data is not written again.
    expect(fs.statSync(file).mtimeMs).toBe(written.mtimeMs);
    expect(fs.statSync(file).size).toBe(written.size);
  });

  it('replaces damaged or stale data and still runs the program correctly', () => {
    const { run, file } = setup();
    expect(run(['pre-commit']).status).toBe(0);
    const stamp = fs.readFileSync(file, 'latin1').split('\n')[0]!;

    fs.writeFileSync(file, `${stamp}\n${'garbage '.repeat(500)}`);
    const damaged = run(['pre-commit']);
    expect(damaged.status, damaged.stderr).toBe(0);
    expect(damaged.stderr).toBe('');
    expect(fs.readFileSync(file, 'latin1')).not.toContain('garbage');

    fs.writeFileSync(file, `v0.0.0 other 1 2 3\n${'x'.repeat(500)}`);
    expect(run(['pre-commit']).status).toBe(0);
    expect(fs.readFileSync(file, 'latin1').startsWith(`${stamp}\n`)).toBe(true);
  });

  it('keeps the hook and other commands apart', () => {
    const { run, file, cacheHome } = setup();
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(path.join(cacheHome, 'secret-hook'))).toEqual([path.basename(cacheFile('', bundle, 'x'))]);
  });

  it('runs without a cache when none can be written, or when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const { run, cacheHome, repo } = setup();
    const blocked = path.join(cacheHome, 'not-a-directory');
    fs.writeFileSync(blocked, '');
    const unwritable = run(['pre-commit'], { XDG_CACHE_HOME: blocked });
    expect(unwritable.status, unwritable.stderr).toBe(0);
    expect(unwritable.stderr).toBe('');

    const disabled = run(['pre-commit'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(disabled.status).toBe(0);
    expect(fs.readdirSync(cacheHome)).toEqual(['not-a-directory']);

    // With a cache or without, a finding blocks the same way.
    repo.write(
      'c.js',
      `const stripe = '${['sk', 'live', randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')].join('_')}';\n`,
    );
    repo.git('add', 'c.js');
    const withCache = run(['pre-commit', '--format', 'json']);
    const without = run(['pre-commit', '--format', 'json'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(withCache.status).toBe(1);
    expect(without.status).toBe(1);
    const findings = (stdout: string) => (JSON.parse(stdout) as { findings: unknown[] }).findings;
    expect(findings(withCache.stdout)).toHaveLength(1);
    expect(findings(withCache.stdout)).toEqual(findings(without.stdout));
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
