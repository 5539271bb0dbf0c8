// What the commit will record, compared with HEAD: the index git is committing against HEAD's tree.
// Directories whose cache-tree id equals HEAD's tree id are skipped without opening them, so the cost follows
// the size of the change, not of the repository. Nothing here writes: the index is parsed, never refreshed.
import { createRequire } from 'node:module';
import { IndexFileError } from '../errors.js';
import { indexOfEntries, readIndexFile, type GitIndex, type IndexEntry } from './index-file.js';
import { isObjectId, type ObjectFormat } from './object-id.js';
import { isTreeMode, MODE_GITLINK, MODE_SYMLINK, type TreeEntry, type TreeReader } from './objects.js';

export interface FileChange {
  path: string;
  /** The blob to compare against (HEAD's version, or the source of a rename); null for a new file. */
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
  reason: string;
}

export interface TreeDiff {
  changes: FileChange[];
  skipped: SkippedFile[];
}

interface Side {
  mode: number;
  oid: string;
}

/** HEAD's tree (null for the first commit) against the index at `indexFile`. */
export async function stagedChanges(
  trees: TreeReader,
  headTree: string | null,
  indexFile: string,
  workTree: string | null,
): Promise<TreeDiff> {
  const index = readIndexFile(indexFile, trees.format) ?? indexOfEntries([]);
  const resolved = index.splitIndex ? readIndexThroughGit(indexFile, workTree, trees.format) : index;
  const diff = new DiffCollector();
  walkIndexDirectory(trees, resolved, 0, resolved.count, '', headTree, diff);
  return diff.finish();
}

/**
 * Walks index entries [from, to) that all lie under `dir` against HEAD's tree for `dir` (null if HEAD has none).
 * Only stage-0 entries count: during a conflicted merge the other stages are not what a commit records.
 */
function walkIndexDirectory(
  trees: TreeReader,
  index: GitIndex,
  from: number,
  to: number,
  dir: string,
  headTreeOid: string | null,
  diff: DiffCollector,
): void {
  const cached = index.cacheTree.get(dir);
  if (headTreeOid !== null && cached?.oid === headTreeOid && cached.entryCount === to - from) return;

  const headEntries = new Map<string, TreeEntry>();
  if (headTreeOid !== null) for (const entry of trees.read(headTreeOid)) headEntries.set(entry.name, entry);
  const prefix = dir === '' ? '' : `${dir}/`;

  let i = from;
  while (i < to) {
    const rest = index.path(i).slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash === -1 || slash === rest.length - 1) {
      // A file, or a sparse-index directory entry ("dir/") that stands for a whole tree.
      const entry = index.entry(i);
      if (entry.stage !== 0) {
        i++;
        continue;
      }
      const name = slash === -1 ? rest : rest.slice(0, -1);
      const head = headEntries.get(name);
      headEntries.delete(name);
      if (isTreeMode(entry.mode)) {
        compareTrees(trees, `${prefix}${name}`, head && isTreeMode(head.mode) ? head.oid : null, entry.oid, diff);
        if (head && !isTreeMode(head.mode)) diff.deleted(`${prefix}${name}`, head);
      } else {
        if (head && isTreeMode(head.mode)) diff.deletedTree(trees, `${prefix}${name}`, head.oid);
        diff.compare(`${prefix}${name}`, head && !isTreeMode(head.mode) ? head : null, entry, entry.intentToAdd);
      }
      i++;
      continue;
    }
    const name = rest.slice(0, slash);
    const childDir = `${prefix}${name}`;
    const end = directoryEnd(index, i, to, childDir);
    const head = headEntries.get(name);
    headEntries.delete(name);
    if (head && !isTreeMode(head.mode)) diff.deleted(childDir, head);
    walkIndexDirectory(trees, index, i, end, childDir, head && isTreeMode(head.mode) ? head.oid : null, diff);
    i = end;
  }
  for (const [name, head] of headEntries) {
    if (isTreeMode(head.mode)) diff.deletedTree(trees, `${prefix}${name}`, head.oid);
    else diff.deleted(`${prefix}${name}`, head);
  }
}

/**
 * Where the entries under `dir` (starting at `start`) end. A valid cache-tree record says how many there are, which
 * skips an unchanged directory without decoding its paths; the two entries at the boundary confirm the count.
 */
function directoryEnd(index: GitIndex, start: number, to: number, dir: string): number {
  const prefix = `${dir}/`;
  const count = index.cacheTree.get(dir)?.entryCount ?? -1;
  if (count > 0) {
    const end = start + count;
    if (end <= to && index.path(end - 1).startsWith(prefix) && (end === to || !index.path(end).startsWith(prefix))) {
      return end;
    }
  }
  let end = start + 1;
  while (end < to && index.path(end).startsWith(prefix)) end++;
  return end;
}

/** Tree against tree, skipping identical subtrees by id: used for sparse-index directories and for commits. */
export function compareTrees(
  trees: TreeReader,
  dir: string,
  oldTree: string | null,
  newTree: string | null,
  diff: DiffCollector,
): void {
  if (oldTree === newTree) return;
  const prefix = dir === '' ? '' : `${dir}/`;
  const oldEntries = new Map<string, TreeEntry>();
  if (oldTree !== null) for (const entry of trees.read(oldTree)) oldEntries.set(entry.name, entry);
  if (newTree !== null) {
    for (const entry of trees.read(newTree)) {
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

  compare(path: string, head: Side | null, next: Side, intentToAdd: boolean): void {
    if (intentToAdd) {
      this.skipped.push({ path, reason: 'intent to add only (git add -N): no content is staged yet' });
      return;
    }
    if (head && head.oid === next.oid) {
      if (head.mode !== next.mode) this.skipped.push({ path, reason: 'mode change only: no content changed' });
      return;
    }
    if (next.mode === MODE_GITLINK) {
      this.skipped.push({ path, reason: 'submodule: its commits are scanned in its own repository' });
      return;
    }
    if (next.mode === MODE_SYMLINK) {
      this.skipped.push({ path, reason: 'symbolic link: its target is a path, not content' });
      return;
    }
    const scannableHead = head && head.mode !== MODE_GITLINK && head.mode !== MODE_SYMLINK ? head : null;
    const change: FileChange = { path, oldOid: scannableHead?.oid ?? null, newOid: next.oid, mode: next.mode };
    (change.oldOid === null ? this.added : this.modified).push(change);
  }

  deleted(path: string, head: Side): void {
    if (head.mode !== MODE_GITLINK && head.mode !== MODE_SYMLINK) this.removed.push({ path, oid: head.oid });
  }

  deletedTree(trees: TreeReader, path: string, oid: string): void {
    compareTrees(trees, path, oid, null, this);
  }

  finish(): TreeDiff {
    const changes = [...this.modified];
    const removedByOid = new Map(this.removed.map((r) => [r.oid, r]));
    const removedByName = new Map<string, { path: string; oid: string }[]>();
    for (const r of this.removed) {
      const list = removedByName.get(baseName(r.path)) ?? [];
      list.push(r);
      removedByName.set(baseName(r.path), list);
    }
    for (const change of this.added) {
      const sameContent = removedByOid.get(change.newOid);
      if (sameContent) {
        this.skipped.push({ path: change.path, reason: `renamed from ${sameContent.path} without changes` });
        removedByOid.delete(change.newOid);
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
    for (const r of removedByOid.values()) this.skipped.push({ path: r.path, reason: 'deleted: nothing added' });
    changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { changes, skipped: this.skipped };
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A split index (core.splitIndex) stores entries across two files: let git itself list them. `ls-files` only
 * reads; it never writes the index.
 */
function readIndexThroughGit(indexFile: string, workTree: string | null, format: ObjectFormat): GitIndex {
  // child_process is loaded only here: split indexes are rare, and the hook should not pay for it.
  const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  let output: Buffer;
  try {
    output = execFileSync('git', ['ls-files', '--stage', '-z'], {
      cwd: workTree ?? undefined,
      env: { ...process.env, GIT_INDEX_FILE: indexFile },
      maxBuffer: 1024 * 1024 * 1024,
    });
  } catch (error) {
    throw new IndexFileError(`cannot list the split index ${indexFile} with git ls-files`, { cause: error });
  }
  const entries: IndexEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(record);
    if (!match || !isObjectId(match[2]!, format)) continue;
    entries.push({
      mode: parseInt(match[1]!, 8),
      oid: match[2]!,
      stage: Number(match[3]),
      path: match[4]!,
      intentToAdd: false,
      skipWorktree: false,
    });
  }
  return indexOfEntries(entries);
}
