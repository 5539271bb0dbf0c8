// What one commit changed, as blob pairs to scan: its tree diff against its first parent (from `git log --raw`, see
// commit-log.ts) through the same collector as the commit hook's. For a merge, only files that differ from every
// parent are kept, and the lines already in another parent's version are not "added": what remains is what the
// merge itself introduced (a conflict resolution or an "evil merge").
import type { LoggedCommit } from './commit-log.js';
import type { ObjectStore } from './object-store/store.js';
import { readCommit } from './commit.js';
import type { TreeReader } from './tree.js';
import { blobAt, DiffCollector, type TreeDiff } from './tree-diff.js';

export function commitChanges(trees: TreeReader, store: ObjectStore, commit: LoggedCommit): TreeDiff {
  const collector = new DiffCollector();
  for (const entry of commit.entries) {
    const old = { mode: entry.oldMode, oid: entry.oldOid };
    const next = { mode: entry.newMode, oid: entry.newOid };
    if (entry.status === 'A') collector.compare(entry.path, null, next, false);
    else if (entry.status === 'D') collector.deleted(entry.path, old);
    else collector.compare(entry.path, old, next, false);
  }
  const diff = collector.finish();
  if (commit.parents.length < 2) return diff;
  const otherTrees = commit.parents.slice(1).map((oid) => treeOfCommit(store, oid));
  const changes = [];
  for (const change of diff.changes) {
    const others = otherTrees.map((tree) => blobAt(trees, tree, change.path));
    // Taken whole from another parent: a clean merge of work that was scanned in its own commits.
    if (others.includes(change.newOid)) continue;
    changes.push({ ...change, alsoIn: others.filter((oid): oid is string => oid !== null) });
  }
  return { changes, skipped: diff.skipped.filter((s) => s.reason.kind !== 'deleted') };
}

function treeOfCommit(store: ObjectStore, oid: string): string | null {
  if (!store.has(oid)) return null; // beyond a shallow boundary: compare against nothing (scan everything)
  return readCommit(store, oid).tree;
}
