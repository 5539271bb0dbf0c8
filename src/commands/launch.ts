// What bin/secret-hook.cjs runs first (through hooks/launcher.ts): the bundled program (dist/cli.cjs, or for the
// pre-commit hook dist/pre-commit.cjs, the same program without the other commands) with its compiled code cached.
// If the program cannot even be loaded (a broken install), the hook still fails closed, with the usual paragraph:
// the launcher is built separately, so that this works when the bundle is broken. A history scan on a machine with
// few cores runs in a second node with a smaller V8 worker pool (src/runtime/worker-pool.ts).
import * as path from 'node:path';
import { programNotLoaded } from '../report/messages/failures.js';
import { runBundle } from '../runtime/code-cache.js';
import { historyPoolSize, runWithPoolSize } from '../runtime/worker-pool.js';

/**
 * Runs the program beside the launcher; returns the exit code to set when the program did not run in this process
 * (it could not be loaded, or it ran in a second node), else null: the program sets its own.
 * `stderr` is asked for only to report that failure: creating process.stderr costs a clean commit time.
 */
export function launchProgram(
  launcherDir: string,
  argv: readonly string[],
  stderr: () => NodeJS.WritableStream,
  require: NodeJS.Require,
): number | null {
  const command = argv[0] ?? '';
  const cores = () => (require('node:os') as typeof import('node:os')).availableParallelism();
  const pool = historyPoolSize(argv, process.execArgv, process.env, cores);
  if (pool !== null) {
    const code = runWithPoolSize(pool, path.join(launcherDir, 'launcher.cjs'), argv, require);
    if (code !== null) return code;
  }
  try {
    runBundle(path.join(launcherDir, bundleFor(command)), command, require);
    return null;
  } catch (error) {
    const scope = command === 'pre-commit' ? 'staged' : command === 'pre-push' ? 'push' : 'all';
    stderr().write(`${programNotLoaded((error as Error).message.split('\n')[0] ?? '', scope)}\n`);
    return 2;
  }
}

/** The bundle that runs a command: the pre-commit hook has one of its own (scripts/build.mjs). */
export function bundleFor(command: string): 'pre-commit.cjs' | 'cli.cjs' {
  return command === 'pre-commit' ? 'pre-commit.cjs' : 'cli.cjs';
}
