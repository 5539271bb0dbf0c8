// Positioned reads of a file opened through the read-only door: the object store reads pack indexes and packs by
// the slice, never whole (unless small).
import { readOnlyFs as fs } from '../read-only-fs.js';

/** `length` bytes from `position`; fewer when the file ends first. */
export function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}
