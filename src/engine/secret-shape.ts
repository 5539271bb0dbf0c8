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
