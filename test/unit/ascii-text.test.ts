// textOf: the cheap decoding of the files the program reads on every commit, and its fallback.
import { describe, expect, it } from 'vitest';
import { textOf } from '../../src/ascii-text.js';

describe('textOf', () => {
  it('reads ASCII bytes as the same string UTF-8 decoding gives', () => {
    const bytes = Buffer.from('const x = /\\u2026/; // "quoted" \\n\n', 'utf8');
    expect(textOf(bytes)).toBe(bytes.toString('utf8'));
  });

  it('decodes anything else as UTF-8, not byte by byte', () => {
    const text = 'placeholder … • é 😀';
    expect(textOf(Buffer.from(text, 'utf8'))).toBe(text);
  });
});
