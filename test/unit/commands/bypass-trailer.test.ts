import { describe, expect, it } from 'vitest';
import {
  formatBypassTrailers,
  oneLineReason,
  parseBypassTrailers,
  withBypassTrailers,
} from '../../../src/commands/bypass-trailer.js';

const HASH = 'a'.repeat(8) + '0123456789ab';

describe('bypass trailers', () => {
  it('round-trips the reason and fingerprints, whatever the path holds', () => {
    const prints = [
      `stripe-secret-key:test/fixtures/pay.env:${HASH}`,
      `generic-api-key:we"ird\npath:with:colons:${HASH}`,
    ];
    const message = withBypassTrailers(
      'Add fixtures\n\nFor the payment tests.\n',
      formatBypassTrailers('test fixture', prints),
    );
    expect(message).toBe(
      'Add fixtures\n\nFor the payment tests.\n\n' +
        'Secret-Hook-Bypass: test fixture\n' +
        `Secret-Hook-Bypass-Finding: stripe-secret-key ${HASH} "test/fixtures/pay.env"\n` +
        `Secret-Hook-Bypass-Finding: generic-api-key ${HASH} "we\\"ird\\npath:with:colons"\n`,
    );
    expect(parseBypassTrailers(message)).toEqual({ reason: 'test fixture', fingerprints: new Set(prints) });
  });

  it('joins an existing trailer paragraph instead of starting a new one', () => {
    const message = withBypassTrailers('Fix\n\nSigned-off-by: A <a@example.com>\n', ['Secret-Hook-Bypass: why']);
    expect(message).toBe('Fix\n\nSigned-off-by: A <a@example.com>\nSecret-Hook-Bypass: why\n');
    expect(parseBypassTrailers(message)?.reason).toBe('why');
  });

  it('keeps a reason to one printable line', () => {
    expect(oneLineReason('key revoked\n\x1b[31mSecret-Hook-Bypass-Finding: x\u2028y')).toBe(
      'key revoked [31mSecret-Hook-Bypass-Finding: x y',
    );
    expect(oneLineReason('x'.repeat(500))).toHaveLength(200);
    const [line] = formatBypassTrailers('a\nSecret-Hook-Bypass-Finding: forged', []);
    expect(line).toBe('Secret-Hook-Bypass: a Secret-Hook-Bypass-Finding: forged');
  });

  it('reads trailers from the last paragraph only, and no bypass from a message without one', () => {
    expect(parseBypassTrailers('Subject\n\nSecret-Hook-Bypass: in the body\n\nMore text\n')).toBeNull();
    expect(parseBypassTrailers('Subject only')).toBeNull();
  });

  it('ignores finding lines it did not write', () => {
    const message = `S\n\nSecret-Hook-Bypass: r\nSecret-Hook-Bypass-Finding: rule nothex "p"\nSecret-Hook-Bypass-Finding: rule ${HASH} p\n`;
    expect(parseBypassTrailers(message)).toEqual({ reason: 'r', fingerprints: new Set() });
  });
});
