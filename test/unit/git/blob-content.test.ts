// How blob bytes are read: whatever a person could read is scanned as text; binary content still has its printable
// runs searched; only archives, valid LFS pointers and oversized files are not read, and each says why.
import { describe, expect, it } from 'vitest';
import { classifyBlob as classifyWithLimit, type BlobContent } from '../../../src/git/blob-content.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../../src/config/types.js';

const classifyBlob = (data: Buffer, limit = DEFAULT_MAX_FILE_SIZE) => classifyWithLimit(data, limit);
const textOf = (content: BlobContent) => (content.kind === 'skipped' ? null : content.text);
const utf32 = (text: string, littleEndian: boolean) => {
  const out = Buffer.alloc(text.length * 4);
  [...text].forEach((char, i) =>
    (littleEndian ? out.writeUInt32LE : out.writeUInt32BE).call(out, char.codePointAt(0)!, i * 4),
  );
  return out;
};
const line = 'key=sk_live_abcdefghijklmnop';

describe('classifyBlob', () => {
  it('reads UTF-8 text, dropping a BOM and CRLF line ends', () => {
    expect(classifyBlob(Buffer.from('\ufeffa\r\nb\r\n'))).toEqual({ kind: 'text', text: 'a\nb\n' });
  });

  it('keeps non-ASCII UTF-8 and Latin-1 one character per byte, ASCII keys readable', () => {
    const utf8 = classifyBlob(Buffer.from(`café ${line}\n`));
    expect(utf8).toEqual({ kind: 'text', text: Buffer.from(`café ${line}\n`).toString('latin1'), utf8AsLatin1: true });
    const latin1 = classifyBlob(Buffer.from(`caf\xe9 ${line}\n`, 'latin1'));
    expect(textOf(latin1)).toContain(line);
  });

  it('reads UTF-16 and UTF-32, with or without a byte-order mark', () => {
    const le16 = Buffer.from(line, 'utf16le');
    const be16 = Buffer.from(le16).swap16();
    expect(textOf(classifyBlob(Buffer.concat([Buffer.from([0xff, 0xfe]), le16])))).toBe(line);
    expect(textOf(classifyBlob(Buffer.concat([Buffer.from([0xfe, 0xff]), be16])))).toBe(line);
    expect(textOf(classifyBlob(le16))).toBe(line);
    expect(textOf(classifyBlob(be16))).toBe(line);
    expect(textOf(classifyBlob(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(line, true)])))).toBe(line);
    expect(textOf(classifyBlob(Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(line, false)])))).toBe(line);
    expect(textOf(classifyBlob(utf32(line, true)))).toBe(line);
    expect(textOf(classifyBlob(utf32(line, false)))).toBe(line);
  });

  it('reads text with a stray NUL or control byte as text', () => {
    const data = Buffer.from(`header\0\n${'ordinary text line\n'.repeat(20)}${line}\n`);
    const content = classifyBlob(data);
    expect(content.kind).toBe('text');
    expect(textOf(content)).toContain(line);
  });

  it('searches the printable runs of binary content, with the line each starts on', () => {
    const binary = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 0x0a, 0, 5, 0x0a]),
      Buffer.from(line),
      Buffer.from([0, 0, 7, 8, 0, 0xff, 0xfe, 0, 1]),
    ]);
    const content = classifyBlob(binary);
    expect(content).toEqual({ kind: 'binary', text: line, lineNumbers: [3], reason: { kind: 'binary' } });
  });

  it('lists archives as not unpacked', () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(line)]);
    expect(classifyBlob(zip)).toEqual({ kind: 'skipped', reason: { kind: 'archive', format: 'zip' } });
    const gzip = Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from(line)]);
    expect(classifyBlob(gzip)).toEqual({ kind: 'skipped', reason: { kind: 'archive', format: 'gzip' } });
    const tar = Buffer.alloc(1024);
    tar.write('ustar', 257, 'latin1');
    expect(classifyBlob(tar)).toEqual({ kind: 'skipped', reason: { kind: 'archive', format: 'tar' } });
  });

  it('accepts only a strictly valid Git LFS pointer as a pointer', () => {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 12345\n`;
    expect(classifyBlob(Buffer.from(pointer))).toEqual({ kind: 'skipped', reason: { kind: 'lfs-pointer' } });
    const extended = `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${'b'.repeat(64)}\noid sha256:${'a'.repeat(64)}\nsize 1\n`;
    expect(classifyBlob(Buffer.from(extended)).kind).toBe('skipped');
    for (const fake of [
      `version https://git-lfs.github.com/spec/v1\n${line}\n`,
      `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 12345\n${line}\n`,
      `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(63)}\nsize 1\n`,
      `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 1`,
    ]) {
      expect(classifyBlob(Buffer.from(fake)).kind, fake).toBe('text');
    }
  });

  it('skips files over the limit, saying how large they are', () => {
    expect(classifyBlob(Buffer.alloc(2048, 0x61), 1024)).toEqual({
      kind: 'skipped',
      reason: { kind: 'too-large', bytes: 2048, limit: 1024 },
    });
  });
});
