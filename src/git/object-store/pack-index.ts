// A pack's index (pack-*.idx): which objects the pack holds and at which offset, sorted by object name
// (https://git-scm.com/docs/gitformat-pack, the pack-*.idx formats). A lookup reads the
// 256-entry fanout once, then only the slice of names that share the id's first byte: its cost follows the objects
// looked up, not the size of the repository. isomorphic-git instead reads and checksums the whole .idx first.
// Version 2 (and the older version 1) are read. Names are 20 bytes in a SHA-1 repository and 32 in a SHA-256 one;
// nothing in the file says which, so the store passes the size of its object format.
import { readOnlyFs as fs } from '../read-only-fs.js';
import { CorruptData } from './corrupt-data.js';
import { readAt } from './read-at.js';
import type { StoreOptions } from './store.js';

/** Indexes up to this size are read whole on opening. */
const WHOLE_INDEX_BYTES = 512 * 1024;
const V2_SIGNATURE = 0xff744f63; // "\377tOc"
const FANOUT_BYTES = 256 * 4;
/** Names read around the guessed place of an id in a large index: ±128, four standard deviations at a million objects. */
const GUESS_NAMES = 256;

export class PackIndex {
  private fd: number;
  private readonly version: 1 | 2;
  private readonly fanout: Uint32Array;
  /** How many objects the pack holds. */
  readonly count: number;
  private whole?: Buffer;
  private readonly guessNames: number;

  constructor(
    readonly path: string,
    /** Bytes of an object name: 20 (SHA-1) or 32 (SHA-256). */
    private readonly hashSize: number,
    options: StoreOptions,
  ) {
    this.fd = fs.openForReading(path);
    this.guessNames = options.guessNames ?? GUESS_NAMES;
    try {
      const size = fs.fstatSync(this.fd).size;
      // A small index is read whole, once: a commit looks up a few dozen objects, and two reads for each cost more
      // than one read of the file. A large one (a big repository) is read in slices, so the cost stays with the
      // objects looked up, not with the size of the repository.
      if (size <= (options.wholeIndexBytes ?? WHOLE_INDEX_BYTES)) this.whole = readAt(this.fd, size, 0);
      const head = this.whole ?? readAt(this.fd, 8 + FANOUT_BYTES, 0);
      let fanoutAt = 0;
      if (head.length >= 8 && head.readUInt32BE(0) === V2_SIGNATURE) {
        const version = head.readUInt32BE(4);
        if (version !== 2) throw new CorruptData(`unsupported pack index version ${version}`);
        this.version = 2;
        fanoutAt = 8;
      } else {
        this.version = 1;
      }
      if (head.length < fanoutAt + FANOUT_BYTES) throw new CorruptData('pack index is truncated');
      this.fanout = new Uint32Array(256);
      let previous = 0;
      for (let i = 0; i < 256; i++) {
        const n = head.readUInt32BE(fanoutAt + i * 4);
        if (n < previous) throw new CorruptData('pack index fanout is not sorted');
        this.fanout[i] = previous = n;
      }
      this.count = previous;
      // v2: names, CRC32s and 4-byte offsets; v1: 4-byte offsets with names. Both end with two checksums.
      const minimum =
        this.version === 2
          ? 8 + FANOUT_BYTES + this.count * (hashSize + 8) + 2 * hashSize
          : FANOUT_BYTES + this.count * (4 + hashSize) + 2 * hashSize;
      if (size < minimum) throw new CorruptData('pack index is truncated');
    } catch (error) {
      fs.closeSync(this.fd);
      this.fd = -1;
      throw error;
    }
  }

  /** Offset of the object in the .pack, or undefined when this pack does not hold it. */
  find(oid: Buffer): number | undefined {
    const first = oid[0]!;
    let lo = first === 0 ? 0 : this.fanout[first - 1]!;
    let hi = this.fanout[first]!;
    if (hi <= lo) return undefined;
    // v1 entries are <offset:4><name>; v2 has a plain table of names.
    const size = this.hashSize;
    const stride = this.version === 2 ? size : 4 + size;
    const nameAt = this.version === 2 ? 0 : 4;
    const tableStart = this.version === 2 ? 8 + FANOUT_BYTES : FANOUT_BYTES;
    // Object names are uniformly spread, so the id's next bytes say where in its fan-out slice it lies, give or take
    // the square root of the slice's length: read a few KB around that guess, and the whole slice only when the id
    // falls outside them. (A million objects make slices of 4,000 names, 80 KB each: a commit looks up fifty.)
    const guessNames = this.guessNames;
    if (!this.whole && hi - lo > guessNames) {
      const guess = lo + Math.floor((oid.readUInt32BE(1) / 2 ** 32) * (hi - lo));
      const from = Math.max(lo, Math.min(guess - (guessNames >> 1), hi - guessNames));
      const to = from + guessNames;
      const window = this.bytes(guessNames * stride, tableStart + from * stride);
      const lastAt = (guessNames - 1) * stride + nameAt;
      if (window.length === guessNames * stride) {
        if (from > lo && window.compare(oid, 0, size, nameAt, nameAt + size) > 0) hi = from;
        else if (to < hi && window.compare(oid, 0, size, lastAt, lastAt + size) < 0) lo = to;
        else return this.entryOffset(window, this.search(window, guessNames, oid, stride, nameAt), from, stride);
      }
    }
    const slice = this.bytes((hi - lo) * stride, tableStart + lo * stride);
    return this.entryOffset(slice, this.search(slice, hi - lo, oid, stride, nameAt), lo, stride);
  }

  /** The pack offset of name `found` of a slice starting at name `from` (undefined when not found). */
  private entryOffset(slice: Buffer, found: number, from: number, stride: number): number | undefined {
    if (found < 0) return undefined;
    return this.version === 1 ? slice.readUInt32BE(found * stride) : this.offsetAt(from + found);
  }

  /** The position of `oid` among `count` names of `slice` (sorted by name), or -1. */
  private search(slice: Buffer, count: number, oid: Buffer, stride: number, nameAt: number): number {
    const size = this.hashSize;
    let a = 0;
    let b = count;
    while (a < b) {
      const mid = (a + b) >>> 1;
      const at = mid * stride + nameAt;
      const cmp = slice.compare(oid, 0, size, at, at + size);
      if (cmp === 0) return mid;
      // cmp > 0: the table entry sorts after the oid.
      if (cmp > 0) b = mid;
      else a = mid + 1;
    }
    return -1;
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }

  private bytes(length: number, position: number): Buffer {
    if (this.whole) return this.whole.subarray(position, Math.min(position + length, this.whole.length));
    return readAt(this.fd, length, position);
  }

  /** The offset of the v2 entry at `index`, through the 8-byte table for packs over 2 GiB. */
  private offsetAt(index: number): number {
    const offsetsStart = 8 + FANOUT_BYTES + this.count * (this.hashSize + 4);
    const small = this.bytes(4, offsetsStart + index * 4);
    if (small.length < 4) throw new CorruptData(`pack index ${this.path} is truncated`);
    const value = small.readUInt32BE(0);
    if ((value & 0x80000000) === 0) return value;
    // MSB set: index into the 8-byte table used by packs over 2 GiB.
    const large = this.bytes(8, offsetsStart + this.count * 4 + (value & 0x7fffffff) * 8);
    if (large.length < 8) throw new CorruptData(`pack index ${this.path} is truncated`);
    const big = large.readBigUInt64BE(0);
    if (big > BigInt(Number.MAX_SAFE_INTEGER))
      throw new CorruptData(`pack index ${this.path} has an impossible offset`);
    return Number(big);
  }
}
