// The bytes of an index file, read by the window: a commit in a monorepo must not copy a 100 MB index into memory
// to use a few kilobytes of it. Reading the file whole costs a page fault per 4 KB of fresh memory (a 119 MB index:
// 70–120 ms for readFileSync alone); stepping through it in one reused window costs the copy only, and the window
// stays in the CPU's cache. Tests and hand-made indexes use a buffer held whole, through the same interface.
import { readOnlyFs as fs } from '../read-only-fs.js';

/** After `cover(position, length)`, `bytes[position - start]` is the byte at `position` of the file. */
export interface IndexBytes {
  readonly size: number;
  /** The window: file bytes [start, end) are `bytes[0 .. end - start)`. */
  readonly bytes: Buffer;
  readonly start: number;
  readonly end: number;
  /** Makes the window hold [position, position + length), or up to the end of the file when it ends first. */
  cover(position: number, length: number): void;
  /** Bytes [position, position + length) in a buffer of their own (kept after the window moves). */
  copy(position: number, length: number): Buffer;
  close(): void;
}

/** The whole file in memory (tests, hand-made indexes): covering is free. */
export class BufferBytes implements IndexBytes {
  readonly start = 0;
  readonly size: number;
  readonly end: number;

  constructor(readonly bytes: Buffer) {
    this.size = this.end = bytes.length;
  }

  cover(): void {}
  copy(position: number, length: number): Buffer {
    return this.bytes.subarray(position, position + length);
  }
  close(): void {}
}

/** Reads are at least this long: a random access costs one read of a few entries. */
const MIN_READ = 8 * 1024;

/** An open index file, read one window at a time with positioned reads into one reused buffer. */
export class FileBytes implements IndexBytes {
  bytes: Buffer;
  start = 0;
  end = 0;

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {
    this.bytes = Buffer.allocUnsafeSlow(Math.min(MIN_READ, size));
  }

  cover(position: number, length: number): void {
    if (position >= this.start && Math.min(position + length, this.size) <= this.end) return;
    const want = Math.max(0, Math.min(Math.max(length, MIN_READ), this.size - position));
    if (want > this.bytes.length) this.bytes = Buffer.allocUnsafeSlow(want);
    this.start = position;
    // A file that shrank under us leaves a short window: the callers' bounds checks see a truncated index.
    this.end = position + this.readInto(this.bytes, want, position);
  }

  copy(position: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    const done = this.readInto(buffer, length, position);
    return done === length ? buffer : buffer.subarray(0, done);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private readInto(buffer: Buffer, length: number, position: number): number {
    let done = 0;
    while (done < length) {
      const n = fs.readSync(this.fd, buffer, done, length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  }
}
