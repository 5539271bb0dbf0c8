// Scans a list of commits: each commit's own changes (merges: only what the merge introduced), oldest first, so
// a secret is reported with the commit that added it. A blob already scanned in this run adds nothing new and
// is not read again; the same secret in the same file is reported once.
import { commitChanges } from '../git/commit-changes.js';
import type { Commit } from '../git/objects.js';
import type { Progress } from '../report/progress.js';
import type { ReportedFinding, ScanResult, SkippedEntry } from '../report/result.js';
import { scanChange } from './scan-changes.js';
import type { Session } from './session.js';

export function scanCommits(
  session: Session,
  newestFirst: Commit[],
  progress: Progress,
): Omit<ScanResult, 'scope' | 'notices'> {
  const commits = [...newestFirst].reverse();
  const seenBlobs = new Set<string>();
  const byFingerprint = new Map<string, ReportedFinding>();
  const skipped: SkippedEntry[] = [];
  const stats = { files: 0, bytes: 0, commits: 0, milliseconds: 0 };
  for (const commit of commits) {
    const info = { oid: commit.oid, subject: commit.subject, author: commit.author, time: commit.authorTime };
    const diff = commitChanges(session.trees, session.store, commit);
    for (const s of diff.skipped) {
      if (!s.reason.startsWith('deleted')) skipped.push({ ...s, commit: commit.oid });
    }
    for (const change of diff.changes) {
      if (seenBlobs.has(change.newOid)) continue;
      seenBlobs.add(change.newOid);
      const scanned = scanChange(session.scanContext, change, info);
      stats.files++;
      stats.bytes += scanned.bytes;
      if (scanned.skipped) skipped.push(scanned.skipped);
      for (const finding of scanned.findings) {
        if (!byFingerprint.has(finding.fingerprint)) byFingerprint.set(finding.fingerprint, finding);
      }
    }
    stats.commits++;
    progress.update(stats.commits, commits.length, stats.bytes);
  }
  progress.finish();
  return { findings: [...byFingerprint.values()], skipped, stats };
}
