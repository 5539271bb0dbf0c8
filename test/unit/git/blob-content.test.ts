import { describe, expect, it } from 'vitest';
import { classifyBlob as classifyWithLimit } from '../../../src/git/blob-content.js';
import { DEFAULT_MAX_FILE_SIZE } from '../../../src/config/types.js';

const classifyBlob = (data: Buffer, limit = DEFAULT_MAX_FILE_SIZE) => classifyWithLimit(data, limit);

describe('classifyBlob', () => {
  it('reads UTF-8 text, dropping a BOM and CRLF line ends', () => {
    expect(classifyBlob(Buffer.from('\ufeffa\r\nb\r\n'))).toEqual({ kind: 'text', text: 'a\nb\n' });
  });
  it('reads UTF-16 with a byte-order mark as text', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key=sk_live_x', 'utf16le')]);
    expect(classifyBlob(le)).toEqual({ kind: 'text', text: 'key=sk_live_x' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(classifyBlob(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({
      kind: 'text',
      text: 'key=sk_live_x',
    });
  });
  it('keeps ASCII keys readable in invalid UTF-8 (Latin-1) files', () => {
    const latin1 = Buffer.from('caf\xe9 key=sk_live_abc\n', 'latin1');
    const result = classifyBlob(latin1);
    expect(result.kind).toBe('text');
    expect(result.kind === 'text' && result.text).toContain('key=sk_live_abc');
  });
  it('skips binary files, Git LFS pointers and files over the limit, with reasons', () => {
    expect(classifyBlob(Buffer.from([0x89, 0x50, 0, 0x47]))).toEqual({ kind: 'skipped', reason: 'binary file' });
    const lfs = Buffer.from(
      'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 12345\n',
    );
    expect(classifyBlob(lfs)).toMatchObject({ kind: 'skipped', reason: expect.stringContaining('Git LFS pointer') });
    expect(classifyBlob(Buffer.alloc(2048, 0x61), 1024)).toMatchObject({
      kind: 'skipped',
      reason: expect.stringContaining('too large'),
    });
  });
});
