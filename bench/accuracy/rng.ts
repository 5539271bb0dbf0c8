// A small seeded random source for the accuracy corpus: every choice the generator makes goes through it, so the
// same seed gives byte-identical files. mulberry32 (fast, 32-bit state, good enough for test data).
import { ALPHABETS as TEST_ALPHABETS } from '../../test/helpers/examples.js';

// The test suite's alphabets, plus the few the corpus needs beyond them.
export const ALPHABETS = {
  ...TEST_ALPHABETS,
  lowerAlpha: 'abcdefghijklmnopqrstuvwxyz',
  upperAlpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  password: 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%&*+-=?@^_~',
} as const;

export type AlphabetName = keyof typeof ALPHABETS;

// A random key that happens to spell a documentation placeholder (…xxxx…, "your", a sequential run) would be a
// labelling error, not a scanner miss: such draws are repeated. The chance is tiny but the corpus is large.
const ACCIDENTAL_PLACEHOLDER =
  /(.)\1{5,}|xxxx|your|example|sample|dummy|placeholder|redacted|replace|insert|changeme|0123456789|1234567890|abcdefghij|abcdef0123|\*\*\*\*|\.\.\./i;

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(entries: readonly (readonly [number, T])[]): T {
    const total = entries.reduce((sum, [w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [weight, value] of entries) {
      at -= weight;
      if (at < 0) return value;
    }
    return entries[entries.length - 1]![1];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Random characters of an alphabet (never an accidental placeholder when 6 or more characters long). */
  chars(alphabet: AlphabetName, length: number): string {
    const letters = ALPHABETS[alphabet];
    for (;;) {
      let out = '';
      for (let i = 0; i < length; i++) out += letters[Math.floor(this.next() * letters.length)];
      if (length < 6 || !ACCIDENTAL_PLACEHOLDER.test(out)) return out;
    }
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }

  /** An independent stream for a sub-task, so adding a choice in one place does not reshuffle everything else. */
  fork(label: string): Rng {
    let h = this.state ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng(h);
  }
}
