// The TREE extension of the index ("cache tree"): for each directory, how many index entries lie below it and, while
// no entry below it changed since, the id of the tree it would be written as
// (https://git-scm.com/docs/index-format, "Cache tree"). A commit's walk skips a directory whose cached tree id equals
// HEAD's, without opening it, and compares a valid directory whose id differs as a tree (src/git/staged-changes.ts).
// `git commit` brings every record up to date before its hooks run, so a hook needs the root record alone.
//
// Records are numbered in file order (pre-order; 0 is the root) and parsed only as far as a lookup needs: a record's
// children are known once its whole subtree is parsed (a 1,000,000-entry index has about 90,000 records, 12 ms of
// parsing that a commit whose root record is valid never pays). Children come in git's order for them (shorter names
// first, cache-tree.c's subtree_name_cmp), not in path order: they are found by name.
//
// Like git, a malformed TREE extension is dropped whole (it is only a cache) rather than failing the read. Parsed
// lazily, the damage is found when the parse reaches it: from then on the tree answers as an empty one and says
// `dropped`, and a walk that used it starts again without it (staged-changes.ts). Damage beyond the records a
// commit reads goes unnoticed, as damage to entries it does not read does (git's own checksum is not verified
// either, outside `git fsck`).
import { PathDecoder } from '../path-decoder.js';

/** One directory of the TREE extension. */
export interface CacheTreeNode {
  /** '' for the root, 'a/b' for subdirectories. */
  path: string;
  /** -1 when invalidated. */
  entryCount: number;
  /** Present only when entryCount >= 0. */
  oid?: string;
}

/** The cache tree as the walk reads it (record numbers, raw names), and as a map from path to record (tests). */
export interface CacheTree extends ReadonlyMap<string, CacheTreeNode> {
  /** The root's record number; -1 when there is no cache tree. */
  readonly root: number;
  /** True once the parse found the extension malformed: every answer since is that of an empty tree. */
  readonly dropped: boolean;
  /** How many index entries lie under the record's directory; -1 when invalidated. */
  entryCount(record: number): number;
  /** The tree id the directory is written as, in hex; null when invalidated. */
  oid(record: number): string | null;
  /** The record of the subdirectory named `rawName` (its bytes as a latin1 string); -1 when there is none. */
  child(record: number, rawName: string): number;
  /** The record's subdirectories as [raw name, record], in the order of their entries in the index. */
  children(record: number): readonly (readonly [string, number])[];
}

const NUL = 0x00;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** No cache tree: the index has no TREE extension. */
export function emptyCacheTree(): CacheTree {
  return new LazyCacheTree(Buffer.alloc(0), 0, 0, 20);
}

/**
 * The TREE records in buffer[start, end): `<name>\0<entry count> <subtree count>\n[oid]` each, in pre-order, names
 * relative to their parent. Nothing is parsed yet.
 */
export function parseCacheTree(buffer: Buffer, start: number, end: number, hashSize: number): CacheTree {
  return new LazyCacheTree(buffer, start, end, hashSize);
}

/**
 * Records as parallel arrays (no object per directory). In pre-order a directory's first subtree is the record
 * after it, and each next one starts where the one before it ends (`after`, 0 until the subtree is parsed).
 */
interface Records {
  nameStart: Uint32Array;
  entryCount: Int32Array;
  /** Where the tree id lies, or -1 when the record is invalidated. */
  oidAt: Int32Array;
  subtrees: Int32Array;
  after: Int32Array;
}

class LazyCacheTree implements CacheTree {
  dropped = false;
  private records: Records;
  /** Records parsed so far, and where the next one starts. */
  private parsed = 0;
  private offset: number;
  private complete = false;
  /** Directories whose subtrees are still to come: their records, and how many subtrees each still has to come. */
  private readonly openRecord: number[] = [];
  private readonly openRemaining: number[] = [];
  private readonly childrenByName = new Map<number, Map<string, number>>();
  private everything?: Map<string, CacheTreeNode>;
  private decoder?: PathDecoder;
  private readonly estimate: number;

  constructor(
    private readonly buffer: Buffer,
    start: number,
    private readonly end: number,
    private readonly hashSize: number,
  ) {
    this.offset = start;
    // A valid record holds a tree id, so there are about (bytes / (hash size + 4)) of them: room for that many once
    // the parse goes beyond the first few (a hook inside `git commit` reads one), more if many are invalidated.
    this.estimate = Math.ceil((end - start) / (hashSize + 4)) + 1;
    this.records = newRecords(Math.min(64, this.estimate));
    if (start >= end) this.complete = true;
  }

  get root(): number {
    if (this.parsed === 0) this.parse(-1, 1);
    return this.dropped || this.parsed === 0 ? -1 : 0;
  }

  get size(): number {
    this.parseAll();
    return this.dropped ? 0 : this.parsed;
  }

  entryCount(record: number): number {
    return this.records.entryCount[record]!;
  }

  oid(record: number): string | null {
    const oidAt = this.records.oidAt[record]!;
    return oidAt < 0 ? null : this.buffer.toString('hex', oidAt, oidAt + this.hashSize);
  }

  child(record: number, rawName: string): number {
    let children = this.childrenByName.get(record);
    if (!children) {
      children = new Map(this.children(record));
      if (this.dropped) return -1;
      this.childrenByName.set(record, children);
    }
    return children.get(rawName) ?? -1;
  }

  children(record: number): readonly (readonly [string, number])[] {
    const children: [string, number][] = [];
    if (!this.parseSubtree(record)) return children;
    for (const child of this.childrenOf(record)) {
      const start = this.records.nameStart[child]!;
      children.push([this.buffer.toString('latin1', start, this.buffer.indexOf(NUL, start)), child]);
    }
    return children.sort(([a], [b]) => (directoryBefore(a, b) ? -1 : 1));
  }

  get(path: string): CacheTreeNode | undefined {
    let record = this.root;
    if (record < 0) return undefined;
    if (path !== '') {
      for (const name of path.split('/')) {
        record = this.child(record, Buffer.from(name, 'utf8').toString('latin1'));
        if (record < 0) return undefined;
      }
    }
    return this.node(path, record);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
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

  private *childrenOf(record: number): Generator<number> {
    for (let child = record + 1, k = 0; k < this.records.subtrees[record]!; k++) {
      yield child;
      child = this.records.after[child]!;
    }
  }

  /** Parses until the record's whole subtree is parsed; false when the tree was dropped. */
  private parseSubtree(record: number): boolean {
    if (this.records.after[record] === 0) this.parse(record, Infinity);
    return !this.dropped;
  }

  private parseAll(): void {
    this.parse(-1, Infinity);
  }

  /**
   * Parses records until `until`'s subtree is complete (-1: to the end), or `most` more records; at the end of the
   * data, checks that every announced subtree came. One loop over locals: a lookup in an invalidated root parses
   * the whole extension (90,000 records for a million entries).
   */
  private parse(until: number, most: number): void {
    if (this.complete) return;
    const { buffer, end, hashSize, openRecord, openRemaining } = this;
    let records = this.records;
    let parsed = this.parsed;
    let offset = this.offset;
    let malformed = false;
    for (let budget = most; budget > 0 && (until < 0 || records.after[until] === 0); budget--) {
      if (offset >= end) {
        // Every announced subtree must have been read.
        for (const remaining of openRemaining) if (remaining !== 0) malformed = true;
        for (const record of openRecord) records.after[record] = parsed;
        this.complete = true;
        break;
      }
      // A name is a few bytes: a loop costs less here than a call to Buffer#indexOf.
      const nameStart = offset;
      let nameEnd = nameStart;
      while (nameEnd < end && buffer[nameEnd] !== NUL) nameEnd++;
      let cursor = nameEnd + 1;
      let negative = false;
      if (cursor < end && buffer[cursor] === MINUS) {
        negative = true;
        cursor++;
      }
      const entryCountStart = cursor;
      let entryCount = 0;
      let byte = buffer[cursor]!;
      while (byte >= DIGIT_0 && byte <= DIGIT_9 && cursor < end) {
        entryCount = entryCount * 10 + byte - DIGIT_0;
        byte = buffer[++cursor]!;
      }
      if (nameEnd >= end || cursor === entryCountStart || cursor >= end || byte !== SPACE) {
        malformed = true;
        break;
      }
      if (negative) entryCount = -entryCount;
      cursor++;
      const subtreeCountStart = cursor;
      let subtreeCount = 0;
      byte = buffer[cursor]!;
      while (byte >= DIGIT_0 && byte <= DIGIT_9 && cursor < end) {
        subtreeCount = subtreeCount * 10 + byte - DIGIT_0;
        byte = buffer[++cursor]!;
      }
      if (cursor === subtreeCountStart || cursor >= end || byte !== NEWLINE) {
        malformed = true;
        break;
      }
      cursor++;
      let oidAt = -1;
      if (entryCount >= 0) {
        if (cursor + hashSize > end) {
          malformed = true;
          break;
        }
        oidAt = cursor;
        cursor += hashSize;
      }
      offset = cursor;

      // Close the directories whose subtrees have all come: the records after them start here.
      let top = openRecord.length - 1;
      while (top >= 0 && openRemaining[top] === 0) {
        records.after[openRecord.pop()!] = parsed;
        openRemaining.pop();
        top--;
      }
      if (top < 0 && parsed > 0) {
        malformed = true; // a second root: data after the tree ended
        break;
      }
      if (parsed === records.nameStart.length) records = grown(records, this.estimate);
      const record = parsed++;
      records.nameStart[record] = nameStart;
      records.entryCount[record] = entryCount;
      records.oidAt[record] = oidAt;
      records.subtrees[record] = subtreeCount;
      if (top >= 0) openRemaining[top]!--;
      openRecord.push(record);
      openRemaining.push(subtreeCount);
      // A directory without subtrees is closed by the record after it; at the end of the data, by the end.
      if (offset >= end) budget++;
    }
    this.records = records;
    this.parsed = parsed;
    this.offset = offset;
    if (malformed) this.drop();
  }

  private drop(): void {
    this.dropped = true;
    this.complete = true;
    this.childrenByName.clear();
  }

  private nameOf(record: number): string {
    const start = this.records.nameStart[record]!;
    this.decoder ??= new PathDecoder(this.buffer);
    return this.decoder.decode(start, this.buffer.indexOf(NUL, start));
  }

  private node(path: string, record: number): CacheTreeNode {
    const entryCount = this.entryCount(record);
    const oid = this.oid(record);
    return oid === null ? { path, entryCount } : { path, entryCount, oid };
  }

  /** Every record, decoded (tests and diagnostics; the walk reads records by number). */
  private all(): Map<string, CacheTreeNode> {
    this.parseAll();
    if (!this.everything) {
      const all = new Map<string, CacheTreeNode>();
      const visit = (record: number, path: string) => {
        all.set(path, this.node(path, record));
        for (const child of this.childrenOf(record)) {
          visit(child, path === '' ? this.nameOf(child) : `${path}/${this.nameOf(child)}`);
        }
      };
      if (!this.dropped && this.parsed > 0) visit(0, '');
      this.everything = all;
    }
    return this.everything;
  }
}

function newRecords(capacity: number): Records {
  return {
    nameStart: new Uint32Array(capacity),
    entryCount: new Int32Array(capacity),
    oidAt: new Int32Array(capacity),
    subtrees: new Int32Array(capacity),
    after: new Int32Array(capacity),
  };
}

function grown(records: Records, estimate: number): Records {
  const larger = newRecords(Math.max(records.nameStart.length * 2, estimate));
  larger.nameStart.set(records.nameStart);
  larger.entryCount.set(records.entryCount);
  larger.oidAt.set(records.oidAt);
  larger.subtrees.set(records.subtrees);
  larger.after.set(records.after);
  return larger;
}

const SLASH = 0x2f;

/**
 * Whether directory `a` comes before directory `b` among a tree's or the index's entries, which sort a directory as
 * `name/`: 'a-b' before 'a' ('-' < '/'), 'a0' after it. The same as `${a}/` < `${b}/`, without making two strings
 * per comparison.
 */
export function directoryBefore(a: string, b: string): boolean {
  if (a.length < b.length && b.startsWith(a)) return b.charCodeAt(a.length) > SLASH;
  if (b.length < a.length && a.startsWith(b)) return a.charCodeAt(b.length) < SLASH;
  return a < b;
}
