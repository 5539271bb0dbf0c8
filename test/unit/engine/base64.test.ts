// The one test of "base64 of printable text", with the thresholds its three callers need.
import { describe, expect, it } from 'vitest';
import { decodeBase64, printableBase64 } from '../../../src/engine/base64.js';

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');

describe('printableBase64', () => {
  it('decodes standard and URL-safe base64 of printable text, tabs and line breaks included', () => {
    expect(printableBase64(b64('user:s3cret-pass'), { minDecodedLength: 8 })).toBe('user:s3cret-pass');
    expect(printableBase64(b64('line one\r\n\tline two'), { minDecodedLength: 8 })).toBe('line one\r\n\tline two');
    const urlSafe = Buffer.from('??>>??>>??>>').toString('base64url');
    expect(urlSafe).toMatch(/[-_]/);
    expect(printableBase64(urlSafe, { minDecodedLength: 8 })).toBe('??>>??>>??>>');
    expect(decodeBase64(urlSafe)).toBe('??>>??>>??>>');
  });

  it('refuses binary, other control characters and too short a text', () => {
    expect(printableBase64(b64('abc\u0000defgh'), { minDecodedLength: 8 })).toBeUndefined();
    expect(printableBase64(b64('abc\u000bdefgh'), { minDecodedLength: 8 })).toBeUndefined();
    expect(printableBase64(b64('caf\u00e9 latte'), { minDecodedLength: 8 })).toBeUndefined();
    expect(printableBase64(b64('p4ssw0'), { minDecodedLength: 8 })).toBeUndefined();
    expect(printableBase64(b64('p4ssw0'), { minDecodedLength: 6 })).toBe('p4ssw0');
  });

  it('with wholeQuads, takes only a whole value of one alphabet', () => {
    const whole = { minDecodedLength: 6, wholeQuads: true };
    expect(printableBase64(b64('p4ssw0rd!'), whole)).toBe('p4ssw0rd!');
    // Node ignores what is not base64; a whole-value check does not.
    expect(printableBase64(`${b64('p4ssw0rd!')}.x`, { minDecodedLength: 6 })).toBe('p4ssw0rd!');
    expect(printableBase64(`${b64('p4ssw0rd!')}.x`, whole)).toBeUndefined();
    expect(printableBase64(b64('p4ssw0rd!').slice(0, -1), whole)).toBeUndefined();
    expect(printableBase64('ab+/cd-_ef+/', whole)).toBeUndefined();
  });
});
