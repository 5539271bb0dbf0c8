// `secret-hook pre-push <remote> <url>`: scan the commits a push is about to publish (read from stdin).
import { walkCommits } from '../git/commit-walk.js';
import { zeroId } from '../git/object-id.js';
import { parsePushLines, pushRange, type PushedRef } from '../git/pushed-changes.js';
import { resolveHead } from '../git/refs.js';
import { readShallowCommits } from '../git/shallow.js';
import { remoteTrackingTips } from '../git/ref-list.js';
import { shallowNotice } from '../report/messages.js';
import type { Progress } from '../report/progress.js';
import type { ScanResult } from '../report/result.js';
import { failure, render, type OutputOptions } from './check.js';
import type { CommandOutcome } from './outcome.js';
import { scanCommits } from './scan-commits.js';
import { openSession, type Session } from './session.js';

export interface PrePushOptions extends OutputOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  remote: string | null;
  stdin: string;
  /** Run by the pre-commit framework: the range from its variables (null ends: HEAD, and a new ref). */
  framework?: { from: string | null; to: string | null } | null;
  progress: (label: string) => Progress;
}

export async function runPrePush(options: PrePushOptions): Promise<CommandOutcome> {
  const started = Date.now();
  let session: Session | undefined;
  try {
    session = await openSession(options);
    const { repo, store } = session;
    const refs = options.framework ? frameworkRefs(session, options.framework) : parsePushLines(options.stdin);
    const range = await pushRange(repo, refs, options.remote, (oid) => store.has(oid), remoteTrackingTips);
    const walk = walkCommits(store, range.include, range.exclude, readShallowCommits(repo));
    const scanned = scanCommits(session, walk.commits, options.progress('secret-hook: scanning pushed commits'));
    const result: ScanResult = {
      scope: 'push',
      ...scanned,
      notices: walk.shallowBoundary.length > 0 ? [shallowNotice(walk.shallowBoundary)] : [],
      tips: range.include,
    };
    result.stats.milliseconds = Date.now() - started;
    return await render(result, session, { ...options, hook: true });
  } catch (error) {
    return failure(error, 'push', options);
  } finally {
    session?.close();
  }
}

function frameworkRefs(session: Session, range: { from: string | null; to: string | null }): PushedRef[] {
  const localOid = range.to ?? resolveHead(session.repo);
  if (!localOid) return [];
  return [
    { localRef: 'HEAD', localOid, remoteRef: 'HEAD', remoteOid: range.from ?? zeroId(session.repo.objectFormat) },
  ];
}
