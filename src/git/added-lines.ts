// Which lines of the new version of a file are added. Not a minimal diff: trim the common prefix and suffix,
// then every new line in the changed region that is not among the old lines of that region counts as added.
// Linear time (a lockfile update stays cheap, where an O(N·D) diff takes seconds) and it can only err towards
// scanning more: the lines it drops are moved or duplicated old lines, which cannot carry a new secret.
// The prefix and suffix are compared natively in blocks before any line is split, so a one-line change to a big
// file costs little more than comparing it.

export interface AddedLines {
  /** The added lines joined with '\n', ready for the engine. */
  text: string;
  /** File line number (1-based) of each line of `text`. */
  lineNumbers: number[];
  /**
   * The new file's lines around the change (`contextLines` before and after), for rules that look for context
   * words on unchanged lines; null when the added lines are the whole file.
   */
  context: { text: string; firstLine: number } | null;
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

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
  const prefix = commonPrefixLength(oldText, newText, limit);
  // When the common prefix ends exactly at a line end in both texts, that line is unchanged too.
  const lineEndsAt = (text: string) => prefix === text.length || text.charCodeAt(prefix) === 10;
  const start =
    lineEndsAt(oldText) && lineEndsAt(newText) ? Math.min(prefix + 1, newText.length) : lineStart(newText, prefix);
  // …and ends where the common suffix starts a line in both texts (it is the same text, so one '\n' inside it
  // aligns both).
  const common = commonSuffixLength(oldText, newText, Math.max(0, limit - start));
  let suffixStart = Math.max(start, nextLineStart(newText, newText.length - common));
  const oldAt = (at: number) => oldText.length - (newText.length - at);
  while (suffixStart < newText.length && oldAt(suffixStart) > 0 && oldText.charCodeAt(oldAt(suffixStart) - 1) !== 10) {
    const newline = newText.indexOf('\n', suffixStart);
    suffixStart = newline === -1 ? newText.length : newline + 1;
  }
  const suffix = newText.length - suffixStart;
  const newRegion = newText.slice(start, newText.length - suffix);
  if (newRegion.length === 0) return { text: '', lineNumbers: [], context: null };
  const oldSlice = oldText.slice(start, oldText.length - suffix);
  const oldRegion = new Set(oldSlice === '' ? [] : splitLines(oldSlice));

  const firstLine = countNewlines(newText, 0, start) + 1;
  const text: string[] = [];
  const lineNumbers: number[] = [];
  splitLines(newRegion).forEach((line, i) => {
    if (oldRegion.has(line)) return;
    text.push(line);
    lineNumbers.push(firstLine + i);
  });
  const context = contextLines > 0 ? around(newText, start, newText.length - suffix, firstLine, contextLines) : null;
  return { text: text.join('\n'), lineNumbers, context };
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

const BLOCK = 4096;

function commonPrefixLength(a: string, b: string, limit: number): number {
  let i = 0;
  // Whole blocks, then blocks of half the size down to one character: every comparison is native (string
  // equality on slices), and once a size fails, each smaller size can match at most once.
  for (let block = BLOCK; block >= 1; block >>= 1) {
    while (i + block <= limit && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  return i;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let n = 0;
  for (let block = BLOCK; block >= 1; block >>= 1) {
    while (
      n + block <= limit &&
      a.slice(a.length - n - block, a.length - n) === b.slice(b.length - n - block, b.length - n)
    ) {
      n += block;
    }
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

/** The text from `lines` lines before `from` to `lines` lines after `to`, and the number of its first line. */
function around(text: string, from: number, to: number, fromLine: number, lines: number): AddedLines['context'] {
  let begin = from;
  let beginLine = fromLine;
  for (let i = 0; i < lines && begin > 0; i++) {
    begin = lineStart(text, begin - 1);
    beginLine--;
  }
  let end = to;
  for (let i = 0; i < lines && end < text.length; i++) {
    const newline = text.indexOf('\n', end);
    end = newline === -1 ? text.length : newline + 1;
  }
  return { text: text.slice(begin, end), firstLine: beginLine };
}
