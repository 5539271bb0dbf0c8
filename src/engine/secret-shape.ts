// The body of a pattern's `(?<secret>…)` group as a pattern of its own: every match of the rule holds a match of
// it, so a text without one cannot hold the rule's match. Used as a cheap test before an expensive one (searching
// a whole file for an SDK's import, for a prefix-less rule of that SDK), when the rule's own pattern would be slow
// to try at every position (lookbehinds first). Only a body that stands on its own is used: one that refers to
// other groups (`\1`, `\k<name>`) or holds lookarounds, which may read outside the group, gives no shape.

/** The secret group's body compiled with the rule's flags (global and indices left out), or null. */
export function secretShapeOf(pattern: string, flags: string): RegExp | null {
  const open = pattern.indexOf('(?<secret>');
  if (open === -1) return null;
  const start = open + '(?<secret>'.length;
  let depth = 1;
  let inClass = false;
  for (let at = start; at < pattern.length; at++) {
    const char = pattern[at];
    if (char === '\\') {
      at++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      depth++;
    } else if (char === ')' && --depth === 0) {
      const body = pattern.slice(start, at);
      if (/\\[1-9k]|\(\?<?[=!]/.test(body)) return null;
      try {
        return new RegExp(body, flags.replace(/[gdy]/g, ''));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A shape that is one character class repeated at least n times: `[0-9a-f]{32}`, `[A-Za-z0-9]{24,40}`. */
const ONE_CLASS_RUN = /^(\[(?:[^\]\\]|\\.)+\])\{(\d+)(?:,\d*)?\}$/;

/**
 * Shape tests over one text, remembered. Many rules share a shape (four have `[0-9a-f]{32}` with the `i` flag), and
 * a run of one class is absent at every length from the shortest found absent on, and present at every length up to
 * the longest found present: most of a text's tests need no search (in a history scan they cost 126 ms of 2.6 s).
 */
export class ShapeTests {
  private readonly answers = new Map<string, boolean>();
  private readonly runs = new Map<string, { absentFrom: number; presentUpTo: number }>();

  constructor(private readonly text: string) {}

  found(shape: RegExp): boolean {
    const { key, length } = shapeKey(shape);
    if (length === 0) {
      let answer = this.answers.get(key);
      if (answer === undefined) this.answers.set(key, (answer = shape.test(this.text)));
      return answer;
    }
    let known = this.runs.get(key);
    if (!known) this.runs.set(key, (known = { absentFrom: Infinity, presentUpTo: 0 }));
    if (length >= known.absentFrom) return false;
    if (length <= known.presentUpTo) return true;
    const found = shape.test(this.text);
    if (found) known.presentUpTo = length;
    else known.absentFrom = length;
    return found;
  }
}

const KEYS = new WeakMap<RegExp, { key: string; length: number }>();

/** What a shape is remembered by: its flags and class, with its run length; else its source, and length 0. */
function shapeKey(shape: RegExp): { key: string; length: number } {
  let known = KEYS.get(shape);
  if (!known) {
    const run = ONE_CLASS_RUN.exec(shape.source);
    known = run
      ? { key: `${shape.flags}/${run[1]}`, length: Number(run[2]) }
      : { key: `${shape.flags}/${shape.source}`, length: 0 };
    KEYS.set(shape, known);
  }
  return known;
}
