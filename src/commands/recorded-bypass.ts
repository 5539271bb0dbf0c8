// Findings that a commit says were committed knowingly: the commit's message carries `Secret-Hook-Bypass` trailers
// (bypass-trailer.ts, written by the commit-msg hook when SECRET_HOOK_BYPASS gave a reason) that list their
// fingerprints. A trailer covers only the findings of its own commit, and only those it lists by fingerprint (rule,
// path and hash of the secret): another secret in the same commit, or the same secret at another path, still counts.
// The client's pre-push lets them through with a note naming commit, reason and findings; the server's pre-receive
// lets them through only when its administrator said so (server-settings.ts), since anyone can type a trailer.
import type { CommitInfo, ReportedFinding } from '../result.js';
import type { BypassRecord } from './bypass-trailer.js';

export interface AcknowledgedBypass {
  commit: CommitInfo;
  reason: string;
  findings: ReportedFinding[];
}

export interface WeighedBypasses {
  /** The findings no trailer covers. */
  remaining: ReportedFinding[];
  /** By commit, in the order of the findings. */
  acknowledged: AcknowledgedBypass[];
}

export function weighRecordedBypasses(
  findings: readonly ReportedFinding[],
  recorded: ReadonlyMap<string, BypassRecord>,
): WeighedBypasses {
  const remaining: ReportedFinding[] = [];
  const byCommit = new Map<string, AcknowledgedBypass>();
  for (const finding of findings) {
    const record = finding.commit ? recorded.get(finding.commit.oid) : undefined;
    if (!finding.commit || !record || !record.fingerprints.has(finding.fingerprint)) {
      remaining.push(finding);
      continue;
    }
    const known = byCommit.get(finding.commit.oid);
    if (known) known.findings.push(finding);
    else byCommit.set(finding.commit.oid, { commit: finding.commit, reason: record.reason, findings: [finding] });
  }
  return { remaining, acknowledged: [...byCommit.values()] };
}
