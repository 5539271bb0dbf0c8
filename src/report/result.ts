// What a scan produced, as every output format sees it.
import type { Finding } from '../engine/scan.js';
import type { SkipReason } from '../skip-reason.js';

export type Action = 'block' | 'warn';

export interface ReportedFinding extends Finding {
  action: Action;
  /** Set for findings in commits (pre-push, history): which commit added it. */
  commit?: CommitInfo;
}

export interface CommitInfo {
  oid: string;
  subject: string;
  author: string;
  /** Seconds since the epoch. */
  time: number;
}

export interface SkippedEntry {
  path: string;
  /** Why; rendered in words by messages.ts. Reasons that may hide a secret are shown without --verbose. */
  reason: SkipReason;
  commit?: string;
}

/** Where the findings come from decides what the fix hint says about rotation and rewriting. */
export type Scope = 'staged' | 'push' | 'all' | 'history';

export interface ScanStats {
  files: number;
  bytes: number;
  commits: number;
  milliseconds: number;
}

export interface ScanResult {
  scope: Scope;
  findings: ReportedFinding[];
  skipped: SkippedEntry[];
  stats: ScanStats;
  /** Lines printed before the findings, e.g. "the scan stopped at the shallow boundary". */
  notices: string[];
  /** For pushes: the commits at the tips of the pushed refs (a secret there can be fixed with --amend). */
  tips?: string[];
  /** `check --all`: allow comments that no longer silence any secret. */
  staleAllows?: { path: string; line: number }[];
}
