// What bin/secret-hook.cjs loads: runs the bundled program (dist/cli.cjs) with its compiled code cached. If the
// program cannot even be loaded (a broken install), the hook still fails closed, with the usual paragraph.
import * as path from 'node:path';
import { failureParagraph } from '../src/report/messages.js';
import { runBundle } from '../src/runtime/code-cache.js';

const command = process.argv[2] ?? '';
try {
  runBundle(path.join(__dirname, 'cli.cjs'), command);
} catch (error) {
  const scope = command === 'pre-commit' ? 'staged' : command === 'pre-push' ? 'push' : 'all';
  const failure = {
    message: `its program could not be loaded (${(error as Error).message.split('\n')[0]})`,
    hint: 'Reinstall it (npm install, or npm ci).',
  };
  process.stderr.write(`${failureParagraph(failure, scope)}\n`);
  process.exitCode = 2;
}
