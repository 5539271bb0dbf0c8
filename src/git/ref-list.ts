// Ref listing through isomorphic-git, loaded lazily: only pushes need it, never the commit hook.
import { isomorphicGitFs } from './read-only-fs.js';
import type { Repository } from './repo.js';

async function git() {
  return (await import('isomorphic-git')).default;
}

/**
 * Object ids of one remote's remote-tracking refs (refs/remotes/<remote>/*): what this repository last saw on
 * that remote. Only the remote being pushed to counts: a commit already on `origin` is not on `public`.
 */
export async function remoteTrackingTips(repo: Repository, remote: string): Promise<string[]> {
  const iso = await git();
  const fs = isomorphicGitFs();
  const gitdir = repo.commonDir;
  const tips: string[] = [];
  const branches = await iso.listBranches({ fs, gitdir, remote });
  for (const branch of branches) {
    if (branch === 'HEAD') continue;
    try {
      tips.push(await iso.resolveRef({ fs, gitdir, ref: `refs/remotes/${remote}/${branch}` }));
    } catch {
      // A dangling remote-tracking ref excludes nothing.
    }
  }
  return tips;
}

/** Object ids of every local branch and tag: everything a push could publish. */
export async function localTips(repo: Repository): Promise<string[]> {
  const iso = await git();
  const fs = isomorphicGitFs();
  const gitdir = repo.commonDir;
  const refs = [
    ...(await iso.listBranches({ fs, gitdir })).map((name) => `refs/heads/${name}`),
    ...(await iso.listTags({ fs, gitdir })).map((name) => `refs/tags/${name}`),
  ];
  const tips: string[] = [];
  for (const ref of refs) {
    try {
      tips.push(await iso.resolveRef({ fs, gitdir, ref }));
    } catch {
      // A dangling ref publishes nothing.
    }
  }
  return tips;
}
