// Git for the benchmark: a clean child environment, `git fast-import` to write big histories quickly and
// deterministically, and a cache of built scenario repositories under bench/.cache/.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * No GIT_* or HUSKY from the outside (npm and hooks set some), no user or system git configuration, fixed dates
 * (a re-run commit gets the same id) and no colour. No NODE_EXTRA_CA_CERTS: the benchmark machine sets it to the
 * system's whole certificate bundle, which Node 20 parses at every start (`node -e 0` 73–79 ms with it, 26–30
 * without), hiding every difference the benchmark measures in noise; a developer's shell rarely sets it.
 */
const DROPPED = new Set(['HUSKY', 'FORCE_COLOR', 'NODE_EXTRA_CA_CERTS']);

export function childEnv(cacheDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('GIT_') || DROPPED.has(key)) continue;
    env[key] = value;
  }
  const home = path.join(cacheDir, 'home');
  fs.mkdirSync(home, { recursive: true });
  return {
    ...env,
    HOME: home,
    NO_COLOR: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  };
}

export function git(cwd: string, env: Record<string, string>, ...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr || (error as Error).message}`);
  }
}

/** A fresh repository on branch main that never garbage-collects behind the benchmark's back. */
export function initRepo(dir: string, env: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, env, 'init', '-q', '-b', 'main');
  for (const [key, value] of [
    ['user.name', 'Bench User'],
    ['user.email', 'bench@example.invalid'],
    ['commit.gpgsign', 'false'],
    ['gc.auto', '0'],
  ]) {
    git(dir, env, 'config', key!, value!);
  }
}

/** Writes commits on refs/heads/main through one `git fast-import` process, with back-pressure. */
export class FastImport {
  private readonly child: ChildProcess;
  private readonly exited: Promise<unknown[]>;
  private time = 1_700_000_000;

  /** `from`: the commit the first commit follows (fast-import does not continue an existing branch by itself). */
  constructor(
    dir: string,
    env: Record<string, string>,
    private from: string | null = null,
  ) {
    // Blobs over 1 MB are stored without delta search: they are the random "media" blobs, where it finds nothing.
    this.child = spawn('git', ['fast-import', '--quiet', '--big-file-threshold=1m'], {
      cwd: dir,
      env,
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    this.exited = once(this.child, 'exit');
  }

  /** One commit; a null content deletes the path. Commits are an hour apart. */
  async commit(message: string, changes: Map<string, string | Buffer | null>): Promise<void> {
    this.time += 3600;
    const header = `commit refs/heads/main\ncommitter Bench User <bench@example.invalid> ${this.time} +0000\n`;
    await this.write(`${header}data ${Buffer.byteLength(message)}\n${message}\n`);
    if (this.from !== null) await this.write(`from ${this.from}\n`);
    this.from = null;
    for (const [file, content] of changes) {
      if (content === null) {
        await this.write(`D ${file}\n`);
        continue;
      }
      const data = typeof content === 'string' ? Buffer.from(content) : content;
      await this.write(`M 100644 inline ${file}\ndata ${data.length}\n`);
      await this.write(data);
      await this.write('\n');
    }
    await this.write('\n');
  }

  async close(): Promise<void> {
    this.child.stdin!.end();
    const [code] = await this.exited;
    if (code !== 0) throw new Error(`git fast-import exited ${code}`);
  }

  private async write(chunk: string | Buffer): Promise<void> {
    if (!this.child.stdin!.write(chunk)) await once(this.child.stdin!, 'drain');
  }
}

/**
 * Repacks as `git gc` would (and as a clone arrives): fast-import's pack only deltas each blob against the
 * previous version of its path, which makes reading history several times slower than in a real repository, for
 * git and secret-hook alike. Blobs over 1 MB (the random media) are stored whole, as no delta would help them.
 */
export function repack(dir: string, env: Record<string, string>): void {
  git(dir, env, '-c', 'core.bigFileThreshold=1m', 'repack', '-q', '-a', '-d', '-f', '--depth=50', '--window=10');
}

/**
 * A scenario repository built once and kept under bench/.cache/<key>/repo. The key holds the builder's version
 * and sizes, so a changed builder or size builds a new one; `info.json` is written last and marks it complete.
 */
export async function cachedRepo<Info>(
  cacheDir: string,
  key: string,
  build: (repoDir: string) => Promise<Info>,
): Promise<{ dir: string; info: Info; built: boolean }> {
  const base = path.join(cacheDir, key);
  const dir = path.join(base, 'repo');
  const infoFile = path.join(base, 'info.json');
  if (fs.existsSync(infoFile))
    return { dir, info: JSON.parse(fs.readFileSync(infoFile, 'utf8')) as Info, built: false };
  // Repositories of an older builder version are never used again: free their disk (the big one is 500 MB).
  const [, name, version] = /^(.+)-v(\d+)-/.exec(key) ?? [];
  for (const other of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) {
    if (name && other.startsWith(`${name}-v`) && !other.startsWith(`${name}-v${version}-`)) {
      fs.rmSync(path.join(cacheDir, other), { recursive: true, force: true });
    }
  }
  fs.rmSync(base, { recursive: true, force: true });
  fs.mkdirSync(base, { recursive: true });
  const info = await build(dir);
  fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));
  return { dir, info, built: true };
}

/** Bytes of the repository's packfiles. */
export function packBytes(repoDir: string): number {
  const packDir = path.join(repoDir, '.git', 'objects', 'pack');
  if (!fs.existsSync(packDir)) return 0;
  return fs
    .readdirSync(packDir)
    .filter((name) => name.endsWith('.pack'))
    .reduce((sum, name) => sum + fs.statSync(path.join(packDir, name)).size, 0);
}
