// Blob contents by object id, classified and decoded once per run. In a history walk a commit's old version of a
// file is usually the previous commit's new version: reading, inflating and decoding it again would double the
// work. Bounded by the characters held; the least recently used contents go first.
// Contents come from our own object reader, or are handed in by a commit scan that streams them from git
// (`provide`); either way the same bytes are classified the same way.
import { GitObjectError } from '../errors.js';
import { classifyBlob, type BlobContent } from './blob-content.js';
import { ByteLru } from './byte-lru.js';
import type { ObjectStore } from './object-store/store.js';

/** Characters of decoded text kept between changes. */
const CAPACITY = 16 * 1024 * 1024;

export class BlobTexts {
  private readonly cache: ByteLru<BlobContent>;
  /** Contents handed in for the change being scanned, whatever their size; dropped by `release`. */
  private readonly provided = new Map<string, BlobContent>();

  constructor(
    private readonly store: ObjectStore,
    private readonly maxFileBytes: number,
  ) {
    this.cache = new ByteLru(CAPACITY, (content) => (content.kind === 'skipped' ? 0 : content.text.length));
  }

  get(oid: string): BlobContent {
    const cached = this.cache.get(oid) ?? this.provided.get(oid);
    if (cached) return cached;
    return this.remember(oid, classifyBlob(this.store.read(oid).data, this.maxFileBytes));
  }

  /**
   * The content, or null when the object is not in the repository at all (a partial clone that never fetched
   * it). Damaged objects still throw: missing and corrupt are different answers.
   */
  getIfPresent(oid: string): BlobContent | null {
    try {
      return this.get(oid);
    } catch (error) {
      if (error instanceof GitObjectError && !this.store.has(oid)) return null;
      throw error;
    }
  }

  has(oid: string): boolean {
    return this.cache.has(oid) || this.provided.has(oid);
  }

  /** Marks a cached content as recently used, so that a scan about to need it finds it still cached. */
  touch(oid: string): void {
    this.cache.get(oid);
  }

  /** Hands in an object's bytes read elsewhere (from git); kept at least until `release`. */
  provide(oid: string, data: Buffer): void {
    if (this.has(oid)) return;
    this.provided.set(oid, classifyBlob(data, this.maxFileBytes));
  }

  /** The change that needed these is scanned: keep what fits in the cache, drop the rest. */
  release(oids: readonly string[]): void {
    for (const oid of oids) {
      const content = this.provided.get(oid);
      if (!content) continue;
      this.provided.delete(oid);
      this.remember(oid, content);
    }
  }

  private remember(oid: string, content: BlobContent): BlobContent {
    this.cache.set(oid, content);
    return content;
  }
}
