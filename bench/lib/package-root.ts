// The secret-hook checkout a benchmark script runs in: scripts/run-ts.mjs bundles the script into a temporary file,
// so its own location says nothing; the runner's does.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function packageRoot(): string {
  for (let dir = path.dirname(path.resolve(process.argv[1] ?? '.')); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'secret-hook') return dir;
    if (path.dirname(dir) === dir) throw new Error('cannot find the secret-hook package root');
  }
}
