// What bin/secret-hook.cjs loads: runs the bundled program (dist/cli.cjs) with its compiled code cached.
import * as path from 'node:path';
import { runBundle } from '../src/runtime/code-cache.js';

runBundle(path.join(__dirname, 'cli.cjs'), process.argv[2] ?? '');
