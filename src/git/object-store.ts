// A small read-only git object reader. It exists because isomorphic-git reads and checksums a whole pack and
// its whole .idx on the first lookup; a hook must cost time proportional to the change, not the repository.
// Here a lookup reads the .idx fanout once, then only the SHA slice for the oid's first byte, and an object
// is read from its pack with positioned reads of just its own bytes (plus its delta bases).
//
// Integrity: every inflate checks zlib's adler32 and the declared size, deltas are bounds-checked and their
// result size checked, so corrupt data raises GitObjectError instead of coming back short or wrong.
// The store is opened for one object format (SHA-1 or SHA-256, from the repository's config): it sets the size of
// the names in pack indexes, in REF_DELTA headers and of the pack and index checksums. A SHA-256 repository's
// .idx is version 2 (or 1) with 32-byte names; nothing in the files themselves tells the two apart.
//
// SHA-1 of the content is verified for loose objects only: loose objects are the freshly written ones the
// hook scans anyway, and native SHA-1 costs about half of the inflate. For packed objects it is skipped:
// hashing every reconstructed delta of a history walk would dominate the cost, and zlib already checks the
// stored bytes.

import { readOnlyFs as fs } from './read-only-fs.js';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { GitObjectError } from '../errors.js';
import { ByteLru } from './byte-lru.js';
import { hashSize, hexLength, isObjectId, type ObjectFormat } from './object-id.js';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

export interface ObjectStore {
  /** The hash that names the objects: ids passed in and handed out have its length. */
  readonly format: ObjectFormat;
  /** Throws GitObjectError when the object is missing or corrupt. */
  read(oid: string): Promise<GitObject>;
  /** Same as read(), synchronous: the hook is a short-lived process and sync fs is cheaper. */
  readSync(oid: string): GitObject;
  has(oid: string): boolean;
  /** Closes the file descriptors the store opened. Later reads throw. */
  close(): void;
}

const CORRUPT_HINT = 'Run `git fsck --full` to find the damaged objects; re-clone or restore them from another copy.';
const MISSING_HINT =
  'The object may live in a partial or shallow clone’s missing part, or the repository is damaged; `git fsck` tells which.';

const TYPE_NAMES: readonly (ObjectType | undefined)[] = [undefined, 'commit', 'tree', 'blob', 'tag'];
const OBJ_OFS_DELTA = 6;
const OBJ_REF_DELTA = 7;

/** Resolved delta bases kept for history walks; bounded by bytes, not entries. */
const CACHE_BYTES = 32 * 1024 * 1024;
/** Chains are usually ≤ 50 deep; a longer one means a REF_DELTA cycle in a corrupt pack. */
const MAX_CHAIN = 10_000;
/** git itself follows alternates 5 levels deep. */
const MAX_ALTERNATE_DEPTH = 5;
/** First read at an object's offset: the header and, for small objects, the whole compressed data. */
const HEAD_READ = 4096;
const WHOLE_INDEX_BYTES = 512 * 1024;

export interface StoreOptions {
  /** Pack indexes up to this size are read whole on opening; larger ones in slices (tests lower it). */
  wholeIndexBytes?: number;
}

/** Thrown inside the pack reader; turned into a GitObjectError naming the requested oid. */
class Corrupt extends Error {}

function readExact(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/**
 * Inflates a zlib stream expected to hold exactly `size` bytes. Trailing bytes after the stream end are
 * ignored by Node; a stream cut short raises Z_BUF_ERROR, which Pack.inflate uses to grow its window and retry.
 */
function inflateExact(input: Buffer, size: number): Buffer {
  let out: Buffer;
  try {
    out = zlib.inflateSync(input, {
      // Refuse to produce more than the header promised (also bounds a corrupt "zip bomb").
      maxOutputLength: Math.max(size, 1),
      chunkSize: Math.min(Math.max(size + 1, 64), 1024 * 1024),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Corrupt(`size mismatch (inflates to more than the ${size} bytes its header says)`);
    }
    throw error;
  }
  if (out.length !== size) throw new Corrupt(`size mismatch (header says ${size} bytes, data has ${out.length})`);
  return out;
}

function zlibMessage(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `bad zlib data (${e.code ?? 'error'}: ${e.message ?? String(error)})`;
}

/** Applies a git delta (pack-format.txt, "Deltified representation") to `base`. */
function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let p = 0;
  const next = (): number => {
    const b = delta[p++];
    if (b === undefined) throw new Corrupt('bad delta (truncated instruction)');
    return b;
  };
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = next();
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
      if (scale > 2 ** 53) throw new Corrupt('bad delta (size varint too long)');
    }
  };
  const sourceSize = varint();
  const targetSize = varint();
  if (sourceSize !== base.length) {
    throw new Corrupt(`bad delta (expects a ${sourceSize}-byte base, base has ${base.length})`);
  }
  const out = Buffer.allocUnsafe(targetSize);
  let o = 0;
  while (p < delta.length) {
    const op = next();
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      if (op & 0x01) offset = next();
      if (op & 0x02) offset += next() * 0x100;
      if (op & 0x04) offset += next() * 0x10000;
      if (op & 0x08) offset += next() * 0x1000000;
      if (op & 0x10) size = next();
      if (op & 0x20) size += next() * 0x100;
      if (op & 0x40) size += next() * 0x10000;
      if (size === 0) size = 0x10000;
      if (offset + size > base.length || o + size > targetSize) throw new Corrupt('bad delta (copy out of bounds)');
      base.copy(out, o, offset, offset + size);
      o += size;
    } else if (op !== 0) {
      if (p + op > delta.length || o + op > targetSize) throw new Corrupt('bad delta (insert out of bounds)');
      delta.copy(out, o, p, p + op);
      o += op;
      p += op;
    } else {
      throw new Corrupt('bad delta (reserved instruction 0)');
    }
  }
  if (o !== targetSize) throw new Corrupt(`bad delta (result has ${o} bytes, delta says ${targetSize})`);
  return out;
}

interface PackedHeader {
  typeCode: number;
  /** Inflated size of the object data (for deltas: of the delta). */
  size: number;
  dataOffset: number;
  baseOffset?: number;
  baseOid?: string;
  /** Bytes already read from `offset`, reused when they cover the compressed data. */
  head: Buffer;
  offset: number;
}

let nextPackId = 0;

/** One pack-*.idx / pack-*.pack pair. Only the fanout is read up front. */
class Pack {
  readonly id = nextPackId++;
  private idxFd: number;
  private readonly version: 1 | 2;
  private readonly fanout: Uint32Array;
  readonly count: number;
  private packFd = -1;
  private packEnd = 0;
  private whole?: Buffer;

  constructor(
    readonly idxPath: string,
    readonly packPath: string,
    /** Bytes of an object name: 20 (SHA-1) or 32 (SHA-256). */
    private readonly hashSize: number,
    options: StoreOptions,
  ) {
    this.idxFd = fs.openForReading(idxPath);
    try {
      const idxSize = fs.fstatSync(this.idxFd).size;
      // A small index is read whole, once: a commit looks up a few dozen objects, and two reads for each cost more
      // than one read of the file. A large one (a big repository) is read in slices, so the cost stays with the
      // objects looked up, not with the size of the repository.
      if (idxSize <= (options.wholeIndexBytes ?? WHOLE_INDEX_BYTES)) this.whole = readExact(this.idxFd, idxSize, 0);
      const head = this.whole ?? readExact(this.idxFd, 8 + 1024, 0);
      let fanoutAt = 0;
      if (head.length >= 8 && head.readUInt32BE(0) === 0xff744f63) {
        const version = head.readUInt32BE(4);
        if (version !== 2) throw new Error(`unsupported pack index version ${version}`);
        this.version = 2;
        fanoutAt = 8;
      } else {
        this.version = 1;
      }
      if (head.length < fanoutAt + 1024) throw new Error('pack index is truncated');
      this.fanout = new Uint32Array(256);
      let previous = 0;
      for (let i = 0; i < 256; i++) {
        const n = head.readUInt32BE(fanoutAt + i * 4);
        if (n < previous) throw new Error('pack index fanout is not sorted');
        this.fanout[i] = previous = n;
      }
      this.count = previous;
      // v2: names, CRC32s and 4-byte offsets; v1: 4-byte offsets with names. Both end with two checksums.
      const minimum =
        this.version === 2
          ? 8 + 1024 + this.count * (hashSize + 8) + 2 * hashSize
          : 1024 + this.count * (4 + hashSize) + 2 * hashSize;
      if (idxSize < minimum) throw new Error('pack index is truncated');
    } catch (error) {
      fs.closeSync(this.idxFd);
      this.idxFd = -1;
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
    const shaAt = this.version === 2 ? 0 : 4;
    const tableStart = this.version === 2 ? 8 + 1024 : 1024;
    const slice = this.idxBytes((hi - lo) * stride, tableStart + lo * stride);
    let a = 0;
    let b = hi - lo;
    while (a < b) {
      const mid = (a + b) >>> 1;
      const at = mid * stride + shaAt;
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

  private idxBytes(length: number, position: number): Buffer {
    if (this.whole) return this.whole.subarray(position, Math.min(position + length, this.whole.length));
    return readExact(this.idxFd, length, position);
  }

  private offsetAt(index: number): number {
    const offsetsStart = 8 + 1024 + this.count * (this.hashSize + 4);
    const small = this.idxBytes(4, offsetsStart + index * 4);
    if (small.length < 4) throw new Corrupt(`pack index ${this.idxPath} is truncated`);
    const value = small.readUInt32BE(0);
    if ((value & 0x80000000) === 0) return value;
    // MSB set: index into the 8-byte table used by packs over 2 GiB.
    const large = this.idxBytes(8, offsetsStart + this.count * 4 + (value & 0x7fffffff) * 8);
    if (large.length < 8) throw new Corrupt(`pack index ${this.idxPath} is truncated`);
    const big = large.readBigUInt64BE(0);
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Corrupt(`pack index ${this.idxPath} has an impossible offset`);
    return Number(big);
  }

  private openPack(): void {
    if (this.packFd >= 0) return;
    const fd = fs.openForReading(this.packPath);
    try {
      const head = readExact(fd, 12, 0);
      if (head.length < 12 || head.toString('latin1', 0, 4) !== 'PACK') throw new Corrupt('not a pack file');
      const version = head.readUInt32BE(4);
      if (version !== 2 && version !== 3) throw new Corrupt(`unsupported pack version ${version}`);
      if (head.readUInt32BE(8) !== this.count) {
        throw new Corrupt(`pack holds ${head.readUInt32BE(8)} objects but its index lists ${this.count}`);
      }
      // The last bytes are the pack checksum, never object data.
      this.packEnd = fs.fstatSync(fd).size - this.hashSize;
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
    this.packFd = fd;
  }

  readHeader(offset: number): PackedHeader {
    this.openPack();
    if (offset < 12 || offset >= this.packEnd) throw new Corrupt(`object offset ${offset} is outside the pack`);
    const head = readExact(this.packFd, Math.min(HEAD_READ, this.packEnd - offset), offset);
    let p = 0;
    const next = (): number => {
      const b = head[p++];
      if (b === undefined) throw new Corrupt(`bad object header at offset ${offset}`);
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
      if (scale > 2 ** 53) throw new Corrupt(`bad object header at offset ${offset}`);
    }
    const header: PackedHeader = { typeCode, size, dataOffset: 0, head, offset };
    if (typeCode === OBJ_OFS_DELTA) {
      // Big-endian base-128 with an implicit +1 per continuation byte (pack-format.txt).
      c = next();
      let distance = c & 0x7f;
      while (c & 0x80) {
        c = next();
        distance = (distance + 1) * 128 + (c & 0x7f);
        if (distance > offset) break;
      }
      if (distance <= 0 || distance > offset - 12) throw new Corrupt(`bad delta base offset at offset ${offset}`);
      header.baseOffset = offset - distance;
    } else if (typeCode === OBJ_REF_DELTA) {
      if (p + this.hashSize > head.length) throw new Corrupt(`bad object header at offset ${offset}`);
      header.baseOid = head.toString('hex', p, p + this.hashSize);
      p += this.hashSize;
    } else if (TYPE_NAMES[typeCode] === undefined) {
      throw new Corrupt(`bad object type ${typeCode} at offset ${offset}`);
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
    const available = this.packEnd - dataOffset;
    // No sane encoder needs more than this; beyond it the stream is corrupt, not long.
    const limit = Math.min(available, size * 8 + 65536);
    let window = size + (size >>> 12) + (size >>> 14) + 64;
    for (;;) {
      const length = Math.min(window, limit);
      const skip = dataOffset - header.offset;
      const input =
        skip + length <= header.head.length
          ? header.head.subarray(skip, skip + length)
          : readExact(this.packFd, length, dataOffset);
      try {
        return inflateExact(input, size);
      } catch (error) {
        if (error instanceof Corrupt) throw error;
        const truncated = (error as { code?: string }).code === 'Z_BUF_ERROR';
        if (truncated && length < limit) {
          window *= 2;
          continue;
        }
        throw new Corrupt(truncated ? 'bad zlib data (stream does not end)' : zlibMessage(error));
      }
    }
  }

  close(): void {
    if (this.idxFd >= 0) fs.closeSync(this.idxFd);
    if (this.packFd >= 0) fs.closeSync(this.packFd);
    this.idxFd = this.packFd = -1;
  }
}

type Location = { pack: Pack; offset: number } | { loosePath: string };

/** One objects directory: its packs and loose fan-out directories. */
class ObjectDir {
  readonly packs: Pack[] = [];
  private readonly known = new Set<string>();
  /** .idx files that could not be opened, reported when an object turns out missing. */
  readonly broken: string[] = [];

  constructor(
    readonly dir: string,
    private readonly hashSize: number,
    private readonly options: StoreOptions,
  ) {
    this.scanPacks();
  }

  /** Adds packs not seen before; returns whether any were added. Newest first, as git does. */
  scanPacks(): boolean {
    const packDir = path.join(this.dir, 'pack');
    let names: string[];
    try {
      names = fs.readdirSync(packDir);
    } catch {
      return false;
    }
    const added: { pack: Pack; mtime: number }[] = [];
    for (const name of names) {
      if (!/^pack-[0-9a-f]+\.idx$/.test(name) || this.known.has(name)) continue;
      const idxPath = path.join(packDir, name);
      const packPath = idxPath.slice(0, -4) + '.pack';
      let mtime: number;
      try {
        // An .idx without its .pack is a repack in progress; look again on the next miss.
        mtime = fs.statSync(packPath).mtimeMs;
      } catch {
        continue;
      }
      this.known.add(name);
      try {
        added.push({ pack: new Pack(idxPath, packPath, this.hashSize, this.options), mtime });
      } catch (error) {
        this.broken.push(`${idxPath}: ${(error as Error).message}`);
      }
    }
    added.sort((a, b) => b.mtime - a.mtime);
    this.packs.unshift(...added.map((a) => a.pack));
    return added.length > 0;
  }

  locate(oid: string, raw: Buffer): Location | undefined {
    for (const pack of this.packs) {
      const offset = pack.find(raw);
      if (offset !== undefined) return { pack, offset };
    }
    const loosePath = path.join(this.dir, oid.slice(0, 2), oid.slice(2));
    return fs.existsSync(loosePath) ? { loosePath } : undefined;
  }

  close(): void {
    for (const pack of this.packs) pack.close();
  }
}

/** Reads objects/info/alternates, recursively, skipping directories already seen. */
function collectDirs(objectsDir: string, hashSize: number, options: StoreOptions): ObjectDir[] {
  const dirs: ObjectDir[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, depth: number): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      real = path.resolve(dir);
    }
    if (seen.has(real)) return;
    seen.add(real);
    dirs.push(new ObjectDir(dir, hashSize, options));
    if (depth >= MAX_ALTERNATE_DEPTH) return;
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, 'info', 'alternates'), 'utf8');
    } catch {
      return;
    }
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      // Relative entries are relative to the objects directory that names them.
      visit(path.resolve(dir, line), depth + 1);
    }
  };
  visit(path.resolve(objectsDir), 0);
  return dirs;
}

class Store implements ObjectStore {
  private readonly dirs: ObjectDir[];
  /** Resolved pack objects by pack and offset. */
  private readonly cache = new ByteLru<GitObject>(CACHE_BYTES, (object) => object.data.length);
  private closed = false;

  constructor(
    private readonly objectsDir: string,
    readonly format: ObjectFormat,
    options: StoreOptions,
  ) {
    this.dirs = collectDirs(objectsDir, hashSize(format), options);
  }

  async read(oid: string): Promise<GitObject> {
    return this.readSync(oid);
  }

  readSync(oid: string): GitObject {
    const id = this.checkOid(oid);
    let location: Location | undefined;
    try {
      location = this.locate(id);
      if (location === undefined) throw this.missing(id);
      if ('loosePath' in location) return readLoose(id, location.loosePath);
      return this.readPacked(id, location.pack, location.offset);
    } catch (error) {
      throw this.wrap(id, error, location);
    }
  }

  has(oid: string): boolean {
    if (this.closed) return false;
    const id = oid.toLowerCase();
    if (!isObjectId(id, this.format)) return false;
    try {
      return this.locate(id) !== undefined;
    } catch (error) {
      throw this.wrap(id, error, undefined);
    }
  }

  /** Anything that is not already a GitObjectError (an unreadable index, EIO) becomes one. */
  private wrap(oid: string, error: unknown, location: Location | undefined): GitObjectError {
    if (error instanceof GitObjectError) return error;
    const file =
      location === undefined ? this.objectsDir : 'loosePath' in location ? location.loosePath : location.pack.packPath;
    const what = error instanceof Corrupt ? error.message : `read error (${(error as Error).message})`;
    return new GitObjectError(oid, `Git object ${oid} is unreadable: ${what} (${file}).`, {
      hint: CORRUPT_HINT,
      cause: error,
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cache.clear();
    for (const dir of this.dirs) dir.close();
  }

  private checkOid(oid: string): string {
    if (this.closed) throw new GitObjectError(oid, `Cannot read git object ${oid}: the object store is closed.`);
    const id = oid.toLowerCase();
    if (!isObjectId(id, this.format)) {
      const what = `a ${hexLength(this.format)}-hex-digit ${this.format === 'sha1' ? 'SHA-1' : 'SHA-256'} object id`;
      throw new GitObjectError(oid, `Cannot read git object "${oid}": not ${what}.`);
    }
    return id;
  }

  /** Packs first (git's order), then loose; after a miss, look for packs written since we started. */
  private locate(oid: string): Location | undefined {
    const raw = Buffer.from(oid, 'hex');
    for (const dir of this.dirs) {
      const found = dir.locate(oid, raw);
      if (found) return found;
    }
    let added = false;
    for (const dir of this.dirs) added = dir.scanPacks() || added;
    if (!added) return undefined;
    for (const dir of this.dirs) {
      const found = dir.locate(oid, raw);
      if (found) return found;
    }
    return undefined;
  }

  private missing(oid: string): GitObjectError {
    const where = this.dirs.map((d) => d.dir).join(', ');
    const broken = this.dirs.flatMap((d) => d.broken);
    const extra = broken.length > 0 ? ` Some pack indexes could not be read: ${broken.join('; ')}.` : '';
    return new GitObjectError(oid, `Git object ${oid} is missing: not found in ${where}.${extra}`, {
      hint: MISSING_HINT,
    });
  }

  /**
   * Walks the delta chain down to a cached or whole object, then applies the deltas back up.
   * Iterative, so 50+ deep chains cost no stack.
   */
  private readPacked(oid: string, pack: Pack, offset: number): GitObject {
    const chain: { pack: Pack; header: PackedHeader }[] = [];
    let base: GitObject | undefined;
    let fromCache = false;
    let current = { pack, offset };
    for (;;) {
      if (chain.length > MAX_CHAIN) throw this.corrupt(oid, current.pack, current.offset, 'delta chain loops');
      const key = `${current.pack.id}:${current.offset}`;
      const cached = this.cache.get(key);
      if (cached !== undefined) {
        base = cached;
        fromCache = true;
        break;
      }
      const header = this.step(oid, current.pack, current.offset, () => current.pack.readHeader(current.offset));
      const type = TYPE_NAMES[header.typeCode];
      if (type !== undefined) {
        const at = current;
        const data = this.step(oid, at.pack, at.offset, () => at.pack.inflate(header));
        base = { type, data };
        fromCache = this.cache.set(key, base);
        break;
      }
      chain.push({ pack: current.pack, header });
      if (header.baseOffset !== undefined) {
        current = { pack: current.pack, offset: header.baseOffset };
        continue;
      }
      const baseOid = header.baseOid!;
      const where = this.locate(baseOid);
      if (where === undefined) {
        throw new GitObjectError(
          oid,
          `Git object ${oid} cannot be rebuilt: its delta base ${baseOid} is missing (delta at offset ${current.offset} in ${current.pack.packPath}).`,
          { hint: MISSING_HINT },
        );
      }
      if ('loosePath' in where) {
        base = readLoose(baseOid, where.loosePath);
        break;
      }
      current = where;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { pack: p, header } = chain[i]!;
      const previous: GitObject = base;
      const data = this.step(oid, p, header.offset, () => applyDelta(previous.data, p.inflate(header)));
      base = { type: previous.type, data };
      fromCache = this.cache.set(`${p.id}:${header.offset}`, base);
    }
    // Callers may modify what they get; never hand out the cache's own buffer.
    return fromCache ? { type: base.type, data: Buffer.from(base.data) } : base;
  }

  /** Runs one pack step, naming the oid, pack and offset if it fails. */
  private step<T>(oid: string, pack: Pack, offset: number, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof GitObjectError) throw error;
      if (error instanceof Corrupt) throw this.corrupt(oid, pack, offset, error.message, error);
      throw new GitObjectError(
        oid,
        `Git object ${oid} is unreadable: ${(error as Error).message} (offset ${offset} in ${pack.packPath}).`,
        { hint: CORRUPT_HINT, cause: error },
      );
    }
  }

  private corrupt(oid: string, pack: Pack, offset: number, what: string, cause?: unknown): GitObjectError {
    return new GitObjectError(
      oid,
      `Git object ${oid} is corrupt: ${what} (object at offset ${offset} in ${pack.packPath}).`,
      {
        hint: CORRUPT_HINT,
        cause,
      },
    );
  }
}

function readLoose(oid: string, file: string): GitObject {
  const fail = (what: string, cause?: unknown): GitObjectError =>
    new GitObjectError(oid, `Git object ${oid} is corrupt: ${what} in ${file}.`, { hint: CORRUPT_HINT, cause });
  let compressed: Buffer;
  try {
    compressed = fs.readFileSync(file);
  } catch (error) {
    throw new GitObjectError(oid, `Git object ${oid} is unreadable: ${(error as Error).message}.`, {
      hint: CORRUPT_HINT,
      cause: error,
    });
  }
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(compressed);
  } catch (error) {
    throw fail(zlibMessage(error), error);
  }
  const nul = raw.indexOf(0);
  const match =
    nul > 0 && nul <= 32 ? /^(commit|tree|blob|tag) (0|[1-9][0-9]*)$/.exec(raw.toString('latin1', 0, nul)) : null;
  if (match === null) throw fail('bad header');
  const size = Number(match[2]);
  const data = raw.subarray(nul + 1);
  if (data.length !== size) throw fail(`size mismatch (header says ${size} bytes, data has ${data.length})`);
  // The content is not hashed against its name, as git does not outside `git fsck`: damage shows in zlib's own
  // checksum, the header or the size, and a commit records the object under this name whatever it holds.
  return { type: match[1] as ObjectType, data };
}

/**
 * Opens the object database at `objectsDir` (`<common git dir>/objects`) and its alternates, for a repository
 * whose objects are named by `format` (Repository.objectFormat).
 */
export function openObjectStore(objectsDir: string, format: ObjectFormat, options: StoreOptions = {}): ObjectStore {
  return new Store(objectsDir, format, options);
}
