// Every tracked file, whole: `check --all` reads them as they are in the index; a baseline, as HEAD has them.
import { readIndexFile, type IndexEntry } from '../git/index/index-file.js';
import { readCommit } from '../git/commit.js';
import { isTreeMode, MODE_GITLINK, MODE_SYMLINK } from '../git/tree.js';
import { resolveHead } from '../git/refs.js';
import { compareTrees, DiffCollector } from '../git/tree-diff.js';
import { progressLabel } from '../report/messages/scan-notes.js';
import type { ScanResult } from '../result.js';
import { pathFilter, requireTracked } from './path-filter.js';
import { scanChange } from './scan-changes.js';
import { addScanned, append, emptyResult, type ScopeOptions } from './scope.js';
import type { Session } from './session.js';

/** `--all`: every tracked file as it is in the index, whole content. */
export async function scanTrackedFiles(session: Session, options: ScopeOptions): Promise<ScanResult> {
  const wanted = pathFilter(options.paths, options.cwd, session.repo.workTree);
  const result = emptyResult('all');
  const entries: IndexEntry[] = [];
  const index = readIndexFile(session.repo.indexFile, session.repo.objectFormat);
  try {
    index?.forEach((entry) => {
      if (entry.stage === 0 && wanted(entry.path)) entries.push(entry);
    });
  } finally {
    index?.close();
  }
  requireTracked(wanted, (path) =>
    entries.some((e) => path === '' || e.path === path || e.path.startsWith(`${path}/`)),
  );
  const progress = options.progress(progressLabel('files'), 'files');
  try {
    for (const entry of entries) {
      scanEntry(entry);
      progress.update(result.stats.files + result.skipped.length, entries.length, result.stats.bytes);
    }
  } finally {
    progress.finish();
  }
  return result;

  function scanEntry(entry: IndexEntry): void {
    if (entry.intentToAdd || entry.mode === MODE_SYMLINK || entry.mode === MODE_GITLINK || isTreeMode(entry.mode)) {
      result.skipped.push({
        path: entry.path,
        reason: entry.intentToAdd ? { kind: 'intent-to-add' } : { kind: 'not-a-regular-file' },
      });
      return;
    }
    const context = { ...session.scanContext, findStaleAllows: true };
    const scanned = scanChange(context, { path: entry.path, oldOid: null, newOid: entry.oid, mode: entry.mode });
    for (const line of scanned.staleAllows ?? []) (result.staleAllows ??= []).push({ path: entry.path, line });
    addScanned(result, scanned);
  }
}

/** A baseline of `--all`: every file of HEAD's tree, whole content. What is only staged is not committed. */
export async function scanCommittedFiles(session: Session, options: ScopeOptions): Promise<ScanResult> {
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
