// Which findings every output format lists: a minified file with thousands of keys needs the fix once.
import type { ReportedFinding } from '../result.js';

/**
 * Findings in one file beyond what is listed (`listFindings`): how many, and how many of them block. The file
 * blocks all the same: the verdict is taken from every finding, not from the listed ones.
 */
export interface UnlistedFindings {
  path: string;
  commit?: string;
  /** Findings not listed, and how many of them block. */
  count: number;
  blocking: number;
  /** Findings listed for this file. */
  listed: number;
}

// A minified file with thousands of keys needs the fix once, not thousands of times: past this many findings in a
// file, the output lists no more of them and says how many there are.
export const MAX_FINDINGS_PER_FILE = 100;

/**
 * What every output format lists: in each file (per commit), at most `limit` findings, and for each file with more,
 * how many more. The ones listed are chosen so that a blocked file shows why, and shows every kind of secret it
 * holds while there is room: first each rule's first blocking finding, then each rule's first warning, then the
 * rest in order. The listed findings keep their order.
 */
export function listFindings(
  findings: readonly ReportedFinding[],
  limit = MAX_FINDINGS_PER_FILE,
): { listed: ReportedFinding[]; unlisted: UnlistedFindings[] } {
  const byFile = new Map<string, ReportedFinding[]>();
  for (const f of findings) {
    const key = `${f.commit?.oid ?? ''}\0${f.path}`;
    const inFile = byFile.get(key);
    if (inFile) inFile.push(f);
    else byFile.set(key, [f]);
  }
  const dropped = new Set<ReportedFinding>();
  const unlisted: UnlistedFindings[] = [];
  for (const inFile of byFile.values()) {
    if (inFile.length <= limit) continue;
    const kept = chooseListed(inFile, limit);
    let blocking = 0;
    for (const f of inFile) {
      if (kept.has(f)) continue;
      dropped.add(f);
      if (f.action === 'block') blocking++;
    }
    const first = inFile[0]!;
    unlisted.push({
      path: first.path,
      ...(first.commit ? { commit: first.commit.oid } : {}),
      count: inFile.length - kept.size,
      blocking,
      listed: kept.size,
    });
  }
  return { listed: dropped.size === 0 ? [...findings] : findings.filter((f) => !dropped.has(f)), unlisted };
}

function chooseListed(inFile: readonly ReportedFinding[], limit: number): Set<ReportedFinding> {
  const kept = new Set<ReportedFinding>();
  for (const action of ['block', 'warn'] as const) {
    const rules = new Set<string>();
    for (const f of inFile) {
      if (kept.size >= limit) return kept;
      if (f.action !== action || rules.has(f.ruleId)) continue;
      rules.add(f.ruleId);
      kept.add(f);
    }
  }
  for (const f of inFile) {
    if (kept.size >= limit) break;
    kept.add(f);
  }
  return kept;
}
