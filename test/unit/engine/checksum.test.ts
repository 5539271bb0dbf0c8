import { describe, expect, it } from 'vitest';
import { base62, crc32, hasValidBase62Checksum } from '../../../src/engine/checksum.js';

describe('checksums', () => {
  it('computes the IEEE CRC32', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });
  it('encodes base62 with padding', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 2)).toBe('0z');
    expect(base62(62, 2)).toBe('10');
  });
  it('accepts a body whose last six characters are its checksum, and rejects one wrong character', () => {
    const payload = 'abcdefghijABCDEFGHIJ0123456789';
    const body = payload + base62(crc32(payload), 6);
    expect(hasValidBase62Checksum(body)).toBe(true);
    expect(hasValidBase62Checksum(`b${body.slice(1)}`)).toBe(false);
  });
});
