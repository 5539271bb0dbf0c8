// `secret-hook pre-push <remote> <url>`: scan the commits a push is about to publish (read from stdin).
import { GitObjectError } from '../errors.js';
import { parsePushLines, pushRange, isConfiguredRemote, type PushRange } from '../git/pushed-changes.js';
import { localTips, remoteTrackingTips } from '../git/ref-list.js';
import { peelTag } from '../git/commit.js';
import { compareTrees, DiffCollector } from '../git/tree-diff.js';
import { frameworkPushNotice, progressLabel, shallowNotice } from '../report/messages/scan-notes.js';
import type { Progress } from '../report/progress.js';
import type { ReportedFinding, ScanResult } from '../result.js';
import { failure, render, type OutputOptions } from './render.js';
import type { CommandOutcome } from './outcome.js';
import { scanChange } from './scan-changes.js';
import { scanCommits } from './scan-commits.js';
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
    const result = await scanPush(session, range, options.progress(progressLabel('push'), 'commits'));
    if (options.framework) result.notices.unshift(frameworkPushNotice(options.remote));
    result.stats.milliseconds = Date.now() - started;
    return await render(result, session, { ...options, hook: true });
  } catch (error) {
    return failure(error, 'push', options);
  } finally {
    session?.close();
  }
}

/** Scans what a push publishes: the new commits, and any tree or blob a pushed tag points at directly. */
async function scanPush(session: Session, range: PushRange, progress: Progress): Promise<ScanResult> {
  const commits: string[] = [];
  const extra: ScanResult = {
    scope: 'push',
    findings: [],
    skipped: [],
    stats: { files: 0, bytes: 0, commits: 0, milliseconds: 0 },
    notices: [],
  };
  for (const { ref, oid } of range.include) {
    const target = peelTag(session.store, oid);
    if (target.type === 'commit') commits.push(target.oid);
    else if (target.type === 'tree') scanTree(session, ref, target.oid, extra);
    else if (target.type === 'blob') scanBlob(session, ref, target.oid, extra);
  }
  const stdin = [...commits, ...range.exclude.map((oid) => `^${oid}`)].join('\n') + '\n';
  const scanned = commits.length > 0 ? await scanCommits(session, { args: [], stdin }, progress) : null;
  const findings = new Map<string, ReportedFinding>();
  for (const f of [...(scanned?.findings ?? []), ...extra.findings])
    if (!findings.has(f.fingerprint)) findings.set(f.fingerprint, f);
  const boundary = scanned?.shallowBoundary ?? [];
  return {
    scope: 'push',
    findings: [...findings.values()],
    skipped: [...(scanned?.skipped ?? []), ...extra.skipped],
    stats: {
      files: (scanned?.stats.files ?? 0) + extra.stats.files,
      bytes: (scanned?.stats.bytes ?? 0) + extra.stats.bytes,
      commits: scanned?.stats.commits ?? 0,
      milliseconds: 0,
    },
    notices: boundary.length > 0 ? [shallowNotice(boundary)] : [],
    tips: commits,
  };
}

/** A tag that points at a tree publishes every file in it: scanned whole, under the tag's name. */
function scanTree(session: Session, ref: string, tree: string, into: ScanResult): void {
  const collector = new DiffCollector();
  compareTrees(session.trees, '', null, tree, collector);
  const diff = collector.finish();
  for (const change of diff.changes) addScan(session, { ...change, path: `${ref}:${change.path}` }, into);
  for (const s of diff.skipped) into.skipped.push({ path: `${ref}:${s.path}`, reason: s.reason });
}

/** A tag that points at a blob publishes its content: scanned whole, under the tag's name. */
function scanBlob(session: Session, ref: string, blob: string, into: ScanResult): void {
  addScan(session, { path: ref, oldOid: null, newOid: blob, mode: 0o100644 }, into);
}

function addScan(session: Session, change: Parameters<typeof scanChange>[1], into: ScanResult): void {
  const scanned = scanChange(session.scanContext, change);
  for (const finding of scanned.findings) into.findings.push(finding);
  if (scanned.skipped) into.skipped.push(scanned.skipped);
  into.stats.files++;
  into.stats.bytes += scanned.bytes;
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
