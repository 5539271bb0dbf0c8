// What the commit will record, compared with HEAD: the index git is committing against HEAD's tree, at a cost that
// follows the size of the change, not of the repository. Nothing here writes: the index is parsed, never refreshed.
//
// The cache tree (index/cache-tree.ts) says, for each directory whose entries did not change since git last wrote
// trees, the id of the tree git will write for it and how many entries lie below it:
// - a valid directory whose id equals HEAD's is skipped without being opened;
// - a valid directory whose id differs is compared with HEAD's as two trees: the id names exactly the entries below
//   it, as git will record them (`git commit` writes the commit's tree from these records), so no entry is read.
//   `git commit` updates every record before its hooks run: in a monorepo's index the hook reads no entry at all.
//   In an index of up to WALK_ENTRIES_UP_TO entries, such a directory is walked entry by entry instead: stepping
//   over a few thousand entries costs less than reading the trees git has just written (loose objects, a file
//   each): 2–3.5 ms of a commit inside `git commit` (docs/performance.md);
// - an invalidated directory (after `git add` outside a commit, an intent-to-add entry, a conflict) is walked entry
//   by entry, its valid subdirectories skipped or compared by record, their entries stepped over by count.
import { IndexFileError } from '../errors.js';
import { indexOfEntries, readIndexFile, utf8Path, type GitIndex, type IndexEntry } from './index/index-file.js';
import { directoryBefore, emptyCacheTree, type CacheTree } from './index/cache-tree.js';
import { isTreeMode, type TreeEntry, type TreeReader } from './tree.js';
import { runGit } from './git-process.js';
import { isObjectId } from './object-id.js';
import type { Repository } from './repo.js';
import { compareTrees, DiffCollector, type TreeDiff } from './tree-diff.js';

/** Up to this many index entries, a changed directory with a valid record is walked rather than read as a tree. */
const WALK_ENTRIES_UP_TO = 10_000;

/**
 * HEAD's tree (null for the first commit) against the index at `indexFile`. `walkEntriesUpTo`: the index size up to
 * which changed directories are walked entry by entry (tests set it to 0 to compare every valid record as a tree).
 */
export async function stagedChanges(
  trees: TreeReader,
  headTree: string | null,
  repo: Repository,
  walkEntriesUpTo = WALK_ENTRIES_UP_TO,
): Promise<TreeDiff> {
  const index = readIndexFile(repo.indexFile, repo.objectFormat);
  try {
    if (index === null) return walkAll(trees, indexOfEntries([]), headTree, false);
    // A split index's own entries are only a delta: its directories are compared by record as trees.
    const byEntries = !index.splitIndex && index.count <= walkEntriesUpTo;
    const diff = new DiffCollector();
    if (new IndexWalk(trees, index, diff, byEntries).byRootRecord(headTree)) return diff.finish();
    // A split index's entries are merged by git; its cache tree (in this file) still counts the merged entries.
    return walkAll(trees, index.splitIndex ? readIndexThroughGit(repo, index.cacheTree) : index, headTree, byEntries);
  } finally {
    index?.close();
  }
}

/**
 * Every entry of the index git is committing, decoded, a split index included (listed by git, which reads it whole):
 * for the fix command, which looks entries up by path. The file is closed before this returns.
 */
export function wholeIndex(repo: Repository): GitIndex {
  const index = readIndexFile(repo.indexFile, repo.objectFormat);
  if (index === null) return indexOfEntries([]);
  try {
    return index.splitIndex
      ? readIndexThroughGit(repo, index.cacheTree)
      : indexOfEntries([...index.entries], index.cacheTree);
  } finally {
    index.close();
  }
}

/** The index entry by entry, skipping what the cache tree allows; again without it if it proved malformed. */
function walkAll(trees: TreeReader, index: GitIndex, headTree: string | null, byEntries: boolean): TreeDiff {
  const diff = new DiffCollector();
  new IndexWalk(trees, index, diff, byEntries).walk(headTree);
  if (!index.cacheTree.dropped) return diff.finish();
  const again = new DiffCollector();
  new IndexWalk(trees, index, again, byEntries, emptyCacheTree()).walk(headTree);
  return again.finish();
}

class IndexWalk {
  private readonly cacheTree: CacheTree;

  constructor(
    private readonly trees: TreeReader,
    private readonly index: GitIndex,
    private readonly diff: DiffCollector,
    /** Changed directories with a valid record are walked entry by entry, not read as trees (a small index). */
    private readonly byEntries: boolean,
    cacheTree: CacheTree = index.cacheTree,
  ) {
    this.cacheTree = cacheTree;
  }

  /**
   * The whole index by its root record, when valid: what a hook sees inside `git commit`. (A split index's own
   * entries are only a delta, so the root's count is checked against the entries only when they are all here.)
   */
  byRootRecord(headTree: string | null): boolean {
    const root = this.cacheTree.root;
    if (root < 0) return false;
    if (!this.index.splitIndex && this.cacheTree.entryCount(root) !== this.index.count) return false;
    // Nothing staged, or (walking by entries) something staged: then the walk opens only what changed.
    if (this.byEntries && this.cacheTree.oid(root) !== headTree) return false;
    return this.byRecord('', root, headTree) && !this.cacheTree.dropped;
  }

  walk(headTree: string | null): void {
    this.walkEntries('', '', 0, headTree, this.cacheTree.root, '');
  }

  /**
   * A directory whose record is valid, compared without reading its entries: skipped when its tree id is HEAD's,
   * else compared as a tree (when the object store has it; git writes it with the record). False: walk its entries.
   */
  private byRecord(dir: string, record: number, headOid: string | null): boolean {
    const oid = this.cacheTree.oid(record);
    if (oid === null) return false;
    if (oid === headOid) return true;
    if (!this.trees.has(oid)) return false;
    compareTrees(this.trees, dir, headOid, oid, this.diff);
    return true;
  }

  /**
   * Walks the entries under `dir` (its raw prefix `rawPrefix`, e.g. 'a/b/'), from entry `from`, against HEAD's tree
   * for it (null if HEAD has none); `record` is its cache-tree record (-1: none). `known` is a prefix of the path
   * of the entry before `from` (a version 4 path only exists relative to the one before it). Returns where the
   * directory's entries end. Only stage-0 entries count: during a conflicted merge the other stages are not what a
   * commit records.
   */
  private walkEntries(
    dir: string,
    rawPrefix: string,
    from: number,
    headOid: string | null,
    record: number,
    known: string,
  ): number {
    const { index, trees, diff } = this;
    const headEntries = new Map<string, TreeEntry>();
    if (headOid !== null) for (const entry of trees.read(headOid)) headEntries.set(entry.name, entry);
    const prefix = dir === '' ? '' : `${dir}/`;
    // The subdirectories the cache tree knows, in the order the walk meets them: runs of them are skipped together.
    const children = record >= 0 ? this.cacheTree.children(record) : [];
    let next = 0;

    let i = from;
    while (i < index.count) {
      const raw = index.rawPath(i, known);
      if (!raw.startsWith(rawPrefix)) break;
      const rest = raw.slice(rawPrefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1 || slash === rest.length - 1) {
        // A file, or a sparse-index directory entry ("dir/") that stands for a whole tree.
        const entry = index.entry(i, known);
        known = raw;
        i++;
        if (entry.stage !== 0) continue;
        const name = utf8Path(slash === -1 ? rest : rest.slice(0, -1));
        const head = headEntries.get(name);
        headEntries.delete(name);
        this.compareEntry(`${prefix}${name}`, head, entry);
        continue;
      }
      const rawName = rest.slice(0, slash);
      while (next < children.length && directoryBefore(children[next]![0], rawName)) next++;
      if (next < children.length && children[next]![0] === rawName) {
        // Entry i is the first under a subdirectory with a record: skip it, and the ones after it, by their counts.
        const run = this.skippable(children, next, i, rawPrefix, headEntries);
        if (run.children > 0) {
          for (let t = next; t < next + run.children; t++) this.byChildRecord(prefix, children[t]!, headEntries);
          next += run.children;
          i += run.entries;
          // The entry before i lies in the last directory skipped: its prefix is all the next entry may keep of it.
          known = `${rawPrefix}${children[next - 1]![0]}/`;
          continue;
        }
      }
      const name = utf8Path(rawName);
      const childDir = `${prefix}${name}`;
      const childRaw = `${rawPrefix}${rawName}/`;
      const head = headEntries.get(name);
      headEntries.delete(name);
      if (head && !isTreeMode(head.mode)) diff.deleted(childDir, head);
      const headChild = head && isTreeMode(head.mode) ? head.oid : null;
      const child = next < children.length && children[next]![0] === rawName ? children[next]![1] : -1;
      i = this.walkEntries(childDir, childRaw, i, headChild, child, known);
      // The entry before i lies in the directory: its prefix is all that the next entry may keep of it.
      known = childRaw;
    }
    for (const [name, head] of headEntries) {
      if (isTreeMode(head.mode)) diff.deletedTree(trees, `${prefix}${name}`, head.oid);
      else diff.deleted(`${prefix}${name}`, head);
    }
    return i;
  }

  /**
   * How many of `children` from `first` on (entry i being the first entry of children[first]) can be passed over by
   * their records alone, and how many entries they hold. A child qualifies when its record is valid and its tree is
   * HEAD's or (comparing by trees) in the object store. A run of them is confirmed by the entries at its far end: the
   * last entry must lie in the run's last directory and the next one outside it, which holds only if no other entry
   * (a file, a directory without a record) lies among them, as counts are exact and entries sorted. Runs are found by
   * doubling then halving, so a directory of 2,000 unchanged subdirectories costs a few dozen entry reads. In
   * version 4 a path cannot be read without the one before it, so one directory is confirmed at a time, by the entry
   * after it.
   */
  private skippable(
    children: readonly (readonly [string, number])[],
    first: number,
    i: number,
    rawPrefix: string,
    headEntries: ReadonlyMap<string, TreeEntry>,
  ): { children: number; entries: number } {
    const { cacheTree, index } = this;
    const none = { children: 0, entries: 0 };
    // Entries up to and including each qualifying child: totals[k] for children[first + k].
    const totals: number[] = [];
    for (let t = first, total = 0; t < children.length; t++) {
      const [rawName, child] = children[t]!;
      const count = cacheTree.entryCount(child);
      const oid = cacheTree.oid(child);
      if (count <= 0 || oid === null) break;
      const head = headEntries.get(utf8Path(rawName));
      // Passed over: a directory as HEAD has it; or, comparing by trees, one whose tree the object store holds.
      if (oid !== (head && isTreeMode(head.mode) ? head.oid : null) && (this.byEntries || !this.trees.has(oid))) break;
      totals.push((total += count));
      if (!index.pathsStandAlone) break;
    }
    const holds = (k: number) => index.holds(i, totals[k]!, `${rawPrefix}${children[first + k]![0]}/`);
    if (totals.length === 0 || !holds(0)) return none;
    let good = 0;
    let bad = totals.length;
    for (let step = 1; good + step < bad; step *= 2) {
      if (!holds(good + step)) {
        bad = good + step;
        break;
      }
      good += step;
    }
    while (bad - good > 1) {
      const middle = (good + bad) >>> 1;
      if (holds(middle)) good = middle;
      else bad = middle;
    }
    return { children: good + 1, entries: totals[good]! };
  }

  /** A subdirectory passed over by its record: skipped, or compared as a tree (skippable() checked it can be). */
  private byChildRecord(
    prefix: string,
    [rawName, child]: readonly [string, number],
    headEntries: Map<string, TreeEntry>,
  ): void {
    const name = utf8Path(rawName);
    const head = headEntries.get(name);
    headEntries.delete(name);
    if (head && !isTreeMode(head.mode)) this.diff.deleted(`${prefix}${name}`, head);
    this.byRecord(`${prefix}${name}`, child, head && isTreeMode(head.mode) ? head.oid : null);
  }

  private compareEntry(path: string, head: TreeEntry | undefined, entry: IndexEntry): void {
    const { trees, diff } = this;
    if (isTreeMode(entry.mode)) {
      compareTrees(trees, path, head && isTreeMode(head.mode) ? head.oid : null, entry.oid, diff);
      if (head && !isTreeMode(head.mode)) diff.deleted(path, head);
    } else {
      if (head && isTreeMode(head.mode)) diff.deletedTree(trees, path, head.oid);
      diff.compare(path, head && !isTreeMode(head.mode) ? head : null, entry, entry.intentToAdd);
    }
  }
}

/**
 * A split index (core.splitIndex) stores entries across two files: let git itself list them. `ls-files` only
 * reads; it never writes the index.
 */
function readIndexThroughGit(repo: Repository, cacheTree: CacheTree): GitIndex {
  let output: Buffer;
  try {
    output = runGit(repo, ['ls-files', '--stage', '-z'], {
      env: { GIT_INDEX_FILE: repo.indexFile },
      task: { kind: 'list-index', file: repo.indexFile },
    });
  } catch (error) {
    throw new IndexFileError(repo.indexFile, { kind: 'split-index-unlisted' }, { cause: error });
  }
  const entries: IndexEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(record);
    if (!match || !isObjectId(match[2]!, repo.objectFormat)) continue;
    entries.push({
      mode: parseInt(match[1]!, 8),
      oid: match[2]!,
      stage: Number(match[3]),
      path: match[4]!,
      intentToAdd: false,
      skipWorktree: false,
    });
  }
  return indexOfEntries(entries, cacheTree);
}
