// Ref listing and revision names through isomorphic-git, loaded lazily: only pushes and manual history scans
// need them, never the commit hook. isomorphic-git reads neither SHA-256 object names nor reftable refs: for such
// a repository git itself answers (refs-through-git.ts).
import * as path from 'node:path';
import { UsageError } from '../errors.js';
import type { ObjectStore } from './object-store.js';
import { readCommit } from './objects.js';
import { isomorphicGitFs } from './read-only-fs.js';
import { resolveHead } from './refs.js';
import { remoteTrackingTipsThroughGit, resolveRevisionThroughGit } from './refs-through-git.js';
import type { Repository } from './repo.js';

/** Whether isomorphic-git can read this repository: SHA-1 object names and refs stored as files. */
function readableByIsomorphicGit(repo: Repository): boolean {
  return repo.objectFormat === 'sha1' && repo.refStorage === 'files';
}

async function git() {
  return (await import('isomorphic-git')).default;
}

/** Object ids of the remote-tracking refs of `remote` (refs/remotes/<remote>/*), or of every remote. */
export async function remoteTrackingTips(repo: Repository, remote: string | null): Promise<string[]> {
  if (!readableByIsomorphicGit(repo)) return remoteTrackingTipsThroughGit(repo, remote);
  const iso = await git();
  const gitdir = repo.commonDir;
  const remotes = remote ? [remote] : (await iso.listRemotes({ fs: isomorphicGitFs(), gitdir })).map((r) => r.remote);
  const tips: string[] = [];
  for (const name of remotes) {
    const branches = await iso.listBranches({ fs: isomorphicGitFs(), gitdir, remote: name });
    for (const branch of branches) {
      if (branch === 'HEAD') continue;
      try {
        tips.push(await iso.resolveRef({ fs: isomorphicGitFs(), gitdir, ref: `refs/remotes/${name}/${branch}` }));
      } catch {
        // A dangling remote-tracking ref excludes nothing.
      }
    }
  }
  return tips;
}

/**
 * A revision as users write it: HEAD, a branch, tag or remote-tracking name, a full or abbreviated id, with
 * optional ~N / ^N suffixes. Returns a commit id.
 */
export async function resolveRevision(repo: Repository, store: ObjectStore, revision: string): Promise<string> {
  if (!readableByIsomorphicGit(repo)) return resolveRevisionThroughGit(repo, revision);
  const match = /^(.*?)((?:[~^]\d*)*)$/.exec(revision);
  const base = match?.[1] ?? revision;
  const suffixes = match?.[2] ?? '';
  let oid = await resolveBase(repo, base);
  for (const [, op, count] of suffixes.matchAll(/([~^])(\d*)/g)) {
    const n = count === '' ? 1 : Number(count);
    if (op === '~') {
      for (let i = 0; i < n; i++) oid = parentOf(store, oid, 0, revision);
    } else if (n > 0) {
      oid = parentOf(store, oid, n - 1, revision);
    }
  }
  return readCommit(store, oid).oid;
}

async function resolveBase(repo: Repository, base: string): Promise<string> {
  if (base === 'HEAD' || base === '@') {
    const head = resolveHead(repo);
    if (!head) throw new UsageError('HEAD does not point at a commit yet');
    return head;
  }
  if (/^[0-9a-f]{40}$/.test(base)) return base;
  const iso = await git();
  const gitdir = repo.commonDir;
  try {
    return await iso.resolveRef({ fs: isomorphicGitFs(), gitdir, ref: base });
  } catch {
    // not a ref name: maybe an abbreviated object id
  }
  if (/^[0-9a-f]{4,39}$/.test(base)) {
    try {
      return await iso.expandOid({ fs: isomorphicGitFs(), gitdir, oid: base });
    } catch {
      // fall through to the error below
    }
  }
  throw new UsageError(`unknown revision "${base}" in ${path.basename(repo.workTree ?? repo.gitDir)}`, {
    hint: 'Use a branch, tag or remote-tracking name, HEAD, or a commit id.',
  });
}

function parentOf(store: ObjectStore, oid: string, index: number, revision: string): string {
  const parent = readCommit(store, oid).parents[index];
  if (!parent) throw new UsageError(`revision "${revision}" goes past the first commit`);
  return parent;
}
