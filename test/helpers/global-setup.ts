// Packs secret-hook once, as `npm pack` would for a release, and installs the tarball with husky into a shared
// project directory. End-to-end sandboxes link its node_modules, so every test uses the package a user gets.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const root = path.resolve(import.meta.dirname, '../..');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-pack-'));
  execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const tarballName = execFileSync('npm', ['pack', '--pack-destination', work, '--ignore-scripts', '--silent'], {
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
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: installDir,
    stdio: 'inherit',
  });
  project.provide('installDir', installDir);
  project.provide('tarball', path.join(work, tarballName));
  project.provide('preCommitProgram', ensurePreCommitProgram());
  return () => fs.rmSync(work, { recursive: true, force: true });
}

/**
 * The pre-commit framework's program, from Debian's packages: installed here when missing and we may
 * (root, as on CI). Returns its path, or an empty string when it cannot be had (the test then says why).
 */
function ensurePreCommitProgram(): string {
  const find = () => {
    try {
      return execFileSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  const found = find();
  if (found || process.getuid?.() !== 0) return found;
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'pre-commit'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    return '';
  }
  return find();
}

declare module 'vitest' {
  export interface ProvidedContext {
    installDir: string;
    tarball: string;
    preCommitProgram: string;
  }
}
