import { describe, expect, it } from 'vitest';
import { isDeletion, parseReceivedRefs } from '../../../src/git/received-refs.js';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);
const zero = '0'.repeat(40);

describe('parseReceivedRefs', () => {
  it('reads one ref per line: creations, updates and deletions', () => {
    const parsed = parseReceivedRefs(
      `${zero} ${a} refs/heads/new\n${a} ${b} refs/heads/main\n${b} ${zero} refs/tags/old\n`,
      'sha1',
    );
    expect(parsed).toEqual({
      refs: [
        { ref: 'refs/heads/new', oldOid: zero, newOid: a },
        { ref: 'refs/heads/main', oldOid: a, newOid: b },
        { ref: 'refs/tags/old', oldOid: b, newOid: zero },
      ],
    });
    if ('refs' in parsed) expect(parsed.refs.map((r) => isDeletion(r, 'sha1'))).toEqual([false, false, true]);
  });

  it('names the first line it cannot read: what is pushed must be known', () => {
    expect(parseReceivedRefs(`${a} ${b}\n`, 'sha1')).toEqual({ unreadable: `${a} ${b}` });
    expect(parseReceivedRefs(`${a} ${b} refs/heads/x extra\n`, 'sha1')).toEqual({
      unreadable: `${a} ${b} refs/heads/x extra`,
    });
    // A SHA-1 id in a SHA-256 repository is not an id of it.
    expect('unreadable' in parseReceivedRefs(`${a} ${b} refs/heads/x\n`, 'sha256')).toBe(true);
    expect(parseReceivedRefs('\n\n', 'sha1')).toEqual({ refs: [] });
  });
});
