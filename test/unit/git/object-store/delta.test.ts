// applyDelta on hand-written deltas: each instruction, and each way a damaged delta is refused rather than applied.
// (Deltas written by git itself are checked against `git cat-file` in store.test.ts.)
import { describe, expect, it } from 'vitest';
import { CorruptData } from '../../../../src/git/object-store/corrupt-data.js';
import { applyDelta } from '../../../../src/git/object-store/delta.js';
import { deltaVarint } from '../../../helpers/delta-bytes.js';

const base = Buffer.from('0123456789abcdefghij');

/** A delta: the two sizes as varints, then the instructions. */
function delta(sourceSize: number, targetSize: number, ...instructions: number[]): Buffer {
  return Buffer.from([...deltaVarint(sourceSize), ...deltaVarint(targetSize), ...instructions]);
}

/** Copy `size` (1..255) bytes from `offset` (0..255) of the base. */
function copy(offset: number, size: number): number[] {
  return [0x80 | 0x01 | 0x10, offset, size];
}

function insert(text: string): number[] {
  return [text.length, ...Buffer.from(text)];
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptData);
    return (error as CorruptData).detail;
  }
  throw new Error('the delta was applied');
}

describe('applyDelta', () => {
  it('copies from the base and inserts its own bytes, in order', () => {
    const result = applyDelta(base, delta(20, 11, ...copy(10, 3), ...insert('-+-'), ...copy(0, 5)));
    expect(result.toString()).toBe('abc-+-01234');
  });

  it('reads a copy with no size bytes as 64 KiB', () => {
    const big = Buffer.alloc(0x10000, 7);
    expect(applyDelta(big, delta(0x10000, 0x10000, 0x80)).equals(big)).toBe(true);
  });

  it('refuses a delta made for another base', () => {
    expect(refusal(() => applyDelta(base, delta(21, 3, ...copy(0, 3))))).toMatch(/expects a 21-byte base/);
  });

  it('refuses a copy outside the base and an insert past the end of the delta', () => {
    expect(refusal(() => applyDelta(base, delta(20, 5, ...copy(18, 5))))).toMatch(/copy out of bounds/);
    expect(refusal(() => applyDelta(base, delta(20, 5, 5, 0x41, 0x42)))).toMatch(/insert out of bounds/);
  });

  it('refuses output longer or shorter than the delta declares', () => {
    expect(refusal(() => applyDelta(base, delta(20, 2, ...copy(0, 3))))).toMatch(/copy out of bounds/);
    expect(refusal(() => applyDelta(base, delta(20, 4, ...copy(0, 3))))).toMatch(/result has 3 bytes, delta says 4/);
  });

  it('refuses the reserved instruction 0 and a delta cut inside an instruction', () => {
    expect(refusal(() => applyDelta(base, delta(20, 1, 0)))).toMatch(/reserved instruction 0/);
    expect(refusal(() => applyDelta(base, delta(20, 3, 0x80 | 0x01 | 0x10, 0)))).toMatch(/truncated instruction/);
  });
});
