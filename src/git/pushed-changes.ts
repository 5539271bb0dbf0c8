// Which commits a push is about to publish, from the lines git writes to the pre-push hook's standard input:
// `<local ref> <local oid> <remote ref> <remote oid>`, one per ref being pushed.
// https://git-scm.com/docs/githooks#_pre_push
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
    refs.push({ localRef, localOid, remoteRef, remoteOid });
  }
  return refs;
}

export interface PushRange {
  include: string[];
  exclude: string[];
  /** Refs being deleted: nothing to scan. */
  deleted: string[];
}

/**
 * Commits reachable from the pushed tips and from none of: the remote's old tips, and the remote-tracking refs
 * of this remote (or of every remote when this one has none yet). So a new branch name never means scanning
 * the whole history of a long-lived branch, and a force push scans only its new commits.
 */
export async function pushRange(
  repo: Repository,
  refs: PushedRef[],
  remote: string | null,
  has: (oid: string) => boolean,
  remoteTips: (repo: Repository, remote: string | null) => Promise<string[]>,
): Promise<PushRange> {
  const include: string[] = [];
  const exclude = new Set<string>();
  const deleted: string[] = [];
  for (const ref of refs) {
    if (isZeroId(ref.localOid, repo.objectFormat)) {
      deleted.push(ref.remoteRef);
      continue;
    }
    include.push(ref.localOid);
    // An old remote tip we do not have (not fetched yet) cannot be walked; the tracking refs stand in for it.
    if (!isZeroId(ref.remoteOid, repo.objectFormat) && has(ref.remoteOid)) exclude.add(ref.remoteOid);
  }
  if (include.length > 0) {
    let tracking = remote ? await remoteTips(repo, remote) : [];
    if (tracking.length === 0) tracking = await remoteTips(repo, null);
    for (const tip of tracking) exclude.add(tip);
  }
  return { include, exclude: [...exclude], deleted };
}
