// The first place in an array sorted by a number where that number is at or after a value, by halving: how the
// engine finds overlapping findings (by start), pairing partners (by line), and the report the findings of a line
// (by column).

export function firstAtOrAfter<T>(sorted: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(sorted[mid]!) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
