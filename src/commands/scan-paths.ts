// `secret-hook scan <paths…>` and `secret-hook scan -`: files and directories as they are on disk (for editors, CI
// steps on artefacts, logs), and standard input. Whole files, through the same engine, policy and classification
// (text, binary's printable runs, archives, size limit) as every other scope.
// Which files: inside a repository, git's own answer (tracked files, and untracked ones no ignore rule excludes:
// work-tree-files.ts). Outside one, every file under the paths, except .git directories: no .gitignore is read there
// (see README). Either way ignorePaths applies, and a symbolic link is never followed, whether found in a directory
// or given: it is reported as not scanned, so nothing out of the tree is read through one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectionCatalog, detectionRules } from '../catalog/builtin-detection.js';
import type { Rule } from '../../rules/schema.js';
import { compileCatalog } from '../engine/compile.js';
import { SearchBudget, SHORT_PROCESS_SEARCH } from '../engine/prefilter.js';
import { RepositoryError, UsageError } from '../errors.js';
import { BlobTexts } from '../git/blob-texts.js';
import type { ObjectStore } from '../git/object-store/store.js';
import { findRepository, type Repository } from '../git/repo.js';
import { workTreeFiles } from '../git/work-tree-files.js';
import { loadConfig } from '../config/load.js';
import { readIgnoreFile } from '../config/ignore-file.js';
import { compilePathMatcher } from '../config/path-matcher.js';
import { policyFrom } from '../config/policy.js';
import * as say from '../report/messages/scan-paths.js';
import type { Progress } from '../report/progress.js';
import type { ScanResult } from '../result.js';
import type { SkipReason } from '../skip-reason.js';
import { checkConfiguredRules } from './configured-rules.js';
import { outcome, type CommandOutcome } from './outcome.js';
import { failure, render, type OutputOptions } from './render.js';
import { scanChange, type ScanContext } from './scan-changes.js';
import { addScanned, emptyResult } from './scope.js';
import { openSession, type Session } from './session.js';

export interface ScanPathsOptions extends OutputOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Files and directories; '-' is standard input. */
  paths: string[];
  /** The name standard input is scanned as (its language), e.g. `config.env`. */
  pathHint?: string;
  readStdin: () => Promise<string>;
  progress: (label: string, unit: string) => Progress;
}

/** The pseudo-path of standard input without --path-hint. */
export const STDIN_PATH = '(stdin)';
const MODE_FILE = 0o100644;

type Scanner = Pick<Session, 'loadRules' | 'scanContext' | 'close'> & { repo: Repository | null };

export async function runScanPaths(options: ScanPathsOptions): Promise<CommandOutcome> {
  const started = Date.now();
  let scanner: Scanner | undefined;
  try {
    const stdin = options.paths.filter((p) => p === '-').length;
    if (options.paths.length === 0) throw new UsageError(say.needsPaths());
    if (stdin > 1) throw new UsageError(say.stdinOnce());
    if (options.pathHint !== undefined && stdin === 0) throw new UsageError(say.hintWithoutStdin());
    const missing = options.paths.filter((p) => p !== '-' && !exists(path.resolve(options.cwd, p)));
    if (missing.length > 0) throw new UsageError(say.notFound(missing));
    scanner = await openScanner(options);
    const result = emptyResult('files');
    const files = listFiles(scanner.repo, options, result.notices);
    const progress = options.progress(say.progressLabel(), 'files');
    try {
      if (stdin > 0) {
        const text = await options.readStdin();
        scanBytes(scanner.scanContext, result, options.pathHint ?? STDIN_PATH, Buffer.from(text, 'utf8'));
      }
      for (const file of files) {
        if (file.skip) result.skipped.push({ path: file.shown, reason: file.skip });
        else scanFile(scanner.scanContext, result, file.shown, file.absolute);
        progress.update(result.stats.files + result.skipped.length, files.length, result.stats.bytes);
      }
    } finally {
      progress.finish();
    }
    result.stats.milliseconds = Date.now() - started;
    return await render(result, scanner, { ...options, hook: false });
  } catch (error) {
    return await failure(error, 'files', options, false);
  } finally {
    scanner?.close();
  }
}

interface Listed {
  /** The path findings carry: repository-relative inside a repository, else relative to the current directory. */
  shown: string;
  absolute: string;
  skip?: SkipReason;
}

/**
 * The files to scan under the paths given, each once. A path named on the command line is scanned even where git
 * ignores it (a build's output is often ignored, and is what a CI step scans): a named file always, a named
 * directory that git ignores whole by walking it, with a notice. Inside a directory, ignore rules apply.
 */
function listFiles(repo: Repository | null, options: ScanPathsOptions, notices: string[]): Listed[] {
  const seen = new Map<string, Listed>();
  const add = (listed: Listed) => {
    if (!seen.has(listed.absolute)) seen.set(listed.absolute, listed);
  };
  const workTree = repo?.workTree ?? null;
  const inRepo: { given: string; relative: string; absolute: string }[] = [];
  for (const given of options.paths) {
    if (given === '-') continue;
    const absolute = path.resolve(options.cwd, given);
    const relative = workTree === null ? null : path.relative(workTree, absolute);
    if (relative !== null && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      inRepo.push({ given, relative: relative.split(path.sep).join('/'), absolute });
    } else walk(absolute, options.cwd, add);
  }
  if (repo === null || workTree === null || inRepo.length === 0) return [...seen.values()];
  const repoPath = (file: string) => path.relative(workTree, file).split(path.sep).join('/');
  for (const named of inRepo.filter((n) => !fs.lstatSync(n.absolute).isDirectory())) {
    add({ shown: named.relative, absolute: named.absolute, ...kindOf(named.absolute) });
  }
  const directories = inRepo.filter((n) => fs.lstatSync(n.absolute).isDirectory());
  if (directories.length === 0) return [...seen.values()];
  const listed = workTreeFiles(
    repo,
    directories.map((d) => d.relative),
  );
  for (const file of listed) {
    const absolute = path.join(workTree, file);
    // An untracked repository inside the tree: git lists its directory, not its files.
    if (file.endsWith('/')) add({ shown: file.slice(0, -1), absolute, skip: { kind: 'submodule' } });
    else add({ shown: file, absolute, ...kindOf(absolute) });
  }
  for (const dir of directories) {
    const under = (file: string) => dir.relative === '' || file === dir.relative || file.startsWith(`${dir.relative}/`);
    if (listed.some(under)) continue;
    // Nothing git would consider: an ignored directory, named all the same. Walked, and said.
    const before = seen.size;
    walk(dir.absolute, workTree, add, repoPath);
    if (seen.size > before) notices.push(say.ignoredDirectoryScanned(dir.given));
  }
  return [...seen.values()];
}

/** Every file under `start`, without following a symbolic link or entering .git. */
function walk(
  start: string,
  cwd: string,
  add: (listed: Listed) => void,
  named: (file: string) => string = (file) => {
    const relative = path.relative(cwd, file);
    return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
  },
): void {
  const shown = named;
  const stat = fs.lstatSync(start);
  if (!stat.isDirectory()) {
    add({ shown: shown(start), absolute: start, ...kindOf(start) });
    return;
  }
  const pending = [start];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') subdirs.push(file);
      } else if (entry.isSymbolicLink()) {
        add({ shown: shown(file), absolute: file, skip: { kind: 'symlink' } });
      } else if (entry.isFile()) {
        if (entry.name !== '.git') add({ shown: shown(file), absolute: file });
      } else add({ shown: shown(file), absolute: file, skip: { kind: 'not-a-regular-file' } });
    }
    pending.push(...subdirs.reverse());
  }
}

/** A listed path that is not a regular file on disk: why it is not scanned. */
function kindOf(file: string): { skip?: SkipReason } {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    // Tracked, but not on disk (deleted, or outside a sparse checkout): nothing to read.
    return { skip: { kind: 'deleted' } };
  }
  if (stat.isSymbolicLink()) return { skip: { kind: 'symlink' } };
  if (stat.isDirectory()) return { skip: { kind: 'submodule' } };
  if (!stat.isFile()) return { skip: { kind: 'not-a-regular-file' } };
  return {};
}

function scanFile(context: ScanContext, result: ScanResult, shown: string, file: string): void {
  let fd: number;
  try {
    // O_NOFOLLOW: a file replaced by a link since it was listed is not followed either.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return void result.skipped.push({ path: shown, reason: { kind: 'symlink' } });
    if (code === 'ENOENT') return void result.skipped.push({ path: shown, reason: { kind: 'deleted' } });
    throw new UsageError(say.unreadable(shown, (error as Error).message));
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (context.isIgnored(shown)) {
      result.skipped.push({ path: shown, reason: { kind: 'ignored-by-config' } });
      return;
    }
    if (size > context.maxFileBytes) {
      // Not read at all: the other scopes report the same.
      result.skipped.push({ path: shown, reason: { kind: 'too-large', bytes: size, limit: context.maxFileBytes } });
      return;
    }
    scanBytes(context, result, shown, fs.readFileSync(fd));
  } finally {
    fs.closeSync(fd);
  }
}

/** Bytes scanned whole as the content of `shown`: what scanChange does for a new file in any other scope. */
function scanBytes(context: ScanContext, result: ScanResult, shown: string, data: Buffer): void {
  const id = `file:${shown}`;
  context.texts.provide(id, data);
  try {
    addScanned(result, scanChange(context, { path: shown, oldOid: null, newOid: id, mode: MODE_FILE }));
  } finally {
    context.texts.release([id]);
  }
}

/** The repository's session where there is one; else the configuration of the current directory (or --config). */
async function openScanner(options: ScanPathsOptions): Promise<Scanner> {
  let repo: Repository | null = null;
  try {
    repo = findRepository(options.cwd, options.env);
  } catch (error) {
    if (!(error instanceof RepositoryError && error.problem.kind === 'not-found')) throw error;
  }
  if (repo !== null && repo.workTree !== null) {
    const session = await openSession(options);
    return session;
  }
  return outsideRepository(options);
}

/** No repository: the scan context of session.ts built on the configuration found in the current directory. */
async function outsideRepository(options: ScanPathsOptions): Promise<Scanner> {
  const config = await loadConfig(
    options.cwd,
    new Set(detectionRules.map((r) => r.id)),
    options.configFile === undefined ? undefined : { path: options.configFile, cwd: options.cwd },
  );
  if (config.customRules.length > 0 || config.allowPatterns.length > 0) checkConfiguredRules(config);
  const rules = [...detectionRules, ...config.customRules];
  const active = rules.filter((r) => (config.rules.get(r.id) ?? (r.testKey ? config.testKeys : 'block')) !== 'off');
  const catalog = compileCatalog(active, {
    precomputed: detectionCatalog,
    searchBudget: new SearchBudget(SHORT_PROCESS_SEARCH),
  });
  const store = NO_OBJECTS;
  return {
    repo: null,
    loadRules: async (): Promise<ReadonlyMap<string, Rule>> => {
      const { builtinRules } = await import('../../rules/index.js');
      return new Map([...builtinRules, ...config.customRules].map((r) => [r.id, r]));
    },
    scanContext: {
      store,
      texts: new BlobTexts(store, config.maxFileSize),
      catalog,
      policy: policyFrom(config, readIgnoreFile(options.cwd)),
      maxFileBytes: config.maxFileSize,
      isIgnored: await compilePathMatcher(config.ignorePaths),
    },
    close: () => {},
  };
}

/** Contents are handed in (BlobTexts.provide); there is no object database to read. */
const NO_OBJECTS: ObjectStore = {
  format: 'sha1',
  read: (oid: string) => {
    throw new Error(`no object database outside a repository (asked for ${oid})`);
  },
  has: () => false,
  close: () => {},
};

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
