// What a scan covers: the staged changes (the default), every tracked file, the history, or a range; and the
// empty result each scan starts from. Types and one small function: every scan module imports it.
import type { Scope, ScanResult } from '../result.js';
import type { Progress } from '../report/progress.js';

/** What `check` scans: the staged changes (default), every tracked file, the history, or a revision range. */
export type CheckScope =
  { kind: 'staged' } | { kind: 'all' } | { kind: 'history' } | { kind: 'range'; from: string | null; to: string };

export interface ScopeOptions {
  scope: CheckScope;
  /** Limit the scan to these paths (as given on the command line, e.g. by lint-staged). */
  paths: string[];
  cwd: string;
  /** A progress display for a long scan (drawn on a terminal only); `unit` names what is counted. */
  progress: (label: string, unit: string) => Progress;
  /** Staged scope: also scan these tracked files whole when they have no staged change (the pre-commit framework's `run --all-files`). */
  wholeFiles?: string[];
  /** Only what is committed (a baseline): `--all` reads HEAD's tree instead of the index, history skips the stash. */
  committedOnly?: boolean;
}

export function emptyResult(scope: Scope): ScanResult {
  return { scope, findings: [], skipped: [], stats: { files: 0, bytes: 0, commits: 0, milliseconds: 0 }, notices: [] };
}

/** One by one: spreading a file's 100,000 findings into push() overflows the stack. */
export function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** Adds one scanned change to a result. */
export function addScanned(
  result: ScanResult,
  scanned: { findings: ScanResult['findings']; skipped: ScanResult['skipped'][number] | null; bytes: number },
): void {
  append(result.findings, scanned.findings);
  if (scanned.skipped) result.skipped.push(scanned.skipped);
  result.stats.files++;
  result.stats.bytes += scanned.bytes;
}
