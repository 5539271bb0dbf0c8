// Decides how a blob is read: as text (in whatever encoding a person would read it in), as binary whose printable
// runs are still searched, or not at all (an archive, an LFS pointer, over the size limit), with the reason.
// What git calls binary for display (a NUL in the first 8000 bytes, or a `-diff` attribute) is not what decides
// here: a key is found wherever a person could read it.
import { isAscii } from 'node:buffer';
import type { SkipReason } from '../skip-reason.js';

export type BlobContent =
  /**
   * `utf8AsLatin1`: the text holds the file's UTF-8 bytes one character per byte (Latin-1), not decoded. Keys are
   * ASCII, so matching is the same; offsets are byte offsets, and decoding 300 MB of history costs a quarter of the
   * time. Findings on such text are decoded properly before they are reported (src/commands/scan-changes.ts).
   */
  | { kind: 'text'; text: string; utf8AsLatin1?: boolean }
  /**
   * Binary content: `text` holds its printable runs (8 or more characters), one per line, and `lineNumbers` the
   * file line each run starts on. Only rules for keys with a prefix of their own run on it (`reason` says so).
   */
  | { kind: 'binary'; text: string; lineNumbers: number[]; reason: SkipReason }
  | { kind: 'skipped'; reason: SkipReason };

const SNIFF_BYTES = 8000;
/** Text with a stray NUL or control byte stays text while such bytes are fewer than this share of the sniff. */
const MAX_CONTROL_SHARE = 0.05;
const MIN_PRINTABLE_RUN = 8;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** `maxBytes`: the configured size limit (maxFileSize) above which a file is reported as not scanned. */
export function classifyBlob(data: Buffer, maxBytes: number): BlobContent {
  if (data.length > maxBytes)
    return { kind: 'skipped', reason: { kind: 'too-large', bytes: data.length, limit: maxBytes } };
  const withBom = byteOrderMark(data);
  if (withBom)
    return { kind: 'text', text: normaliseLineEnds(decode(data.subarray(withBom.length), withBom.encoding)) };
  const archive = archiveFormat(data);
  if (archive) return { kind: 'skipped', reason: { kind: 'archive', format: archive } };
  const sniff = data.subarray(0, Math.min(data.length, SNIFF_BYTES));
  if (sniff.includes(0)) {
    const unmarked = unmarkedWideEncoding(sniff);
    if (unmarked) return { kind: 'text', text: normaliseLineEnds(decode(data, unmarked)) };
    if (controlShare(sniff) >= MAX_CONTROL_SHARE) return printableRuns(data);
  }
  if (isLfsPointer(data)) return { kind: 'skipped', reason: { kind: 'lfs-pointer' } };
  // Plain ASCII reads the same either way; other UTF-8 (and invalid UTF-8, and Latin-1 files) is kept one
  // character per byte, and only findings are decoded.
  const text = normaliseLineEnds(data.toString('latin1'));
  return isAscii(data) ? { kind: 'text', text } : { kind: 'text', text, utf8AsLatin1: true };
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

function byteOrderMark(data: Buffer): { encoding: Encoding; length: number } | null {
  const [a, b, c, d] = [data[0], data[1], data[2], data[3]];
  // UTF-32 first: its little-endian mark begins with UTF-16's.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 or UTF-32 without a byte-order mark: text whose characters are mostly ASCII puts its NUL bytes in fixed
 * positions (every other byte, or three of every four). Decided on the sniffed bytes.
 */
function unmarkedWideEncoding(sniff: Buffer): Encoding | null {
  if (sniff.length < 8) return null;
  const zeros = [0, 0, 0, 0];
  const groups = Math.floor(sniff.length / 4);
  for (let i = 0; i < groups * 4; i++) if (sniff[i] === 0) zeros[i & 3]!++;
  const mostly = (count: number) => count >= groups * 0.9;
  const rarely = (count: number) => count <= groups * 0.1;
  if (rarely(zeros[0]!) && mostly(zeros[1]!) && mostly(zeros[2]!) && mostly(zeros[3]!)) return 'utf-32le';
  if (mostly(zeros[0]!) && mostly(zeros[1]!) && mostly(zeros[2]!) && rarely(zeros[3]!)) return 'utf-32be';
  if (rarely(zeros[0]!) && rarely(zeros[2]!) && mostly(zeros[1]!) && mostly(zeros[3]!)) return 'utf-16le';
  if (mostly(zeros[0]!) && mostly(zeros[2]!) && rarely(zeros[1]!) && rarely(zeros[3]!)) return 'utf-16be';
  return null;
}

function decode(data: Buffer, encoding: Encoding): string {
  switch (encoding) {
    case 'utf-8':
      return utf8.decode(data);
    case 'utf-16le':
      return data.toString('utf16le', 0, data.length & ~1);
    case 'utf-16be': {
      const swapped = Buffer.from(data.subarray(0, data.length & ~1));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case 'utf-32le':
    case 'utf-32be':
      return decodeUtf32(data, encoding === 'utf-32le');
  }
}

function decodeUtf32(data: Buffer, littleEndian: boolean): string {
  const parts: string[] = [];
  const codes: number[] = [];
  for (let at = 0; at + 4 <= data.length; at += 4) {
    const code = littleEndian ? data.readUInt32LE(at) : data.readUInt32BE(at);
    codes.push(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : 0xfffd);
    if (codes.length === 4096) parts.push(String.fromCodePoint(...codes.splice(0)));
  }
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}

function normaliseLineEnds(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** The share of bytes that no text holds: C0 controls other than tab, newline, form feed and carriage return. */
function controlShare(sniff: Buffer): number {
  let controls = 0;
  for (let i = 0; i < sniff.length; i++) {
    const byte = sniff[i]!;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  return controls / sniff.length;
}

/** The printable ASCII runs of a binary file, one per line, with the file line each starts on. */
function printableRuns(data: Buffer): BlobContent {
  const latin1 = data.toString('latin1');
  const runs: string[] = [];
  const lineNumbers: number[] = [];
  const run = new RegExp(`[\\t\\x20-\\x7e]{${MIN_PRINTABLE_RUN},}`, 'g');
  let line = 1;
  let counted = 0;
  for (let match = run.exec(latin1); match !== null; match = run.exec(latin1)) {
    for (let at = latin1.indexOf('\n', counted); at !== -1 && at < match.index; at = latin1.indexOf('\n', at + 1))
      line++;
    counted = match.index;
    runs.push(match[0]);
    lineNumbers.push(line);
  }
  return { kind: 'binary', text: runs.join('\n'), lineNumbers, reason: { kind: 'binary' } };
}

/** Compressed archives, by their magic numbers: their members are not unpacked. */
function archiveFormat(data: Buffer): string | null {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => data[i] === byte);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) return 'zip';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7z';
  if (starts(0x52, 0x61, 0x72, 0x21, 0x1a, 0x07)) return 'rar';
  if (data.length >= 262 && data.toString('latin1', 257, 262) === 'ustar') return 'tar';
  return null;
}

const LFS_POINTER =
  /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n(?:ext-[0-9]-[a-z0-9.-]{1,64} sha256:[0-9a-f]{64}\n){0,9}oid sha256:[0-9a-f]{64}\nsize (?:0|[1-9][0-9]{0,18})\n$/;

/**
 * Only a strictly valid Git LFS pointer is a pointer (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md):
 * the version line, optional extension lines, the oid and the size, each ending in a newline, under 1024 bytes.
 * Anything else that merely starts with the version line is scanned as text.
 */
function isLfsPointer(data: Buffer): boolean {
  return data.length < 1024 && LFS_POINTER.test(data.toString('latin1'));
}
