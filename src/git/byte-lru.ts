// A least-recently-used cache bounded by the total size of its values rather than their number: a history walk
// holds a few large blobs or many small ones, and only their size tells what they cost in memory.
// Used for resolved delta bases (object-store/store.ts, sized in bytes) and decoded blob texts (blob-texts.ts,
// sized in characters).

export class ByteLru<V> {
  // A Map iterates in insertion order: the first key is the least recently used.
  private readonly values = new Map<string, V>();
  private held = 0;

  constructor(
    /** The most the values may add up to. */
    private readonly limit: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value, marked as recently used. */
  get(key: string): V | undefined {
    const value = this.values.get(key);
    if (value !== undefined) {
      this.values.delete(key);
      this.values.set(key, value);
    }
    return value;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /**
   * Stores the value unless its key is already held or it alone would take more than a quarter of the limit (one
   * huge value would flush everything useful); then drops the least recently used values until the rest fit.
   * Returns whether the value was stored, and is therefore shared with the cache.
   */
  set(key: string, value: V): boolean {
    const size = this.sizeOf(value);
    if (size > this.limit / 4 || this.values.has(key)) return false;
    this.values.set(key, value);
    this.held += size;
    for (const [oldest, old] of this.values) {
      if (this.held <= this.limit) break;
      this.values.delete(oldest);
      this.held -= this.sizeOf(old);
    }
    return true;
  }

  clear(): void {
    this.values.clear();
    this.held = 0;
  }
}
