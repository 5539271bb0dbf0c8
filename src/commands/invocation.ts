// How a person at a prompt in this directory runs secret-hook: `npx secret-hook` when a project here or above has
// it in node_modules/.bin (where npx looks, and what is on PATH only inside hooks and npm scripts), otherwise
// `secret-hook` (a global install).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function invocationFor(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', '.bin', 'secret-hook'))) return 'npx secret-hook';
    if (path.dirname(dir) === dir) return 'secret-hook';
  }
}
