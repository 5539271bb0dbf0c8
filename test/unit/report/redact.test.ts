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
  it('masks the other secrets on the line too, also one cut by the edge of an excerpt', () => {
    const own = `AKIA${'B'.repeat(4)}CDEFGH234567`;
    const before = `AKIA${'J'.repeat(4)}KLMNOP234567`;
    const after = `AKIA${'R'.repeat(4)}STUVWX234567`;
    // The line is `{"a":"<before>","b":"<own>","c":"<after>"}`; the excerpt starts 9 characters into <before>.
    const line = `{"a":"${before}","b":"${own}","c":"${after}"}`;
    const start = 6 + 9;
    const excerpt = line.slice(start);
    const column = (s: string) => line.indexOf(s) + 1;
    const shown = redactLine(excerpt, [own], {
      others: [
        { secret: before, column: column(before) },
        { secret: after, column: column(after) },
      ],
      excerpt: { start, lineLength: line.length + 300 },
    });
    expect(shown).toBe(`…***********","b":"AKIA****************","c":"AKIA****************"}…`);
  });

  it('marks the cut ends of an excerpt even when it is short enough to show whole', () => {
    const secret = `AKIA${'Q'.repeat(4)}ABCDEFGH2345`;
    expect(redactLine(`x = "${secret}"`, [secret], { excerpt: { start: 3, lineLength: 900 } })).toBe(
      '…x = "AKIA****************"…',
    );
  });
});
