// git's delta size encoding (the base and result sizes at the start of a delta): seven bits a byte, low bits first,
// the high bit set while more follow. For tests that write deltas by hand.
export function deltaVarint(n: number): number[] {
  const bytes: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    bytes.push(b);
  } while (n > 0);
  return bytes;
}
