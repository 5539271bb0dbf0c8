// What a push publishes, scanned: the new commits (scan-commits.ts: each commit's changes and message), the messages
// of the annotated tags it pushes, and any tree or blob a pushed tag points at directly. Shared by the client's
// pre-push hook and the server's pre-receive hook, which differ only in how they know what the other side has.
import { peelTag } from '../git/commit.js';
import { compareTrees, DiffCollector } from '../git/tree-diff.js';
import type { Progress } from '../report/progress.js';
import type { ReportedFinding, ScanResult } from '../result.js';
import type { BypassRecord } from './bypass-trailer.js';
import { scanChange } from './scan-changes.js';
import { scanCommits, type CommitScanLimits } from './scan-commits.js';
import { scanTagMessages } from './scan-tag-messages.js';
import type { Session } from './session.js';

export interface PushScope {
  /** The pushed objects (usually commits; a tag may point at a tree or a blob). */
  include: { ref: string; oid: string }[];
  /** Commits the receiving side has: left out with their history. */
  exclude: string[];
  /** Revision arguments that leave out more: `--not --all` on a server (what its refs reach). */
  excludeArgs?: readonly string[];
  /** Tag objects the receiving side has already (their messages are not news). */
  knownTag?: (oid: string) => boolean;
}

export interface PushScan extends ScanResult {
  /** The bypasses the pushed commits record in their messages, by commit (recorded-bypass.ts weighs them). */
  recordedBypasses: Map<string, BypassRecord>;
  /** The deadline passed before every commit was scanned. */
  unfinished: boolean;
  /** The shallow boundary the scan reached, if any. */
  shallowBoundary: string[];
}

/** Scans what a push publishes. */
export async function scanPush(
  session: Session,
  scope: PushScope,
  progress: Progress,
  limits: CommitScanLimits = {},
): Promise<PushScan> {
  const commits: string[] = [];
  const extra: ScanResult = {
    scope: 'push',
    findings: [],
    skipped: [],
    stats: { files: 0, bytes: 0, commits: 0, milliseconds: 0 },
    notices: [],
  };
  extra.findings.push(...scanTagMessages(session, scope.include, scope.knownTag));
  for (const { ref, oid } of scope.include) {
    const target = peelTag(session.store, oid);
    if (target.type === 'commit') commits.push(target.oid);
    else if (target.type === 'tree') scanTree(session, ref, target.oid, extra);
    else if (target.type === 'blob') scanBlob(session, ref, target.oid, extra);
  }
  const stdin = [...commits, ...scope.exclude.map((oid) => `^${oid}`)].join('\n') + '\n';
  const request = { args: scope.excludeArgs ?? [], stdin };
  const scanned = commits.length > 0 ? await scanCommits(session, request, progress, 0, limits) : null;
  const findings = new Map<string, ReportedFinding>();
  for (const f of [...(scanned?.findings ?? []), ...extra.findings])
    if (!findings.has(f.fingerprint)) findings.set(f.fingerprint, f);
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
    notices: [],
    tips: commits,
    recordedBypasses: scanned?.recordedBypasses ?? new Map(),
    unfinished: scanned?.unfinished ?? false,
    shallowBoundary: scanned?.shallowBoundary ?? [],
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
