// Text fitted to the terminal: lines are broken at spaces only, so a word, an identifier, a path or a command is
// never cut in two (a terminal that wraps by itself cuts `STRIPE_SECRE` / `T_KEY`). A single word wider than the
// line stays whole on a line of its own: cut, it could not be copied.

/** The width in terminal columns: one per code point, none for combining marks, two for wide East Asian ones. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f))
      continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Glues the words of a command (or a name with its value) so that wrap() never breaks a line inside it. */
export function keepTogether(text: string): string {
  return text.replace(/ /g, GLUE);
}

const GLUE = '\u00a0';
const GLUED = /\u00a0/g;

/**
 * `text` broken into lines of at most `width` columns at spaces: the first line starts with `first`, the others
 * with `rest` (a hanging indent). Runs of spaces inside the text are kept where no break falls (code keeps its
 * alignment).
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = first;
  let lineWidth = textWidth(first);
  let empty = true;
  let pendingSpaces = 0;
  for (const word of words) {
    if (word === '') {
      // Two spaces in a row: the split gives an empty word between them.
      if (!empty) pendingSpaces++;
      continue;
    }
    const wordWidth = textWidth(word);
    const gap = empty ? 0 : pendingSpaces + 1;
    if (!empty && lineWidth + gap + wordWidth > width) {
      lines.push(line);
      line = rest;
      lineWidth = textWidth(rest);
      empty = true;
    }
    if (!empty) {
      line += ' '.repeat(gap);
      lineWidth += gap;
    }
    line += word;
    lineWidth += wordWidth;
    empty = false;
    pendingSpaces = 0;
  }
  lines.push(line);
  return lines.map((l) => l.replace(GLUED, ' '));
}

/** Cuts `text` to at most `width` columns, marking the cut with `…` (for one-row displays: progress). */
export function fitWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = textWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}
