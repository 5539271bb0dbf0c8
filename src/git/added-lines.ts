// Which lines of the new version of a file are added. Not a minimal diff: trim the common prefix and suffix,
// then every new line in the changed region that is not among the old lines of that region counts as added.
// Linear time (a lockfile update stays cheap, where an O(N·D) diff takes seconds) and it can only err towards
// scanning more: the lines it drops are moved or duplicated old lines, which cannot carry a new secret.

export interface AddedLines {
  /** The added lines joined with '\n', ready for the engine. */
  text: string;
  /** File line number (1-based) of each line of `text`. */
  lineNumbers: number[];
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function addedLines(oldText: string | null, newText: string): AddedLines {
  const newLines = splitLines(newText);
  if (oldText === null || oldText === '') {
    return { text: newLines.join('\n'), lineNumbers: newLines.map((_, i) => i + 1) };
  }
  const oldLines = splitLines(oldText);
  let prefix = 0;
  const shorter = Math.min(oldLines.length, newLines.length);
  while (prefix < shorter && oldLines[prefix] === newLines[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]
  ) {
    suffix++;
  }
  const oldRegion = new Set(oldLines.slice(prefix, oldLines.length - suffix));
  const text: string[] = [];
  const lineNumbers: number[] = [];
  for (let i = prefix; i < newLines.length - suffix; i++) {
    const line = newLines[i]!;
    if (oldRegion.has(line)) continue;
    text.push(line);
    lineNumbers.push(i + 1);
  }
  return { text: text.join('\n'), lineNumbers };
}
