// The object store: reads git objects by id from an objects directory and its alternates, read-only. It exists
// because isomorphic-git reads and checksums a whole pack and its whole .idx on the first lookup; a hook must cost
// time proportional to the change, not the repository. Here a lookup reads only a slice of a pack index
// (pack-index.ts), and an object is read from its pack with positioned reads of just its own bytes, plus its delta
// bases (pack-file.ts, delta.ts); loose objects are one file each (loose-object.ts).
//
// The store is opened for one object format (SHA-1 or SHA-256, from the repository's config): it sets the size of
// the names in pack indexes, in REF_DELTA headers and of the pack and index checksums.
//
// Integrity: every inflate checks zlib's adler32 and the declared size, deltas are bounds-checked and their result
// size checked, so damaged data raises GitObjectError instead of coming back short or wrong. No object's content is
// hashed against its name, loose or packed, as git does not outside `git fsck`: hashing every object rebuilt in a
// history walk would dominate its cost, and zlib already checks the stored bytes.

import { GitObjectError } from '../../errors.js';
import { ByteLru } from '../byte-lru.js';
import { hashSize, isObjectId, type ObjectFormat } from '../object-id.js';
import { CorruptData } from './corrupt-data.js';
import { applyDelta } from './delta.js';
import { readLooseObject } from './loose-object.js';
import { openObjectDirectories, type ObjectDirectory, type ObjectLocation } from './object-directory.js';
import type { PackedHeader, PackFile } from './pack-file.js';

import type { ObjectType } from '../../errors.js';

export type { ObjectType } from '../../errors.js';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

export interface ObjectStore {
  /** The hash that names the objects: ids passed in and handed out have its length. */
  readonly format: ObjectFormat;
  /**
   * The object's type and content; throws GitObjectError when it is missing or damaged. Synchronous: the hook is a
   * short-lived process, and waiting on the thread pool only adds latency.
   */
  read(oid: string): GitObject;
  has(oid: string): boolean;
  /** Closes the file descriptors the store opened. Later reads throw. */
  close(): void;
}

export interface StoreOptions {
  /** Pack indexes up to this size are read whole on opening; larger ones in slices (tests lower it). */
  wholeIndexBytes?: number;
  /** Names read around an id's guessed place in a large pack index (tests lower it). */
  guessNames?: number;
  /**
   * More objects directories to search, each with its own alternates: GIT_ALTERNATE_OBJECT_DIRECTORIES (in a
   * pre-receive hook, the repository's objects beside the quarantined push; see object-environment.ts).
   */
  alternates?: readonly string[];
}

/**
 * Opens the object database at `objectsDir` (`<common git dir>/objects`, or GIT_OBJECT_DIRECTORY) and its
 * alternates, for a repository whose objects are named by `format` (Repository.objectFormat).
 */
export function openObjectStore(objectsDir: string, format: ObjectFormat, options: StoreOptions = {}): ObjectStore {
  return new Store(objectsDir, format, options);
}

/** Resolved pack objects kept for history walks, whose delta chains share their bases; bounded by bytes. */
const CACHE_BYTES = 32 * 1024 * 1024;
/** Chains are usually ≤ 50 deep; a longer one means a REF_DELTA cycle in a corrupt pack. */
const MAX_CHAIN = 10_000;

class Store implements ObjectStore {
  private readonly directories: ObjectDirectory[];
  /** Resolved pack objects by pack and offset. */
  private readonly cache = new ByteLru<GitObject>(CACHE_BYTES, (object) => object.data.length);
  private closed = false;

  constructor(
    private readonly objectsDir: string,
    readonly format: ObjectFormat,
    options: StoreOptions,
  ) {
    this.directories = openObjectDirectories(objectsDir, hashSize(format), options);
  }

  read(oid: string): GitObject {
    const id = this.checkOid(oid);
    let location: ObjectLocation | undefined;
    try {
      location = this.locate(id);
      if (location === undefined) throw this.missing(id);
      if ('loosePath' in location) return readLooseObject(id, location.loosePath);
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cache.clear();
    for (const directory of this.directories) directory.close();
  }

  /** Anything that is not already a GitObjectError (a pack index that breaks off, EIO) becomes one. */
  private wrap(oid: string, error: unknown, location: ObjectLocation | undefined): GitObjectError {
    if (error instanceof GitObjectError) return error;
    const file =
      location === undefined ? this.objectsDir : 'loosePath' in location ? location.loosePath : location.pack.path;
    return new GitObjectError(oid, { kind: 'unreadable', detail: detailOf(error), file });
  }

  private checkOid(oid: string): string {
    if (this.closed) throw new GitObjectError(oid, { kind: 'store-closed' });
    const id = oid.toLowerCase();
    if (!isObjectId(id, this.format)) throw new GitObjectError(oid, { kind: 'invalid-id', format: this.format });
    return id;
  }

  /** Each directory in turn; after a miss, look for packs written since the store was opened. */
  private locate(oid: string): ObjectLocation | undefined {
    const raw = Buffer.from(oid, 'hex');
    for (const directory of this.directories) {
      const found = directory.locate(oid, raw);
      if (found) return found;
    }
    let added = false;
    for (const directory of this.directories) added = directory.scanPacks() || added;
    if (!added) return undefined;
    for (const directory of this.directories) {
      const found = directory.locate(oid, raw);
      if (found) return found;
    }
    return undefined;
  }

  private missing(oid: string): GitObjectError {
    return new GitObjectError(oid, {
      kind: 'missing',
      searched: this.directories.map((directory) => directory.dir),
      unreadableIndexes: this.directories.flatMap((directory) => directory.unreadableIndexes),
    });
  }

  /**
   * Walks the delta chain down to a cached or whole object, then applies the deltas back up.
   * Iterative, so 50+ deep chains cost no stack.
   */
  private readPacked(oid: string, pack: PackFile, offset: number): GitObject {
    const chain: { pack: PackFile; header: PackedHeader }[] = [];
    let base: GitObject | undefined;
    let fromCache = false;
    let current = { pack, offset };
    for (;;) {
      if (chain.length > MAX_CHAIN) {
        throw new GitObjectError(oid, {
          kind: 'corrupt',
          detail: 'delta chain loops',
          file: current.pack.path,
          offset: current.offset,
        });
      }
      const key = `${current.pack.id}:${current.offset}`;
      const cached = this.cache.get(key);
      if (cached !== undefined) {
        base = cached;
        fromCache = true;
        break;
      }
      const header = this.step(oid, current.pack, current.offset, () => current.pack.readHeader(current.offset));
      if (header.type !== undefined) {
        const at = current;
        const data = this.step(oid, at.pack, at.offset, () => at.pack.inflate(header));
        base = { type: header.type, data };
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
        throw new GitObjectError(oid, {
          kind: 'missing-delta-base',
          base: baseOid,
          file: current.pack.path,
          offset: current.offset,
        });
      }
      if ('loosePath' in where) {
        base = readLooseObject(baseOid, where.loosePath);
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
  private step<T>(oid: string, pack: PackFile, offset: number, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof GitObjectError) throw error;
      const kind = error instanceof CorruptData ? 'corrupt' : 'unreadable';
      throw new GitObjectError(oid, { kind, detail: detailOf(error), file: pack.path, offset });
    }
  }
}

/** The low-level detail of a failure inside the store: what the data is missing, or the system's error. */
function detailOf(error: unknown): string {
  return error instanceof CorruptData ? error.detail : (error as Error).message;
}
