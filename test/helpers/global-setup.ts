// Packs secret-hook once, as `npm pack` does for a release, and installs the tarball with husky into a shared
// project directory. End-to-end sandboxes link its node_modules, so every test uses the package a user gets.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const root = path.resolve(import.meta.dirname, '../..');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-pack-'));
  // With its scripts, as a release is packed: prepack builds dist/ and leaves `prepare` out of the package.
  const tarballName = execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  const installDir = path.join(work, 'project');
  fs.mkdirSync(installDir);
  const huskyVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/husky/package.json'), 'utf8')).version;
  fs.writeFileSync(
    path.join(installDir, 'package.json'),
    JSON.stringify({
      name: 'sandbox',
      private: true,
      devDependencies: { husky: huskyVersion, 'secret-hook': `file:${path.join(work, tarballName)}` },
    }),
  );
  // npm's warnings are kept: the package test checks that installing it asks to approve no install script.
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: installDir,
    encoding: 'utf8',
  });
  if (installed.status !== 0) throw new Error(`npm install of the packed package failed: ${installed.stderr}`);
  fs.writeFileSync(path.join(work, 'npm-install.log'), `${installed.stdout}${installed.stderr}`);
  project.provide('installDir', installDir);
  project.provide('tarball', path.join(work, tarballName));
  project.provide('preCommitProgram', findPreCommitProgram(root));
  return () => fs.rmSync(work, { recursive: true, force: true });
}

/**
 * The pre-commit framework's program, at least 3.2 (our hooks use the stage names pre-commit and pre-push), as
 * scripts/install-test-tools.sh installs it in .tools/pre-commit, or on PATH; else an empty string.
 */
function findPreCommitProgram(root: string): string {
  const candidates = [path.join(root, '.tools/pre-commit/bin/pre-commit'), 'pre-commit'];
  for (const program of candidates) {
    const version = spawnSync(program, ['--version'], { encoding: 'utf8' });
    const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(version.stdout ?? '') ?? []).slice(1).map(Number);
    if (version.status === 0 && (major > 3 || (major === 3 && minor >= 2))) return program;
  }
  return '';
}

declare module 'vitest' {
  export interface ProvidedContext {
    installDir: string;
    tarball: string;
    preCommitProgram: string;
  }
}
