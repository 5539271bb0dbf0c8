// isLineLocal: true only for patterns whose matches and lookarounds cannot read across a line break.
import { describe, expect, it } from 'vitest';
import { isLineLocal } from '../../../src/engine/line-local.js';

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
    ['key\n', 'a literal newline'],
    ['[^]', 'the any-character class'],
    ['(?=\\s\\w)', 'a lookahead that reads past a newline'],
    ['(?=\\s{1,2})', 'a quantified newline test in a lookahead'],
    ['(?<=(?:\\s))', 'a newline test inside a group inside a lookbehind'],
    ['(a)\\1', 'a backreference'],
    ['(?<n>a)\\k<n>', 'a named backreference'],
    ['\\p{L}', 'a property escape (needs the u flag)'],
    ['(a', 'an unbalanced group'],
    ['a)', 'an unbalanced parenthesis'],
    ['*a', 'a dangling quantifier'],
    ['[a-', 'an unterminated class'],
  ])('refuses %s (%s)', (pattern) => {
    expect(isLineLocal(pattern)).toBe(false);
  });
});
