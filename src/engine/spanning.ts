// Rules whose matches span lines, around added lines of a changed file. A private key pasted between armour lines
// that were already committed (a Helm template, an empty deploy.pem, a rotated id_ed25519) adds only body lines:
// the pattern needs the armour, which is on unchanged lines. A value added inside a committed structure that names
// it (`default = "…"` in a `variable "nextauth_secret" {` block, `value: …` under `- name: DB_PASSWORD`) adds only
// its own line: the name is on an unchanged line above. So when an added line looks like it could be part of such a
// secret, the spanning rules also run on the new file's text around it, and a match counts when its secret touches
// an added line: what was already committed is not new.
// - A line that is one long token (a key body line, a value on its own line) brings every spanning rule.
// - A structure's value field set to a literal of 8 characters or more, in structured configuration (HCL, YAML,
//   JSON) or under a `name:` line in any file, brings the rules whose value a structure names (`structure`,
//   rules/schema.ts): the others name it on its own line, or their secret is a token line.
// Cost: nothing unless such a line was added to a changed file (new files are scanned whole anyway).
import type { CompiledCatalog } from './compile.js';
import { isStructuredConfig } from './file-scope.js';
import type { PrefilterMatch } from './prefilter.js';
import type { Finding, ScanUnit } from './scan.js';
import { anyWordPattern, TextLines } from './text-lines.js';

/** Added lines that are one long token, maybe indented or quoted: a key body line, a value on its own line. */
const TOKEN_LINES = /^[ \t"'`|>:=,([{-]*[A-Za-z0-9+/_=-]{24,}[ \t"'`,;)\]}\\n]*$/gm;
/**
 * Added lines that are a structure's value field alone, set to a literal (`default = "…"`, `value: …`,
 * `"defaultValue": "…"`, maybe as a list item): the fields whose name is on a line above (line-index.ts reads them
 * the same way).
 */
const VALUE_LINES = /^[ \t]*(?:-[ \t]+)?["']?(?:value|default|defaultvalue)["']?[ \t]*[:=][ \t]*["'`]?[^\s"'`]{8}/gim;

/**
 * Scans `window` (a piece of the new file, as its own unit) with only these rules: the caller's scan pipeline,
 * passed in so that this module does not import it.
 */
export type ScanWindow = (window: ScanUnit, rules: ReadonlySet<number>, keywords: PrefilterMatch) => Finding[];

export function spanningFindings(catalog: CompiledCatalog, unit: ScanUnit, scanWindow: ScanWindow): Finding[] {
  const source = unit.source;
  if (!source || unit.onlyPrefixed || catalog.spanningRules.length === 0) return [];
  const added = new TextLines(unit.text);
  const tokenLines = linesMatching(TOKEN_LINES, unit.text, added);
  const valueLines = mayHoldValueField(unit.text) ? valueFieldLines(unit, added) : [];
  if (tokenLines.length === 0 && valueLines.length === 0) return [];
  const addedRanges = Array.from({ length: added.count }, (_, line) => {
    const from = source.lineStarts[line]!;
    return [from, from + (added.end(line) - added.start(line))] as const;
  });
  const structures = catalog.structureRules;
  const findings = around(catalog, unit, addedRanges, tokenLines, catalog.spanningRules, scanWindow);
  // A line that is both is already covered by the token lines' wider windows and every rule.
  const tokenSet = new Set(tokenLines);
  const onlyValues = valueLines.filter((line) => !tokenSet.has(line));
  // Each structure rule around the value lines within its own reach, and only where its keywords are (an env
  // entry's reach is a few lines; a Terraform block's, thousands of characters, holds `variable`).
  for (const rule of onlyValues.length > 0 ? structures : []) {
    for (const f of around(catalog, unit, addedRanges, onlyValues, [rule], scanWindow, keywordTest(catalog, rule))) {
      findings.push(f);
    }
  }
  return findings;
}

/** Whether the text may hold a value field at all: four native searches before the line-by-line pattern. */
function mayHoldValueField(text: string): boolean {
  return text.includes('alue') || text.includes('ALUE') || text.includes('efault') || text.includes('EFAULT');
}

/**
 * The added lines that are a structure's value field. In configuration, every one; elsewhere (a manifest in a
 * Markdown page, in a module's docstring), those right under a line that names something (`- name: DB_PASSWORD`):
 * a scan of the whole file runs the structure rules there too, and code's many `value: x` lines need not bring them.
 */
function valueFieldLines(unit: ScanUnit, added: TextLines): number[] {
  const lines = linesMatching(VALUE_LINES, unit.text, added);
  if (isStructuredConfig(unit.path) || lines.length === 0) return lines;
  const source = unit.source!;
  return lines.filter((line) => {
    const start = source.lineStarts[line]!;
    if (start === 0) return false;
    const above = source.text.lastIndexOf('\n', start - 2);
    return NAME_FIELD.test(source.text.slice(above + 1, Math.min(start, above + 1 + 200)));
  });
}

const NAME_FIELD = /name["']?[ \t]*:/i;

/** The added lines (indexes into the added text) where `pattern` matches. */
function linesMatching(pattern: RegExp, text: string, added: TextLines): number[] {
  const lines: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex++;
    else lines.push(added.lineAt(match.index));
  }
  return lines;
}

/** `rules` (spanning rules) on the new file's text around the `triggers` (added lines, in order). */
function around(
  catalog: CompiledCatalog,
  unit: ScanUnit,
  addedRanges: readonly (readonly [number, number])[],
  triggers: readonly number[],
  rules: readonly number[],
  scanWindow: ScanWindow,
  /** A quick test that a window may hold the rules' keywords at all, before the prefilter reads it. */
  mayHold?: RegExp,
): Finding[] {
  const source = unit.source!;
  const text = source.text;
  // How far the enclosing construct may reach around a trigger line: twice the longest match of any of the rules
  // (the match may start that far before the line and end that far after it); the whole text when one is unbounded.
  const reach = 2 * Math.max(...rules.map((index) => catalog.rules[index]!.reach));
  const findings: Finding[] = [];
  for (const [from, to] of windows(
    text,
    triggers.map((line) => source.lineStarts[line]!),
    reach,
  )) {
    const piece = text.slice(from, to);
    if (mayHold && !mayHold.test(piece)) continue;
    // A few known rules (a structure's): a search for their own keywords. Otherwise one search of all keywords over
    // the window, not a search per keyword of every spanning rule; within the process's budget, keyword by keyword,
    // as the added text itself was (prefilter.ts `SearchBudget`).
    const keywords = mayHold
      ? catalog.prefilter.matchOnly(piece, ownKeywords(catalog, rules))
      : catalog.prefilter.match(piece, catalog.searchBudget);
    const found = keywords.found;
    const candidates = new Set(rules.filter((index) => catalog.rules[index]!.keywordIndexes.some((k) => found.has(k))));
    if (candidates.size === 0) continue;
    const anchor = triggers.find((line) => source.lineStarts[line]! >= from)!;
    const firstLine = unit.lineNumbers![anchor]! - countNewlines(text, from, source.lineStarts[anchor]!);
    const lineCount = countNewlines(piece, 0, piece.length) + 1;
    const window: ScanUnit = {
      path: unit.path,
      text: piece,
      lineNumbers: Array.from({ length: lineCount }, (_, i) => firstLine + i),
    };
    const lines = new TextLines(piece);
    for (const finding of scanWindow(window, candidates, keywords)) {
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

const KEYWORD_TESTS = new WeakMap<object, RegExp>();
/** What a rule without keywords searches for: nothing, so its windows are passed over. */
const NOTHING = /(?!)/;

/** A case-insensitive search for any of a rule's keywords, made once per rule. */
function keywordTest(catalog: CompiledCatalog, index: number): RegExp {
  const compiled = catalog.rules[index]!;
  let test = KEYWORD_TESTS.get(compiled);
  if (!test) KEYWORD_TESTS.set(compiled, (test = anyWordPattern(compiled.rule.keywords) ?? NOTHING));
  return test;
}

/** The keyword indexes of these rules. */
function ownKeywords(catalog: CompiledCatalog, rules: readonly number[]): number[] {
  return [...new Set(rules.flatMap((index) => catalog.rules[index]!.keywordIndexes))];
}
