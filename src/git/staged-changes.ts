// What the commit will record, compared with HEAD: the index git is committing against HEAD's tree.
// Directories whose cache-tree id equals HEAD's tree id are skipped without opening them, so the cost follows
// the size of the change, not of the repository. Nothing here writes: the index is parsed, never refreshed.
import { IndexFileError } from '../errors.js';
import { indexOfEntries, readIndexFile, type GitIndex, type IndexEntry } from './index/index-file.js';
import { isTreeMode, type TreeEntry, type TreeReader } from './tree.js';
import { runGit } from './git-process.js';
import { isObjectId } from './object-id.js';
import type { Repository } from './repo.js';
import { compareTrees, DiffCollector, type TreeDiff } from './tree-diff.js';

/** HEAD's tree (null for the first commit) against the index at `indexFile`. */
export async function stagedChanges(trees: TreeReader, headTree: string | null, repo: Repository): Promise<TreeDiff> {
  const resolved = wholeIndex(repo);
  const diff = new DiffCollector();
  walkIndexDirectory(trees, resolved, 0, resolved.count, '', headTree, diff);
  return diff.finish();
}

/** Every entry of the index git is committing, a split index included (listed by git, which reads it whole). */
export function wholeIndex(repo: Repository): GitIndex {
  const index = readIndexFile(repo.indexFile, repo.objectFormat) ?? indexOfEntries([]);
  return index.splitIndex ? readIndexThroughGit(repo) : index;
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

/**
 * A split index (core.splitIndex) stores entries across two files: let git itself list them. `ls-files` only
 * reads; it never writes the index.
 */
function readIndexThroughGit(repo: Repository): GitIndex {
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
  return indexOfEntries(entries);
}
