// Which commits a push is about to publish, from the lines git writes to the pre-push hook's standard input:
// `<local ref> <local oid> <remote ref> <remote oid>`, one per ref being pushed.
// https://git-scm.com/docs/githooks#_pre_push
// What may be taken as already published, and so left out of the scan, is only what is known of the target: the
// remote-side ids git passes on stdin (git just read them from the remote) and the remote-tracking refs of the
// remote being pushed to. Nothing of another remote counts, and a push to a URL or to a remote never fetched
// from scans everything it publishes.
import { isZeroId } from './object-id.js';
import type { Repository } from './repo.js';

export interface PushedRef {
  localRef: string;
  localOid: string;
  remoteRef: string;
  remoteOid: string;
}

export function parsePushLines(stdin: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const line of stdin.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4) continue;
    const [localRef, localOid, remoteRef, remoteOid] = parts as [string, string, string, string];
    if (!/^[0-9a-f]{40,64}$/.test(localOid) || !/^[0-9a-f]{40,64}$/.test(remoteOid)) continue;
    refs.push({ localRef, localOid, remoteRef, remoteOid });
  }
  return refs;
}

export interface PushRange {
  /** The pushed objects (usually commits; a tag may point at a tree or a blob). */
  include: { ref: string; oid: string }[];
  /** Commits the target already has. */
  exclude: string[];
  /** Refs being deleted: nothing to scan. */
  deleted: string[];
}

/**
 * `remote` is what git passes as the hook's first argument: a configured remote's name, or the URL when the push
 * names one directly. Only a configured remote has tracking refs to trust.
 */
export async function pushRange(
  repo: Repository,
  refs: PushedRef[],
  remote: string | null,
  has: (oid: string) => boolean,
  trackingTips: (repo: Repository, remote: string) => Promise<string[]>,
): Promise<PushRange> {
  const include: PushRange['include'] = [];
  const exclude = new Set<string>();
  const deleted: string[] = [];
  for (const ref of refs) {
    if (isZeroId(ref.localOid, repo.objectFormat)) {
      deleted.push(ref.remoteRef);
      continue;
    }
    include.push({ ref: ref.localRef, oid: ref.localOid });
    // An old remote tip we do not have (not fetched yet) cannot be walked; the tracking refs stand in for it.
    if (!isZeroId(ref.remoteOid, repo.objectFormat) && has(ref.remoteOid)) exclude.add(ref.remoteOid);
  }
  if (include.length > 0 && remote !== null && isConfiguredRemote(repo, remote)) {
    for (const tip of await trackingTips(repo, remote)) if (has(tip)) exclude.add(tip);
  }
  return { include, exclude: [...exclude], deleted };
}

/** A remote with a `remote.<name>.url` in the repository's configuration (not a URL typed on the command line). */
export function isConfiguredRemote(repo: Repository, remote: string): boolean {
  return repo.config.has(`remote.${remote}.url`);
}
