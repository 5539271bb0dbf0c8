import { describe, expect, it } from 'vitest';
import { redact, redactLine } from '../../../src/report/redact.js';

describe('redact', () => {
  it('keeps the documented prefix and the last four characters of long keys', () => {
    const secret = `sk_live_${'a1B2'.repeat(10)}`;
    const shown = redact(secret);
    expect(shown.startsWith('sk_live_')).toBe(true);
    expect(shown.endsWith('a1B2')).toBe(true);
    expect(shown).not.toContain('a1B2a1B2');
  });
  it('masks short secrets entirely after the prefix', () => {
    expect(redact('pk_0123456789')).toBe('pk_**********');
    expect(redact('hunter2hunter')).toBe('*************');
  });
  it('redacts each half of a pair', () => {
    expect(redact('0123456789abcdef0123:fedcba98765432100123')).toBe('****************0123:****************0123');
  });
  it('masks the secret in the line and shortens long lines around it', () => {
    const secret = `AKIA${'Q'.repeat(4)}ABCDEFGH2345`;
    const line = `${'x'.repeat(500)} key=${secret} ${'y'.repeat(500)}`;
    const shown = redactLine(line, [secret]);
    expect(shown).not.toContain(secret);
    expect(shown.length).toBeLessThan(170);
    expect(shown).toContain('AKIA');
  });
});
