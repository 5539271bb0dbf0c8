// Sets of characters, as the syntax tree of a pattern holds them: sorted, disjoint, inclusive UTF-16 code unit
// ranges, flattened [lo, hi, lo, hi, …]. The set operations the checks need (union, whether two sets share a
// character, complement, the i flag's case folding) and the sets of `.` and the class escapes \d \w \s.

export type CharSet = readonly number[];

const MAX_UNIT = 0xffff;
export const EMPTY: CharSet = [];
export const ANY: CharSet = [0, MAX_UNIT];

export function normalise(ranges: number[]): CharSet {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function union(a: CharSet, b: CharSet): CharSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalise([...a, ...b]);
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

export function complement(a: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX_UNIT) out.push(next, MAX_UNIT);
  return out;
}

/**
 * With the i flag, a set also matches the other case. Without the u flag, folding maps ASCII to ASCII only and
 * non-ASCII letters among themselves; any non-ASCII character is widened to all of them (conservative).
 */
export function caseFold(a: CharSet): CharSet {
  const extra: number[] = [];
  for (let i = 0; i < a.length; i += 2) {
    const lo = a[i]!;
    const hi = a[i + 1]!;
    const upperLo = Math.max(lo, 0x41);
    const upperHi = Math.min(hi, 0x5a);
    if (upperLo <= upperHi) extra.push(upperLo + 0x20, upperHi + 0x20);
    const lowerLo = Math.max(lo, 0x61);
    const lowerHi = Math.min(hi, 0x7a);
    if (lowerLo <= lowerHi) extra.push(lowerLo - 0x20, lowerHi - 0x20);
    if (hi >= 0x80) extra.push(0x80, MAX_UNIT);
  }
  return extra.length === 0 ? a : union(a, normalise(extra));
}

export const DIGIT: CharSet = [0x30, 0x39];
export const WORD: CharSet = normalise([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]);
export const SPACE: CharSet = normalise([
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f,
  0x3000, 0x3000, 0xfeff, 0xfeff,
]);
const LINE_TERMINATORS: CharSet = normalise([0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029]);
export const DOT: CharSet = complement(LINE_TERMINATORS);

export function single(code: number): CharSet {
  return [code, code];
}

export function isSingle(set: CharSet): boolean {
  return set.length === 2 && set[0] === set[1];
}
