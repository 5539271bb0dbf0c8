// Tree objects: a directory's entries, each `<octal mode> <name>\0<object id as raw bytes>` (the format git's own
// tree-walk.c reads), on top of the object store. Object ids in them have the length of the store's object format.
import { GitObjectError } from '../errors.js';
import { hashSize, type ObjectFormat } from './object-id.js';
import type { ObjectStore } from './object-store/store.js';
import { PathDecoder } from './path-decoder.js';

export interface TreeEntry {
  name: string;
  mode: number;
  oid: string;
}

const MODE_TREE = 0o040000;
export const MODE_SYMLINK = 0o120000;
export const MODE_GITLINK = 0o160000;

export function isTreeMode(mode: number): boolean {
  return (mode & 0o170000) === MODE_TREE;
}

/** Below this many bytes a tree is decoded whole: comparing bytes first would not pay. */
const SMALL_TREE = 2048;

/** Trees are read again and again while diffing: keep each parsed one for the run. */
export class TreeReader {
  private readonly cache = new Map<string, TreeEntry[]>();
  private readonly bytes = new Map<string, Buffer>();

  constructor(private readonly store: ObjectStore) {}

  /** Whether the object store holds this object: a tree id from the index's cache tree, before reading it. */
  has(oid: string): boolean {
    return this.cache.has(oid) || this.store.has(oid);
  }

  read(oid: string): TreeEntry[] {
    let entries = this.cache.get(oid);
    if (!entries) {
      entries = parseTree(this.data(oid), oid, this.store.format);
      this.cache.set(oid, entries);
    }
    return entries;
  }

  /**
   * Two versions of a tree, as the entries that may differ: those outside the longest run of whole entries the two
   * share at their start and at their end, which are the same name, mode and id on both sides. A directory of
   * thousands of entries where one changed (a monorepo's `packages/`) costs a few native byte comparisons, a step
   * per shared entry (one native search for its NUL) and the decoding of the entries that changed; decoding both
   * versions whole costs a millisecond per thousand entries in a process this short.
   */
  differing(oldOid: string, newOid: string): { old: TreeEntry[]; new: TreeEntry[] } {
    const a = this.data(oldOid);
    const b = this.data(newOid);
    const whole = () => ({ old: this.read(oldOid), new: this.read(newOid) });
    if (a.length < SMALL_TREE || b.length < SMALL_TREE) return whole();
    const idSize = hashSize(this.store.format);
    // Entries are stepped over by the NUL after each name, found by the string search V8 runs natively (a latin1
    // copy costs one native call; Buffer#indexOf costs a microsecond a call in a process this short).
    const aText = a.toString('latin1');
    const bText = b.toString('latin1');
    // The shared start, back to the last entry boundary within it (the same place in both).
    const prefix = commonPrefixLength(a, b);
    let start = 0;
    for (let next = entryEnd(bText, 0, idSize); next > 0 && next <= prefix; next = entryEnd(bText, start, idSize)) {
      start = next;
    }
    // The shared end, forward to the first entry boundary within it: it must be a boundary in both.
    const suffix = commonSuffixLength(a, b, Math.min(a.length, b.length) - start);
    let bEnd = start;
    while (bEnd >= 0 && bEnd < b.length - suffix) bEnd = entryEnd(bText, bEnd, idSize);
    const aEnd = a.length - (b.length - bEnd);
    let at = start;
    while (at >= 0 && at < aEnd) at = entryEnd(aText, at, idSize);
    if (bEnd < 0 || at !== aEnd) return whole();
    return {
      old: parseTree(a.subarray(start, aEnd), oldOid, this.store.format),
      new: parseTree(b.subarray(start, bEnd), newOid, this.store.format),
    };
  }

  private data(oid: string): Buffer {
    let data = this.bytes.get(oid);
    if (!data) {
      const object = this.store.read(oid);
      if (object.type !== 'tree') {
        throw new GitObjectError(oid, { kind: 'wrong-type', expected: 'tree', found: object.type });
      }
      data = object.data;
      this.bytes.set(oid, data);
    }
    return data;
  }
}

/** Where the tree entry starting at `at` ends (`<mode> <name>\0<id>`, as latin1 text), or -1 when it ends first. */
function entryEnd(text: string, at: number, idSize: number): number {
  const nul = text.indexOf('\0', at);
  return nul < 0 || nul + 1 + idSize > text.length ? -1 : nul + 1 + idSize;
}

const BLOCK = 4096;

/** How many bytes a and b share at their start: blocks compared natively, halving down to one byte. */
function commonPrefixLength(a: Buffer, b: Buffer): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  for (let block = BLOCK; block >= 1; block >>= 1) {
    while (i + block <= limit && a.compare(b, i, i + block, i, i + block) === 0) i += block;
  }
  return i;
}

/** How many bytes a and b share at their end, up to `limit`. */
function commonSuffixLength(a: Buffer, b: Buffer, limit: number): number {
  let n = 0;
  for (let block = BLOCK; block >= 1; block >>= 1) {
    while (
      n + block <= limit &&
      a.compare(b, b.length - n - block, b.length - n, a.length - n - block, a.length - n) === 0
    )
      n += block;
  }
  return n;
}

export function parseTree(data: Buffer, oid: string, format: ObjectFormat): TreeEntry[] {
  // Two native calls per tree instead of five per entry: names are cut from one latin1 copy (path-decoder.ts),
  // ids from one hex copy; modes and separators are read byte by byte.
  const idSize = hashSize(format);
  const names = new PathDecoder(data);
  const hex = data.toString('hex');
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < data.length) {
    let mode = 0;
    let space = at;
    let digits = true;
    for (; space < data.length && data[space] !== SPACE; space++) {
      const digit = data[space]! - DIGIT_0;
      if (digit < 0 || digit > 7) digits = false;
      mode = mode * 8 + digit;
    }
    let nul = space + 1;
    while (nul < data.length && data[nul] !== 0) nul++;
    if (!digits || space === at || space >= data.length || nul + 1 + idSize > data.length) {
      throw new GitObjectError(oid, { kind: 'malformed', type: 'tree', detail: 'truncated or malformed' });
    }
    entries.push({
      mode,
      name: names.decode(space + 1, nul),
      oid: hex.slice((nul + 1) * 2, (nul + 1 + idSize) * 2),
    });
    at = nul + 1 + idSize;
  }
  return entries;
}

const SPACE = 0x20;
const DIGIT_0 = 0x30;
