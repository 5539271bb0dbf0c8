// Ref listing for pushes, through isomorphic-git (loaded lazily: the commit hook never lists refs). isomorphic-git
// reads neither SHA-256 object names nor reftable refs: for such a repository git itself answers
// (refs-through-git.ts).
import { isomorphicGitFs } from './read-only-fs.js';
import { refTipsThroughGit } from './refs-through-git.js';
import type { Repository } from './repo.js';

/** Whether isomorphic-git can read this repository: SHA-1 object names and refs stored as files. */
function readableByIsomorphicGit(repo: Repository): boolean {
  return repo.objectFormat === 'sha1' && repo.refStorage === 'files';
}

async function git() {
  return (await import('isomorphic-git')).default;
}

/**
 * Object ids of one remote's remote-tracking refs (refs/remotes/<remote>/*): what this repository last saw on
 * that remote. Only the remote being pushed to counts: a commit already on `origin` is not on `public`.
 */
export async function remoteTrackingTips(repo: Repository, remote: string): Promise<string[]> {
  if (!readableByIsomorphicGit(repo)) return refTipsThroughGit(repo, [`refs/remotes/${remote}/`]);
  const iso = await git();
  const fs = isomorphicGitFs();
  const gitdir = repo.commonDir;
  const branches = await iso.listBranches({ fs, gitdir, remote });
  return resolveAll(
    branches.filter((b) => b !== 'HEAD').map((b) => `refs/remotes/${remote}/${b}`),
    repo,
  );
}

/** Object ids of every local branch and tag: everything a push could publish. */
export async function localTips(repo: Repository): Promise<string[]> {
  if (!readableByIsomorphicGit(repo)) return refTipsThroughGit(repo, ['refs/heads/', 'refs/tags/']);
  const iso = await git();
  const fs = isomorphicGitFs();
  const gitdir = repo.commonDir;
  const refs = [
    ...(await iso.listBranches({ fs, gitdir })).map((name) => `refs/heads/${name}`),
    ...(await iso.listTags({ fs, gitdir })).map((name) => `refs/tags/${name}`),
  ];
  return resolveAll(refs, repo);
}

async function resolveAll(refs: readonly string[], repo: Repository): Promise<string[]> {
  const iso = await git();
  const tips: string[] = [];
  for (const ref of refs) {
    try {
      tips.push(await iso.resolveRef({ fs: isomorphicGitFs(), gitdir: repo.commonDir, ref }));
    } catch {
      // A dangling ref publishes nothing and excludes nothing.
    }
  }
  return tips;
}
