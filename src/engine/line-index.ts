// Where a candidate stands in the scanned text, and the checks that read around it (its line, its name, the words
// near it), each at a bounded cost per candidate. Built by scan.ts only when a rule matched.
import type { Finding } from '../result.js';
import type { CompiledCatalog, CompiledRule } from './compile.js';
import type { PrefilterMatch } from './prefilter.js';
import type { ScanUnit } from './scan.js';
import { anyWordPattern, opensBlock, PARENT_REACH, TextLines, type ScanWork } from './text-lines.js';

// How much of the line around a secret a finding keeps: enough to show it in context, never a whole minified file.
export const EXCERPT_REACH = 200;

const IN_FILE_PATTERNS = new WeakMap<object, RegExp | null>();
const ANY_WORD_PATTERNS = new WeakMap<object, RegExp | null>();

/**
 * Whether any of a rule's near words occurs anywhere in `text`, in any case: one native search of the whole new file
 * before a rule that looks past the context is made a candidate (most files never hold its words).
 */
export function hasAnyNearWordIn(text: string, near: NonNullable<CompiledRule['near']>): boolean {
  let pattern = ANY_WORD_PATTERNS.get(near);
  if (pattern === undefined) ANY_WORD_PATTERNS.set(near, (pattern = anyWordPattern(near.words.map((w) => w.word))));
  return pattern !== null && pattern.test(text);
}

/** One of a rule's file-wide near words in `text`, as the prefilter finds words: in any case. */
export function hasInFileWordIn(text: string, near: NonNullable<CompiledRule['near']>): boolean {
  let pattern = IN_FILE_PATTERNS.get(near);
  if (pattern === undefined) {
    IN_FILE_PATTERNS.set(near, (pattern = anyWordPattern(near.words.filter((w) => w.inFile).map((w) => w.word))));
  }
  // No file-wide words: nothing to search (a never-matching pattern would still try every position of the file).
  return pattern !== null && pattern.test(text);
}

export interface Position {
  /** Index of the line within the scanned text. */
  textLine: number;
  fileLine: number;
  column: number;
  /** Offset of the secret in the scanned text. */
  offset: number;
}

// How far around a secret a look-alike's name counts: its own assignment, not the rest of a minified line.
const NAMING_REACH = 48;
// How far before a prefix-less key its credential word may stand: the name it is assigned to, or the call it is
// an argument of, not the rest of a minified line.
const CREDENTIAL_REACH = 80;
// What stands before a value whose name is on a line above: a structure's value field alone (`value:`,
// `default =`, `"defaultValue":`), blanks, quotes, a list's dash.
const UNNAMED_VALUE = /^[\s"'-]*(?:(?:value|default|defaultvalue)["']?[ \t]*[:=][ \t]*["']?)?$/i;
// The line that opens an entry: its name is there, the lines above belong to other entries.
const ENTRY_OPENER = /^[ \t]*(?:-[ \t]+)?["']?name["']?[ \t]*:|^[ \t]*(?:variable|resource|output|locals)\b|\{[ \t]*$/;
const ENTRY_LINES = 3;

// A line of an armoured block's body: base64, maybe indented, quoted or continued (`"…\n" +`), at most 76 characters
// of it (PEM writes 64, some tools 76); a header line (`Proc-Type: 4,ENCRYPTED`) or a blank ends the walk.
const ARMOURED_BODY_LINE = /^[ \t"'`|>+]*[A-Za-z0-9+/]{1,76}={0,2}(?:\\n)?[ \t"'`,+;\\]*$/;
/** Body lines walked either way from a candidate: a 16384-bit RSA key's PEM body has about 200. */
const ARMOUR_REACH = 256;

/** The smaller of two `indexOf` answers, -1 counting as not found. */
function earliest(a: number, b: number): number {
  return a === -1 ? b : b === -1 ? a : Math.min(a, b);
}

/**
 * Maps offsets in the scanned text to file lines, built only when a rule matched, and answers the checks that read
 * around a candidate. Every answer costs a bounded amount of reading per candidate: an excerpt of the line, the
 * characters beside the secret, or a lookup in what was worked out once per line or per text (text-lines.ts).
 */
export class LineIndex {
  private readonly lines: TextLines;
  private contextLines?: TextLines | null;
  /** The catalog's near words in the text, or in its context when we have it: looked for on first need. */
  private nearWordsFound?: PrefilterMatch;
  private nearWordsInText?: PrefilterMatch;
  /** The whole new file of an added-lines scan, and its near words: read only for rules that look past the context. */
  private sourceLines?: TextLines;
  private nearWordsInSource?: PrefilterMatch;

  constructor(
    private readonly catalog: CompiledCatalog,
    private readonly unit: ScanUnit,
    private readonly inText: PrefilterMatch,
    private readonly inContext: PrefilterMatch | null,
    private readonly work: ScanWork | undefined,
    /** Rules' file-wide near words already found in the whole new file (by candidateRules, making them candidates). */
    private readonly inFileAnswers: Map<object, boolean> = new Map(),
  ) {
    this.lines = new TextLines(unit.text, work);
  }

  private fileLineOf(textLine: number): number {
    return this.unit.lineNumbers ? this.unit.lineNumbers[textLine]! : textLine + 1;
  }

  /**
   * Offset ranges of the text within `near.lines` lines of a near word, found in the text or, for added lines,
   * anywhere in their context. Candidates outside them could never pass the near-word check.
   */
  nearWindows(near: NonNullable<CompiledRule['near']>): (readonly [number, number])[] {
    if (this.hasInFileWord(near)) return [[0, this.unit.text.length]];
    // Each near word reaches `near.lines` lines either way; one on a line that opens a block (`customerio:`,
    // `"customerio": {`) also reaches down the block, where hasWordInParents finds it as the values' parent key.
    const reaches: [number, number][] = [];
    const parents = this.parentReach();
    const reachOf = (line: number, opens: boolean) => {
      reaches.push([line - near.lines, line + (opens ? Math.max(parents, near.lines) : near.lines)]);
    };
    let lastLine = -1;
    let lastOpens = false;
    for (const end of this.inText.endsOf(near.keywordIndexes)) {
      const line = this.lines.lineAt(end - 1);
      // One look at the end of each line, however many near words it holds (a minified line holds thousands).
      if (line !== lastLine) {
        lastLine = line;
        lastOpens = opensBlock(this.unit.text, this.lines.end(line));
        reachOf(this.fileLineOf(line), lastOpens);
      }
    }
    const context = this.unit.context?.text;
    if (this.inContext && context !== undefined) {
      const offsets = this.inContext.endsOf(near.nearIndexes);
      let line = this.unit.context!.firstLine;
      let from = 0;
      let reached = -1;
      for (const end of offsets) {
        for (let at = context.indexOf('\n', from); at !== -1 && at < end - 1; at = context.indexOf('\n', at + 1)) {
          line++;
          from = at + 1;
        }
        if (line === reached) continue;
        reached = line;
        const newline = context.indexOf('\n', from);
        reachOf(line, opensBlock(context, newline === -1 ? context.length : newline));
      }
    }
    // A rule that looks farther than the context reaches: its near words in the whole new file (hasWordAroundInSource).
    const source = this.unit.source;
    if (source && near.lines > this.catalog.contextLines) {
      const lines = this.sourceTextLines(source.text);
      let lastLine = -1;
      for (const end of this.nearWordsOfSource(source.text).endsOf(near.nearIndexes)) {
        const line = lines.lineAt(end - 1);
        if (line !== lastLine) reachOf((lastLine = line) + 1, false);
      }
    }
    if (reaches.length === 0) return [];
    reaches.sort((a, b) => a[0] - b[0]);
    // Merged, the reaches are disjoint and ordered: one walk over the lines.
    const merged: [number, number][] = [];
    for (const reach of reaches) {
      const last = merged[merged.length - 1];
      if (last && reach[0] <= last[1] + 1) last[1] = Math.max(last[1], reach[1]);
      else merged.push([reach[0], reach[1]]);
    }
    const starts = this.lines.starts;
    const windows: [number, number][] = [];
    let next = 0;
    for (let i = 0; i < starts.length; i++) {
      const fileLine = this.fileLineOf(i);
      while (next < merged.length && merged[next]![1] < fileLine) next++;
      if (next === merged.length || merged[next]![0] > fileLine) continue;
      const start = starts[i]!;
      const end = i + 1 < starts.length ? starts[i + 1]! : this.unit.text.length;
      const last = windows[windows.length - 1];
      if (last && last[1] === start) last[1] = end;
      else windows.push([start, end]);
    }
    return windows;
  }

  /**
   * The lines holding these keywords, each with the newline before and after it, so that lookarounds and `\b` at
   * the line's edges see what they see in the whole text; adjacent lines merge. When the lines cover most of the
   * text, the whole text in one piece is cheaper.
   */
  keywordWindows(keywordIndexes: readonly number[]): (readonly [number, number])[] {
    const text = this.unit.text;
    const windows: [number, number][] = [];
    let covered = 0;
    for (const end of this.inText.endsOf(keywordIndexes)) {
      const last = windows[windows.length - 1];
      // Occurrences come in order: one on a line already covered adds nothing.
      if (last && end <= last[1]) continue;
      const lineBegin = end - 1 === 0 ? 0 : text.lastIndexOf('\n', end - 2) + 1;
      const newline = text.indexOf('\n', end - 1);
      const from = Math.max(0, lineBegin - 1);
      const to = newline === -1 ? text.length : newline + 1;
      if (last && from <= last[1]) {
        covered += to - last[1];
        last[1] = to;
      } else {
        covered += to - from;
        windows.push([from, to]);
      }
    }
    return covered > text.length / 2 ? [[0, text.length]] : windows;
  }

  /**
   * For a rule whose matches cross lines: the text within twice its longest match of each keyword, merged. A match
   * holds its keyword and spans at most `reach` characters, and its lookarounds read no further than that (they
   * count in `reach`): with twice that on each side, a match near a keyword sees in its window what it sees in the
   * whole text. A key body's keyword in one corner of a large file does not send the pattern over all of it.
   */
  reachWindows(keywordIndexes: readonly number[], reach: number): (readonly [number, number])[] {
    const length = this.unit.text.length;
    const windows: [number, number][] = [];
    let covered = 0;
    for (const end of this.inText.endsOf(keywordIndexes)) {
      const from = Math.max(0, end - 2 * reach);
      const to = Math.min(length, end + 2 * reach);
      const last = windows[windows.length - 1];
      if (last && from <= last[1]) {
        covered += Math.max(0, to - last[1]);
        last[1] = Math.max(last[1], to);
      } else {
        covered += to - from;
        windows.push([from, to]);
      }
    }
    return covered > length / 2 ? [[0, length]] : windows;
  }

  locate(offset: number): Position {
    const line = this.lines.lineAt(offset);
    return { textLine: line, fileLine: this.fileLineOf(line), column: offset - this.lines.start(line) + 1, offset };
  }

  /**
   * What a finding keeps of its line: the whole line, or on a long line the secret with EXCERPT_REACH characters on
   * either side (a secret spanning lines, a private key, keeps the rest of its first line).
   */
  excerptAt(position: Position, length: number): Pick<Finding, 'lineText' | 'excerpt'> {
    const lineStart = this.lines.start(position.textLine);
    const lineEnd = this.lines.end(position.textLine);
    const from = Math.max(lineStart, position.offset - EXCERPT_REACH);
    const to = Math.min(lineEnd, position.offset + length + EXCERPT_REACH);
    if (this.work) this.work.checkChars += to - from;
    const lineText = this.unit.text.slice(from, to);
    if (from === lineStart && to === lineEnd) return { lineText };
    return { lineText, excerpt: { start: from - lineStart, lineLength: lineEnd - lineStart } };
  }

  /** An allow comment on the line, or an allow-next-line comment on the line before (in the file, when we have it). */
  allowedAt(position: Position): boolean {
    if (this.lines.hasSameLineAllow(position.textLine)) return true;
    const context = this.context();
    if (context) return context.hasNextLineAllow(position.fileLine - 1 - this.unit.context!.firstLine);
    return this.lines.hasNextLineAllow(position.textLine - 1);
  }

  /**
   * One of `words` within NAMING_REACH characters of the secret, on its line; or, when the line holds no name of
   * its own before the value (`value: …` under `- name: …`, `default = "…"` in a Terraform `variable "…" {`
   * block), on the lines above that name it, back to the line that opens the entry.
   * An escaped line break (a backslash then `n` or `r`) ends the line too: in a source map's `sourcesContent`, a notebook's or a
   * JSON string's embedded code, the next statement is on another line of that code, however long the JSON line.
   */
  namedNearby(position: Position, length: number, words: readonly string[]): boolean {
    const lineStart = this.lines.start(position.textLine);
    const from = Math.max(lineStart, position.offset - NAMING_REACH);
    const to = Math.min(this.lines.end(position.textLine), position.offset + length + NAMING_REACH);
    if (this.work) this.work.checkChars += to - from;
    const window = this.unit.text.slice(from, to);
    // Offsets in `window`: the secret runs from `at` to `end`; an escaped break wholly before or after it ends
    // the window.
    const at = position.offset - from;
    const end = at + length;
    const breakBefore = at < 2 ? -1 : Math.max(window.lastIndexOf('\\n', at - 2), window.lastIndexOf('\\r', at - 2));
    const breakAfter = earliest(window.indexOf('\\n', end), window.indexOf('\\r', end));
    const around = window
      .slice(breakBefore === -1 ? 0 : breakBefore + 2, breakAfter === -1 ? window.length : breakAfter)
      .toLowerCase();
    if (words.some((word) => around.includes(word))) return true;
    return this.namedByEntry(position, words);
  }

  /**
   * When the secret's line holds no name of its own before the value (`value: …` under `- name: …`, `default = "…"`
   * in a Terraform `variable "…" {` block): one of `words` (lowercase) on the lines above that name it, back to the
   * line that opens the entry.
   */
  namedByEntry(position: Position, words: readonly string[]): boolean {
    const lineStart = this.lines.start(position.textLine);
    if (!UNNAMED_VALUE.test(this.unit.text.slice(lineStart, position.offset))) return false;
    // The entry's lines above are read in the whole new file when the scan has it: its added lines alone may not
    // hold them, and a scan of the whole file must agree.
    const [lines, at] = this.wholeFileLines(position);
    for (let line = at - 1; line >= 0 && line >= at - ENTRY_LINES; line--) {
      const start = lines.start(line);
      const text = lines.text.slice(start, Math.min(lines.end(line), start + CREDENTIAL_REACH));
      if (this.work) this.work.checkChars += text.length;
      const lower = text.toLowerCase();
      if (words.some((word) => lower.includes(word))) return true;
      if (ENTRY_OPENER.test(text)) return false;
    }
    return false;
  }

  /**
   * Whether a JSON or YAML key that encloses the secret's line names one of `words` (lowercase): a value inside
   * `"customerio": { … }` is Customer.io's, whatever its own key says. Read in the whole new file when the scan has
   * it, so that a scan of the added lines and of the whole file agree.
   */
  underKeyNaming(position: Position, words: readonly string[]): boolean {
    const [lines, at] = this.wholeFileLines(position);
    return lines.hasTextInParents(at, words);
  }

  /** The lines of the whole new file when the scan has it, else of the scanned text, and the secret's line there. */
  private wholeFileLines(position: Position): [TextLines, number] {
    const source = this.unit.source;
    return source ? [this.sourceTextLines(source.text), position.fileLine - 1] : [this.lines, position.textLine];
  }

  /**
   * One of `words` (lowercase) in the CREDENTIAL_REACH characters before the secret on its line, or at the end of
   * the line before (a value on the line after its name, a constructor's second argument).
   */
  namedBefore(position: Position, words: readonly string[]): boolean {
    const lineStart = this.lines.start(position.textLine);
    const from = Math.max(lineStart, position.offset - CREDENTIAL_REACH);
    let before = this.unit.text.slice(from, position.offset);
    // The line before in the file, which the added lines alone may not hold.
    const [lines, at] = this.wholeFileLines(position);
    if (at > 0) {
      const previousEnd = lines.end(at - 1);
      const previousStart = Math.max(lines.start(at - 1), previousEnd - CREDENTIAL_REACH);
      before = `${lines.text.slice(previousStart, previousEnd)}\n${before}`;
    }
    if (this.work) this.work.checkChars += before.length;
    const lower = before.toLowerCase();
    return words.some((word) => lower.includes(word));
  }

  /**
   * A near word within `near.lines` lines, in the context when we have it (the added lines may not hold the word),
   * and never across a YAML document separator.
   */
  hasNearbyWord(position: Position, near: NonNullable<CompiledRule['near']>): boolean {
    if (this.hasInFileWord(near)) return true;
    const context = this.context();
    if (context) {
      const line = position.fileLine - this.unit.context!.firstLine;
      const inContext = () =>
        (this.nearWordsFound ??=
          this.inContext ?? this.catalog.nearPrefilter.match(context.text, this.catalog.searchBudget));
      return (
        context.hasWordAround(line, near.lines, near, inContext) ||
        context.hasWordInParents(line, near, inContext, this.parentReach()) ||
        this.hasWordAroundInSource(position, near)
      );
    }
    const inText = () =>
      (this.nearWordsFound ??= this.catalog.nearPrefilter.match(this.unit.text, this.catalog.searchBudget));
    return (
      this.lines.hasWordAround(position.textLine, near.lines, near, inText) ||
      this.lines.hasWordInParents(position.textLine, near, inText, this.parentReach())
    );
  }

  /**
   * Added lines whose rule looks farther than their context reaches (a Secret's `kind` may stand 60 lines above its
   * `data:` values): the near words are looked for in the whole new file, as a scan of the whole file would.
   */
  private hasWordAroundInSource(position: Position, near: NonNullable<CompiledRule['near']>): boolean {
    const source = this.unit.source;
    if (!source || near.lines <= this.catalog.contextLines) return false;
    const inSource = () => this.nearWordsOfSource(source.text);
    return this.sourceTextLines(source.text).hasWordAround(position.fileLine - 1, near.lines, near, inSource);
  }

  private sourceTextLines(text: string): TextLines {
    return (this.sourceLines ??= new TextLines(text, this.work));
  }

  private nearWordsOfSource(text: string): PrefilterMatch {
    return (this.nearWordsInSource ??= this.catalog.nearPrefilter.match(text, this.catalog.searchBudget));
  }

  /**
   * Whether the candidate's line is a line of an armoured block's body (a PEM certificate or key pasted into code or
   * YAML, maybe indented or quoted): between a `-----BEGIN` line above and an `-----END` line below, with nothing but
   * base64 lines between. A run of 32 characters there is part of that block, not a prefix-less key, whatever
   * provider's name stands three lines away. Read in the whole new file when the scan has it.
   */
  inArmouredBody(position: Position): boolean {
    const [lines, line] = this.wholeFileLines(position);
    const isBody = (at: number) => ARMOURED_BODY_LINE.test(lines.line(at));
    if (!isBody(line)) return false;
    const edge = (step: 1 | -1, armour: RegExp) => {
      for (let at = line + step, seen = 0; at >= 0 && at < lines.count && seen < ARMOUR_REACH; at += step, seen++) {
        const text = lines.line(at);
        if (armour.test(text)) return true;
        if (!ARMOURED_BODY_LINE.test(text)) return false;
      }
      return false;
    };
    return edge(1, /-----END [A-Z0-9 ]{1,40}-----/) && edge(-1, /-----BEGIN [A-Z0-9 ]{1,40}-----/);
  }

  /** How far up enclosing keys are looked for: as far as the context of an added-lines scan reaches. */
  private parentReach(): number {
    return Math.min(PARENT_REACH, this.catalog.contextLines);
  }

  /** One of the rule's file-wide near words (`inFile`: an SDK's import) in the text or its context. */
  private hasInFileWord(near: NonNullable<CompiledRule['near']>): boolean {
    let answer = this.inFileAnswers.get(near);
    if (answer === undefined) {
      answer = false;
      for (let i = 0; i < near.words.length && !answer; i++) {
        if (!near.words[i]!.inFile) continue;
        const inText =
          near.keywordIndexes.length > 0
            ? this.inText.found.has(near.keywordIndexes[i]!)
            : this.nearInText().found.has(near.nearIndexes[i]!);
        answer = inText || (this.inContext?.found.has(near.nearIndexes[i]!) ?? false);
      }
      // Added lines: the import may stand anywhere in the new file, beyond their context.
      if (!answer && this.unit.source) answer = hasInFileWordIn(this.unit.source.text, near);
      this.inFileAnswers.set(near, answer);
    }
    return answer;
  }

  /** The catalog's near words in the scanned text itself (not its context). */
  private nearInText(): PrefilterMatch {
    return (this.nearWordsInText ??= this.catalog.nearPrefilter.match(this.unit.text, this.catalog.searchBudget));
  }

  private context(): TextLines | null {
    if (this.contextLines === undefined) {
      this.contextLines = this.unit.context ? new TextLines(this.unit.context.text, this.work) : null;
    }
    return this.contextLines;
  }
}
