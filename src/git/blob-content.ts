// Decides how a blob is read: as text (with its encoding), or skipped with a reason the user sees.
// Binary: a NUL byte in the first 8000 bytes, as git itself decides. UTF-16 with a byte-order mark is text.

export type BlobContent = { kind: 'text'; text: string } | { kind: 'skipped'; reason: string };

const SNIFF_BYTES = 8000;
const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1';
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** `maxBytes`: the configured size limit (maxFileSize) above which a file is reported as not scanned. */
export function classifyBlob(data: Buffer, maxBytes: number): BlobContent {
  if (data.length > maxBytes) {
    return { kind: 'skipped', reason: `too large (${formatBytes(data.length)}, limit ${formatBytes(maxBytes)})` };
  }
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
    return { kind: 'text', text: data.toString('utf16le', 2) };
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2));
    swapped.swap16();
    return { kind: 'text', text: swapped.toString('utf16le') };
  }
  const sniffEnd = Math.min(data.length, SNIFF_BYTES);
  if (data.subarray(0, sniffEnd).includes(0)) return { kind: 'skipped', reason: 'binary file' };
  if (data.length < 200 && data.toString('latin1', 0, LFS_POINTER.length) === LFS_POINTER) {
    return { kind: 'skipped', reason: 'Git LFS pointer (the content lives in LFS storage)' };
  }
  const start = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  // Invalid UTF-8 decodes to U+FFFD: keys are ASCII, so matching is unaffected (Latin-1 files included).
  const text = utf8.decode(data.subarray(start));
  return { kind: 'text', text: text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
