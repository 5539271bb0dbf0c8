// Scans changed blobs: read the new and old versions by object id, keep the added lines, run the engine and
// apply the policy. Shared by every scope (staged, pushed commits, history, whole tree).
import type { CompiledCatalog } from '../engine/compile.js';
import { allowComments } from '../engine/allow.js';
import { scan, type ScanUnit } from '../engine/scan.js';
import { addedLines, splitLines, type AddedLines } from '../git/added-lines.js';
import type { BlobTexts } from '../git/blob-texts.js';
import type { ObjectStore } from '../git/object-store.js';
import type { FileChange } from '../git/staged-changes.js';
import { IGNORE_FILE } from '../config/ignore-file.js';
import { actionFor, type Policy } from '../config/policy.js';
import type { CommitInfo, ReportedFinding, SkippedEntry } from '../report/result.js';

export interface ScanContext {
  store: ObjectStore;
  /** Decoded blob contents, shared by the run. */
  texts: BlobTexts;
  catalog: CompiledCatalog;
  policy: Policy;
  maxFileBytes: number;
  /** Paths the configuration ignores. */
  isIgnored: (path: string) => boolean;
  /** Also report allow comments that no longer silence anything (whole-file scans: `check --all`). */
  findStaleAllows?: boolean;
}

export interface ChangeScan {
  findings: ReportedFinding[];
  skipped: SkippedEntry | null;
  bytes: number;
  /** Lines whose allow comment silences no secret any more. */
  staleAllows?: number[];
}

export function scanChange(context: ScanContext, change: FileChange, commit?: CommitInfo): ChangeScan {
  if (change.path === IGNORE_FILE || change.path.endsWith(`/${IGNORE_FILE}`)) {
    const reason = "secret-hook's own ignore file: fingerprints (hashes), never secrets";
    return { findings: [], skipped: { path: change.path, reason, commit: commit?.oid }, bytes: 0 };
  }
  if (context.isIgnored(change.path)) {
    return {
      findings: [],
      skipped: { path: change.path, reason: 'ignored by configuration', commit: commit?.oid },
      bytes: 0,
    };
  }
  const content = context.texts.get(change.newOid);
  if (content.kind === 'skipped') {
    const warn = content.reason.startsWith('too large');
    return {
      findings: [],
      skipped: { path: change.path, reason: content.reason, commit: commit?.oid, warn },
      bytes: 0,
    };
  }
  let oldText: string | null = null;
  if (change.oldOid !== null) {
    const old = context.texts.get(change.oldOid);
    // An old binary or oversized version: every line of the new text counts as added.
    oldText = old.kind === 'text' ? old.text : null;
  }
  let added = addedLines(oldText, content.text, context.catalog.contextLines);
  if (change.alsoIn && change.alsoIn.length > 0) added = withoutLinesOf(context, added, change.alsoIn);
  if (added.lineNumbers.length === 0) return { findings: [], skipped: null, bytes: 0 };
  const unit: ScanUnit = { path: change.path, text: added.text, lineNumbers: added.lineNumbers };
  if (added.context) unit.context = added.context;
  const scanned: ChangeScan = { findings: scanAdded(context, unit, commit), skipped: null, bytes: added.text.length };
  if (context.findStaleAllows) scanned.staleAllows = staleAllowLines(context, change.path, content.text);
  return scanned;
}

/** Allow comments whose silenced line holds no finding when allow comments are ignored. */
function staleAllowLines(context: ScanContext, path: string, text: string): number[] {
  const comments = allowComments(text);
  if (comments.length === 0) return [];
  const raw = scan(context.catalog, { path, text }, { honourAllowComments: false });
  const flagged = new Set(raw.map((f) => f.line));
  return comments.filter((c) => !flagged.has(c.silences)).map((c) => c.line);
}

/** The engine over added lines, then the policy: what blocks, what warns, what the configuration silenced. */
export function scanAdded(context: ScanContext, unit: ScanUnit, commit?: CommitInfo): ReportedFinding[] {
  const reported: ReportedFinding[] = [];
  for (const finding of scan(context.catalog, unit)) {
    const action = actionFor(finding, context.policy);
    if (action) reported.push(commit ? { ...finding, action, commit } : { ...finding, action });
  }
  return reported;
}

/** Drops the added lines that another parent of a merge already had: the merge did not introduce them. */
function withoutLinesOf(context: ScanContext, added: AddedLines, blobs: string[]): AddedLines {
  const known = new Set<string>();
  for (const oid of blobs) {
    const content = context.texts.get(oid);
    if (content.kind === 'text') for (const line of splitLines(content.text)) known.add(line);
  }
  const lines = added.text.split('\n');
  const text: string[] = [];
  const lineNumbers: number[] = [];
  lines.forEach((line, i) => {
    if (known.has(line)) return;
    text.push(line);
    lineNumbers.push(added.lineNumbers[i]!);
  });
  return { text: text.join('\n'), lineNumbers, context: added.context };
}
