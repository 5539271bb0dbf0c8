// The TREE extension of the index ("cache tree"): for each directory, how many index entries lie below it and, while
// no entry below it changed since, the id of the tree it would be written as
// (https://git-scm.com/docs/index-format, "Cache tree"). A commit's walk skips a directory whose cached tree id equals
// HEAD's, without opening it (src/git/staged-changes.ts).
import type { PathDecoder } from '../path-decoder.js';

/** One directory of the TREE extension. */
export interface CacheTreeNode {
  /** '' for the root, 'a/b' for subdirectories. */
  path: string;
  /** -1 when invalidated. */
  entryCount: number;
  /** Present only when entryCount >= 0. */
  oid?: string;
}

const NUL = 0x00;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * TREE records come in pre-order: `<name>\0<entry count> <subtree count>\n[oid]`, each name relative to its parent.
 * Like git, a malformed TREE extension is dropped (it is only a cache) rather than failing the whole read.
 * One pass checks the structure and records where each record lies; names and ids are decoded only for the
 * directories a lookup passes through (a commit looks up a few of the hundreds an index may hold).
 */
export function parseCacheTree(
  buffer: Buffer,
  start: number,
  end: number,
  decoder: PathDecoder,
  hashSize: number,
): ReadonlyMap<string, CacheTreeNode> {
  const empty = new Map<string, CacheTreeNode>();
  // Records as parallel arrays (no object per directory): a record needs at least 4 bytes ("\0" + "0 0\n").
  const capacity = Math.ceil((end - start) / 4);
  const records: CacheTreeRecords = {
    nameStart: new Uint32Array(capacity),
    nameEnd: new Uint32Array(capacity),
    entryCount: new Int32Array(capacity),
    oidAt: new Int32Array(capacity),
    firstChild: new Int32Array(capacity).fill(-1),
    nextSibling: new Int32Array(capacity).fill(-1),
  };
  // Directories whose subtrees are still to come (record, how many remain, its last child so far).
  const openRecord: number[] = [];
  const openRemaining: number[] = [];
  const openLastChild: number[] = [];
  let count = 0;
  let offset = start;

  while (offset < end) {
    // A name is a few bytes: a loop costs less here than a call to Buffer#indexOf.
    const nameStart = offset;
    let nameEnd = offset;
    while (nameEnd < end && buffer[nameEnd] !== NUL) nameEnd++;
    if (nameEnd >= end) return empty;

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

    let oidAt = -1;
    if (entryCount >= 0) {
      if (cursor + hashSize > end) return empty;
      oidAt = cursor;
      cursor += hashSize;
    }
    offset = cursor;

    while (openRemaining.length > 0 && openRemaining[openRemaining.length - 1] === 0) {
      openRecord.pop();
      openRemaining.pop();
      openLastChild.pop();
    }
    const top = openRecord.length - 1;
    if (top < 0 && count > 0) return empty; // a second root: data after the tree ended
    const record = count++;
    records.nameStart[record] = nameStart;
    records.nameEnd[record] = nameEnd;
    records.entryCount[record] = entryCount;
    records.oidAt[record] = oidAt;
    if (top >= 0) {
      openRemaining[top]!--;
      const last = openLastChild[top]!;
      if (last < 0) records.firstChild[openRecord[top]!] = record;
      else records.nextSibling[last] = record;
      openLastChild[top] = record;
    }
    openRecord.push(record);
    openRemaining.push(subtreeCount);
    openLastChild.push(-1);
  }

  // Every announced subtree must have been read.
  for (const remaining of openRemaining) if (remaining !== 0) return empty;
  return count === 0 ? empty : new CacheTree(buffer, records, count, decoder, hashSize);
}

/** The TREE records, by number in file order (0 is the root); children are linked first-child/next-sibling. */
interface CacheTreeRecords {
  nameStart: Uint32Array;
  nameEnd: Uint32Array;
  entryCount: Int32Array;
  /** Where the tree id lies, or -1 when the record is invalidated. */
  oidAt: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
}

/** The TREE extension as a map from directory path to record; `get` decodes only the records on the way. */
class CacheTree implements ReadonlyMap<string, CacheTreeNode> {
  private everything?: Map<string, CacheTreeNode>;
  private readonly looked = new Map<string, CacheTreeNode | undefined>();
  /** The record number of each directory looked up (-1: none). */
  private readonly numbers = new Map<string, number>([['', 0]]);
  private readonly childrenByName = new Map<number, Map<string, number>>();

  constructor(
    private readonly buffer: Buffer,
    private readonly records: CacheTreeRecords,
    readonly size: number,
    private readonly decoder: PathDecoder,
    private readonly hashSize: number,
  ) {}

  get(path: string): CacheTreeNode | undefined {
    if (this.looked.has(path)) return this.looked.get(path);
    const record = this.numberOf(path);
    const node = record < 0 ? undefined : this.node(path, record);
    this.looked.set(path, node);
    return node;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  /** A directory's record is its parent's child of that name; the walk asks for parents first. */
  private numberOf(path: string): number {
    let number = this.numbers.get(path);
    if (number === undefined) {
      const slash = path.lastIndexOf('/');
      const parent = slash === -1 ? 0 : this.numberOf(path.slice(0, slash));
      number = parent < 0 ? -1 : (this.childrenOf(parent).get(path.slice(slash + 1)) ?? -1);
      this.numbers.set(path, number);
    }
    return number;
  }

  private childrenOf(record: number): Map<string, number> {
    let children = this.childrenByName.get(record);
    if (!children) {
      children = new Map();
      for (let child = this.records.firstChild[record]!; child >= 0; child = this.records.nextSibling[child]!) {
        children.set(this.nameOf(child), child);
      }
      this.childrenByName.set(record, children);
    }
    return children;
  }

  private nameOf(record: number): string {
    return this.decoder.decode(this.records.nameStart[record]!, this.records.nameEnd[record]!);
  }

  private node(path: string, record: number): CacheTreeNode {
    const entryCount = this.records.entryCount[record]!;
    const oidAt = this.records.oidAt[record]!;
    if (oidAt < 0) return { path, entryCount };
    return { path, entryCount, oid: this.buffer.toString('hex', oidAt, oidAt + this.hashSize) };
  }

  /** Every record, decoded (tests and diagnostics; the walk only calls `get`). */
  private all(): Map<string, CacheTreeNode> {
    if (!this.everything) {
      const all = new Map<string, CacheTreeNode>();
      const visit = (record: number, path: string) => {
        all.set(path, this.node(path, record));
        for (let child = this.records.firstChild[record]!; child >= 0; child = this.records.nextSibling[child]!) {
          visit(child, path === '' ? this.nameOf(child) : `${path}/${this.nameOf(child)}`);
        }
      };
      visit(0, '');
      this.everything = all;
    }
    return this.everything;
  }

  forEach(callback: (value: CacheTreeNode, key: string, map: ReadonlyMap<string, CacheTreeNode>) => void): void {
    for (const [key, value] of this.all()) callback(value, key, this);
  }
  entries() {
    return this.all().entries();
  }
  keys() {
    return this.all().keys();
  }
  values() {
    return this.all().values();
  }
  [Symbol.iterator]() {
    return this.all().entries();
  }
}

function isDigit(byte: number): boolean {
  return byte >= DIGIT_0 && byte <= DIGIT_9;
}
