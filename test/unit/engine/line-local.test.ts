// isLineLocal: true only for patterns whose matches and lookarounds cannot read across a line break.
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../../src/engine/compile.js';
import { isLineLocal } from '../../../src/engine/line-local.js';
import { scan } from '../../../src/engine/scan.js';

describe('isLineLocal', () => {
  it.each([
    ['sk_live_(?<secret>[A-Za-z0-9]{24})'],
    ['(?<![A-Za-z0-9])(?<secret>pat[A-Za-z0-9]{14}\\.[a-f0-9]{64})(?![A-Za-z0-9_])'],
    // Single-character lookarounds may test the newline at the line's edge (the window holds it).
    ['token[ \\t]{0,4}=[ \\t]{0,4}(?<secret>[^\\s"\']{8,64})(?=[\\s"\'\\x60]|$)'],
    ['(?<=[\\s=])(?<secret>[a-f0-9]{32})'],
    ['[^"\'\\r\\n]{1,10}'],
    ['[^\\s]{1,10}'],
    ['[^\\W]{1,10}'],
    ['[^\\x00-\\x1f]{1,10}'],
    ['(?:a|b)\\S{1,4}\\w\\d.'],
    ['^password[ \\t]{1,8}(?<secret>\\S{6,64})$'],
    ['a{2}b{1,}c\\{'],
    ['[\\b]x'],
    ['\\0'],
    // Without the u flag, \p is the letter p and {L} is literal text, as V8 reads it.
    ['\\p{L}'],
  ])('accepts %s', (pattern) => {
    expect(isLineLocal(pattern)).toBe(true);
  });

  it.each([
    ['key\\s*=\\s*(?<secret>\\w{8})', '\\s can read a newline'],
    ['key[ \\t\\n]=x', 'a class with \\n'],
    ['key[\\x00-\\x7f]=x', 'a range over the newline'],
    ['key[^a-z]=x', 'a negated class without the newline'],
    ['key\\W=x', '\\W'],
    ['key\\D=x', '\\D'],
    ['key\\x0a', '\\x0a'],
    ['key\\u000A', '\\u000A'],
    ['key\\cJ', '\\cJ'],
    ['key\\012', 'legacy octal newline'],
    ['tok[\\12]x', 'a legacy octal newline in a class'],
    ['tok[\\0-\\12]x', 'a class range up to a legacy octal newline'],
    ['key\n', 'a literal newline'],
    ['[^]', 'the any-character class'],
    ['(?=\\s\\w)', 'a lookahead that reads past a newline'],
    ['(?=\\s{1,2})', 'a quantified newline test in a lookahead'],
    ['(?<=(?:\\s))', 'a newline test inside a group inside a lookbehind'],
    ['(a)\\1', 'a backreference'],
    ['(?<n>a)\\k<n>', 'a named backreference'],
    ['(a', 'an unbalanced group'],
    ['a)', 'an unbalanced parenthesis'],
    ['*a', 'a dangling quantifier'],
    ['[a-', 'an unterminated class'],
  ])('refuses %s (%s)', (pattern) => {
    expect(isLineLocal(pattern)).toBe(false);
  });

  it('agrees with V8 on the legacy escapes that read a newline', () => {
    for (const pattern of ['tok[\\12]x', 'tok\\12x', 'tok[\\n]x', 'tok\\cJx']) {
      expect(new RegExp(pattern).test('tok\nx'), pattern).toBe(true);
      expect(isLineLocal(pattern), pattern).toBe(false);
    }
    expect(new RegExp('\\p{L}').test('p{L}')).toBe(true);
  });
});

describe('a rule whose pattern reads a newline through a legacy octal escape', () => {
  it('runs on the whole text, so its match across a line break is found', () => {
    const rule = {
      id: 'acme-split-key',
      title: 'ACME key split over a line break',
      severity: 'high' as const,
      keywords: ['acmekey'],
      pattern: 'acmekey[\\12](?<secret>[a-z0-9]{12})',
      examples: [],
      negativeExamples: [],
    };
    const findings = scan(compileCatalog([rule]), { path: 'a.txt', text: 'acmekey\nq8w7e6r5t4y3\n' });
    expect(findings.map((f) => f.secret)).toEqual(['q8w7e6r5t4y3']);
  });
});
