// `secret-hook pre-push <remote> <url>`: scan the commits a push is about to publish (read from stdin).
import { GitObjectError } from '../errors.js';
import { parsePushLines, pushRange, isConfiguredRemote, type PushRange } from '../git/pushed-changes.js';
import { localTips, remoteTrackingTips } from '../git/ref-list.js';
import { recordedBypassNote } from '../report/messages/recorded-bypass.js';
import { frameworkPushNotice, progressLabel, shallowNotice } from '../report/messages/scan-notes.js';
import type { Progress } from '../report/progress.js';
import type { ScanResult } from '../result.js';
import { failure, render, type OutputOptions } from './render.js';
import type { CommandOutcome } from './outcome.js';
import { weighRecordedBypasses } from './recorded-bypass.js';
import { scanPush, type PushScan } from './scan-push.js';
import { openSession, type Session } from './session.js';

export interface PrePushOptions extends OutputOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  remote: string | null;
  stdin: string;
  /**
   * Run by the pre-commit framework (its hook entry passes --pre-commit-framework): git's ref lines were consumed
   * by the framework, which passes at most one ref in variables. `toRef` and `fromRef` are those variables.
   */
  framework?: { fromRef: string | null; toRef: string | null } | null;
  progress: (label: string, unit: string) => Progress;
}

export async function runPrePush(options: PrePushOptions): Promise<CommandOutcome> {
  const started = Date.now();
  let session: Session | undefined;
  try {
    session = await openSession(options);
    const range = options.framework
      ? await frameworkRange(session, options.framework, options.remote)
      : await pushRange(
          session.repo,
          parsePushLines(options.stdin),
          options.remote,
          (oid) => session!.store.has(oid),
          remoteTrackingTips,
        );
    const scanned = await scanPush(session, range, options.progress(progressLabel('push'), 'commits'));
    const result = withRecordedBypasses(scanned);
    if (scanned.shallowBoundary.length > 0) result.notices.unshift(shallowNotice(scanned.shallowBoundary));
    if (options.framework) result.notices.unshift(frameworkPushNotice(options.remote));
    result.stats.milliseconds = Date.now() - started;
    return await render(result, session, { ...options, hook: true });
  } catch (error) {
    return failure(error, 'push', options);
  } finally {
    session?.close();
  }
}

/**
 * Findings that their commit records as knowingly committed (Secret-Hook-Bypass trailers) go through, each commit
 * named in a note with its reason and its findings.
 */
function withRecordedBypasses(scanned: PushScan): ScanResult {
  const { recordedBypasses, unfinished: _unfinished, shallowBoundary: _boundary, ...result } = scanned;
  if (recordedBypasses.size === 0) return result;
  const weighed = weighRecordedBypasses(result.findings, recordedBypasses);
  const notes = weighed.acknowledged.map((a) =>
    recordedBypassNote(
      a.commit.oid,
      a.commit.subject,
      a.reason,
      a.findings.map((f) => `${f.ruleId} in ${f.path}:${f.line}`),
    ),
  );
  return { ...result, findings: weighed.remaining, notices: [...result.notices, ...notes] };
}

/**
 * The pre-commit framework tells a hook about one pushed ref at most, and about none for a branch that is not
 * checked out. Not knowing what is pushed, scan everything that could be: every local branch and tag, and the
 * framework's ref, minus what the target remote is known to have.
 */
async function frameworkRange(
  session: Session,
  framework: NonNullable<PrePushOptions['framework']>,
  remote: string | null,
): Promise<PushRange> {
  const has = (oid: string) => {
    try {
      return session.store.has(oid);
    } catch (error) {
      if (error instanceof GitObjectError) return false;
      throw error;
    }
  };
  const include = (await localTips(session.repo)).map((oid) => ({ ref: 'a local branch or tag', oid }));
  if (framework.toRef && has(framework.toRef)) include.push({ ref: 'the pushed ref', oid: framework.toRef });
  const exclude: string[] = [];
  if (framework.fromRef && has(framework.fromRef) && !/^0+$/.test(framework.fromRef)) exclude.push(framework.fromRef);
  if (remote !== null && isConfiguredRemote(session.repo, remote)) {
    for (const tip of await remoteTrackingTips(session.repo, remote)) if (has(tip)) exclude.push(tip);
  }
  return { include, exclude, deleted: [] };
}
