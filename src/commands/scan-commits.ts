// Scans the commits of a history, a range or a push: each commit's own changes (merges: only what the merge
// introduced). A secret is reported once, with the oldest commit that added it (commits come newest first, and an
// older one takes the finding over). git lists the commits and
// their tree diffs (commit-log.ts) and streams the blobs (blob-stream.ts) while we scan: blobs are asked for a few
// commits ahead. Every change goes through scanChange, as in the commit hook: the same added text, the same findings.
// Each commit's message is scanned too (scanMessage), and the bypasses commits record in their trailers are handed
// back for the caller to weigh (recorded-bypass.ts).
import type { LoggedCommit, LogRequest } from '../git/commit-log.js';
import { commitLog } from '../git/commit-log.js';
import { BlobStream } from '../git/blob-stream.js';
import { commitChanges } from '../git/commit-changes.js';
import { readCommit } from '../git/commit.js';
import { readShallowCommits } from '../git/shallow.js';
import type { FileChange } from '../git/tree-diff.js';
import type { Progress } from '../report/progress.js';
import type { CommitInfo, ReportedFinding, ScanResult } from '../result.js';
import { parseBypassTrailers, BYPASS_KEY, type BypassRecord } from './bypass-trailer.js';
import { scanChange } from './scan-changes.js';
import { scanMessage } from './scan-message.js';
import type { Session } from './session.js';

/** How many commits' blobs are asked for ahead of the one being scanned. */
const LOOKAHEAD_COMMITS = 64;

export interface CommitScan extends Omit<ScanResult, 'scope' | 'notices'> {
  /** Commits of a shallow clone's boundary that the scan reached: older history is not in the repository. */
  shallowBoundary: string[];
  /** The bypasses recorded in the scanned commits' messages (`Secret-Hook-Bypass` trailers), by commit. */
  recordedBypasses: Map<string, BypassRecord>;
  /** The deadline passed before every commit was scanned: the findings are those of the commits scanned. */
  unfinished: boolean;
}

export interface CommitScanLimits {
  /** Stop (and say `unfinished`) when Date.now() passes this, checked before each commit and each file. */
  deadline?: number;
}

interface Planned {
  commit: LoggedCommit;
  changes: FileChange[];
  /** The blobs this commit's changes read, and which of them were asked of git. */
  needs: string[];
}

export async function scanCommits(
  session: Session,
  request: LogRequest,
  progress: Progress,
  total = 0,
  limits: CommitScanLimits = {},
): Promise<CommitScan> {
  const { repo, store, trees, scanContext } = session;
  const texts = scanContext.texts;
  const shallow = readShallowCommits(repo);
  const blobs = new BlobStream(repo);
  const result: CommitScan = {
    findings: [],
    skipped: [],
    stats: { files: 0, bytes: 0, commits: 0, milliseconds: 0 },
    shallowBoundary: [],
    recordedBypasses: new Map(),
    unfinished: false,
  };
  const overdue = () => limits.deadline !== undefined && Date.now() > limits.deadline;
  const byFingerprint = new Map<string, ReportedFinding>();
  // The same change (path, old and new blob, merge parents) gives the same findings wherever it recurs (a
  // cherry-pick, a rebased branch): scanned once, its findings moved to the older commit. Nothing less than all of
  // these decides the verdict.
  const scannedChanges = new Map<string, ReportedFinding[]>();
  const ahead: Planned[] = [];
  const partialClone = isPartialClone(session);

  const plan = (commit: LoggedCommit): Planned => {
    const diff = commitChanges(trees, store, commit);
    for (const s of diff.skipped) if (s.reason.kind !== 'deleted') result.skipped.push({ ...s, commit: commit.oid });
    const needs: string[] = [];
    for (const change of diff.changes) {
      for (const oid of [change.newOid, ...(change.oldOid ? [change.oldOid] : []), ...(change.alsoIn ?? [])]) {
        if (needs.includes(oid)) continue;
        if (texts.has(oid)) {
          texts.touch(oid);
          continue;
        }
        // In a partial clone an object git lacks would be fetched over the network: ask only for what is here.
        if (partialClone && !store.has(oid)) continue;
        needs.push(oid);
        blobs.request(oid);
      }
    }
    return { commit, changes: diff.changes, needs };
  };

  const scanPlanned = async (planned: Planned): Promise<void> => {
    const { commit, changes, needs } = planned;
    for (const oid of needs) {
      const data = await blobs.take(oid);
      if (data) texts.provide(oid, data);
    }
    let info: CommitInfo | undefined;
    const origin = { oid: commit.oid, info: () => (info ??= describeCommit(session, commit.oid)) };
    for (const finding of scanMessage(scanContext, 'commit', commit.message, origin)) {
      byFingerprint.set(finding.fingerprint, finding);
    }
    if (commit.message.includes(BYPASS_KEY)) {
      const recorded = parseBypassTrailers(commit.message);
      if (recorded) result.recordedBypasses.set(commit.oid, recorded);
    }
    for (const change of changes) {
      if (overdue()) {
        result.unfinished = true;
        break;
      }
      // Let git's output in: the pipe holds 64 KiB, and git waits while it is full.
      await new Promise((resolve) => setImmediate(resolve));
      const key = `${change.path}\0${change.oldOid ?? ''}\0${change.newOid}\0${(change.alsoIn ?? []).join(',')}`;
      const known = scannedChanges.get(key);
      if (known) {
        for (const finding of known) byFingerprint.set(finding.fingerprint, { ...finding, commit: origin.info() });
        continue;
      }
      const scanned = scanChange(scanContext, change, origin);
      scannedChanges.set(key, scanned.findings);
      result.stats.files++;
      result.stats.bytes += scanned.bytes;
      if (scanned.skipped) result.skipped.push(scanned.skipped);
      for (const finding of scanned.findings) byFingerprint.set(finding.fingerprint, finding);
    }
    texts.release(needs);
    if (shallow.has(commit.oid)) result.shallowBoundary.push(commit.oid);
    result.stats.commits++;
    progress.update(result.stats.commits, total, result.stats.bytes);
  };

  try {
    for await (const commit of commitLog(repo, request)) {
      if (overdue()) {
        result.unfinished = true;
        break;
      }
      ahead.push(plan(commit));
      if (ahead.length > LOOKAHEAD_COMMITS) await scanPlanned(ahead.shift()!);
      if (result.unfinished) break;
    }
    while (ahead.length > 0 && !result.unfinished) {
      if (overdue()) result.unfinished = true;
      else await scanPlanned(ahead.shift()!);
    }
  } finally {
    await blobs.close();
    progress.finish();
  }
  result.findings = [...byFingerprint.values()];
  return result;
}

function describeCommit(session: Session, oid: string): CommitInfo {
  const commit = readCommit(session.store, oid);
  return { oid, subject: commit.subject, author: commit.author, time: commit.authorTime };
}

/** A partial clone (`git clone --filter`) records its promisor remote; objects it never fetched are not missing. */
function isPartialClone(session: Session): boolean {
  for (const [key, value] of session.repo.config) {
    if (key === 'extensions.partialclone') return true;
    if (key.startsWith('remote.') && key.endsWith('.promisor') && value === 'true') return true;
  }
  return false;
}
