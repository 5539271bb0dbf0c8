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

/** Trees are read again and again while diffing: keep each parsed one for the run. */
export class TreeReader {
  private readonly cache = new Map<string, TreeEntry[]>();

  constructor(private readonly store: ObjectStore) {}

  /** Whether the object store holds this object: a tree id from the index's cache tree, before reading it. */
  has(oid: string): boolean {
    return this.cache.has(oid) || this.store.has(oid);
  }

  read(oid: string): TreeEntry[] {
    let entries = this.cache.get(oid);
    if (!entries) {
      const object = this.store.read(oid);
      if (object.type !== 'tree') {
        throw new GitObjectError(oid, { kind: 'wrong-type', expected: 'tree', found: object.type });
      }
      entries = parseTree(object.data, oid, this.store.format);
      this.cache.set(oid, entries);
    }
    return entries;
  }
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
