// `secret-hook check` and `secret-hook pre-commit`: scan what the next commit will record (the default scope).
import * as path from 'node:path';
import { readCommit } from '../git/commit.js';
import { resolveHead } from '../git/refs.js';
import { stagedChanges } from '../git/staged-changes.js';
import { readIndexFile } from '../git/index/index-file.js';
import { isTreeMode, MODE_GITLINK, MODE_SYMLINK } from '../git/tree.js';
import { compareTrees, DiffCollector, type FileChange } from '../git/tree-diff.js';
import { UsageError } from '../errors.js';
import { needsMention } from '../skip-reason.js';
import { failureParagraph, untrackedPaths } from '../report/messages.js';
import { escapeData } from '../report/github.js';
import { VERSION } from '../version.js';
import type { Progress } from '../report/progress.js';
import type { Scope, ScanResult } from '../report/result.js';
import { outcome, type CommandOutcome } from './outcome.js';
import { scanChange } from './scan-changes.js';
import { openSession, type Session } from './session.js';

export interface OutputOptions {
  format: 'text' | 'json' | 'sarif' | 'github';
  verbose: boolean;
  showSecrets: boolean;
  color: boolean;
}

/** What `check` scans: the staged changes (default), every tracked file, the history, or a revision range. */
export type CheckScope =
  { kind: 'staged' } | { kind: 'all' } | { kind: 'history' } | { kind: 'range'; from: string | null; to: string };

export interface CheckOptions extends OutputOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  scope: CheckScope;
  /** Limit the scan to these paths (as given on the command line, e.g. by lint-staged). */
  paths: string[];
  /** Staged scope: also scan these tracked files whole when they have no staged change (the pre-commit framework's `run --all-files`). */
  wholeFiles?: string[];
  /** The hook is quiet on a clean commit; a manual check prints a summary line. */
  hook: boolean;
  progress: (label: string) => Progress;
}

export async function runCheck(options: CheckOptions): Promise<CommandOutcome> {
  const started = Date.now();
  const scope: Scope = options.scope.kind === 'staged' ? 'staged' : options.scope.kind === 'all' ? 'all' : 'history';
  let session: Session | undefined;
  try {
    session = await openSession(options);
    const result = await scanScope(session, options);
    result.stats.milliseconds = Date.now() - started;
    return await render(result, session, options);
  } catch (error) {
    return failure(error, scope, options);
  } finally {
    session?.close();
  }
}

export interface ScopeOptions extends Pick<CheckOptions, 'scope' | 'paths' | 'cwd' | 'progress' | 'wholeFiles'> {
  /** Only what is committed (a baseline): `--all` reads HEAD's tree instead of the index, history skips the stash. */
  committedOnly?: boolean;
}

/** Scans one scope and returns the result, unrendered (also used by `baseline`). */
export async function scanScope(session: Session, options: ScopeOptions): Promise<ScanResult> {
  if (options.scope.kind === 'staged') return scanStaged(session, options);
  if (options.scope.kind === 'all') {
    return options.committedOnly ? scanCommittedFiles(session, options) : scanTrackedFiles(session, options);
  }
  // History scans run git and read commits: loaded only for them.
  const { scanHistory } = await import('./check-history.js');
  return scanHistory(session, options.scope, options);
}

/** `--all`: every tracked file as it is in the index, whole content. */
async function scanTrackedFiles(session: Session, options: ScopeOptions): Promise<ScanResult> {
  const index = readIndexFile(session.repo.indexFile, session.repo.objectFormat);
  const wanted = pathFilter(options.paths, options.cwd, session.repo.workTree);
  const result = emptyResult('all');
  const entries = (index?.entries ?? []).filter((entry) => entry.stage === 0 && wanted(entry.path));
  requireTracked(
    wanted,
    entries.map((e) => e.path),
  );
  for (const entry of entries) {
    if (entry.intentToAdd || entry.mode === MODE_SYMLINK || entry.mode === MODE_GITLINK || isTreeMode(entry.mode)) {
      result.skipped.push({
        path: entry.path,
        reason: entry.intentToAdd ? { kind: 'intent-to-add' } : { kind: 'not-a-regular-file' },
      });
      continue;
    }
    const context = { ...session.scanContext, findStaleAllows: true };
    const scanned = scanChange(context, { path: entry.path, oldOid: null, newOid: entry.oid, mode: entry.mode });
    for (const line of scanned.staleAllows ?? []) (result.staleAllows ??= []).push({ path: entry.path, line });
    addScanned(result, scanned);
  }
  return result;
}

/** A baseline of `--all`: every file of HEAD's tree, whole content. What is only staged is not committed. */
async function scanCommittedFiles(session: Session, options: ScopeOptions): Promise<ScanResult> {
  const head = resolveHead(session.repo);
  const collector = new DiffCollector();
  if (head !== null) compareTrees(session.trees, '', null, readCommit(session.store, head).tree, collector);
  const diff = collector.finish();
  const wanted = pathFilter(options.paths, options.cwd, session.repo.workTree);
  const result = emptyResult('all');
  append(
    result.skipped,
    diff.skipped.filter((s) => wanted(s.path)),
  );
  for (const change of diff.changes)
    if (wanted(change.path)) addScanned(result, scanChange(session.scanContext, change));
  return result;
}

function addScanned(result: ScanResult, scanned: ReturnType<typeof scanChange>): void {
  append(result.findings, scanned.findings);
  if (scanned.skipped) result.skipped.push(scanned.skipped);
  result.stats.files++;
  result.stats.bytes += scanned.bytes;
}

/** A path given on the command line that matches no tracked file is an error, never a clean result. */
function requireTracked(wanted: PathFilter, tracked: readonly string[]): void {
  const unmatched = wanted.given.filter((w) => !tracked.some((file) => w.matches(file)));
  if (unmatched.length > 0) throw new UsageError(untrackedPaths(unmatched.map((w) => w.shown)));
}

/** One by one: spreading a file's 100,000 findings into push() overflows the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

export function emptyResult(scope: Scope): ScanResult {
  return { scope, findings: [], skipped: [], stats: { files: 0, bytes: 0, commits: 0, milliseconds: 0 }, notices: [] };
}

async function scanStaged(session: Session, options: ScopeOptions): Promise<ScanResult> {
  const { repo, store, trees } = session;
  const head = resolveHead(repo);
  const headTree = head === null ? null : readCommit(store, head).tree;
  const diff = await stagedChanges(trees, headTree, repo);
  const wanted = pathFilter(options.paths, options.cwd, repo.workTree);
  const result = emptyResult('staged');
  append(
    result.skipped,
    diff.skipped.filter((s) => wanted(s.path)),
  );
  const changes = diff.changes.filter((change) => wanted(change.path));
  if (wanted.given.length > 0) {
    // A path with no staged change is fine if git tracks it (nothing to scan there); an untracked one is an error.
    const seen = [...changes.map((c) => c.path), ...result.skipped.map((s) => s.path)];
    const unseen = wanted.given.filter((w) => !seen.some((file) => w.matches(file)));
    if (unseen.length > 0) {
      const index = readIndexFile(repo.indexFile, repo.objectFormat);
      requireTracked(
        pathFilter(
          unseen.map((w) => w.path),
          repo.workTree ?? options.cwd,
          repo.workTree,
        ),
        (index?.entries ?? []).map((e) => e.path),
      );
    }
  }
  for (const change of changes) addScanned(result, scanChange(session.scanContext, change));
  if (options.wholeFiles && options.wholeFiles.length > 0) scanListedWhole(session, options, diff.changes, result);
  return result;
}

/** Listed files that have no staged change, scanned whole as they are in the index. */
function scanListedWhole(
  session: Session,
  options: ScopeOptions,
  staged: readonly FileChange[],
  result: ScanResult,
): void {
  const listed = pathFilter(options.wholeFiles ?? [], options.cwd, session.repo.workTree);
  const stagedPaths = new Set(staged.map((c) => c.path));
  const index = readIndexFile(session.repo.indexFile, session.repo.objectFormat);
  for (const entry of index?.entries ?? []) {
    if (entry.stage !== 0 || stagedPaths.has(entry.path) || !listed(entry.path)) continue;
    if (entry.intentToAdd || entry.mode === MODE_SYMLINK || entry.mode === MODE_GITLINK || isTreeMode(entry.mode))
      continue;
    addScanned(
      result,
      scanChange(session.scanContext, { path: entry.path, oldOid: null, newOid: entry.oid, mode: entry.mode }),
    );
  }
}

type PathFilter = ((path: string) => boolean) & {
  given: { path: string; shown: string; matches: (file: string) => boolean }[];
};

/** Paths from the command line, relative to where it ran, as repository paths. */
function pathFilter(paths: string[], cwd: string, workTree: string | null): PathFilter {
  const root = workTree ?? cwd;
  const given = paths.map((p) => {
    const relative = path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/');
    return {
      path: relative,
      shown: p,
      matches: (file: string) => relative === '' || file === relative || file.startsWith(`${relative}/`),
    };
  });
  const filter = (file: string) => given.length === 0 || given.some((w) => w.matches(file));
  return Object.assign(filter, { given });
}

/** Renders a result; the formatters (and the colour library) are loaded only when there is something to print. */
export async function render(
  result: ScanResult,
  session: Session,
  options: OutputOptions & { hook?: boolean },
): Promise<CommandOutcome> {
  const blocking = result.findings.some((f) => f.action === 'block');
  const exitCode = blocking ? 1 : 0;
  if (options.format === 'json') {
    const { formatJson } = await import('../report/format.js');
    return outcome(exitCode, `${formatJson(result, options)}\n`);
  }
  if (options.format === 'sarif') {
    const { formatSarif } = await import('../report/sarif.js');
    const rules = await session.loadRules();
    const sarif = formatSarif(result, { rules, showSecrets: options.showSecrets, toolVersion: VERSION });
    return outcome(exitCode, `${sarif}\n`);
  }
  if (options.format === 'github') {
    const { formatGithubAnnotations } = await import('../report/github.js');
    return outcome(exitCode, formatGithubAnnotations(result, options));
  }
  const quiet =
    options.hook === true &&
    result.findings.length === 0 &&
    !options.verbose &&
    result.notices.length === 0 &&
    !needsMention(result.skipped, result.scope === 'all');
  if (quiet) return outcome(0);
  const { formatText } = await import('../report/format.js');
  const rules = await session.loadRules();
  const text = formatText(result, { ...options, rules, summary: options.hook !== true });
  // Hooks write to stderr, where git shows hook output; manual checks to stdout so it can be piped.
  return options.hook ? outcome(exitCode, '', `${text}\n`) : outcome(exitCode, `${text}\n`);
}

export function failure(error: unknown, scope: ScanResult['scope'], options: OutputOptions): CommandOutcome {
  const paragraph = failureParagraph(error, scope);
  if (options.format === 'json') {
    return outcome(2, `${JSON.stringify({ version: 1, error: paragraph }, null, 2)}\n`, `${paragraph}\n`);
  }
  if (options.format === 'github')
    return outcome(2, `::error title=secret-hook failed::${escapeData(paragraph)}\n`, `${paragraph}\n`);
  return outcome(2, '', `${paragraph}\n`);
}
