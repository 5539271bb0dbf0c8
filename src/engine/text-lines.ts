// A text's lines, as the checks after a pattern match read them: where each line starts and ends, which lines are
// YAML document separators, which hold allow comments, and where near words stand. Each is worked out once per
// text (near words once per rule) on first need, so that a check costs the same on the 8,000th key of a
// minified line as on the first. Reading the whole line again for every candidate made one long line cost the
// square of its length (a 10 MB line of keywords took 28 s, a 1 MB line of keys ran out of memory).
import { hasNextLineMarker, hasSameLineMarker } from './allow.js';
import type { PrefilterMatch } from './prefilter.js';

/** Counters a caller may pass in to see how much work a scan did (tests use it to prove the cost is linear). */
export interface ScanWork {
  /** Characters handed to the rules' patterns. */
  patternChars: number;
  /** Pattern matches checked (each one goes through verifier, entropy, near-word and allow checks). */
  candidates: number;
  /**
   * Characters the checks after a match read around it: excerpts, names beside a value, lines read for allow
   * comments, line starts and near words worked out.
   */
  checkChars: number;
}

/** One rule's near words, as the compiled rule gives them. */
export interface NearWords {
  words: readonly { word: string; whole: boolean; inFile?: boolean }[];
  /** Indexes of the words in the near-word prefilter whose match is given to `hasWordAround`. */
  nearIndexes: readonly number[];
}

// How far above a value its enclosing keys are looked for (hasWordInParents): no farther than the context an
// added-lines scan has (MAX_CONTEXT_LINES), so that a scan of the whole file and of its added lines agree.
export const PARENT_REACH = 12;
// How much of a parent key's line is read for a name: the key, not the rest of a long line.
const KEY_LINE_REACH = 200;

// `---` or `...` alone on a line (trailing blanks allowed): a YAML document ends there.
const SEPARATOR = /(?:---|\.\.\.)[^\S\n]*(?=\n|$)/y;

const UNKNOWN = 0;
const YES = 1;
const NO = 2;

/** A case-insensitive search for any of these literal words, or null when there are none. */
export function anyWordPattern(words: readonly string[]): RegExp | null {
  if (words.length === 0) return null;
  return new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
}

export class TextLines {
  private lineStarts?: number[];
  private separatorLines?: number[];
  /** Per line: UNKNOWN until asked, then YES or NO. */
  private sameLineAllow?: Uint8Array;
  private nextLineAllow?: Uint8Array;
  private readonly wordStarts = new Map<NearWords, number[]>();

  constructor(
    readonly text: string,
    private readonly work?: ScanWork,
  ) {}

  /** Offsets where each line starts: computed on first need (most texts have no match at all). */
  get starts(): number[] {
    if (!this.lineStarts) {
      const text = this.text;
      const starts = [0];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  get count(): number {
    return this.starts.length;
  }

  start(line: number): number {
    return this.starts[line]!;
  }

  /** Where the line ends, its newline excluded. */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.text.length;
  }

  /** The line holding this offset. */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  line(index: number): string {
    return this.text.slice(this.start(index), this.end(index));
  }

  /** `secret-hook:allow` (or an equivalent) on this line: each line is read once, however many keys it holds. */
  hasSameLineAllow(line: number): boolean {
    this.sameLineAllow ??= new Uint8Array(this.count);
    if (this.sameLineAllow[line] === UNKNOWN) {
      this.sameLineAllow[line] = hasSameLineMarker(this.readLine(line)) ? YES : NO;
    }
    return this.sameLineAllow[line] === YES;
  }

  /** `secret-hook:allow-next-line` (or an equivalent) on this line, read once. */
  hasNextLineAllow(line: number): boolean {
    if (line < 0 || line >= this.count) return false;
    this.nextLineAllow ??= new Uint8Array(this.count);
    if (this.nextLineAllow[line] === UNKNOWN) {
      this.nextLineAllow[line] = hasNextLineMarker(this.readLine(line)) ? YES : NO;
    }
    return this.nextLineAllow[line] === YES;
  }

  /**
   * Whether a near word stands within `reach` lines of `line`, in the same YAML document (`---` and `...` end
   * one: near words do not carry across documents). `match` is the prefilter's answer for this text over the
   * catalog's near words; short words must stand as whole words, where a camelCase change also counts as a
   * boundary (`CioSiteId`), but "precious" does not hold `cio`. One binary search per candidate.
   */
  hasWordAround(line: number, reach: number, near: NearWords, match: () => PrefilterMatch): boolean {
    const [first, last] = this.documentAround(line, reach);
    if (first > last) return false;
    const starts = this.wordStartsOf(near, match);
    const from = this.start(first);
    const next = firstAtOrAfter(starts, from);
    // A word never holds a newline, so one that starts on these lines lies within them.
    return next < starts.length && starts[next]! < this.end(last);
  }

  /**
   * Whether a near word stands on a key that encloses `line`, by indentation, within PARENT_REACH lines above it
   * (`customerio:` or `"customerio": {` over a block whose keys do not name the provider): a JSON or YAML parent key
   * names what is inside it. Each line above is read once, up to the first line indented less than the previous
   * parent (or not at all past a document separator).
   */
  hasWordInParents(line: number, near: NearWords, match: () => PrefilterMatch, reach = PARENT_REACH): boolean {
    let starts: readonly number[] | undefined;
    return this.someParentKey(line, reach, (above) => {
      starts ??= this.wordStartsOf(near, match);
      const next = firstAtOrAfter(starts, this.start(above));
      return next < starts.length && starts[next]! < this.end(above);
    });
  }

  /**
   * Whether a key enclosing `line` (as hasWordInParents walks them) holds one of `words` (lowercase) in its first
   * KEY_LINE_REACH characters: `"customerio": {` over the block that holds the value.
   */
  hasTextInParents(line: number, words: readonly string[], reach = PARENT_REACH): boolean {
    return this.someParentKey(line, reach, (above) => {
      const start = this.start(above);
      const key = this.text.slice(start, Math.min(this.end(above), start + KEY_LINE_REACH)).toLowerCase();
      this.spend(key.length);
      return words.some((word) => key.includes(word));
    });
  }

  /**
   * The keys that enclose `line` by indentation, nearest first, within `reach` lines above it and its YAML
   * document: each line above is read once, up to the first line indented less than the previous parent.
   */
  private someParentKey(line: number, reach: number, holds: (line: number) => boolean): boolean {
    const [first] = this.documentAround(line, reach);
    let indent = this.indentOf(line);
    for (let above = line - 1; above >= first && indent > 0; above--) {
      const own = this.indentOf(above);
      if (own < 0 || own >= indent) continue;
      indent = own;
      if (this.opensBlock(above) && holds(above)) return true;
    }
    return false;
  }

  /** Leading blanks of a line, or -1 for a blank line or a comment (they say nothing about nesting). */
  private indentOf(line: number): number {
    const text = this.text;
    const end = this.end(line);
    let at = this.start(line);
    while (at < end && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    this.spend(at - this.start(line));
    if (at === end || text[at] === '#' || text.startsWith('//', at)) return -1;
    return at - this.start(line);
  }

  private opensBlock(line: number): boolean {
    return opensBlock(this.text, this.end(line));
  }

  /** Lines `line - reach` … `line + reach`, cut at the nearest document separators on either side. */
  private documentAround(line: number, reach: number): [number, number] {
    let first = Math.max(0, line - reach);
    let last = Math.min(this.count - 1, line + reach);
    const separators = this.separators;
    const after = firstAtOrAfter(separators, line + 1);
    if (after < separators.length) last = Math.min(last, separators[after]! - 1);
    const before = firstAtOrAfter(separators, line) - 1;
    if (before >= 0) first = Math.max(first, separators[before]! + 1);
    return [first, last];
  }

  /** Lines that are YAML document separators, in order: one pass over the text, looking only at line starts. */
  private get separators(): number[] {
    if (!this.separatorLines) {
      const lines: number[] = [];
      const starts = this.starts;
      for (let i = 0; i < starts.length; i++) {
        const code = this.text.charCodeAt(starts[i]!);
        if (code !== 45 && code !== 46) continue; // '-' or '.'
        SEPARATOR.lastIndex = starts[i]!;
        if (SEPARATOR.test(this.text)) lines.push(i);
      }
      this.separatorLines = lines;
      this.spend(this.starts.length);
    }
    return this.separatorLines;
  }

  /** Where this rule's near words start in the text (whole words only where required), in order. */
  private wordStartsOf(near: NearWords, match: () => PrefilterMatch): number[] {
    let starts = this.wordStarts.get(near);
    if (starts) return starts;
    starts = [];
    const found = match();
    near.words.forEach(({ word, whole }, i) => {
      for (const end of found.endsOf([near.nearIndexes[i]!])) {
        const at = end - word.length;
        if (!whole || this.standsAlone(at, end)) starts!.push(at);
      }
    });
    starts.sort((a, b) => a - b);
    this.spend(starts.length);
    this.wordStarts.set(near, starts);
    return starts;
  }

  private standsAlone(at: number, end: number): boolean {
    const text = this.text;
    const startsWord = at === 0 || !isAlnum(text[at - 1]!) || (isUpper(text[at]!) && !isUpper(text[at - 1]!));
    const endsWord = end >= text.length || !isAlnum(text[end]!) || (isUpper(text[end]!) && !isUpper(text[end - 1]!));
    return startsWord && endsWord;
  }

  private readLine(line: number): string {
    this.spend(this.end(line) - this.start(line));
    return this.line(line);
  }

  private spend(chars: number): void {
    if (this.work) this.work.checkChars += chars;
  }
}

/**
 * Whether the line ending at `lineEnd` opens a block: it ends (trailing blanks aside) with `:`, `{`, `[` or `(`,
 * as a YAML or JSON key over nested values, or a call over its arguments, does.
 */
export function opensBlock(text: string, lineEnd: number): boolean {
  let end = lineEnd;
  while (
    end > 0 &&
    (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9 || text.charCodeAt(end - 1) === 13)
  )
    end--;
  const last = text[end - 1];
  return last === ':' || last === '{' || last === '[' || last === '(';
}

/** Index of the last value ≤ `value` in an ascending list that starts at or below it. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Index of the first value ≥ `value` in an ascending list (its length when there is none). */
function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function isAlnum(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isUpper(char: string): boolean {
  return char >= 'A' && char <= 'Z';
}
