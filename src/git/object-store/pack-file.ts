// A pack's data (pack-*.pack): each object is a small header (its type and size, and for a delta where its base
// is) followed by its zlib stream (https://git-scm.com/docs/gitformat-pack, "pack-*.pack files").
// An object is read with positioned reads of just its own bytes; the file is opened on first use. Object names in
// REF_DELTA headers and the trailing checksum have the size of the store's object format.
import { readOnlyFs as fs } from '../read-only-fs.js';
import { CorruptData } from './corrupt-data.js';
import { inflateExact, zlibDetail } from './inflate.js';
import { readAt } from './read-at.js';
import type { ObjectType } from './store.js';

/** Type codes 1 to 4; 6 and 7 are deltas. */
const TYPE_NAMES: readonly (ObjectType | undefined)[] = [undefined, 'commit', 'tree', 'blob', 'tag'];
const OBJ_OFS_DELTA = 6;
const OBJ_REF_DELTA = 7;
/** First read at an object's offset: the header and, for small objects, the whole compressed data. */
const HEAD_READ = 4096;
const PACK_HEADER_BYTES = 12;

export interface PackedHeader {
  /** The object's type; undefined for a delta, whose type is its base's. */
  type?: ObjectType;
  /** Inflated size of the object data (for deltas: of the delta). */
  size: number;
  /** Where the object starts, and where its zlib stream starts. */
  offset: number;
  dataOffset: number;
  /** OFS_DELTA: the base's offset in this pack. */
  baseOffset?: number;
  /** REF_DELTA: the base's object id. */
  baseOid?: string;
  /** Bytes already read from `offset`, reused when they cover the compressed data. */
  head: Buffer;
}

let nextPackId = 0;

export class PackFile {
  /** Tells packs apart in cache keys. */
  readonly id = nextPackId++;
  private fd = -1;
  /** Where object data ends: the trailing checksum is never object data. */
  private end = 0;

  constructor(
    readonly path: string,
    /** Bytes of an object name: 20 (SHA-1) or 32 (SHA-256). */
    private readonly hashSize: number,
    /** How many objects the pack's index lists; the pack's own header must agree. */
    private readonly count: number,
  ) {}

  readHeader(offset: number): PackedHeader {
    this.open();
    if (offset < PACK_HEADER_BYTES || offset >= this.end) {
      throw new CorruptData(`object offset ${offset} is outside the pack`);
    }
    const head = readAt(this.fd, Math.min(HEAD_READ, this.end - offset), offset);
    let p = 0;
    const next = (): number => {
      const b = head[p++];
      if (b === undefined) throw new CorruptData(`bad object header at offset ${offset}`);
      return b;
    };
    let c = next();
    const typeCode = (c >> 4) & 7;
    let size = c & 15;
    let scale = 16;
    while (c & 0x80) {
      c = next();
      size += (c & 0x7f) * scale;
      scale *= 128;
      if (scale > 2 ** 53) throw new CorruptData(`bad object header at offset ${offset}`);
    }
    const header: PackedHeader = { size, offset, dataOffset: 0, head };
    if (typeCode === OBJ_OFS_DELTA) {
      // Big-endian base-128 with an implicit +1 per continuation byte (gitformat-pack).
      c = next();
      let distance = c & 0x7f;
      while (c & 0x80) {
        c = next();
        distance = (distance + 1) * 128 + (c & 0x7f);
        if (distance > offset) break;
      }
      if (distance <= 0 || distance > offset - PACK_HEADER_BYTES) {
        throw new CorruptData(`bad delta base offset at offset ${offset}`);
      }
      header.baseOffset = offset - distance;
    } else if (typeCode === OBJ_REF_DELTA) {
      if (p + this.hashSize > head.length) throw new CorruptData(`bad object header at offset ${offset}`);
      header.baseOid = head.toString('hex', p, p + this.hashSize);
      p += this.hashSize;
    } else {
      header.type = TYPE_NAMES[typeCode];
      if (header.type === undefined) throw new CorruptData(`bad object type ${typeCode} at offset ${offset}`);
    }
    header.dataOffset = offset + p;
    return header;
  }

  /**
   * Inflates the object data. The compressed length is not stored anywhere we read, so read a window big
   * enough for zlib's worst case (deflateBound) and grow it if the stream turns out to be cut short.
   */
  inflate(header: PackedHeader): Buffer {
    const { size, dataOffset } = header;
    const available = this.end - dataOffset;
    // No sane encoder needs more than this; beyond it the stream is corrupt, not long.
    const limit = Math.min(available, size * 8 + 65536);
    let window = size + (size >>> 12) + (size >>> 14) + 64;
    for (;;) {
      const length = Math.min(window, limit);
      const skip = dataOffset - header.offset;
      const input =
        skip + length <= header.head.length
          ? header.head.subarray(skip, skip + length)
          : readAt(this.fd, length, dataOffset);
      try {
        return inflateExact(input, size);
      } catch (error) {
        if (error instanceof CorruptData) throw error;
        const truncated = (error as { code?: string }).code === 'Z_BUF_ERROR';
        if (truncated && length < limit) {
          window *= 2;
          continue;
        }
        throw new CorruptData(truncated ? 'bad zlib data (stream does not end)' : zlibDetail(error));
      }
    }
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }

  /** Opens the pack on first use and checks its header against the index. */
  private open(): void {
    if (this.fd >= 0) return;
    const fd = fs.openForReading(this.path);
    try {
      const head = readAt(fd, PACK_HEADER_BYTES, 0);
      if (head.length < PACK_HEADER_BYTES || head.toString('latin1', 0, 4) !== 'PACK') {
        throw new CorruptData('not a pack file');
      }
      const version = head.readUInt32BE(4);
      if (version !== 2 && version !== 3) throw new CorruptData(`unsupported pack version ${version}`);
      if (head.readUInt32BE(8) !== this.count) {
        throw new CorruptData(`pack holds ${head.readUInt32BE(8)} objects but its index lists ${this.count}`);
      }
      this.end = fs.fstatSync(fd).size - this.hashSize;
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    this.fd = fd;
  }
}
