// The staged changes: what the next commit will record, against HEAD (the default scope of `check`, and the
// commit hook's).
import { rawPathOf, readIndexFile, type IndexEntry } from '../git/index/index-file.js';
import { readCommit } from '../git/commit.js';
import { isTreeMode, MODE_GITLINK, MODE_SYMLINK } from '../git/tree.js';
import { resolveHead } from '../git/refs.js';
import { stagedChanges } from '../git/staged-changes.js';
import type { FileChange } from '../git/tree-diff.js';
import type { ScanResult } from '../result.js';
import { pathFilter, requireTracked } from './path-filter.js';
import { scanChange } from './scan-changes.js';
import { addScanned, append, emptyResult, type ScopeOptions } from './scope.js';
import type { Session } from './session.js';

export async function scanStaged(session: Session, options: ScopeOptions): Promise<ScanResult> {
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
      // Looked up in the index one path at a time: the index of a monorepo is not listed for a few paths.
      const index = readIndexFile(repo.indexFile, repo.objectFormat);
      try {
        requireTracked(
          pathFilter(
            unseen.map((w) => w.path),
            repo.workTree ?? options.cwd,
            repo.workTree,
          ),
          (path) => index !== null && index.tracks(rawPathOf(path)),
        );
      } finally {
        index?.close();
      }
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
  const whole: IndexEntry[] = [];
  const index = readIndexFile(session.repo.indexFile, session.repo.objectFormat);
  try {
    index?.forEach((entry) => {
      if (entry.stage !== 0 || stagedPaths.has(entry.path) || !listed(entry.path)) return;
      if (entry.intentToAdd || entry.mode === MODE_SYMLINK || entry.mode === MODE_GITLINK || isTreeMode(entry.mode))
        return;
      whole.push(entry);
    });
  } finally {
    index?.close();
  }
  for (const entry of whole) {
    addScanned(
      result,
      scanChange(session.scanContext, { path: entry.path, oldOid: null, newOid: entry.oid, mode: entry.mode }),
    );
  }
}
