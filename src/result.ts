// What a scan produces, as every layer sees it: the engine's findings, what the policy made of them, and the result
// every output format renders. A leaf module: types only, importable by every layer.
import type { Severity } from '../rules/schema.js';
import type { SkipReason } from './skip-reason.js';

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  /** A test-mode or sandbox key (policy decides whether it blocks). */
  testKey: boolean;
  path: string;
  line: number;
  column: number;
  /** The whole secret. Internal: the report layer redacts it before anything is printed. */
  secret: string;
  /**
   * The line holding the secret; on a long line, an excerpt of it around the secret (see `excerpt`). Internal,
   * like `secret`.
   */
  lineText: string;
  /** Set when `lineText` is an excerpt of a longer line: where the excerpt starts in the line, and the line's length. */
  excerpt?: LineExcerpt;
  /** rule + path + hash of the secret: stable when code moves, never reveals the secret. */
  fingerprint: string;
  /** When the secret was found inside an encoded value: that value as it stands in the line (masked too). */
  encodedAs?: string;
  /**
   * The name the structure around the value gives it, when its own line names only a value field (`default = "…"`
   * in `variable "nextauth_secret" {`): the rule's `name` group. The fix names its variable after it.
   */
  name?: string;
  /**
   * For a pair (src/engine/pairing.ts): the rule's own match as it was before its partner joined it. What accepted
   * that match alone (a baseline entry, an allowed value) still accepts the pair: a Customer.io Site ID added above
   * an accepted Track key raises nothing new. Internal, like `secret`.
   */
  alone?: { secret: string; fingerprint: string };
}

export interface LineExcerpt {
  /** Offset of the excerpt's first character in the line (0-based). */
  start: number;
  lineLength: number;
}

export type Action = 'block' | 'warn';

export interface ReportedFinding extends Finding {
  action: Action;
  /** Set for findings in commits (pre-push, history): which commit added it. */
  commit?: CommitInfo;
  /** Set for findings in a commit's or a tag's message (scan-message.ts): the fix is to reword it. */
  inMessage?: 'commit' | 'tag';
  /** Set for findings in an annotated tag's message: the tag (the ref's short name, and the tag object's id). */
  tag?: { name: string; oid: string };
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

/**
 * Where the findings come from decides what the fix hint says about rotation and rewriting. `files`: files on disk
 * and standard input (`secret-hook scan`), whether git tracks them or not.
 */
export type Scope = 'staged' | 'push' | 'all' | 'history' | 'files';

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
