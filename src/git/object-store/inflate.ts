// zlib for object data, loose and packed. Every inflate checks zlib's adler32 and the size the object's header
// declares, so damaged data raises CorruptData instead of coming back short or wrong.
import * as zlib from 'node:zlib';
import { CorruptData } from './corrupt-data.js';

/**
 * Inflates a zlib stream expected to hold exactly `size` bytes. Trailing bytes after the stream end are ignored
 * by Node; a stream cut short raises zlib's Z_BUF_ERROR, which PackFile.inflate uses to grow its window and retry.
 */
export function inflateExact(input: Buffer, size: number): Buffer {
  let out: Buffer;
  try {
    out = zlib.inflateSync(input, {
      // Refuse to produce more than the header promised (also bounds a corrupt "zip bomb").
      maxOutputLength: Math.max(size, 1),
      chunkSize: Math.min(Math.max(size + 1, 64), 1024 * 1024),
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CorruptData(`size mismatch (inflates to more than the ${size} bytes its header says)`);
    }
    throw error;
  }
  if (out.length !== size) throw new CorruptData(`size mismatch (header says ${size} bytes, data has ${out.length})`);
  return out;
}

/** The detail of a zlib failure: its code and message. */
export function zlibDetail(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return `bad zlib data (${e.code ?? 'error'}: ${e.message ?? String(error)})`;
}
