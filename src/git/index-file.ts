// Read-only parser of the git index ("dircache"), versions 2 to 4.
// isomorphic-git only reads version 2 and only <gitdir>/index; a hook must read whatever GIT_INDEX_FILE points at.
// Format: https://git-scm.com/docs/index-format

import { readOnlyFs } from './read-only-fs.js';
import { IndexFileError } from '../errors.js';

export interface IndexEntry {
  /** Decoded as UTF-8, '/' separated, as git stores it. */
  path: string;
  /** 40 lowercase hex digits. */
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

/** One directory of the TREE extension. */
export interface CacheTreeNode {
  /** '' for the root, 'a/b' for subdirectories. */
  path: string;
  /** -1 when invalidated. */
  entryCount: number;
  /** Present only when entryCount >= 0. */
  oid?: string;
}

export interface GitIndex {
  version: 2 | 3 | 4;
  /** In file order: sorted by path, then stage. */
  entries: IndexEntry[];
  /** Keyed by directory path ('' for the root); empty when the index has no TREE extension. */
  cacheTree: Map<string, CacheTreeNode>;
  /** A sparse index: some entries are directories (mode 040000) standing for everything below them. */
  sparseDirectories: boolean;
  /** A split index ('link' extension): the entries here are only a delta over a shared index. */
  splitIndex: boolean;
}

const SIGNATURE = 0x44495243; // 'DIRC'
const HEADER_SIZE = 12;
const HASH_SIZE = 20; // SHA-1
const OID_OFFSET = 40; // after ctime, mtime, dev, ino, mode, uid, gid, size (10 x 32 bits)
const MODE_OFFSET = 24;
const FLAGS_OFFSET = OID_OFFSET + HASH_SIZE;
const PATH_OFFSET = FLAGS_OFFSET + 2;

const FLAG_EXTENDED = 0x4000;
const FLAG_NAME_LENGTH = 0x0fff; // also the cap: longer names are stored with this value and end at a NUL
const EXTENDED_SKIP_WORKTREE = 0x4000;
const EXTENDED_INTENT_TO_ADD = 0x2000;
const MODE_DIRECTORY = 0o040000;

const NUL = 0x00;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;

const CORRUPT_HINT =
  'Check whether `git status` can read it; if git also reports it corrupt, ' +
  'remove it and run `git reset` (this unstages your changes).';

/** Reads and parses an index file; null when it does not exist (an unborn repository with nothing staged). */
/** Synchronous: the hook is a short-lived process, and waiting on the thread pool only adds latency. */
export function readIndexFile(path: string): GitIndex | null {
  let buffer: Buffer;
  try {
    buffer = readOnlyFs.readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IndexFileError(`Cannot read the git index ${path}: ${(error as Error).message}`, {
      hint: 'Check the file permissions.',
      cause: error,
    });
  }
  return parseIndex(buffer, path);
}

/** Parses the bytes of an index file; sourcePath only names the file in errors. */
export function parseIndex(buffer: Buffer, sourcePath: string): GitIndex {
  if (buffer.length < HEADER_SIZE + HASH_SIZE) throw truncatedError(sourcePath);
  if (buffer.readUInt32BE(0) !== SIGNATURE) throw indexError(sourcePath, "it does not start with the signature 'DIRC'");
  const version = buffer.readUInt32BE(4);
  if (version !== 2 && version !== 3 && version !== 4) {
    const hint = 'secret-hook reads index versions 2, 3 and 4.';
    throw indexError(sourcePath, `unsupported index version ${version}`, hint);
  }

  // The trailing checksum is not verified, as git itself does not verify it outside `git fsck`: git commits what
  // it parses from these bytes, and the same structural parse here reads exactly that. (Hashing the file would
  // also cost the hook node:crypto and a pass over the index on every commit.)
  const contentEnd = buffer.length - HASH_SIZE;

  const entryCount = buffer.readUInt32BE(8);
  const entries: IndexEntry[] = [];
  let sparseDirectories = false;
  let offset = HEADER_SIZE;

  // Version 4 stores each path as "drop N bytes from the previous path, append this suffix"; bytes, not characters.
  let previousPath = Buffer.allocUnsafe(version === 4 ? 1024 : 0);
  let previousPathLength = 0;

  for (let index = 0; index < entryCount; index++) {
    const entryStart = offset;
    if (entryStart + PATH_OFFSET > contentEnd) throw truncatedError(sourcePath);
    const mode = buffer.readUInt32BE(entryStart + MODE_OFFSET);
    const oid = buffer.toString('hex', entryStart + OID_OFFSET, entryStart + FLAGS_OFFSET);
    const flags = buffer.readUInt16BE(entryStart + FLAGS_OFFSET);
    let pathStart = entryStart + PATH_OFFSET;
    let extendedFlags = 0;
    if ((flags & FLAG_EXTENDED) !== 0) {
      if (pathStart + 2 > contentEnd) throw truncatedError(sourcePath);
      extendedFlags = buffer.readUInt16BE(pathStart);
      pathStart += 2;
    }

    let path: string;
    if (version === 4) {
      // git's offset varint (varint.c): each continuation byte adds one before shifting.
      let cursor = pathStart;
      if (cursor >= contentEnd) throw truncatedError(sourcePath);
      let byte = buffer[cursor++] as number;
      let stripLength = byte & 0x7f;
      while ((byte & 0x80) !== 0 && stripLength <= previousPathLength) {
        if (cursor >= contentEnd) throw truncatedError(sourcePath);
        byte = buffer[cursor++] as number;
        stripLength = (stripLength + 1) * 128 + (byte & 0x7f);
      }
      if (stripLength > previousPathLength) {
        throw indexError(sourcePath, `entry ${index} strips more of the previous path than it has`);
      }
      const suffixEnd = buffer.indexOf(NUL, cursor);
      if (suffixEnd < 0 || suffixEnd >= contentEnd) throw truncatedError(sourcePath);
      const keptLength = previousPathLength - stripLength;
      const pathLength = keptLength + suffixEnd - cursor;
      if (pathLength > previousPath.length) {
        const grown = Buffer.allocUnsafe(Math.max(pathLength, previousPath.length * 2));
        previousPath.copy(grown, 0, 0, keptLength);
        previousPath = grown;
      }
      // A loop beats Buffer#copy for suffixes this short.
      for (let from = cursor, to = keptLength; from < suffixEnd; from++, to++) {
        previousPath[to] = buffer[from] as number;
      }
      previousPathLength = pathLength;
      path = decodePath(previousPath, 0, pathLength);
      offset = suffixEnd + 1; // no padding in version 4
    } else {
      const nameLength = flags & FLAG_NAME_LENGTH;
      let pathEnd = pathStart + nameLength;
      if (nameLength === FLAG_NAME_LENGTH) {
        pathEnd = buffer.indexOf(NUL, pathEnd);
        if (pathEnd < 0) throw truncatedError(sourcePath);
      }
      if (pathEnd >= contentEnd) throw truncatedError(sourcePath);
      path = decodePath(buffer, pathStart, pathEnd);
      // 1 to 8 NULs pad the entry to a multiple of 8 bytes.
      offset = entryStart + ((pathEnd - entryStart + 8) & ~7);
      if (offset > contentEnd) throw truncatedError(sourcePath);
    }

    if (mode === MODE_DIRECTORY) sparseDirectories = true;
    entries.push({
      path,
      oid,
      mode,
      stage: (flags >> 12) & 0x3,
      intentToAdd: (extendedFlags & EXTENDED_INTENT_TO_ADD) !== 0,
      skipWorktree: (extendedFlags & EXTENDED_SKIP_WORKTREE) !== 0,
    });
  }

  let cacheTree = new Map<string, CacheTreeNode>();
  let splitIndex = false;
  while (offset < contentEnd) {
    if (offset + 8 > contentEnd) throw truncatedError(sourcePath);
    const signature = buffer.toString('latin1', offset, offset + 4);
    const dataStart = offset + 8;
    const dataEnd = dataStart + buffer.readUInt32BE(offset + 4);
    if (dataEnd > contentEnd) throw truncatedError(sourcePath);
    if (signature === 'TREE') {
      cacheTree = parseCacheTree(buffer, dataStart, dataEnd);
    } else if (signature === 'sdir') {
      sparseDirectories = true;
    } else if (signature === 'link') {
      splitIndex = true;
    } else {
      // Only extensions whose signature starts with 'A'..'Z' may be ignored.
      const first = buffer[offset] as number;
      if (first < UPPER_A || first > UPPER_Z) {
        const problem = `it uses the required extension '${signature}', which secret-hook does not understand`;
        throw indexError(sourcePath, problem);
      }
    }
    offset = dataEnd;
  }

  return { version, entries, cacheTree, sparseDirectories, splitIndex };
}

/**
 * TREE records come in pre-order: `<name>\0<entry count> <subtree count>\n[oid]`, each name relative to its parent.
 * Like git, a malformed TREE extension is dropped (it is only a cache) rather than failing the whole read.
 */
function parseCacheTree(buffer: Buffer, start: number, end: number): Map<string, CacheTreeNode> {
  const nodes = new Map<string, CacheTreeNode>();
  const empty = new Map<string, CacheTreeNode>();
  // Directories whose subtrees are still to come, with how many remain.
  const open: Array<{ path: string; remainingSubtrees: number }> = [];
  let offset = start;

  while (offset < end) {
    const nameEnd = buffer.indexOf(NUL, offset);
    if (nameEnd < 0 || nameEnd >= end) return empty;
    const name = decodePath(buffer, offset, nameEnd);

    let cursor = nameEnd + 1;
    let negative = false;
    if (cursor < end && buffer[cursor] === MINUS) {
      negative = true;
      cursor++;
    }
    const entryCountStart = cursor;
    let entryCount = 0;
    while (cursor < end && isDigit(buffer[cursor] as number)) {
      entryCount = entryCount * 10 + (buffer[cursor++] as number) - DIGIT_0;
    }
    if (cursor === entryCountStart || cursor >= end || buffer[cursor] !== SPACE) return empty;
    if (negative) entryCount = -entryCount;
    cursor++;

    const subtreeCountStart = cursor;
    let subtreeCount = 0;
    while (cursor < end && isDigit(buffer[cursor] as number)) {
      subtreeCount = subtreeCount * 10 + (buffer[cursor++] as number) - DIGIT_0;
    }
    if (cursor === subtreeCountStart || cursor >= end || buffer[cursor] !== NEWLINE) return empty;
    cursor++;

    let oid: string | undefined;
    if (entryCount >= 0) {
      if (cursor + HASH_SIZE > end) return empty;
      oid = buffer.toString('hex', cursor, cursor + HASH_SIZE);
      cursor += HASH_SIZE;
    }
    offset = cursor;

    while (open.at(-1)?.remainingSubtrees === 0) open.pop();
    const parent = open.at(-1);
    let path: string;
    if (parent === undefined) {
      if (nodes.size > 0) return empty; // a second root: data after the tree ended
      path = name;
    } else {
      parent.remainingSubtrees--;
      path = parent.path === '' ? name : `${parent.path}/${name}`;
    }
    nodes.set(path, oid === undefined ? { path, entryCount } : { path, entryCount, oid });
    open.push({ path, remainingSubtrees: subtreeCount });
  }

  // Every announced subtree must have been read.
  for (const directory of open) if (directory.remainingSubtrees !== 0) return empty;
  return nodes;
}

function indexError(sourcePath: string, problem: string, hint = CORRUPT_HINT): IndexFileError {
  return new IndexFileError(`Cannot read the git index ${sourcePath}: ${problem}`, { hint });
}

function truncatedError(sourcePath: string): IndexFileError {
  return indexError(sourcePath, 'the file is truncated');
}

/** UTF-8, with a latin1 fast path: the same string for ASCII, and about three times faster to decode. */
function decodePath(buffer: Buffer, start: number, end: number): string {
  // One native call per path (no byte loop here: a hot JS loop gets optimised on a background thread that the
  // process then waits for at exit).
  return buffer.toString('utf8', start, end);
}

function isDigit(byte: number): boolean {
  return byte >= DIGIT_0 && byte <= DIGIT_9;
}
