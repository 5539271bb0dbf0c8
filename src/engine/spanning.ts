// Rules whose matches span lines, around added lines of a changed file. A private key pasted between armour lines
// that were already committed (a Helm template, an empty deploy.pem, a rotated id_ed25519) adds only body lines:
// the pattern needs the armour, which is on unchanged lines. So when an added line looks like it could be part of
// such a secret (one long run of base64-like characters), the spanning rules also run on the new file's text
// around it, and a match counts when its secret touches an added line: what was already committed is not new.
// Cost: nothing unless such a line was added to a changed file (new files are scanned whole anyway).
import type { CompiledCatalog } from './compile.js';
import type { PrefilterMatch } from './prefilter.js';
import type { Finding, ScanUnit } from './scan.js';
import { TextLines } from './text-lines.js';

/** Added lines that are one long token, maybe indented or quoted: a key body line, a value on its own line. */
const TOKEN_LINES = /^[ \t"'`|>:=,([{-]*[A-Za-z0-9+/_=-]{24,}[ \t"'`,;)\]}\\n]*$/gm;

/**
 * Scans `window` (a piece of the new file, as its own unit) with only these rules: the caller's scan pipeline,
 * passed in so that this module does not import it.
 */
export type ScanWindow = (window: ScanUnit, rules: ReadonlySet<number>, keywords: PrefilterMatch) => Finding[];

export function spanningFindings(catalog: CompiledCatalog, unit: ScanUnit, scanWindow: ScanWindow): Finding[] {
  const source = unit.source;
  if (!source || unit.onlyPrefixed) return [];
  const added = new TextLines(unit.text);
  const triggers: number[] = [];
  TOKEN_LINES.lastIndex = 0;
  for (let match = TOKEN_LINES.exec(unit.text); match !== null; match = TOKEN_LINES.exec(unit.text)) {
    if (match[0].length === 0) TOKEN_LINES.lastIndex++;
    else triggers.push(added.lineAt(match.index));
  }
  if (triggers.length === 0 || catalog.spanningRules.length === 0) return [];

  const text = source.text;
  const addedRanges = Array.from({ length: added.count }, (_, line) => {
    const from = source.lineStarts[line]!;
    return [from, from + (added.end(line) - added.start(line))] as const;
  });
  // How far the enclosing construct may reach around a trigger line: twice the longest match of any spanning rule
  // (the match may start that far before the line and end that far after it); the whole text when one is unbounded.
  const reach = 2 * Math.max(...catalog.spanningRules.map((index) => catalog.rules[index]!.reach));
  const findings: Finding[] = [];
  for (const [from, to] of windows(
    text,
    triggers.map((line) => source.lineStarts[line]!),
    reach,
  )) {
    const piece = text.slice(from, to);
    // One pass of the keyword automaton over the window, not a search per keyword of every spanning rule.
    const keywords = catalog.prefilter.match(piece);
    const found = keywords.found;
    const rules = new Set(
      catalog.spanningRules.filter((index) => catalog.rules[index]!.keywordIndexes.some((k) => found.has(k))),
    );
    if (rules.size === 0) continue;
    const anchor = triggers.find((line) => source.lineStarts[line]! >= from)!;
    const firstLine = unit.lineNumbers![anchor]! - countNewlines(text, from, source.lineStarts[anchor]!);
    const lineCount = countNewlines(piece, 0, piece.length) + 1;
    const window: ScanUnit = {
      path: unit.path,
      text: piece,
      lineNumbers: Array.from({ length: lineCount }, (_, i) => firstLine + i),
    };
    const lines = new TextLines(piece);
    for (const finding of scanWindow(window, rules, keywords)) {
      // Where the secret lies in the file: its line's start, its column, its length.
      const at = from + lines.start(finding.line - firstLine) + finding.column - 1;
      if (touches(addedRanges, at, at + finding.secret.length)) findings.push(finding);
    }
  }
  return findings;
}

/** Windows of the text reaching `reach` characters around each trigger offset, cut to whole lines and merged. */
function windows(text: string, offsets: readonly number[], reach: number): [number, number][] {
  if (!Number.isFinite(reach)) return [[0, text.length]];
  const out: [number, number][] = [];
  for (const offset of offsets) {
    const last = out[out.length - 1];
    // Offsets come in order: one already inside the last window, far from its end, adds nothing.
    if (last && offset + reach <= last[1]) continue;
    const start = Math.max(0, offset - reach);
    const from = last && start <= last[1] ? last[1] : start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', Math.min(text.length, offset + reach));
    const to = newline === -1 ? text.length : newline;
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Whether [from, to) overlaps one of the sorted, disjoint ranges. */
function touches(ranges: readonly (readonly [number, number])[], from: number, to: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = ranges[mid]!;
    if (end <= from) low = mid + 1;
    else if (start >= to) high = mid - 1;
    else return true;
  }
  return false;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
