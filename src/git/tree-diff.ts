// The diff between two versions of a tree, as blob pairs to scan: shared by the commit hook (the index against
// HEAD, src/git/staged-changes.ts) and by commit scans (a commit against its first parent, whether the entries come
// from our own tree reader or from `git log --raw`, src/git/commit-log.ts). Every scope feeds the same collector,
// so a rename, a type change or a deletion means the same thing in each.
import { isTreeMode, MODE_GITLINK, MODE_SYMLINK, type TreeEntry, type TreeReader } from './tree.js';
import type { SkipReason } from '../skip-reason.js';

export interface FileChange {
  path: string;
  /** The blob to compare against (the old version, or the source of a rename); null: every line is added. */
  oldOid: string | null;
  newOid: string;
  mode: number;
  /** Set when the file was renamed from another path. */
  oldPath?: string;
  /** For merge commits: the same path's blobs in the other parents; their lines are not added by the merge. */
  alsoIn?: string[];
}

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

export interface TreeDiff {
  changes: FileChange[];
  skipped: SkippedFile[];
}

export interface Side {
  mode: number;
  oid: string;
}

function isContent(mode: number): boolean {
  return mode !== MODE_GITLINK && mode !== MODE_SYMLINK && !isTreeMode(mode);
}

/** Tree against tree, skipping identical subtrees by id: sparse-index directories, and commits read in-process. */
export function compareTrees(
  trees: TreeReader,
  dir: string,
  oldTree: string | null,
  newTree: string | null,
  diff: DiffCollector,
): void {
  if (oldTree === newTree) return;
  const prefix = dir === '' ? '' : `${dir}/`;
  // Both versions: only the entries outside what their bytes share at both ends can differ (tree.ts).
  const both = oldTree !== null && newTree !== null ? trees.differing(oldTree, newTree) : null;
  const oldEntries = new Map<string, TreeEntry>();
  if (oldTree !== null) for (const entry of both?.old ?? trees.read(oldTree)) oldEntries.set(entry.name, entry);
  if (newTree !== null) {
    for (const entry of both?.new ?? trees.read(newTree)) {
      const old = oldEntries.get(entry.name);
      oldEntries.delete(entry.name);
      const path = `${prefix}${entry.name}`;
      if (isTreeMode(entry.mode)) {
        if (old && !isTreeMode(old.mode)) diff.deleted(path, old);
        compareTrees(trees, path, old && isTreeMode(old.mode) ? old.oid : null, entry.oid, diff);
      } else {
        if (old && isTreeMode(old.mode)) diff.deletedTree(trees, path, old.oid);
        diff.compare(path, old && !isTreeMode(old.mode) ? old : null, entry, false);
      }
    }
  }
  for (const [name, old] of oldEntries) {
    if (isTreeMode(old.mode)) diff.deletedTree(trees, `${prefix}${name}`, old.oid);
    else diff.deleted(`${prefix}${name}`, old);
  }
}

/** Collects changes and skipped files, then pairs added files with deleted ones (renames) at the end. */
export class DiffCollector {
  private readonly added: FileChange[] = [];
  private readonly modified: FileChange[] = [];
  private readonly removed: { path: string; oid: string }[] = [];
  private readonly skipped: SkippedFile[] = [];

  compare(path: string, old: Side | null, next: Side, intentToAdd: boolean): void {
    if (intentToAdd) {
      this.skipped.push({ path, reason: { kind: 'intent-to-add' } });
      return;
    }
    if (old !== null && old.oid === next.oid && old.mode === next.mode) return; // unchanged
    if (next.mode === MODE_GITLINK) {
      this.skipped.push({ path, reason: { kind: 'submodule' } });
      return;
    }
    if (next.mode === MODE_SYMLINK) {
      this.skipped.push({ path, reason: { kind: 'symlink' } });
      return;
    }
    // A symlink or submodule that became a regular file is new content, even when the bytes are the link's target
    // (a change of type is a change of content): compare against nothing.
    const contentBefore = old !== null && isContent(old.mode) ? old : null;
    if (contentBefore && contentBefore.oid === next.oid) {
      if (contentBefore.mode !== next.mode) this.skipped.push({ path, reason: { kind: 'mode-change' } });
      return;
    }
    const change: FileChange = { path, oldOid: contentBefore?.oid ?? null, newOid: next.oid, mode: next.mode };
    (change.oldOid === null ? this.added : this.modified).push(change);
  }

  deleted(path: string, old: Side): void {
    if (isContent(old.mode)) this.removed.push({ path, oid: old.oid });
  }

  deletedTree(trees: TreeReader, path: string, oid: string): void {
    compareTrees(trees, path, oid, null, this);
  }

  finish(): TreeDiff {
    const changes = [...this.modified];
    // Several deleted files may share one blob (empty files, copies): each is paired once, the rest are deleted.
    const removedByOid = new Map<string, { path: string; oid: string }[]>();
    for (const r of this.removed) {
      const list = removedByOid.get(r.oid);
      if (list) list.push(r);
      else removedByOid.set(r.oid, [r]);
    }
    const removedByName = new Map<string, { path: string; oid: string }[]>();
    for (const r of this.removed) {
      const list = removedByName.get(baseName(r.path)) ?? [];
      list.push(r);
      removedByName.set(baseName(r.path), list);
    }
    for (const change of this.added) {
      const sameContent = removedByOid.get(change.newOid)?.shift();
      if (sameContent) {
        this.skipped.push({ path: change.path, reason: { kind: 'renamed', from: sameContent.path } });
        continue;
      }
      // A rename with edits: compare against the deleted file of the same name, so only new lines count.
      const sameName = removedByName.get(baseName(change.path));
      if (sameName?.length === 1) {
        changes.push({ ...change, oldOid: sameName[0]!.oid, oldPath: sameName[0]!.path });
        continue;
      }
      changes.push(change);
    }
    for (const list of removedByOid.values()) {
      for (const r of list) this.skipped.push({ path: r.path, reason: { kind: 'deleted' } });
    }
    changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { changes, skipped: this.skipped };
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
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
