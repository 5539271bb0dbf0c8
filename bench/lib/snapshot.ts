// A private copy of the freshly built package (bin/, dist/, package.json, README.md). Other work in this checkout
// may rebuild dist/ (which deletes it first) while the benchmark runs; the copy keeps every run on one build.
// dist/ resolves its runtime dependencies from the checkout's node_modules, found up the directory tree.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Settings } from './settings.js';

/** The copy's directory; its bin/secret-hook.cjs is the CLI the scenarios run. */
export function snapshotPackage(settings: Settings): string {
  const dir = path.join(settings.cacheDir, 'run', 'package');
  for (let attempt = 1; ; attempt++) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    try {
      for (const entry of ['bin', 'dist', 'package.json', 'README.md']) {
        fs.cpSync(path.join(settings.root, entry), path.join(dir, entry), { recursive: true });
      }
      execFileSync(process.execPath, [path.join(dir, 'bin', 'secret-hook.cjs'), '--version'], { stdio: 'pipe' });
      return dir;
    } catch (error) {
      if (attempt === 3) throw new Error(`bench: cannot copy a working build of dist/: ${(error as Error).message}`);
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: settings.root, stdio: 'inherit' });
    }
  }
}
