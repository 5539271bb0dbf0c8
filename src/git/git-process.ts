// The one place that runs git itself. The commit hook reads the repository without a git process (see README,
// "Reading git"); git runs for the jobs it does best: walking thousands of commits and their tree diffs
// (commit-log.ts), streaming blobs for them (blob-stream.ts), resolving the revision names users type
// (revisions.ts), and reading what only git reads whole: a split index (staged-changes.ts) and refs kept in a
// reftable or named by SHA-256 ids for pushes (refs-through-git.ts).
// child_process is loaded on first use: a clean commit never needs it.
// Every call names the repository explicitly (--git-dir), so that a GIT_DIR or GIT_WORK_TREE inherited from the
// hook's environment cannot point git elsewhere, and replace refs are ignored as our own object reader ignores them.
// Arguments that come from the user (revision names) follow --end-of-options: "--output=x" is a revision, never an
// option.
import { createRequire } from 'node:module';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { RepositoryError, type GitTask } from '../errors.js';

export interface GitLocation {
  gitDir: string;
  workTree: string | null;
  /** The environment the repository was found with (the hook's), passed on to git. */
  env: Record<string, string | undefined>;
}

let childProcess: typeof import('node:child_process') | undefined;

function child(): typeof import('node:child_process') {
  return (childProcess ??= createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process'));
}

/** The git command line for this repository: global options first, then the command and its arguments. */
function gitArguments(repo: GitLocation, args: readonly string[]): string[] {
  const global = ['--no-replace-objects', `--git-dir=${repo.gitDir}`];
  if (repo.workTree) global.push(`--work-tree=${repo.workTree}`);
  return [...global, ...args];
}

function gitEnvironment(repo: GitLocation, extra: Record<string, string> = {}): Record<string, string | undefined> {
  // The repository is named on the command line; these would only repeat it or contradict it. A partial clone
  // must not fetch what it lacks while a hook runs: missing objects are handled as missing (GIT_NO_LAZY_FETCH is
  // honoured by git 2.44 and later; older versions are guarded by checking objects before asking for them).
  // The hook's environment is process.env; a caller that found the repository with a partial one (the API, tests)
  // still needs PATH and HOME from the process.
  const {
    GIT_DIR: _dir,
    GIT_WORK_TREE: _tree,
    GIT_PREFIX: _prefix,
    ...rest
  } = repo.env === process.env ? repo.env : { ...process.env, ...repo.env };
  return { ...rest, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0', ...extra };
}

export interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  /** What git is asked to do, for the error if it fails. */
  task: GitTask;
}

export interface GitResult {
  status: number;
  stdout: Buffer;
  /** The first line git wrote to stderr, for messages. */
  stderr: string;
}

/** Runs git to completion; a git that cannot be started at all is a RepositoryError naming the task. */
export function execGit(repo: GitLocation, args: readonly string[], options: RunOptions): GitResult {
  return runToEnd(gitArguments(repo, args), repo.workTree ?? repo.gitDir, gitEnvironment(repo, options.env), options);
}

/**
 * Runs git where there may be no repository at all (the global configuration, for `install --global`): in `cwd`,
 * with exactly this environment (its HOME, XDG_CONFIG_HOME and GIT_CONFIG_GLOBAL choose the global file), no
 * repository named on its command line.
 */
export function execGitAnywhere(
  cwd: string,
  env: Record<string, string | undefined>,
  args: readonly string[],
  options: RunOptions,
): GitResult {
  return runToEnd(args, cwd, { ...env, GIT_TERMINAL_PROMPT: '0', ...options.env }, options);
}

function runToEnd(
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined>,
  options: RunOptions,
): GitResult {
  const result = child().spawnSync('git', args, {
    cwd,
    env,
    input: options.input ?? '',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (result.error) {
    throw new RepositoryError({ kind: 'git-not-run', task: options.task, detail: result.error.message });
  }
  const stderr = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
  return { status: result.status ?? -1, stdout: result.stdout, stderr };
}

/** Runs git to completion and returns its standard output; any failure is a RepositoryError naming the task. */
export function runGit(repo: GitLocation, args: readonly string[], options: RunOptions): Buffer {
  const result = execGit(repo, args, options);
  if (result.status !== 0) {
    throw new RepositoryError({ kind: 'git-failed', task: options.task, exit: result.status, stderr: result.stderr });
  }
  return result.stdout;
}

export type GitChild = ChildProcessByStdio<Writable, Readable, Readable>;

/** Starts a long-running git (a log to stream, a cat-file to feed); the caller reads stdout and waits with `finished`. */
export function spawnGit(
  repo: GitLocation,
  args: readonly string[],
  task: GitTask,
): { process: GitChild; finished: Promise<void> } {
  const process = child().spawn('git', gitArguments(repo, args), {
    cwd: repo.workTree ?? repo.gitDir,
    env: gitEnvironment(repo),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // git may exit before it has read all we write (an error, or a command that reads nothing): a broken pipe is
  // reported through `finished`, never as an unhandled error.
  process.stdin.on('error', () => {});
  const stderr: Buffer[] = [];
  process.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 64) stderr.push(chunk);
  });
  const finished = new Promise<void>((resolve, reject) => {
    process.on('error', (error) => reject(new RepositoryError({ kind: 'git-not-run', task, detail: error.message })));
    process.on('close', (code, signal) => {
      if (code === 0 || signal === 'SIGTERM') return resolve();
      const first = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] ?? '';
      reject(new RepositoryError({ kind: 'git-failed', task, exit: code ?? signal ?? 'unknown', stderr: first }));
    });
  });
  // Handled by whoever awaits it; an unawaited rejection must not crash the process after the caller gave up.
  finished.catch(() => {});
  return { process, finished };
}
