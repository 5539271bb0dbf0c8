import { describe, expect, it } from 'vitest';
import { addedLines } from '../../../src/git/added-lines.js';

describe('addedLines', () => {
  it('treats every line of a new file as added', () => {
    expect(addedLines(null, 'a\nb\n')).toEqual({ text: 'a\nb', lineNumbers: [1, 2] });
  });
  it('keeps new-file line numbers after the common prefix and suffix', () => {
    const result = addedLines('a\nb\nc\nd\n', 'a\nb\nX\nY\nc\nd\n');
    expect(result).toEqual({ text: 'X\nY', lineNumbers: [3, 4] });
  });
  it('drops lines that were only moved within the changed region', () => {
    const result = addedLines('top\none\ntwo\nend\n', 'top\ntwo\nNEW\none\nend\n');
    expect(result).toEqual({ text: 'NEW', lineNumbers: [3] });
  });
  it('reports nothing for a deletion', () => {
    expect(addedLines('a\nb\nc\n', 'a\nc\n').lineNumbers).toEqual([]);
  });
  it('handles a missing final newline and a change of the last line', () => {
    expect(addedLines('a\nb', 'a\nb\nc')).toEqual({ text: 'c', lineNumbers: [3] });
  });
  it('stays linear on a large lockfile-like change', () => {
    const old = Array.from({ length: 200_000 }, (_, i) => `"pkg-${i}": "1.0.${i}",`).join('\n');
    const changed = old.replace('"pkg-100000": "1.0.100000",', '"pkg-100000": "2.0.0",');
    expect(addedLines(old, changed).lineNumbers).toEqual([100_001]);
  });
});
