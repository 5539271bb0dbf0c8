// Inline allow comments: a marker written as a directive silences its line (or the next); a marker quoted in
// documentation, a message or a string is a mention, and neither silences nor counts as a stale allow comment.
import { describe, expect, it } from 'vitest';
import { allowComments, hasNextLineMarker, hasSameLineMarker } from '../../../src/engine/allow.js';

describe('allow comments', () => {
  it('are directives in any comment syntax', () => {
    for (const line of ['x = 1 // secret-hook:allow', 'x = 1  # secret-hook:allow', '<!-- secret-hook:allow -->']) {
      expect(hasSameLineMarker(line), line).toBe(true);
    }
    expect(hasNextLineMarker('# secret-hook:allow-next-line')).toBe(true);
    expect(hasSameLineMarker('# secret-hook:allow-next-line')).toBe(false);
    expect(hasSameLineMarker('x = 1 # gitleaks:allow')).toBe(true);
  });

  it('are mentions when quoted: README prose, messages, strings', () => {
    for (const line of [
      'A false positive? `secret-hook:allow` in a comment on its line',
      "return `A false positive? ${keep('secret-hook:allow')} at the end of its line.`;",
      'print("write \\"secret-hook:allow\\" after it")',
    ]) {
      expect(hasSameLineMarker(line), line).toBe(false);
    }
    expect(hasNextLineMarker('(`secret-hook:allow-next-line` above it)')).toBe(false);
  });

  it('counts a directive on a line that also mentions the marker', () => {
    expect(hasSameLineMarker("msg = 'see `secret-hook:allow`'  # secret-hook:allow")).toBe(true);
    expect(allowComments('a\n`secret-hook:allow` is documented here\nb // secret-hook:allow\n')).toEqual([
      { line: 3, silences: 3 },
    ]);
  });
});
