import { describe, expect, it } from 'vitest';
import { addedLines, splitLines } from '../../../src/git/added-lines.js';
import { seededRandom } from '../../helpers/examples.js';

const lines = (oldText: string | null, newText: string) => {
  const { text, lineNumbers } = addedLines(oldText, newText);
  return { text, lineNumbers };
};

/** The line-by-line algorithm the fast one must agree with: trim equal lines at both ends, keep unseen lines. */
function oracle(oldText: string, newText: string) {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  let prefix = 0;
  const shorter = Math.min(oldLines.length, newLines.length);
  while (prefix < shorter && oldLines[prefix] === newLines[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix])
    suffix++;
  const old = new Set(oldLines.slice(prefix, oldLines.length - suffix));
  const out: [number, string][] = [];
  for (let i = prefix; i < newLines.length - suffix; i++) if (!old.has(newLines[i]!)) out.push([i + 1, newLines[i]!]);
  return out;
}

describe('addedLines', () => {
  it('treats every line of a new file as added', () => {
    expect(addedLines(null, 'a\nb\n')).toEqual({ text: 'a\nb', lineNumbers: [1, 2], context: null });
  });
  it('keeps new-file line numbers after the common prefix and suffix', () => {
    expect(lines('a\nb\nc\nd\n', 'a\nb\nX\nY\nc\nd\n')).toEqual({ text: 'X\nY', lineNumbers: [3, 4] });
  });
  it('drops lines that were only moved within the changed region', () => {
    expect(lines('top\none\ntwo\nend\n', 'top\ntwo\nNEW\none\nend\n')).toEqual({ text: 'NEW', lineNumbers: [3] });
  });
  it('reports nothing for a deletion or an identical file', () => {
    expect(lines('a\nb\nc\n', 'a\nc\n').lineNumbers).toEqual([]);
    expect(lines('a\nb\n', 'a\nb\n').lineNumbers).toEqual([]);
  });
  it('handles a missing final newline and a change of the last line', () => {
    expect(lines('a\nb', 'a\nb\nc')).toEqual({ text: 'c', lineNumbers: [3] });
    expect(lines('a\nb', 'a\nb\n')).toEqual({ text: '', lineNumbers: [] });
    expect(lines('a\nbc', 'a\nbd')).toEqual({ text: 'bd', lineNumbers: [2] });
  });
  it('gives the lines around the change as context, with their first line number', () => {
    const old = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const changed = old.replace('line 10\n', 'line 10\nADDED\n');
    const result = addedLines(old, changed, 2);
    expect(result.lineNumbers).toEqual([11]);
    expect(result.context).toEqual({ text: 'line 9\nline 10\nADDED\nline 11\nline 12', firstLine: 9 });
  });
  // An added empty line cannot carry a secret, and whether "\n" alone is one line or none is a matter of
  // convention: the comparison is over the lines with content.
  it('agrees with the line-by-line algorithm on random edits (lines with content)', () => {
    const random = seededRandom(99);
    const pick = (n: number) => Math.floor(random() * n);
    const words = ['a', 'b', 'key = 1', 'x', '', 'end', 'a b', 'bb'];
    for (let round = 0; round < 2000; round++) {
      const old = Array.from({ length: pick(12) }, () => words[pick(words.length)]!);
      const next = [...old];
      for (let e = pick(4); e >= 0; e--) {
        const at = pick(next.length + 1);
        if (random() < 0.5) next.splice(at, 0, words[pick(words.length)]! + (random() < 0.3 ? 'z' : ''));
        else next.splice(at, 1);
      }
      const oldText = old.join('\n') + (random() < 0.7 ? '\n' : '');
      const newText = next.join('\n') + (random() < 0.7 ? '\n' : '');
      if (oldText === '') continue;
      const result = addedLines(oldText, newText);
      const ours = result.lineNumbers.map((n, i) => [n, result.text.split('\n')[i]] as [number, string]);
      const withContent = (list: [number, string][]) => list.filter(([, line]) => line !== '');
      expect(withContent(ours), JSON.stringify({ oldText, newText })).toEqual(withContent(oracle(oldText, newText)));
    }
  });
  it('stays linear on a large lockfile-like change', () => {
    const old = Array.from({ length: 200_000 }, (_, i) => `"pkg-${i}": "1.0.${i}",`).join('\n');
    const changed = old.replace('"pkg-100000": "1.0.100000",', '"pkg-100000": "2.0.0",');
    expect(addedLines(old, changed).lineNumbers).toEqual([100_001]);
  });
});
