// What one commit changed, as blob pairs to scan: its diff against its first parent. For a merge, only files
// that differ from every parent are kept, and the lines already in another parent's version are not "added":
// what remains is what the merge itself introduced (a conflict resolution or an "evil merge").
import type { ObjectStore } from './object-store.js';
import type { Commit, TreeReader } from './objects.js';
import { isTreeMode, readCommit } from './objects.js';
import { compareTrees, DiffCollector, type TreeDiff } from './staged-changes.js';

export interface CommitChange {
  path: string;
  oldOid: string | null;
  newOid: string;
  mode: number;
  /** For merges: blobs of the same path in the other parents; their lines do not count as added. */
  alsoIn: string[];
}

export interface CommitDiff {
  changes: CommitChange[];
  skipped: TreeDiff['skipped'];
}

export function commitChanges(trees: TreeReader, store: ObjectStore, commit: Commit): CommitDiff {
  const firstParent = commit.parents[0];
  const parentTree = firstParent ? readTreeOfCommit(store, firstParent) : null;
  const collector = new DiffCollector();
  compareTrees(trees, '', parentTree, commit.tree, collector);
  const diff = collector.finish();
  if (commit.parents.length < 2) {
    return { changes: diff.changes.map((c) => ({ ...c, alsoIn: [] })), skipped: diff.skipped };
  }
  const otherTrees = commit.parents.slice(1).map((p) => readTreeOfCommit(store, p));
  const changes: CommitChange[] = [];
  for (const change of diff.changes) {
    const others = otherTrees.map((tree) => blobAt(trees, tree, change.path));
    // Taken whole from another parent: a clean merge of work that was scanned in its own commits.
    if (others.includes(change.newOid)) continue;
    changes.push({ ...change, alsoIn: others.filter((oid): oid is string => oid !== null) });
  }
  return { changes, skipped: diff.skipped.filter((s) => !s.reason.startsWith('deleted')) };
}

function readTreeOfCommit(store: ObjectStore, oid: string): string | null {
  if (!store.has(oid)) return null; // beyond a shallow boundary: compare against nothing (scan everything)
  return readCommit(store, oid).tree;
}

/** The blob id at a path in a tree, or null. */
export function blobAt(trees: TreeReader, tree: string | null, path: string): string | null {
  let current = tree;
  const parts = path.split('/');
  for (let i = 0; i < parts.length && current !== null; i++) {
    const entry = trees.read(current).find((e) => e.name === parts[i]);
    if (!entry) return null;
    if (i === parts.length - 1) return isTreeMode(entry.mode) ? null : entry.oid;
    current = isTreeMode(entry.mode) ? entry.oid : null;
  }
  return null;
}
