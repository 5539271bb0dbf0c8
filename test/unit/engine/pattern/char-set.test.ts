// The character sets of the pattern checks, held against V8 itself: `.` and each class escape hold exactly the code
// units the RegExp engine matches (without the u flag, as rules run), and with the i flag a set holds every unit the
// engine then matches (more is allowed: folding may widen, never narrow, or a check could call a pattern safe).
import { describe, expect, it } from 'vitest';
import {
  ANY,
  caseFold,
  complement,
  DIGIT,
  DOT,
  EMPTY,
  intersects,
  normalise,
  single,
  SPACE,
  union,
  WORD,
  type CharSet,
} from '../../../../src/engine/pattern/char-set.js';

/** Every UTF-16 code unit once, in order: the text a regex with the g flag is run over. */
const ALL_UNITS = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
const ASCII = ALL_UNITS.slice(0, 0x80);

/** `\uXXXX`: a code unit as a pattern reads it, inside a class or out. */
const escaped = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/** The code units the engine matches with a one-character pattern, as a set. */
function matchedBy(source: string, flags = '', text = ALL_UNITS): CharSet {
  const ranges: number[] = [];
  for (const match of text.matchAll(new RegExp(source, `g${flags}`))) {
    const code = match[0].charCodeAt(0);
    ranges.push(code, code);
  }
  return normalise(ranges);
}

/** Whether every unit of `inner` is in `outer`. */
const within = (inner: CharSet, outer: CharSet) => union(outer, inner).join() === outer.join();

describe('character sets', () => {
  it.each([
    ['.', DOT],
    ['\\d', DIGIT],
    ['\\w', WORD],
    ['\\s', SPACE],
    ['\\D', complement(DIGIT)],
    ['\\W', complement(WORD)],
    ['\\S', complement(SPACE)],
  ])('%s holds exactly what the engine matches', (source, set) => {
    expect(matchedBy(source)).toEqual(set);
  });

  it('keeps ranges sorted, disjoint and merged where they touch', () => {
    expect(normalise([0x70, 0x7a, 0x61, 0x63, 0x64, 0x66])).toEqual([0x61, 0x66, 0x70, 0x7a]);
    expect(union([0x61, 0x63], [0x62, 0x66])).toEqual([0x61, 0x66]);
    expect(union(EMPTY, DIGIT)).toEqual(DIGIT);
    expect(complement(EMPTY)).toEqual(ANY);
    expect(complement(ANY)).toEqual(EMPTY);
    expect(complement(complement(SPACE))).toEqual(SPACE);
  });

  it('tells whether two sets share a unit', () => {
    expect(intersects(DIGIT, WORD)).toBe(true);
    expect(intersects(DIGIT, complement(DIGIT))).toBe(false);
    expect(intersects([0x61, 0x61, 0x63, 0x63], [0x62, 0x62])).toBe(false);
    expect(intersects(EMPTY, ANY)).toBe(false);
  });

  it('folds an ASCII unit to every unit the engine matches it with under the i flag', () => {
    for (let code = 0; code < 0x80; code++) {
      expect(within(matchedBy(`[${escaped(code)}]`, 'i'), caseFold(single(code))), escaped(code)).toBe(true);
    }
  });

  it('widens a non-ASCII unit to every non-ASCII unit under the i flag', () => {
    // Without the u flag no non-ASCII unit matches an ASCII one (the test above, read the other way round), so the
    // widening covers whatever the engine folds it with. A few units whose case maps to ASCII with the u flag:
    for (const code of [0x80, 0xb5, 0xe9, 0x130, 0x131, 0x17f, 0x212a, 0x212b, 0xffff]) {
      expect(matchedBy(`[${escaped(code)}]`, 'i', ASCII), escaped(code)).toEqual(EMPTY);
      expect(caseFold(single(code)), escaped(code)).toEqual([0x80, 0xffff]);
    }
  });

  it.each([
    [0x40, 0x60],
    [0x5b, 0x7e],
    [0x00, 0x7f],
    [0x30, 0x5a],
  ])('folds the range %i-%i as the engine does', (low, high) => {
    const source = `[${escaped(low)}-${escaped(high)}]`;
    expect(within(matchedBy(source, 'i'), caseFold([low, high])), source).toBe(true);
    expect(within(caseFold([low, high]), matchedBy(source, 'i')), source).toBe(true);
  });
});
