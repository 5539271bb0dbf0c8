// How a person at a prompt in this directory runs secret-hook: `npx secret-hook` when a project here or above has
// it in node_modules/.bin (where npx looks, and what is on PATH only inside hooks and npm scripts) or is
// secret-hook itself (npx runs a package's own bin), otherwise `secret-hook` (a global install).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function invocationFor(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', '.bin', 'secret-hook')) || isSecretHook(dir))
      return 'npx secret-hook';
    if (path.dirname(dir) === dir) return 'secret-hook';
  }
}

/** Whether `dir` holds secret-hook's own package.json (a clone of this project). */
function isSecretHook(dir: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === 'secret-hook';
  } catch {
    return false;
  }
}
