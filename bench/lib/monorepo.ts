// A monorepo's worth of tracked files, built offline and deterministically in seconds: paths from a seeded
// generator (apps/, libs/, packages/, services/, tools/, each project a few hundred files in nested directories of
// 3–20 files, as large JavaScript monorepos are laid out), one commit written by `git fast-import`, and the index
// filled by `git read-tree` (which also writes its cache tree) without checking a million files out. Shared by the
// benchmark (bench/scenarios/monorepo-commit.ts) and the end-to-end test of a commit in such a repository.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { seededRandom } from '../../test/helpers/examples.js';

const WORDS = [
  'api', 'auth', 'billing', 'cache', 'client', 'config', 'core', 'data', 'events', 'forms', 'hooks', 'http',
  'i18n', 'jobs', 'layout', 'logging', 'metrics', 'models', 'orders', 'payments', 'queue', 'router', 'search',
  'server', 'session', 'storage', 'store', 'theme', 'ui', 'users', 'utils', 'views', 'widgets', 'workers',
]; // prettier-ignore
const EXTENSIONS = ['.ts', '.ts', '.ts', '.tsx', '.test.ts', '.json', '.md', '.css'];
const GROUPS: [string, number][] = [
  ['apps', 0.05],
  ['libs', 0.15],
  ['packages', 0.6],
  ['services', 0.15],
  ['tools', 0.05],
];

/** `count` distinct file paths, the same on every machine; in no particular order. */
export function monorepoPaths(count: number, seed = 17): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const paths: string[] = [];
  let groupStart = 0;
  for (const [index, [group, share]] of GROUPS.entries()) {
    const budget = index === GROUPS.length - 1 ? count - paths.length : Math.round(count * share);
    for (let project = 0; paths.length - groupStart < budget; project++) {
      const root = `${group}/${pick(WORDS)}-${project}`;
      const size = Math.min(budget - (paths.length - groupStart), 100 + Math.floor(random() * 400));
      let made = 0;
      for (const file of ['package.json', 'README.md', 'tsconfig.json']) {
        if (made < size) (paths.push(`${root}/${file}`), made++);
      }
      const directory = (dir: string, depth: number) => {
        const names = new Set<string>();
        const files = 3 + Math.floor(random() * 18);
        for (let i = 0; i < files && made < size; i++) {
          let name = pick(WORDS) + pick(EXTENSIONS);
          while (names.has(name)) name = `${pick(WORDS)}-${Math.floor(random() * 100)}${pick(EXTENSIONS)}`;
          names.add(name);
          paths.push(`${dir}/${name}`);
          made++;
        }
        const subdirectories = depth < 4 ? Math.floor(random() * 5) : 0;
        const used = new Set<string>();
        for (let s = 0; s < subdirectories && made < size; s++) {
          let name = pick(WORDS);
          while (used.has(name) || names.has(name)) name = `${pick(WORDS)}-${s}`;
          used.add(name);
          directory(`${dir}/${name}`, depth + 1);
        }
      };
      for (let part = 0; made < size; part++) {
        directory(`${root}/${['src', 'test', 'lib', 'scripts'][Math.floor(random() * 4)]}-${part}`, 1);
      }
    }
    groupStart = paths.length;
  }
  return paths;
}

/** Git's order for index entries: by the bytes of the path. */
export function sortedPaths(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/**
 * `count` paths spread evenly through git's order, each the nearest TypeScript file: the files a typical commit
 * edits (one in each part of the monorepo, so the walk opens trees in several projects).
 */
export function spreadTextFiles(sorted: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, k) => {
    let i = Math.floor(((k + 0.5) * sorted.length) / count);
    while (!sorted[i]!.endsWith('.ts') && i < sorted.length - 1) i++;
    return sorted[i]!;
  });
}

/**
 * The `git fast-import` stream of one commit on refs/heads/main holding `paths`, every file with the same content
 * (one blob): what a test needs for the shape of an index, built in a second for 300,000 paths.
 */
export function sharedContentImport(paths: readonly string[], content: string): string {
  const message = `Import ${paths.length} files`;
  const header =
    `blob\nmark :1\ndata ${Buffer.byteLength(content)}\n${content}\n` +
    `commit refs/heads/main\ncommitter Bench User <bench@example.invalid> 1700000000 +0000\n` +
    `data ${Buffer.byteLength(message)}\n${message}\n`;
  return `${header}${paths.map((p) => `M 100644 :1 ${p}\n`).join('')}\n`;
}

export interface MonorepoOptions {
  /** Content of each file; by default a distinct two-line module (every file its own blob, as in a real repo). */
  content?: (path: string, index: number) => string | Buffer;
  /** Every file with the same content: one blob, for tests that need the shape of the index, not its objects. */
  sharedContent?: string;
  env: Record<string, string>;
}

/** Writes one commit holding `paths` on refs/heads/main of the repository at `dir`, with `git fast-import`. */
export async function importMonorepo(dir: string, paths: readonly string[], options: MonorepoOptions): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet'], {
    cwd: dir,
    env: options.env,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const exited = once(child, 'exit');
  const stdin = child.stdin!;
  let pending: (string | Buffer)[] = [];
  let pendingBytes = 0;
  const write = async (chunk: string | Buffer) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < 1 << 20) return;
    const batch = Buffer.concat(pending.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
    pending = [];
    pendingBytes = 0;
    if (!stdin.write(batch)) await once(stdin, 'drain');
  };
  if (options.sharedContent !== undefined) {
    await write(`blob\nmark :1\ndata ${Buffer.byteLength(options.sharedContent)}\n${options.sharedContent}\n`);
  }
  const message = `Import ${paths.length} files`;
  await write(`commit refs/heads/main\ncommitter Bench User <bench@example.invalid> 1700000000 +0000\n`);
  await write(`data ${Buffer.byteLength(message)}\n${message}\n`);
  const content = options.content ?? ((path: string, i: number) => `// ${path}\nexport const value = ${i};\n`);
  for (let i = 0; i < paths.length; i++) {
    if (options.sharedContent !== undefined) {
      await write(`M 100644 :1 ${paths[i]}\n`);
      continue;
    }
    const data = content(paths[i]!, i);
    await write(`M 100644 inline ${paths[i]}\ndata ${Buffer.byteLength(data)}\n`);
    await write(data);
    await write('\n');
  }
  await write('\n');
  stdin.end(Buffer.concat(pending.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))));
  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import exited ${code}`);
}
