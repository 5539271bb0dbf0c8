// parseCacheTree on hand-built TREE extensions: nested lookups, invalidated directories, and the malformed shapes
// that make it drop the whole cache tree as git does. (The TREE extension git writes is read in index-file.test.ts.)
import { describe, expect, it } from 'vitest';
import { directoryBefore, parseCacheTree } from '../../../../src/git/index/cache-tree.js';

const HASH_SIZE = 20;

function oid(byte: number): Buffer {
  return Buffer.alloc(HASH_SIZE, byte);
}

/** One record: `<name>\0<entry count> <subtree count>\n` and the tree id when the count is not -1. */
function record(name: string, entryCount: number, subtrees: number, id?: Buffer): Buffer {
  const head = Buffer.from(`${name}\0${entryCount} ${subtrees}\n`, 'utf8');
  return id ? Buffer.concat([head, id]) : head;
}

function parse(...records: Buffer[]) {
  // Some bytes before and after, as in an index file: the parser reads only [start, end).
  const data = Buffer.concat([Buffer.from('before'), ...records, Buffer.from('after')]);
  const end = data.length - 'after'.length;
  return parseCacheTree(data, 'before'.length, end, HASH_SIZE);
}

describe('parseCacheTree', () => {
  const tree = () =>
    parse(
      record('', 6, 2, oid(1)),
      record('a', 4, 2, oid(2)),
      record('b', -1, 0),
      record('日本', 1, 0, oid(3)),
      record('z', 2, 0, oid(4)),
    );

  it('finds each directory by its path, names relative to their parent', () => {
    const cache = tree();
    expect(cache.size).toBe(5);
    expect(cache.get('')).toEqual({ path: '', entryCount: 6, oid: oid(1).toString('hex') });
    expect(cache.get('a/日本')).toEqual({ path: 'a/日本', entryCount: 1, oid: oid(3).toString('hex') });
    expect(cache.get('z')?.oid).toBe(oid(4).toString('hex'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.has('日本')).toBe(false);
  });

  it('keeps an invalidated directory without a tree id', () => {
    expect(tree().get('a/b')).toEqual({ path: 'a/b', entryCount: -1 });
  });

  it('lists every directory in pre-order', () => {
    expect([...tree().keys()]).toEqual(['', 'a', 'a/b', 'a/日本', 'z']);
  });

  it('is empty when there are no records', () => {
    expect(parse().size).toBe(0);
  });

  it('drops the whole cache tree when a record is malformed, as git does', () => {
    expect(parse(record('', 1, 1, oid(1))).size).toBe(0); // an announced subtree never comes
    expect(parse(record('', 1, 0, oid(1)), record('x', 1, 0, oid(2))).size).toBe(0); // a second root
    expect(parse(Buffer.from('\x003 x\n', 'latin1')).size).toBe(0); // a count that is not a number
    expect(parse(record('', 1, 0, oid(1)).subarray(0, 10)).size).toBe(0); // cut inside the tree id
    expect(parse(Buffer.from('no terminator')).size).toBe(0);
  });
});

describe('directoryBefore', () => {
  it('orders directories as git does, by `name/`', () => {
    expect(directoryBefore('a-b', 'a')).toBe(true);
    expect(directoryBefore('a', 'a-b')).toBe(false);
    expect(directoryBefore('a', 'a0')).toBe(true);
    expect(directoryBefore('a0', 'a')).toBe(false);
    expect(directoryBefore('a', 'a')).toBe(false);
    expect(directoryBefore('b', 'ab')).toBe(false);
  });

  it('agrees with comparing `${a}/` and `${b}/` on random names', () => {
    // Characters on both sides of '/' (0x2f), and bytes above ASCII as the index's latin1 names hold them.
    const alphabet = ['-', '.', '0', 'a', 'A', '_', '\xe9', ' '];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed >>> 16) % n;
    };
    const name = () => Array.from({ length: 1 + next(4) }, () => alphabet[next(alphabet.length)]).join('');
    let before = 0;
    for (let i = 0; i < 5000; i++) {
      const a = name();
      const b = name();
      const expected = `${a}/` < `${b}/`;
      expect(directoryBefore(a, b), `${a} vs ${b}`).toBe(expected);
      if (expected) before++;
    }
    // Both answers occur often: the comparison is not one-sided.
    expect(before).toBeGreaterThan(1500);
    expect(before).toBeLessThan(3500);
  });
});
