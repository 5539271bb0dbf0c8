// A real temporary git repository for end-to-end tests, with the packed secret-hook (and husky) installed as a
// user would have them, and a bare repository on disk as its remote. Nothing is mocked.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, inject } from 'vitest';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
  output: string;
}

/** The environment for child processes: no GIT_* or HUSKY from the outside, no user or system git config. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      key.startsWith('GIT_') ||
      key === 'HUSKY' ||
      key.startsWith('VITEST') ||
      key === 'NO_COLOR' ||
      key === 'FORCE_COLOR'
    )
      continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

/** Repositories of other formats than git's defaults, made by another git than the one on PATH. */
export interface RepositoryFormatOptions {
  /** `git init --object-format` (sha256: git >= 2.29). */
  objectFormat?: 'sha1' | 'sha256';
  /** `git init --ref-format` (reftable: git >= 2.45). */
  refFormat?: 'files' | 'reftable';
  /** A folder put first on PATH for every command (and so for the hooks git runs): where a newer git is. */
  gitBinDir?: string;
}

/** The `git init` arguments for those formats; none for the defaults. */
export function formatArgs(options: RepositoryFormatOptions): string[] {
  return [
    ...(options.objectFormat ? [`--object-format=${options.objectFormat}`] : []),
    ...(options.refFormat ? [`--ref-format=${options.refFormat}`] : []),
  ];
}

/** The environment entry that puts `dir` first on PATH; none without a dir. */
export function pathFirst(dir: string | undefined): Record<string, string> {
  return dir ? { PATH: `${dir}${path.delimiter}${process.env['PATH'] ?? ''}` } : {};
}

export class Sandbox {
  readonly root: string;
  readonly dir: string;
  readonly home: string;
  readonly remote: string;
  private readonly env: Record<string, string>;

  constructor(options: { husky?: boolean; install?: boolean; name?: string } & RepositoryFormatOptions = {}) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-e2e-'));
    this.home = path.join(this.root, 'home');
    this.dir = path.join(this.root, options.name ?? 'repo');
    this.remote = path.join(this.root, 'remote.git');
    fs.mkdirSync(this.home);
    fs.mkdirSync(this.dir);
    this.env = cleanEnv(this.home, pathFirst(options.gitBinDir));
    this.git('init', '-q', '-b', 'main', ...formatArgs(options));
    this.git('config', 'user.name', 'Sandbox User');
    this.git('config', 'user.email', 'sandbox@example.invalid');
    this.git('config', 'commit.gpgsign', 'false');
    fs.symlinkSync(path.join(inject('installDir'), 'node_modules'), path.join(this.dir, 'node_modules'));
    fs.writeFileSync(path.join(this.dir, '.gitignore'), 'node_modules\n');
    if (options.husky !== false) this.run('node_modules/.bin/husky', []);
    if (options.install !== false) {
      const installed = this.run('node_modules/.bin/secret-hook', ['install']);
      if (installed.status !== 0) throw new Error(`secret-hook install failed: ${installed.output}`);
    }
    spawnSync('git', ['init', '-q', '--bare', '-b', 'main', ...formatArgs(options), this.remote], { env: this.env });
    this.git('remote', 'add', 'origin', this.remote);
  }

  run(
    command: string,
    args: string[],
    options: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {},
  ): RunResult {
    const result = spawnSync(command, args, {
      cwd: options.cwd ?? this.dir,
      env: { ...this.env, ...options.env },
      encoding: 'utf8',
      input: options.input,
      maxBuffer: 256 * 1024 * 1024,
      // A synchronous child cannot be interrupted by the test's own timeout: a test that guards against a hang
      // gives one here, so that a regression fails (the spawn errors) instead of blocking the worker.
      ...(options.timeout === undefined ? {} : { timeout: options.timeout, killSignal: 'SIGKILL' as const }),
    });
    if (result.error) throw result.error;
    return {
      status: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      output: result.stdout + result.stderr,
    };
  }

  git(...args: string[]): RunResult {
    return this.run('git', args);
  }

  /** Runs git and fails the test if it fails. */
  gitOk(...args: string[]): string {
    const result = this.git(...args);
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.output}`);
    return result.stdout;
  }

  secretHook(
    args: string[],
    options: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {},
  ): RunResult {
    return this.run(path.join(this.dir, 'node_modules/.bin/secret-hook'), args, options);
  }

  write(file: string, content: string | Buffer): void {
    const target = path.join(this.dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }

  remove(file: string): void {
    fs.rmSync(path.join(this.dir, file), { force: true });
  }

  /** Writes, stages and commits without hooks: history the test starts from. */
  seed(files: Record<string, string>, message = 'seed'): string {
    for (const [file, content] of Object.entries(files)) this.write(file, content);
    this.gitOk('add', '--', ...Object.keys(files));
    this.gitOk('commit', '-q', '--no-verify', '-m', message);
    return this.head();
  }

  head(): string {
    const result = this.git('rev-parse', '--verify', '-q', 'HEAD');
    return result.status === 0 ? result.stdout.trim() : '';
  }

  indexBytes(gitDir = path.join(this.dir, '.git')): Buffer | null {
    const file = path.join(gitDir, 'index');
    return fs.existsSync(file) ? fs.readFileSync(file) : null;
  }

  cleanup(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export type SandboxOptions = ConstructorParameters<typeof Sandbox>[0];

/** The sandboxes a test file makes, each removed after the test that made it (call at the file's top level). */
export function sandboxesCleanedAfterEach(): Sandbox[] {
  const made: Sandbox[] = [];
  afterEach(() => {
    while (made.length) made.pop()!.cleanup();
  });
  return made;
}

/** A new sandbox, listed in `made` for cleaning, whose first commit holds `files`. */
export function seededSandbox(
  made: Sandbox[],
  files: Record<string, string> = { 'README.md': '# app\n' },
  options?: SandboxOptions,
): Sandbox {
  const box = new Sandbox(options);
  made.push(box);
  box.seed(files);
  return box;
}
