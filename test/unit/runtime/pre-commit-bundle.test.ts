// dist/pre-commit.cjs: the program built for the pre-commit hook alone (scripts/build.mjs, src/commands/cli.ts).
// It must find exactly what the whole program finds on a commit, leave the other commands out (that is its point:
// a commit reads, hashes and compiles less), and fail closed if it is ever asked for anything else.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleFor } from '../../../src/commands/launch.js';
import { FakeKeys } from '../../helpers/examples.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const root = path.resolve(import.meta.dirname, '../../..');
const dist = path.join(root, 'dist');
const whole = path.join(dist, 'cli.cjs');
const preCommit = path.join(dist, 'pre-commit.cjs');
const keys = new FakeKeys(1207);

const repos: TempRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

/**
 * The source modules of the program built as the build builds dist/pre-commit.cjs (the same entry and flag; the
 * built file is minified, so it no longer names them).
 */
async function modulesBuilt(preCommitOnly: boolean): Promise<Set<string>> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'hooks', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['isomorphic-git', 'picomatch', 'yaml'],
    supported: { 'dynamic-import': false },
    define: preCommitOnly ? { __SECRET_HOOK_PRE_COMMIT_ONLY__: 'true' } : {},
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return new Set(Object.keys(result.metafile!.inputs).filter((file) => file.startsWith('src/')));
}

/** Runs a bundle directly (not through the launcher) in `repo`. */
function run(bundle: string, repo: TempRepo, args: string[]) {
  return spawnSync(process.execPath, [bundle, ...args], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
}

describe('the pre-commit bundle', () => {
  it('is the bundle the launcher runs for the pre-commit hook, and for nothing else', () => {
    expect(bundleFor('pre-commit')).toBe('pre-commit.cjs');
    for (const command of ['check', 'commit-msg', 'pre-push', 'pre-receive', 'scan', 'fix', '--version', ''])
      expect(bundleFor(command)).toBe('cli.cjs');
  });

  it('holds the staged scan and leaves the other commands and scopes out', async () => {
    const [held, all] = await Promise.all([modulesBuilt(true), modulesBuilt(false)]);
    for (const module of ['src/commands/scan-staged.ts', 'src/engine/scan.ts', 'src/report/format.ts']) {
      expect(all.has(module), module).toBe(true);
      expect(held.has(module), module).toBe(true);
    }
    for (const module of [
      'src/commands/fix/run-fix.ts',
      'src/commands/install.ts',
      'src/commands/pre-push.ts',
      'src/commands/pre-receive.ts',
      'src/commands/doctor.ts',
      'src/commands/scan-history.ts',
      'src/commands/scan-tracked.ts',
    ]) {
      expect(all.has(module), module).toBe(true);
      expect(held.has(module), module).toBe(false);
    }
    expect(fs.statSync(preCommit).size).toBeLessThan(fs.statSync(whole).size * 0.8);
  });

  it('finds on a commit exactly what the whole program finds', () => {
    const repo = new TempRepo();
    repos.push(repo);
    repo.commit({ 'README.md': '# shop\n' });
    repo.write('pay.js', `const stripe = new Stripe('${['sk', 'live', keys.chars('base62', 30)].join('_')}');\n`);
    repo.write('db.env', `DB_PASSWORD=${keys.chars('base62', 20)}\n`);
    repo.git('add', '.');
    const [fromWhole, fromOwn] = [whole, preCommit].map((bundle) =>
      run(bundle, repo, ['pre-commit', '--format', 'json']),
    );
    expect(fromWhole!.status, fromWhole!.stderr).toBe(1);
    expect(fromOwn!.status, fromOwn!.stderr).toBe(1);
    const findings = (stdout: string) => (JSON.parse(stdout) as { findings: unknown[] }).findings;
    expect(findings(fromOwn!.stdout).length).toBeGreaterThanOrEqual(2);
    expect(findings(fromOwn!.stdout)).toEqual(findings(fromWhole!.stdout));
  });

  it('fails closed, with the usual paragraph, when asked to run another command', () => {
    const repo = new TempRepo();
    repos.push(repo);
    repo.commit({ 'README.md': '# shop\n' });
    for (const args of [['check', '--all'], ['pre-push']]) {
      const result = run(preCommit, repo, args);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^secret-hook could not complete the scan/);
    }
  });
});
