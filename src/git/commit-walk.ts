// Which commits are in `include` but not reachable from `exclude`: git's `rev-list A --not B…`, newest first.
// Walked by commit time with a priority queue, so the walk stops once only excluded commits are left and a
// long-lived branch's whole history is never read just to find that it is already on the remote.
// A parent that is missing (a shallow clone's boundary) ends that line of the walk and is reported.
import { GitObjectError } from '../errors.js';
import type { ObjectStore } from './object-store.js';
import { readCommit, type Commit } from './objects.js';

export interface WalkResult {
  /** Commits to scan, newest first. */
  commits: Commit[];
  /** Commits whose parents are not in the repository (shallow clone): the scan stops there. */
  shallowBoundary: string[];
}

interface Queued {
  commit: Commit;
  excluded: boolean;
}

export function walkCommits(
  store: ObjectStore,
  include: readonly string[],
  exclude: readonly string[],
  shallow: ReadonlySet<string> = new Set(),
): WalkResult {
  const excluded = new Set<string>();
  const seen = new Map<string, boolean>();
  const heap = new CommitHeap();
  const result: Commit[] = [];
  const boundary: string[] = [];

  const push = (oid: string, isExcluded: boolean, child?: Commit) => {
    const previous = seen.get(oid);
    if (previous !== undefined && (previous || !isExcluded)) return;
    seen.set(oid, isExcluded);
    if (isExcluded) excluded.add(oid);
    let commit: Commit;
    try {
      commit = readCommit(store, oid);
    } catch (error) {
      if (error instanceof GitObjectError && child && !store.has(oid)) {
        if (!isExcluded && !boundary.includes(child.oid)) boundary.push(child.oid);
        return;
      }
      throw error;
    }
    heap.push({ commit, excluded: isExcluded });
  };

  for (const oid of exclude) push(oid, true);
  for (const oid of include) push(oid, false);

  while (heap.hasIncluded()) {
    const { commit, excluded: isExcluded } = heap.pop()!;
    const nowExcluded = isExcluded || excluded.has(commit.oid);
    if (!nowExcluded) result.push(commit);
    if (shallow.has(commit.oid)) {
      if (!nowExcluded) boundary.push(commit.oid);
      continue;
    }
    for (const parent of commit.parents) push(parent, nowExcluded, commit);
  }
  // Clock skew can surface a commit before the excluded commit that reaches it: drop those at the end.
  return { commits: result.filter((c) => !excluded.has(c.oid)), shallowBoundary: boundary };
}

/** A max-heap by author time (newest first) that knows whether any included commit is still queued. */
class CommitHeap {
  private readonly items: Queued[] = [];
  private included = 0;

  push(item: Queued): void {
    if (!item.excluded) this.included++;
    this.items.push(item);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.items[parent]!.commit.commitTime >= item.commit.commitTime) break;
      this.items[i] = this.items[parent]!;
      i = parent;
    }
    this.items[i] = item;
  }

  pop(): Queued | undefined {
    const top = this.items[0];
    const last = this.items.pop();
    if (!top || !last) return undefined;
    if (this.items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let largest = i;
        const candidate = (k: number) => (k === i ? last : this.items[k]!);
        if (left < this.items.length && this.items[left]!.commit.commitTime > candidate(largest).commit.commitTime)
          largest = left;
        if (right < this.items.length && this.items[right]!.commit.commitTime > candidate(largest).commit.commitTime)
          largest = right;
        if (largest === i) break;
        this.items[i] = this.items[largest]!;
        i = largest;
      }
      this.items[i] = last;
    }
    if (!top.excluded) this.included--;
    return top;
  }

  hasIncluded(): boolean {
    return this.included > 0;
  }
}
