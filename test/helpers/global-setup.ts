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
  project.provide('preCommitProgram', findPreCommitProgram());
  return () => fs.rmSync(work, { recursive: true, force: true });
}

/** The pre-commit framework's program, when scripts/install-test-tools.sh could install it; else an empty string. */
function findPreCommitProgram(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v pre-commit'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    installDir: string;
    tarball: string;
    preCommitProgram: string;
  }
}
