// Scans changed blobs: read the new and old versions by object id, keep the added lines, run the engine and
// apply the policy. Shared by every scope (staged, pushed commits, history, ranges, whole tree): this is the one
// definition of "the added text of a change and its context".
import type { CompiledCatalog } from '../engine/compile.js';
import { allowComments } from '../engine/allow.js';
import { fingerprint, scan, type Finding, type ScanUnit } from '../engine/scan.js';
import { addedLines, splitLines, type AddedLines } from '../git/added-lines.js';
import type { BlobTexts } from '../git/blob-texts.js';
import type { ObjectStore } from '../git/object-store/store.js';
import type { SkipReason } from '../skip-reason.js';
import type { FileChange } from '../git/tree-diff.js';
import { IGNORE_FILE, withoutFingerprintLines } from '../config/ignore-file.js';
import { actionFor, type Policy } from '../config/policy.js';
import type { CommitInfo, ReportedFinding, SkippedEntry } from '../result.js';

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

/** The commit a change belongs to (commit scans): its id, and its description, read only for a finding. */
export interface ChangeOrigin {
  oid: string;
  info(): CommitInfo;
}

export interface ChangeScan {
  findings: ReportedFinding[];
  skipped: SkippedEntry | null;
  bytes: number;
  /** Lines whose allow comment silences no secret any more. */
  staleAllows?: number[];
}

export function scanChange(context: ScanContext, change: FileChange, origin?: ChangeOrigin): ChangeScan {
  const skip = (reason: SkipReason): ChangeScan => ({
    findings: [],
    skipped: { path: change.path, reason, ...(origin ? { commit: origin.oid } : {}) },
    bytes: 0,
  });
  if (context.isIgnored(change.path)) return skip({ kind: 'ignored-by-config' });
  const content = context.texts.getIfPresent(change.newOid);
  if (content === null) return skip({ kind: 'missing-object', oid: change.newOid });
  if (content.kind === 'skipped') return skip(content.reason);
  if (content.kind === 'binary') {
    // The printable runs of a binary file, whole (a diff of binary content means nothing), prefixed keys only.
    const unit: ScanUnit = {
      path: change.path,
      text: content.text,
      lineNumbers: content.lineNumbers,
      onlyPrefixed: true,
    };
    const findings = scanAdded(context, unit, origin);
    return { findings, skipped: skip(content.reason).skipped, bytes: content.text.length };
  }
  let oldText: string | null = null;
  if (change.oldOid !== null) {
    // An old version that is binary, oversized, or absent from a partial clone: every line of the new text counts
    // as added (scan more, never less).
    const old = context.texts.getIfPresent(change.oldOid);
    oldText = old?.kind === 'text' ? old.text : null;
  }
  let newText = content.text;
  if (change.path === IGNORE_FILE) {
    // The root ignore file is configuration: its fingerprint lines are not scanned; anything else in it is.
    newText = withoutFingerprintLines(newText);
    if (oldText !== null) oldText = withoutFingerprintLines(oldText);
  }
  let added = addedLines(oldText, newText, context.catalog.contextLines);
  if (change.alsoIn && change.alsoIn.length > 0) added = withoutLinesOf(context, added, change.alsoIn);
  if (added.lineNumbers.length === 0) return { findings: [], skipped: null, bytes: 0 };
  const unit: ScanUnit = { path: change.path, text: added.text, lineNumbers: added.lineNumbers };
  if (added.context) unit.context = added.context;
  // The whole new text, for rules whose matches span lines (a key body added between committed armour lines).
  if (added.offsets) unit.source = { text: newText, lineStarts: added.offsets };
  const findings = scanAdded(context, unit, origin, content.utf8AsLatin1 === true);
  const scanned: ChangeScan = { findings, skipped: null, bytes: added.text.length };
  if (context.findStaleAllows) scanned.staleAllows = staleAllowLines(context, change.path, newText);
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
export function scanAdded(
  context: Pick<ScanContext, 'catalog' | 'policy'>,
  unit: ScanUnit,
  origin?: ChangeOrigin,
  utf8AsLatin1 = false,
): ReportedFinding[] {
  const reported: ReportedFinding[] = [];
  for (const raw of scan(context.catalog, unit)) {
    const finding = utf8AsLatin1 ? decodedFinding(raw) : raw;
    const action = actionFor(finding, context.policy);
    if (action) reported.push(origin ? { ...finding, action, commit: origin.info() } : { ...finding, action });
  }
  return reported;
}

/**
 * A finding made on UTF-8 bytes held as Latin-1, with its texts decoded, its column counted in characters (within
 * the excerpt it keeps of a long line), and its fingerprint taken from the decoded secret, as every scope takes it.
 */
function decodedFinding(finding: Finding): Finding {
  const decode = (text: string) => Buffer.from(text, 'latin1').toString('utf8');
  const secret = decode(finding.secret);
  const lineText = decode(finding.lineText);
  if (secret === finding.secret && lineText === finding.lineText) return finding;
  const before = finding.column - 1 - (finding.excerpt?.start ?? 0);
  const decoded: Finding = {
    ...finding,
    secret,
    lineText,
    column: finding.column - before + decode(finding.lineText.slice(0, before)).length,
    fingerprint: fingerprint(finding.ruleId, finding.path, secret),
  };
  if (finding.encodedAs !== undefined) decoded.encodedAs = decode(finding.encodedAs);
  if (finding.alone) {
    const alone = decode(finding.alone.secret);
    decoded.alone = { secret: alone, fingerprint: fingerprint(finding.ruleId, finding.path, alone) };
  }
  return decoded;
}

/** Drops the added lines that another parent of a merge already had: the merge did not introduce them. */
function withoutLinesOf(context: ScanContext, added: AddedLines, blobs: string[]): AddedLines {
  const known = new Set<string>();
  for (const oid of blobs) {
    const content = context.texts.getIfPresent(oid);
    if (content?.kind === 'text') for (const line of splitLines(content.text)) known.add(line);
  }
  const lines = added.text.split('\n');
  const text: string[] = [];
  const lineNumbers: number[] = [];
  const offsets: number[] = [];
  lines.forEach((line, i) => {
    if (known.has(line)) return;
    text.push(line);
    lineNumbers.push(added.lineNumbers[i]!);
    if (added.offsets) offsets.push(added.offsets[i]!);
  });
  return { text: text.join('\n'), lineNumbers, context: added.context, ...(added.offsets ? { offsets } : {}) };
}
