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

export class PackIndex {
  private fd: number;
  private readonly version: 1 | 2;
  private readonly fanout: Uint32Array;
  /** How many objects the pack holds. */
  readonly count: number;
  private whole?: Buffer;

  constructor(
    readonly path: string,
    /** Bytes of an object name: 20 (SHA-1) or 32 (SHA-256). */
    private readonly hashSize: number,
    options: StoreOptions,
  ) {
    this.fd = fs.openForReading(path);
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
    const lo = first === 0 ? 0 : this.fanout[first - 1]!;
    const hi = this.fanout[first]!;
    if (hi <= lo) return undefined;
    // v1 entries are <offset:4><name>; v2 has a plain table of names.
    const size = this.hashSize;
    const stride = this.version === 2 ? size : 4 + size;
    const nameAt = this.version === 2 ? 0 : 4;
    const tableStart = this.version === 2 ? 8 + FANOUT_BYTES : FANOUT_BYTES;
    const slice = this.bytes((hi - lo) * stride, tableStart + lo * stride);
    let a = 0;
    let b = hi - lo;
    while (a < b) {
      const mid = (a + b) >>> 1;
      const at = mid * stride + nameAt;
      const cmp = slice.compare(oid, 0, size, at, at + size);
      if (cmp === 0) {
        if (this.version === 1) return slice.readUInt32BE(mid * stride);
        return this.offsetAt(lo + mid);
      }
      // cmp > 0: the table entry sorts after the oid.
      if (cmp > 0) b = mid;
      else a = mid + 1;
    }
    return undefined;
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
