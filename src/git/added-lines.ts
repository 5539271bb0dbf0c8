// Which lines of the new version of a file are added: the one definition every scope uses (the commit hook, pushes,
// ranges, history), so that the same change gives the same findings wherever it is scanned.
// Not a minimal diff, but linear in practice and never blind to new content:
// 1. the common prefix and suffix are trimmed (compared natively in blocks before any line is split);
// 2. in what remains, a line of the new text is looked up in the old text ("anchor"); around each place it is found,
//    the equal stretch is grown natively in both directions, and the text on either side is treated the same way;
// 3. what is left (small pieces, or where no anchor was found) is compared line by line: a new line that is not among
//    the old lines of its piece counts as added.
// A line whose content does not occur in the old version is always added; a line kept, moved within a piece or
// duplicated is not. Moving a line far (out of its piece) may make it count as added: scanning more, never less.
// Unlike an O(N·D) diff, a lockfile update or a file rewritten from scratch stays cheap.

export interface AddedLines {
  /** The added lines joined with '\n', ready for the engine. */
  text: string;
  /** File line number (1-based) of each line of `text`. */
  lineNumbers: number[];
  /**
   * The new file's lines within `contextLines` of an added line, for rules that look for near words on
   * unchanged lines; lines farther from every added line are left empty (the numbering stays that of the file).
   * Null when the added lines are the whole file.
   */
  context: { text: string; firstLine: number } | null;
  /**
   * Where each added line starts in the new text (offsets, in order), when the added lines are not the whole file:
   * rules whose matches span lines read around them.
   */
  offsets?: number[];
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Pieces of at most this many characters are compared line by line rather than searched for anchors. */
const SMALL_PIECE = 1024;
/** An anchor line this short ("}", "", "end") occurs everywhere and aligns nothing. */
const MIN_ANCHOR = 12;
const ANCHOR_TRIES = 3;
const MAX_DEPTH = 48;

export function addedLines(oldVersion: string | null, newVersion: string, contextLines = 0): AddedLines {
  if (oldVersion === null || oldVersion === '') {
    const lines = splitLines(newVersion);
    return { text: lines.join('\n'), lineNumbers: lines.map((_, i) => i + 1), context: null };
  }
  // Lines are compared without their final newline: adding one at the end of the file adds no line.
  const oldText = withoutFinalNewline(oldVersion);
  const newText = withoutFinalNewline(newVersion);
  const limit = Math.min(oldText.length, newText.length);
  // The region starts at the beginning of the first line that differs…
  const prefix = commonPrefixLength(oldText, newText, 0, 0, limit);
  // When the common prefix ends exactly at a line end in both texts, that line is unchanged too.
  const lineEndsAt = (text: string) => prefix === text.length || text.charCodeAt(prefix) === 10;
  const start =
    lineEndsAt(oldText) && lineEndsAt(newText) ? Math.min(prefix + 1, newText.length) : lineStart(newText, prefix);
  // …and ends where the common suffix starts a line in both texts (it is the same text, so one '\n' inside it
  // aligns both).
  const common = commonSuffixLength(oldText, newText, oldText.length, newText.length, Math.max(0, limit - start));
  let suffixStart = Math.max(start, nextLineStart(newText, newText.length - common));
  const oldAt = (at: number) => oldText.length - (newText.length - at);
  while (suffixStart < newText.length && oldAt(suffixStart) > 0 && oldText.charCodeAt(oldAt(suffixStart) - 1) !== 10) {
    const newline = newText.indexOf('\n', suffixStart);
    suffixStart = newline === -1 ? newText.length : newline + 1;
  }
  const newEnd = suffixStart;
  // Nothing in the new text between the prefix and the suffix: lines were only deleted.
  if (newEnd <= start) return { text: '', lineNumbers: [], context: null };
  const oldEnd = Math.max(start, oldAt(newEnd));
  const starts: number[] = [];
  new PieceDiff(oldText, newText, starts).diff(start, oldEnd, start, newEnd, 0);
  if (starts.length === 0) return { text: '', lineNumbers: [], context: null };

  const text: string[] = [];
  const lineNumbers: number[] = [];
  let line = countNewlines(newText, 0, start) + 1;
  let counted = start;
  for (const at of starts) {
    line += countNewlines(newText, counted, at);
    counted = at;
    const newline = newText.indexOf('\n', at);
    text.push(newText.slice(at, newline === -1 ? newText.length : newline));
    lineNumbers.push(line);
  }
  const context = contextLines > 0 ? around(newText, starts, lineNumbers, contextLines) : null;
  return { text: text.join('\n'), lineNumbers, context, offsets: starts };
}

/** Finds the added lines of one region, piece by piece; pushes each added line's start offset, in order. */
class PieceDiff {
  /** Characters the anchor searches may still read: a few times the texts' length. */
  private searchBudget: number;

  constructor(
    private readonly oldText: string,
    private readonly newText: string,
    private readonly added: number[],
  ) {
    this.searchBudget = 4 * (oldText.length + newText.length);
  }

  /** Old [os, oe) against new [ns, ne): both start at a line start and end at a line start or the text's end. */
  diff(os: number, oe: number, ns: number, ne: number, depth: number): void {
    if (ns >= ne) return;
    if (os >= oe) return this.allLines(ns, ne);
    if (ne - ns <= SMALL_PIECE || depth >= MAX_DEPTH) return this.byLines(os, oe, ns, ne);
    const match = this.anchor(os, oe, ns, ne);
    if (match === null) return this.byLines(os, oe, ns, ne);
    this.diff(os, match.oldStart, ns, match.newStart, depth + 1);
    this.diff(match.oldEnd, oe, match.newEnd, ne, depth + 1);
  }

  /** Every line of new [ns, ne). */
  private allLines(ns: number, ne: number): void {
    for (let at = ns; at < ne;) {
      this.added.push(at);
      const newline = this.newText.indexOf('\n', at);
      if (newline === -1 || newline + 1 > ne) break;
      at = newline + 1;
    }
  }

  /** New lines of [ns, ne) that are not among the old lines of [os, oe). */
  private byLines(os: number, oe: number, ns: number, ne: number): void {
    const old = new Set(linesOf(this.oldText, os, oe));
    let at = ns;
    for (const line of linesOf(this.newText, ns, ne)) {
      if (!old.has(line)) this.added.push(at);
      at += line.length + 1;
    }
  }

  /**
   * A stretch of whole lines equal in both: a line from the middle of the new piece found in the old piece, grown
   * in both directions as far as the texts stay equal, and cut back to whole lines.
   */
  private anchor(os: number, oe: number, ns: number, ne: number) {
    const { oldText, newText } = this;
    let probe = lineStart(newText, ns + ((ne - ns) >> 1));
    for (let tries = 0; tries < ANCHOR_TRIES && probe < ne; tries++) {
      const newline = newText.indexOf('\n', probe);
      if (newline === -1 || newline >= ne) return null;
      const line = newText.slice(probe, newline + 1);
      // Searching costs the old piece's length: a budget keeps pathological inputs (a reordered lockfile) linear.
      if (line.trim().length >= MIN_ANCHOR && this.searchBudget >= oe - os) {
        this.searchBudget -= oe - os;
        const found = findLine(oldText, line, os, oe);
        if (found !== -1) return this.grow(found, probe, line.length, os, oe, ns, ne);
      }
      probe = newline + 1;
    }
    return null;
  }

  /** The equal stretch around old `found` = new `probe` (a whole line of `length`), as whole lines of both. */
  private grow(found: number, probe: number, length: number, os: number, oe: number, ns: number, ne: number) {
    const { oldText, newText } = this;
    const shift = found - probe;
    const back = commonSuffixLength(oldText, newText, found, probe, Math.min(found - os, probe - ns));
    const forward = commonPrefixLength(
      oldText,
      newText,
      found + length,
      probe + length,
      Math.min(oe - found - length, ne - probe - length),
    );
    // Whole lines only. Inside the stretch both texts are equal, so a position just after a newline in it starts a
    // line in both; at its edges the character before may differ.
    let newStart = probe - back;
    const startsLineInBoth =
      (newStart === 0 || newText.charCodeAt(newStart - 1) === 10) &&
      (newStart + shift === 0 || oldText.charCodeAt(newStart + shift - 1) === 10);
    if (!startsLineInBoth) newStart = newText.indexOf('\n', newStart) + 1;
    let newEnd = probe + length + forward;
    const bothAtTheirEnd = newEnd === newText.length && newEnd + shift === oldText.length;
    if (!bothAtTheirEnd) newEnd = lineStart(newText, newEnd);
    return { newStart, newEnd, oldStart: newStart + shift, oldEnd: newEnd + shift };
  }
}

/** The lines of [from, to) (to: a line start, or the text's end). */
function linesOf(text: string, from: number, to: number): string[] {
  if (from >= to) return [];
  const piece = text.slice(from, to);
  return splitLines(piece);
}

/** Where `line` (ending in '\n') starts a line in [from, to) of `text`, or -1. */
function findLine(text: string, line: string, from: number, to: number): number {
  // A slice of a string is a view: searching it reads only [from, to).
  const piece = text.slice(from, to);
  for (let at = piece.indexOf(line); at !== -1; at = piece.indexOf(line, at + 1)) {
    if (from + at === 0 || text.charCodeAt(from + at - 1) === 10) return from + at;
  }
  return -1;
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

const BLOCK = 4096;

/** How many characters a[aFrom…] and b[bFrom…] share at their start, up to `limit`. */
function commonPrefixLength(a: string, b: string, aFrom: number, bFrom: number, limit: number): number {
  let i = 0;
  // Whole blocks, then blocks of half the size down to one character: every comparison is native (string
  // equality on slices), and once a size fails, each smaller size can match at most once.
  for (let block = BLOCK; block >= 1; block >>= 1) {
    while (i + block <= limit && a.slice(aFrom + i, aFrom + i + block) === b.slice(bFrom + i, bFrom + i + block))
      i += block;
  }
  return i;
}

/** How many characters a[…aEnd) and b[…bEnd) share at their end, up to `limit`. */
function commonSuffixLength(a: string, b: string, aEnd: number, bEnd: number, limit: number): number {
  let n = 0;
  for (let block = BLOCK; block >= 1; block >>= 1) {
    while (n + block <= limit && a.slice(aEnd - n - block, aEnd - n) === b.slice(bEnd - n - block, bEnd - n))
      n += block;
  }
  return n;
}

/** The start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** `offset` if a line starts there, otherwise the start of the next line (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  if (offset === 0 || text.charCodeAt(offset - 1) === 10) return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * The new text's lines within `lines` lines of each added line, as one text numbered from its first line; lines
 * between two distant windows are left empty, so that line i of the context is line firstLine + i of the file.
 * Added lines close together share one window: each window walks its edges once.
 */
function around(
  text: string,
  starts: readonly number[],
  numbers: readonly number[],
  lines: number,
): AddedLines['context'] {
  const parts: string[] = [];
  let firstLine = 0;
  let reachedLine = 0; // the file line after the last window
  for (let i = 0; i < starts.length;) {
    // The run of added lines whose windows overlap: from i to j.
    let j = i;
    while (j + 1 < starts.length && numbers[j + 1]! - numbers[j]! <= 2 * lines + 1) j++;
    let from = starts[i]!;
    let fromLine = numbers[i]!;
    for (let k = 0; k < lines && from > 0; k++) {
      from = lineStart(text, from - 1);
      fromLine--;
    }
    let to = starts[j]!;
    let toLine = numbers[j]!;
    for (let k = 0; k <= lines && to < text.length; k++) {
      const newline = text.indexOf('\n', to);
      to = newline === -1 ? text.length : newline + 1;
      toLine++;
    }
    if (parts.length === 0) firstLine = fromLine;
    else parts.push('\n'.repeat(Math.max(0, fromLine - reachedLine)));
    parts.push(text.slice(from, to));
    reachedLine = toLine;
    i = j + 1;
  }
  const joined = parts.join('');
  return { text: joined.endsWith('\n') ? joined.slice(0, -1) : joined, firstLine };
}
