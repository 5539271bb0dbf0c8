// Parsing of tree and commit objects (git's own formats), on top of the object store. Object ids inside them
// (tree entries, tree/parent/object lines) have the length of the store's object format.
import { PathDecoder } from './path-decoder.js';
import { GitObjectError } from '../errors.js';
import { hashSize, hexLength, isObjectId, type ObjectFormat } from './object-id.js';
import type { ObjectStore } from './object-store/store.js';

export interface TreeEntry {
  name: string;
  mode: number;
  oid: string;
}

export const MODE_TREE = 0o040000;
export const MODE_SYMLINK = 0o120000;
export const MODE_GITLINK = 0o160000;

export function isTreeMode(mode: number): boolean {
  return (mode & 0o170000) === MODE_TREE;
}

/** Trees are read again and again while diffing: keep each parsed one for the run. */
export class TreeReader {
  private readonly cache = new Map<string, TreeEntry[]>();
  /** The object format of the trees read (and of the index compared with them). */
  readonly format: ObjectFormat;
  constructor(private readonly store: ObjectStore) {
    this.format = store.format;
  }

  read(oid: string): TreeEntry[] {
    let entries = this.cache.get(oid);
    if (!entries) {
      const object = this.store.read(oid);
      if (object.type !== 'tree') throw new GitObjectError(oid, `expected a tree, found a ${object.type}`);
      entries = parseTree(object.data, oid, this.format);
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
      throw new GitObjectError(oid, 'tree object is truncated or malformed');
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

export interface Commit {
  oid: string;
  tree: string;
  parents: string[];
  author: string;
  /** Author time, seconds since the epoch. */
  authorTime: number;
  /** Committer time, seconds since the epoch: the order history walks follow. */
  commitTime: number;
  subject: string;
}

export function parseCommit(data: Buffer, oid: string, format: ObjectFormat): Commit {
  const idLength = hexLength(format);
  const text = data.toString('utf8');
  const headerEnd = text.indexOf('\n\n');
  const header = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const message = headerEnd === -1 ? '' : text.slice(headerEnd + 2);
  let tree = '';
  const parents: string[] = [];
  let author = '';
  let authorTime = 0;
  let commitTime = 0;
  for (const line of header.split('\n')) {
    if (line.startsWith('tree ')) tree = line.slice(5, 5 + idLength);
    else if (line.startsWith('parent ')) parents.push(line.slice(7, 7 + idLength));
    else if (line.startsWith('author ')) {
      const match = /^author (.*) <[^>]*> (\d+) [-+]\d{4}$/.exec(line);
      author = match ? match[1]! : line.slice(7);
      authorTime = match ? Number(match[2]) : 0;
    } else if (line.startsWith('committer ')) {
      const match = / (\d+) [-+]\d{4}$/.exec(line);
      commitTime = match ? Number(match[1]) : 0;
    }
  }
  if (!isObjectId(tree, format)) throw new GitObjectError(oid, 'commit object has no tree line');
  return { oid, tree, parents, author, authorTime, commitTime, subject: message.split('\n', 1)[0] ?? '' };
}

export function readCommit(store: ObjectStore, oid: string): Commit {
  const object = store.read(oid);
  if (object.type === 'tag') {
    // An annotated tag: follow it to what it points at.
    const target = /^object ([0-9a-f]+)\n/.exec(object.data.toString('latin1'));
    if (!target || !isObjectId(target[1]!, store.format)) {
      throw new GitObjectError(oid, 'tag object has no object line');
    }
    return readCommit(store, target[1]!);
  }
  if (object.type !== 'commit') throw new GitObjectError(oid, `expected a commit, found a ${object.type}`);
  return parseCommit(object.data, oid, store.format);
}

/** What a ref's object is, with annotated tags followed to what they finally point at. */
export function peelTag(store: ObjectStore, oid: string): { type: 'commit' | 'tree' | 'blob'; oid: string } {
  let current = oid;
  // git itself gives up on tag chains deeper than this; a loop of tags cannot be built with real hashes.
  for (let depth = 0; depth < 64; depth++) {
    const object = store.read(current);
    if (object.type !== 'tag') return { type: object.type, oid: current };
    const target = /^object ([0-9a-f]{40}(?:[0-9a-f]{24})?)$/m.exec(object.data.toString('latin1'));
    if (!target) throw new GitObjectError(current, 'tag object has no object line');
    current = target[1]!;
  }
  throw new GitObjectError(oid, 'tag chain is too deep');
}
