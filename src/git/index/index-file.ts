// Read-only reader of the git index ("dircache"), versions 2 to 4, that costs what a commit changes rather than what
// the repository holds. isomorphic-git only reads version 2 and only <gitdir>/index, and decodes every entry; a hook
// must read whatever GIT_INDEX_FILE points at, in a monorepo whose index holds a million entries.
// Format: https://git-scm.com/docs/index-format
// Object ids (in entries, the TREE extension and the trailing checksum) are 20 bytes in a SHA-1 repository and
// 32 in a SHA-256 one; the file does not say which, so the caller passes the repository's object format.
//
// What is read, and when:
// - The extensions follow the entries. When git wrote an End of Index Entries extension (EOIE: only with
//   index.threads or index.recordEndOfIndexEntries set), its offset leads straight to them; otherwise every entry is
//   stepped over, reading two bytes of each (entry-locator.ts), in windows of the file (index-bytes.ts).
// - The cache tree (TREE) is parsed into typed arrays (cache-tree.ts); an Index Entry Offset Table (IEOT: written
//   with index.threads set to more than one thread) gives the offsets of blocks of entries to step from.
// - Entries are decoded one at a time, when asked for: their paths as raw bytes (one character per byte, a latin1
//   string, which is what git compares), their ids, modes and flags. Nothing is decoded for an entry no one asks
//   for, and no object is kept per entry.
import { IndexFileError } from '../../errors.js';
import { hashSize as hashSizeOf, type ObjectFormat } from '../object-id.js';
import { readOnlyFs } from '../read-only-fs.js';
import { emptyCacheTree, parseCacheTree, type CacheTree } from './cache-tree.js';
import { EntryLocator, type Anchor } from './entry-locator.js';
import { BufferBytes, FileBytes, type IndexBytes } from './index-bytes.js';

export type { CacheTree, CacheTreeNode } from './cache-tree.js';

export interface IndexEntry {
  /** Decoded as UTF-8, '/' separated, as git stores it. */
  path: string;
  /** Lowercase hex digits: 40 (SHA-1) or 64 (SHA-256). */
  oid: string;
  /** e.g. 0o100644, 0o100755, 0o120000 (symlink), 0o160000 (gitlink), 0o040000 (sparse directory). */
  mode: number;
  /** 0 normally, 1-3 during a conflicted merge. */
  stage: number;
  /** `git add -N`. */
  intentToAdd: boolean;
  /** Outside the sparse checkout. */
  skipWorktree: boolean;
}

export interface GitIndex {
  version: 2 | 3 | 4;
  /** How many entries, in file order: sorted by path, then stage. */
  readonly count: number;
  /**
   * Entry i's path as its bytes, one character per byte (a latin1 string: '/' splits it and `<` orders it as git
   * does). In version 4 a path only exists relative to the one before it: `previous`, when given, is a known prefix
   * of entry i-1's raw path, long enough for what entry i keeps of it (a walk always knows the directory it is in).
   */
  rawPath(i: number, previous?: string): string;
  /** Entry i, decoded; `previous` as for rawPath. */
  entry(i: number, previous?: string): IndexEntry;
  /**
   * Whether entries [i, i + count) are the entries under the directory `rawPrefix` ('a/b/', raw), entry i being
   * the first of them: the check before a directory is skipped by its cache-tree entry count.
   */
  holds(i: number, count: number, rawPrefix: string): boolean;
  /** Whether any entry's path can be read without the one before it: versions 2 and 3 (not 4). */
  readonly pathsStandAlone: boolean;
  /** Whether git tracks `rawPath`: an entry at that path or under it as a directory. */
  tracks(rawPath: string): boolean;
  /** Calls `visit` with every entry in order, decoding one at a time (for whole-index scans). */
  forEach(visit: (entry: IndexEntry) => void): void;
  /** Every entry (decodes and keeps them all: tests and `--all`). */
  readonly entries: readonly IndexEntry[];
  /** The cache tree (TREE extension); empty when the index has none. */
  cacheTree: CacheTree;
  /** A split index ('link' extension): the entries here are only a delta over a shared index. */
  splitIndex: boolean;
  /** A sparse index ('sdir' extension): some entries are directories standing for a whole tree. */
  sparse: boolean;
  /** Releases the file (readIndexFile keeps it open to read entries on demand). */
  close(): void;
}

const SIGNATURE = 0x44495243; // 'DIRC'
const HEADER_SIZE = 12;
const MODE_OFFSET = 24;
const OID_OFFSET = 40; // after ctime, mtime, dev, ino, mode, uid, gid, size (10 x 32 bits)

const FLAG_EXTENDED = 0x4000;
const NAME_MASK = 0x0fff;
const EXTENDED_SKIP_WORKTREE = 0x4000;
const EXTENDED_INTENT_TO_ADD = 0x2000;

const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const NON_ASCII = /[\u0080-\u00ff]/;

/** git's IEOT_VERSION and EOIE's fixed size (an offset and a hash over the extension headers). */
const IEOT_VERSION = 1;

/**
 * Opens an index file; null when it does not exist (an unborn repository with nothing staged). The file stays open
 * for entries read later: close() the index when done. Synchronous: the hook is a short-lived process, and waiting
 * on the thread pool only adds latency.
 */
export function readIndexFile(file: string, format: ObjectFormat): GitIndex | null {
  let fd: number;
  try {
    fd = readOnlyFs.openForReading(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IndexFileError(file, { kind: 'unreadable', detail: (error as Error).message });
  }
  let bytes: IndexBytes | undefined;
  try {
    const stat = readOnlyFs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${file} is not a regular file`);
    bytes = new FileBytes(fd, stat.size);
    return openIndex(bytes, file, format);
  } catch (error) {
    if (bytes) bytes.close();
    else readOnlyFs.closeSync(fd);
    if (error instanceof IndexFileError) throw error;
    throw new IndexFileError(file, { kind: 'unreadable', detail: (error as Error).message });
  }
}

/** Parses the bytes of an index file held in memory; `file` only names it in errors. */
export function parseIndex(buffer: Buffer, file: string, format: ObjectFormat): GitIndex {
  return openIndex(new BufferBytes(buffer), file, format);
}

function openIndex(bytes: IndexBytes, file: string, format: ObjectFormat): GitIndex {
  const hashSize = hashSizeOf(format);
  if (bytes.size < HEADER_SIZE + hashSize) throw truncatedError(file);
  bytes.cover(0, HEADER_SIZE);
  const header = bytes.bytes;
  if (header.readUInt32BE(0 - bytes.start) !== SIGNATURE) throw new IndexFileError(file, { kind: 'bad-signature' });
  const version = header.readUInt32BE(4 - bytes.start);
  if (version !== 2 && version !== 3 && version !== 4) {
    throw new IndexFileError(file, { kind: 'unsupported-version', version });
  }
  const count = header.readUInt32BE(8 - bytes.start);

  // The trailing checksum is not verified, as git itself does not verify it outside `git fsck`: git commits what
  // it parses from these bytes, and the same structural parse here reads exactly that. (Hashing the file would
  // also cost the hook node:crypto and a pass over the index on every commit.)
  const contentEnd = bytes.size - hashSize;
  const shape = { version, hashSize, count, contentEnd, file } as const;

  // With EOIE, the extensions are found without stepping over the entries; an IEOT then gives places to step from.
  const eoie = findEndOfEntries(bytes, contentEnd, hashSize);
  let extensions = eoie ?? -1;
  let anchors: Anchor[] = [];
  if (eoie !== null) anchors = offsetTable(bytes, eoie, contentEnd, count, version);
  const locator = new EntryLocator(bytes, shape, anchors);
  if (extensions < 0) extensions = locator.stepAll();

  let cacheTree = emptyCacheTree();
  let splitIndex = false;
  let sparse = false;
  for (let offset = extensions; offset < contentEnd;) {
    if (offset + 8 > contentEnd) throw truncatedError(file);
    bytes.cover(offset, 8);
    const at = offset - bytes.start;
    const signature = bytes.bytes.toString('latin1', at, at + 4);
    const dataStart = offset + 8;
    const dataEnd = dataStart + bytes.bytes.readUInt32BE(at + 4);
    if (dataEnd > contentEnd) throw truncatedError(file);
    if (signature === 'TREE') {
      const data = bytes.copy(dataStart, dataEnd - dataStart);
      cacheTree = parseCacheTree(data, 0, data.length, hashSize);
    } else if (signature === 'sdir') {
      // A sparse index: some entries are directories (mode 040000) standing for a whole tree. They are read like
      // any entry; the walk compares them as trees (staged-changes.ts).
      sparse = true;
    } else if (signature === 'link') {
      splitIndex = true;
    } else {
      // Only extensions whose signature starts with 'A'..'Z' may be ignored (EOIE, IEOT, REUC, UNTR, FSMN...).
      const first = signature.charCodeAt(0);
      if (first < UPPER_A || first > UPPER_Z) {
        throw new IndexFileError(file, { kind: 'unknown-required-extension', signature });
      }
    }
    offset = dataEnd;
  }

  return new IndexEntries(bytes, locator, { version, count, cacheTree, splitIndex, sparse });
}

/**
 * The offset of the first extension, from the End of Index Entries extension when git wrote one: always the last
 * extension, `EOIE` <size 4 + hash size> <offset> <hash of the extension headers>. git checks the hash; here the
 * extension headers are followed from that offset, each signature four letters, and must arrive exactly at EOIE,
 * which a stale or damaged offset does not (and this costs the hook no hashing, nor loading node:crypto). Null when
 * there is none, or it does not hold: the entries are then stepped over to find the extensions.
 */
function findEndOfEntries(bytes: IndexBytes, contentEnd: number, hashSize: number): number | null {
  const size = 4 + hashSize;
  const eoieAt = contentEnd - 8 - size;
  if (eoieAt < HEADER_SIZE) return null;
  bytes.cover(eoieAt, 8 + size);
  const at = eoieAt - bytes.start;
  const tail = bytes.bytes;
  if (tail.toString('latin1', at, at + 4) !== 'EOIE' || tail.readUInt32BE(at + 4) !== size) return null;
  const offset = tail.readUInt32BE(at + 8);
  if (offset < HEADER_SIZE || offset >= eoieAt) return null;
  for (let header = offset; header !== eoieAt;) {
    if (header + 8 > eoieAt) return null;
    bytes.cover(header, 8);
    const at = header - bytes.start;
    for (let k = 0; k < 4; k++) if (!isLetter(bytes.bytes[at + k]!)) return null;
    header += 8 + bytes.bytes.readUInt32BE(at + 4);
  }
  return offset;
}

/**
 * The Index Entry Offset Table: `IEOT` <version 1> then (offset, entry count) per block of entries, which git
 * starts at entries it can decode alone (a version 4 block's first path keeps nothing of the one before). Only a
 * table that tiles the entries exactly is used; anything else is ignored, as git ignores an invalid one.
 */
function offsetTable(bytes: IndexBytes, extensions: number, contentEnd: number, count: number, version: number) {
  const anchors: Anchor[] = [];
  for (let offset = extensions; offset + 8 <= contentEnd;) {
    bytes.cover(offset, 8);
    const at = offset - bytes.start;
    const signature = bytes.bytes.toString('latin1', at, at + 4);
    const length = bytes.bytes.readUInt32BE(at + 4);
    if (signature === 'IEOT' && length >= 4 && (length - 4) % 8 === 0 && offset + 8 + length <= contentEnd) {
      bytes.cover(offset + 8, length);
      const data = bytes.bytes;
      const base = offset + 8 - bytes.start;
      if (data.readUInt32BE(base) !== IEOT_VERSION) return [];
      let entry = 0;
      let previousOffset = HEADER_SIZE - 1;
      for (let block = base + 4; block < base + length; block += 8) {
        const blockOffset = data.readUInt32BE(block);
        const blockCount = data.readUInt32BE(block + 4);
        if (blockOffset <= previousOffset || blockOffset >= extensions) return [];
        if (entry === 0 && blockOffset !== HEADER_SIZE) return [];
        anchors.push({ entry, offset: blockOffset, previousLength: version === 4 ? -1 : 0 });
        entry += blockCount;
        previousOffset = blockOffset;
      }
      return entry === count ? anchors.slice(1) : [];
    }
    offset += 8 + length;
  }
  return anchors;
}

/** The parsed index: entries decoded from the file's bytes when asked for. */
class IndexEntries implements GitIndex {
  readonly version: 2 | 3 | 4;
  readonly count: number;
  readonly cacheTree: CacheTree;
  readonly splitIndex: boolean;
  readonly sparse: boolean;
  readonly pathsStandAlone: boolean;
  /** The raw path decoded last, and its entry: a version 4 path follows from the one before it. */
  private lastRaw = '';
  private lastEntry = -1;

  constructor(
    private readonly bytes: IndexBytes,
    private readonly locator: EntryLocator,
    facts: { version: 2 | 3 | 4; count: number; cacheTree: CacheTree; splitIndex: boolean; sparse: boolean },
  ) {
    this.version = facts.version;
    this.count = facts.count;
    this.cacheTree = facts.cacheTree;
    this.splitIndex = facts.splitIndex;
    this.sparse = facts.sparse;
    this.pathsStandAlone = facts.version !== 4;
  }

  rawPath(i: number, previous?: string): string {
    if (i === this.lastEntry) return this.lastRaw;
    const locator = this.locator;
    locator.seek(i);
    const entryStart = locator.offset;
    this.bytes.cover(entryStart, locator.headerSize + 16 + NAME_MASK);
    let { bytes, start } = this.bytes;
    const flags = bytes.readUInt16BE(entryStart + locator.flagsAt - start);
    let pathStart = entryStart + locator.headerSize + ((flags & FLAG_EXTENDED) !== 0 ? 2 : 0);
    let kept = 0;
    if (this.version === 4) {
      let cursor = pathStart - start;
      let byte = bytes[cursor++]!;
      let strip = byte & 0x7f;
      while ((byte & 0x80) !== 0) {
        byte = bytes[cursor++]!;
        strip = (strip + 1) * 128 + (byte & 0x7f);
      }
      pathStart = start + cursor;
      kept = locator.previousLength < 0 ? 0 : locator.previousLength - strip;
      if (kept < 0) throw new IndexFileError(locator.shape.file, { kind: 'bad-path-compression', entry: i });
    }
    let length = flags & NAME_MASK;
    let pathEnd: number;
    if (length === NAME_MASK) {
      pathEnd = locator.findNul(pathStart);
      ({ bytes, start } = this.bytes);
      if (!(pathStart >= start && pathEnd <= this.bytes.end)) {
        this.bytes.cover(pathStart, pathEnd - pathStart);
        ({ bytes, start } = this.bytes);
      }
      length = kept + pathEnd - pathStart;
    } else {
      if (length < kept) throw new IndexFileError(locator.shape.file, { kind: 'bad-path-compression', entry: i });
      pathEnd = pathStart + length - kept;
    }
    const suffix = bytes.toString('latin1', pathStart - start, pathEnd - start);
    let raw = suffix;
    if (kept > 0) raw = this.keptPrefix(i, kept, previous) + suffix;
    this.lastEntry = i;
    this.lastRaw = raw;
    return raw;
  }

  /** The first `kept` bytes of entry i-1's path (version 4). */
  private keptPrefix(i: number, kept: number, previous: string | undefined): string {
    if (previous !== undefined && previous.length >= kept) return previous.slice(0, kept);
    if (this.lastEntry === i - 1) return this.lastRaw.slice(0, kept);
    // No context: rebuild the paths from the nearest entry that stands alone (the first, or an IEOT block's first).
    // Only lookups without a walk come here; the walk always passes the directory it is in.
    let from = 0;
    const anchors = this.locator.anchors;
    for (const anchor of anchors) if (anchor.entry < i && anchor.entry > from) from = anchor.entry;
    let raw = '';
    for (let j = from; j < i; j++) raw = this.rawPath(j, raw);
    this.locator.seek(i);
    return raw.slice(0, kept);
  }

  entry(i: number, previous?: string): IndexEntry {
    const raw = this.rawPath(i, previous);
    const locator = this.locator;
    locator.seek(i);
    const entryStart = locator.offset;
    this.bytes.cover(entryStart, locator.headerSize + 2);
    const { bytes, start } = this.bytes;
    const at = entryStart - start;
    const flags = bytes.readUInt16BE(at + locator.flagsAt);
    const extendedFlags = (flags & FLAG_EXTENDED) !== 0 ? bytes.readUInt16BE(at + locator.flagsAt + 2) : 0;
    return {
      path: utf8Path(raw),
      oid: bytes.toString('hex', at + OID_OFFSET, at + locator.flagsAt),
      mode: bytes.readUInt32BE(at + MODE_OFFSET),
      stage: (flags >> 12) & 0x3,
      intentToAdd: (extendedFlags & EXTENDED_INTENT_TO_ADD) !== 0,
      skipWorktree: (extendedFlags & EXTENDED_SKIP_WORKTREE) !== 0,
    };
  }

  holds(i: number, count: number, rawPrefix: string): boolean {
    const end = i + count;
    if (count <= 0 || end > this.count) return false;
    if (this.version !== 4) {
      if (!this.rawPath(end - 1).startsWith(rawPrefix)) return false;
      return end === this.count || !this.rawPath(end).startsWith(rawPrefix);
    }
    // Version 4: entry `end` must keep less of the path before it than the directory's prefix, or it would lie in
    // the directory too. (The entry before it cannot be decoded alone; the count is trusted as git trusts it.)
    if (end === this.count) return true;
    return this.keptAt(end) < rawPrefix.length;
  }

  /** How many bytes of the previous path entry i keeps (version 4). */
  private keptAt(i: number): number {
    const locator = this.locator;
    locator.seek(i);
    if (locator.previousLength < 0) return 0;
    const entryStart = locator.offset;
    this.bytes.cover(entryStart, locator.headerSize + 16);
    const { bytes, start } = this.bytes;
    const flags = bytes.readUInt16BE(entryStart + locator.flagsAt - start);
    let cursor = entryStart + locator.headerSize + ((flags & FLAG_EXTENDED) !== 0 ? 2 : 0) - start;
    let byte = bytes[cursor++]!;
    let strip = byte & 0x7f;
    while ((byte & 0x80) !== 0) {
      byte = bytes[cursor++]!;
      strip = (strip + 1) * 128 + (byte & 0x7f);
    }
    return locator.previousLength - strip;
  }

  tracks(rawPath: string): boolean {
    const directory = `${rawPath}/`;
    const matches = (raw: string) => raw === rawPath || raw.startsWith(directory);
    if (rawPath === '') return this.count > 0;
    if (this.version === 4) {
      // Paths only exist one after another: read them in order, up to where the path would sort.
      let raw = '';
      for (let i = 0; i < this.count; i++) {
        raw = this.rawPath(i, raw);
        if (matches(raw)) return true;
        if (raw > directory) return false;
      }
      return false;
    }
    // Sorted by path: the first entry not before `rawPath` is the one, or none is.
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.rawPath(middle) < rawPath) low = middle + 1;
      else high = middle;
    }
    // Stop early when the first candidate is neither the path nor under it; entries like 'a.b' sort before 'a/'.
    for (let i = low; i < this.count; i++) {
      const raw = this.rawPath(i);
      if (matches(raw)) return true;
      if (raw > directory) return false;
    }
    return false;
  }

  forEach(visit: (entry: IndexEntry) => void): void {
    let raw = '';
    for (let i = 0; i < this.count; i++) {
      raw = this.rawPath(i, raw);
      visit(this.entry(i, raw));
    }
  }

  get entries(): IndexEntry[] {
    const all: IndexEntry[] = [];
    this.forEach((entry) => all.push(entry));
    return all;
  }

  close(): void {
    this.bytes.close();
  }
}

/** An index held as plain entries (git ls-files' output for a split index, or no index at all). */
export function indexOfEntries(entries: IndexEntry[], cacheTree: CacheTree = emptyCacheTree()): GitIndex {
  const raws = entries.map((entry) => Buffer.from(entry.path, 'utf8').toString('latin1'));
  const rawPath = (i: number) => raws[i]!;
  return {
    version: 2,
    count: entries.length,
    pathsStandAlone: true,
    rawPath,
    entry: (i) => entries[i]!,
    holds(i, count, rawPrefix) {
      const end = i + count;
      if (count <= 0 || end > entries.length || !rawPath(end - 1).startsWith(rawPrefix)) return false;
      return end === entries.length || !rawPath(end).startsWith(rawPrefix);
    },
    tracks: (raw) => raws.some((path) => raw === '' || path === raw || path.startsWith(`${raw}/`)),
    forEach: (visit) => entries.forEach((entry) => visit(entry)),
    entries,
    cacheTree,
    splitIndex: false,
    sparse: false,
    close() {},
  };
}

/** A raw path (bytes as a latin1 string) as the UTF-8 text git means by it. */
export function utf8Path(raw: string): string {
  return NON_ASCII.test(raw) ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
}

/** A path as the raw bytes git stores (a latin1 string), the form rawPath() and tracks() use. */
export function rawPathOf(path: string): string {
  return /[^\u0000-\u007f]/.test(path) ? Buffer.from(path, 'utf8').toString('latin1') : path;
}

function isLetter(byte: number): boolean {
  return (byte >= UPPER_A && byte <= UPPER_Z) || (byte >= 0x61 && byte <= 0x7a);
}

function truncatedError(file: string): IndexFileError {
  return new IndexFileError(file, { kind: 'truncated' });
}
