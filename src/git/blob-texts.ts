// Blob contents by object id, classified and decoded once per run. In a history walk a commit's old version of a
// file is usually the previous commit's new version: reading, inflating and decoding it again would double the
// work. Bounded by the characters held; the oldest entries go first.
import { classifyBlob, type BlobContent } from './blob-content.js';
import type { ObjectStore } from './object-store.js';

export class BlobTexts {
  private readonly entries = new Map<string, BlobContent>();
  private held = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly maxFileBytes: number,
    private readonly capacity = 16 * 1024 * 1024,
  ) {}

  get(oid: string): BlobContent {
    const cached = this.entries.get(oid);
    if (cached) return cached;
    const content = classifyBlob(this.store.readSync(oid).data, this.maxFileBytes);
    const size = content.kind === 'text' ? content.text.length : 0;
    if (size <= this.capacity / 4) {
      this.entries.set(oid, content);
      this.held += size;
      for (const [key, value] of this.entries) {
        if (this.held <= this.capacity) break;
        this.entries.delete(key);
        this.held -= value.kind === 'text' ? value.text.length : 0;
      }
    }
    return content;
  }
}
