// Read-only parser of the git index ("dircache"), versions 2 to 4: its entries, and which extensions it has (the
// TREE extension is parsed by cache-tree.ts).
// isomorphic-git only reads version 2 and only <gitdir>/index; a hook must read whatever GIT_INDEX_FILE points at.
// Format: https://git-scm.com/docs/index-format
// Object ids (in entries, the TREE extension and the trailing checksum) are 20 bytes in a SHA-1 repository and
// 32 in a SHA-256 one; the file does not say which, so the caller passes the repository's object format.

import { IndexFileError } from '../../errors.js';
import { hashSize as hashSizeOf, type ObjectFormat } from '../object-id.js';
import { PathDecoder } from '../path-decoder.js';
import { readOnlyFs } from '../read-only-fs.js';
import { parseCacheTree, type CacheTreeNode } from './cache-tree.js';

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
  /** Entry i, decoded on first use: a commit's walk skips unchanged directories without decoding their entries. */
  entry(i: number): IndexEntry;
  /** Entry i's path alone. */
  path(i: number): string;
  /** Every entry (decodes them all). */
  readonly entries: readonly IndexEntry[];
  /** Keyed by directory path ('' for the root); empty when the index has no TREE extension. */
  cacheTree: ReadonlyMap<string, CacheTreeNode>;
  /** A split index ('link' extension): the entries here are only a delta over a shared index. */
  splitIndex: boolean;
}

const SIGNATURE = 0x44495243; // 'DIRC'
const HEADER_SIZE = 12;
const OID_OFFSET = 40; // after ctime, mtime, dev, ino, mode, uid, gid, size (10 x 32 bits)
const MODE_OFFSET = 24;
// The flags follow the object id (OID_OFFSET + hash size), the path follows the flags (+ 2).

const FLAG_EXTENDED = 0x4000;
const FLAG_NAME_LENGTH = 0x0fff; // also the cap: longer names are stored with this value and end at a NUL
const EXTENDED_SKIP_WORKTREE = 0x4000;
const EXTENDED_INTENT_TO_ADD = 0x2000;

const NUL = 0x00;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

/**
 * Reads and parses an index file; null when it does not exist (an unborn repository with nothing staged).
 * Synchronous: the hook is a short-lived process, and waiting on the thread pool only adds latency.
 */
export function readIndexFile(file: string, format: ObjectFormat): GitIndex | null {
  let buffer: Buffer;
  try {
    buffer = readOnlyFs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IndexFileError(file, { kind: 'unreadable', detail: (error as Error).message });
  }
  return parseIndex(buffer, file, format);
}

/** Parses the bytes of an index file; `file` only names it in errors. */
export function parseIndex(buffer: Buffer, file: string, format: ObjectFormat): GitIndex {
  const hashSize = hashSizeOf(format);
  const flagsOffset = OID_OFFSET + hashSize;
  const pathOffset = flagsOffset + 2;
  if (buffer.length < HEADER_SIZE + hashSize) throw truncatedError(file);
  if (buffer.readUInt32BE(0) !== SIGNATURE) throw new IndexFileError(file, { kind: 'bad-signature' });
  const version = buffer.readUInt32BE(4);
  if (version !== 2 && version !== 3 && version !== 4) {
    throw new IndexFileError(file, { kind: 'unsupported-version', version });
  }

  // The trailing checksum is not verified, as git itself does not verify it outside `git fsck`: git commits what
  // it parses from these bytes, and the same structural parse here reads exactly that. (Hashing the file would
  // also cost the hook node:crypto and a pass over the index on every commit.)
  const contentEnd = buffer.length - hashSize;

  const entryCount = buffer.readUInt32BE(8);
  // One pass over the entries records where each one and its path lie; nothing is decoded yet. Version 4 paths
  // are rebuilt into `paths` (they only exist relative to the previous one); other versions' stay in `buffer`.
  const entryStarts = new Uint32Array(entryCount);
  const pathStarts = new Uint32Array(entryCount);
  const pathEnds = new Uint32Array(entryCount);
  let paths = buffer;
  let offset = HEADER_SIZE;

  // Version 4 stores each path as "drop N bytes from the previous path, append this suffix"; bytes, not characters.
  let rebuilt = Buffer.allocUnsafe(version === 4 ? Math.max(1024, buffer.length) : 0);
  let rebuiltLength = 0;
  let previousStart = 0;
  let previousPathLength = 0;

  for (let index = 0; index < entryCount; index++) {
    const entryStart = offset;
    if (entryStart + pathOffset > contentEnd) throw truncatedError(file);
    const flags = buffer.readUInt16BE(entryStart + flagsOffset);
    let pathStart = entryStart + pathOffset;
    if ((flags & FLAG_EXTENDED) !== 0) {
      if (pathStart + 2 > contentEnd) throw truncatedError(file);
      pathStart += 2;
    }
    entryStarts[index] = entryStart;

    if (version === 4) {
      // git's offset varint (varint.c): each continuation byte adds one before shifting.
      let cursor = pathStart;
      if (cursor >= contentEnd) throw truncatedError(file);
      let byte = buffer[cursor++] as number;
      let stripLength = byte & 0x7f;
      while ((byte & 0x80) !== 0 && stripLength <= previousPathLength) {
        if (cursor >= contentEnd) throw truncatedError(file);
        byte = buffer[cursor++] as number;
        stripLength = (stripLength + 1) * 128 + (byte & 0x7f);
      }
      if (stripLength > previousPathLength) {
        throw new IndexFileError(file, { kind: 'bad-path-compression', entry: index });
      }
      const suffixEnd = buffer.indexOf(NUL, cursor);
      if (suffixEnd < 0 || suffixEnd >= contentEnd) throw truncatedError(file);
      const keptLength = previousPathLength - stripLength;
      const pathLength = keptLength + suffixEnd - cursor;
      if (rebuiltLength + pathLength > rebuilt.length) {
        const grown = Buffer.allocUnsafe(Math.max(rebuiltLength + pathLength, rebuilt.length * 2));
        rebuilt.copy(grown, 0, 0, rebuiltLength);
        rebuilt = grown;
      }
      rebuilt.copy(rebuilt, rebuiltLength, previousStart, previousStart + keptLength);
      buffer.copy(rebuilt, rebuiltLength + keptLength, cursor, suffixEnd);
      previousStart = rebuiltLength;
      previousPathLength = pathLength;
      pathStarts[index] = rebuiltLength;
      pathEnds[index] = rebuiltLength + pathLength;
      rebuiltLength += pathLength;
      offset = suffixEnd + 1; // no padding in version 4
    } else {
      const nameLength = flags & FLAG_NAME_LENGTH;
      let pathEnd = pathStart + nameLength;
      if (nameLength === FLAG_NAME_LENGTH) {
        pathEnd = buffer.indexOf(NUL, pathEnd);
        if (pathEnd < 0) throw truncatedError(file);
      }
      if (pathEnd >= contentEnd) throw truncatedError(file);
      pathStarts[index] = pathStart;
      pathEnds[index] = pathEnd;
      // 1 to 8 NULs pad the entry to a multiple of 8 bytes.
      offset = entryStart + ((pathEnd - entryStart + 8) & ~7);
      if (offset > contentEnd) throw truncatedError(file);
    }
  }
  if (version === 4) paths = rebuilt;

  // One latin1 copy of the file serves every path and directory name decoded from it.
  const bufferPaths = new PathDecoder(buffer);
  let cacheTree: ReadonlyMap<string, CacheTreeNode> = new Map();
  let splitIndex = false;
  while (offset < contentEnd) {
    if (offset + 8 > contentEnd) throw truncatedError(file);
    const signature = buffer.toString('latin1', offset, offset + 4);
    const dataStart = offset + 8;
    const dataEnd = dataStart + buffer.readUInt32BE(offset + 4);
    if (dataEnd > contentEnd) throw truncatedError(file);
    if (signature === 'TREE') {
      cacheTree = parseCacheTree(buffer, dataStart, dataEnd, bufferPaths, hashSize);
    } else if (signature === 'sdir') {
      // A sparse index: some entries are directories (mode 040000) standing for a whole tree. They are read like
      // any entry; the walk compares them as trees (staged-changes.ts).
    } else if (signature === 'link') {
      splitIndex = true;
    } else {
      // Only extensions whose signature starts with 'A'..'Z' may be ignored.
      const first = buffer[offset] as number;
      if (first < UPPER_A || first > UPPER_Z) {
        throw new IndexFileError(file, { kind: 'unknown-required-extension', signature });
      }
    }
    offset = dataEnd;
  }

  const entries = new IndexEntries(
    buffer,
    hashSize,
    paths === buffer ? bufferPaths : new PathDecoder(paths),
    entryStarts,
    pathStarts,
    pathEnds,
  );
  return {
    version,
    count: entryCount,
    entry: (i) => entries.entry(i),
    path: (i) => entries.path(i),
    get entries() {
      return entries.all();
    },
    cacheTree,
    splitIndex,
  };
}

/** An index held as plain entries (git ls-files' output for a split index, or no index at all). */
export function indexOfEntries(entries: IndexEntry[]): GitIndex {
  return {
    version: 2,
    count: entries.length,
    entry: (i) => entries[i]!,
    path: (i) => entries[i]!.path,
    entries,
    cacheTree: new Map(),
    splitIndex: false,
  };
}

/** The entries of a parsed index, each decoded from its bytes on first use. */
class IndexEntries {
  private readonly decoded: (IndexEntry | undefined)[];
  private readonly decodedPaths: (string | undefined)[];

  constructor(
    private readonly buffer: Buffer,
    private readonly hashSize: number,
    private readonly decoder: PathDecoder,
    private readonly entryStarts: Uint32Array,
    private readonly pathStarts: Uint32Array,
    private readonly pathEnds: Uint32Array,
  ) {
    this.decoded = new Array(entryStarts.length);
    this.decodedPaths = new Array(entryStarts.length);
  }

  path(i: number): string {
    return (this.decodedPaths[i] ??= this.decoder.decode(this.pathStarts[i]!, this.pathEnds[i]!));
  }

  entry(i: number): IndexEntry {
    let entry = this.decoded[i];
    if (entry === undefined) {
      const { buffer } = this;
      const start = this.entryStarts[i]!;
      const flagsAt = start + OID_OFFSET + this.hashSize;
      const flags = buffer.readUInt16BE(flagsAt);
      const extendedFlags = (flags & FLAG_EXTENDED) !== 0 ? buffer.readUInt16BE(flagsAt + 2) : 0;
      entry = this.decoded[i] = {
        path: this.path(i),
        oid: buffer.toString('hex', start + OID_OFFSET, flagsAt),
        mode: buffer.readUInt32BE(start + MODE_OFFSET),
        stage: (flags >> 12) & 0x3,
        intentToAdd: (extendedFlags & EXTENDED_INTENT_TO_ADD) !== 0,
        skipWorktree: (extendedFlags & EXTENDED_SKIP_WORKTREE) !== 0,
      };
    }
    return entry;
  }

  all(): IndexEntry[] {
    return Array.from(this.entryStarts, (_, i) => this.entry(i));
  }
}

function truncatedError(file: string): IndexFileError {
  return new IndexFileError(file, { kind: 'truncated' });
}
