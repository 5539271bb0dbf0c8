// V8 runs its garbage collector's helpers and its optimising compiler on a pool of worker threads: four, by Node's
// default, whatever the machine. A history scan already keeps two git processes busy beside it (`git log` walking
// trees, `git cat-file` inflating blobs), so on a machine with few cores those four threads take the cores that git
// and the scan itself are waiting for. On 2 cores, `check --history` ran 6–8% faster with a pool of one thread, the
// second start of node included (docs/performance.md, "Speed"). Node sizes the pool only when it starts
// (`--v8-pool-size`), so the launcher runs the program again in a node started with the smaller pool. Only the
// history scan is worth a second start: it takes seconds, and everything else takes milliseconds.

type Env = Record<string, string | undefined>;

/** Node's own default (`--v8-pool-size`): a pool this size or larger is what the process already has. */
const NODE_DEFAULT_POOL = 4;
/** The threads that already want a core of their own during a history scan: ours, `git log`'s, `git cat-file`'s. */
const BUSY_THREADS = 3;

/**
 * The worker pool to run `argv` with, or null to run it as started: for `check --history` on a machine with fewer
 * cores than the default pool and the scan's three busy threads need, unless whoever started node chose a pool size
 * or is debugging this process (`--inspect`: the scan must run where the debugger is).
 */
export function historyPoolSize(
  argv: readonly string[],
  execArgv: readonly string[],
  env: Env,
  cores: () => number,
): number | null {
  if (argv[0] !== 'check' || !argv.includes('--history')) return null;
  const flags = [...execArgv, ...(env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  if (flags.some((flag) => flag.startsWith('--v8-pool-size') || flag.startsWith('--inspect'))) return null;
  const size = Math.max(1, cores() - BUSY_THREADS);
  return size < NODE_DEFAULT_POOL ? size : null;
}

/**
 * Runs `file` with `argv` again in a node with a worker pool of `size`, with this process's standard streams, and
 * returns its exit code; null when that node could not be started (the caller then runs the program itself: the
 * pool size only makes it faster). A child killed by a signal is passed on as that signal.
 */
export function runWithPoolSize(
  size: number,
  file: string,
  argv: readonly string[],
  require: NodeJS.Require,
): number | null {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const result = spawnSync(process.execPath, [...process.execArgv, `--v8-pool-size=${size}`, file, ...argv], {
    stdio: 'inherit',
  });
  if (result.error) return null;
  if (result.signal) process.kill(process.pid, result.signal);
  return result.status ?? 1;
}
