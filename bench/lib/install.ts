// secret-hook installed as a user gets it, the way test/helpers/global-setup.ts does: `npm pack` the built
// package (the benchmark's snapshot of it, see snapshot.ts), install the tarball and husky into a scratch project. Kept under bench/.cache/install-<tarball hash>,
// so an unchanged build is not installed twice.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Settings } from './settings.js';

/** The scratch project's directory (its node_modules holds secret-hook and husky). */
// npm runs with the caller's own environment: its cache (under HOME) is what makes --prefer-offline work.
export function installPackage(settings: Settings, packageDir: string): string {
  const packDir = path.join(settings.cacheDir, 'pack');
  fs.rmSync(packDir, { recursive: true, force: true });
  fs.mkdirSync(packDir, { recursive: true });
  // --ignore-scripts: `prepare` would rebuild dist/ and install this repository's own hooks.
  const tarballName = execFileSync('npm', ['pack', '--pack-destination', packDir, '--ignore-scripts', '--silent'], {
    cwd: packageDir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  const tarball = path.join(packDir, tarballName);
  const hash = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex').slice(0, 16);
  const project = path.join(settings.cacheDir, `install-${hash}`);
  if (fs.existsSync(path.join(project, 'node_modules', '.bin', 'secret-hook'))) return project;

  for (const name of fs.readdirSync(settings.cacheDir)) {
    if (name.startsWith('install-')) fs.rmSync(path.join(settings.cacheDir, name), { recursive: true, force: true });
  }
  fs.mkdirSync(project, { recursive: true });
  const kept = path.join(project, tarballName);
  fs.copyFileSync(tarball, kept);
  const manifest = path.join(settings.root, 'node_modules', 'husky', 'package.json');
  const huskyVersion = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({
      name: 'bench-project',
      private: true,
      devDependencies: { husky: huskyVersion, 'secret-hook': `file:${kept}` },
    }),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: project,
    stdio: 'inherit',
  });
  return project;
}
