import { describe, expect, it } from 'vitest';
import { ByteLru } from '../../../src/git/byte-lru.js';

function lru(limit: number): ByteLru<string> {
  return new ByteLru<string>(limit, (value) => value.length);
}

function keys(cache: ByteLru<string>, candidates: string[]): string[] {
  return candidates.filter((key) => cache.has(key));
}

describe('ByteLru', () => {
  it('drops the least recently used values once their sizes add up to more than the limit', () => {
    const cache = lru(10);
    expect(cache.set('a', 'aa')).toBe(true);
    expect(cache.set('b', 'bb')).toBe(true);
    expect(cache.set('c', 'cc')).toBe(true);
    expect(cache.set('d', 'dd')).toBe(true);
    expect(cache.set('e', 'ee')).toBe(true);
    expect(keys(cache, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'b', 'c', 'd', 'e']);
    // 12 > 10: the oldest goes.
    expect(cache.set('f', 'ff')).toBe(true);
    expect(keys(cache, ['a', 'b', 'c', 'd', 'e', 'f'])).toEqual(['b', 'c', 'd', 'e', 'f']);
  });

  it('counts a get as a use, so the value read last stays', () => {
    const cache = lru(8);
    cache.set('a', 'aa');
    cache.set('b', 'bb');
    cache.set('c', 'cc');
    cache.set('d', 'dd');
    expect(cache.get('a')).toBe('aa');
    cache.set('e', 'ee');
    expect(keys(cache, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'c', 'd', 'e']);
    expect(cache.get('b')).toBeUndefined();
  });

  it('refuses a value larger than a quarter of the limit, and a key it already holds', () => {
    const cache = lru(16);
    cache.set('small', 'xxxx');
    expect(cache.set('big', 'x'.repeat(5))).toBe(false);
    expect(cache.has('big')).toBe(false);
    expect(cache.set('small', 'yyyy')).toBe(false);
    expect(cache.get('small')).toBe('xxxx');
    expect(keys(cache, ['small'])).toEqual(['small']);
  });

  it('forgets everything on clear and counts from zero again', () => {
    const cache = lru(8);
    cache.set('a', 'aa');
    cache.set('b', 'bb');
    cache.clear();
    expect(keys(cache, ['a', 'b'])).toEqual([]);
    for (const key of ['c', 'd', 'e', 'f']) cache.set(key, 'xx');
    expect(keys(cache, ['c', 'd', 'e', 'f'])).toEqual(['c', 'd', 'e', 'f']);
  });

  it('holds values of size zero without counting them', () => {
    const cache = lru(4);
    cache.set('empty', '');
    cache.set('a', 'a');
    cache.set('b', 'a');
    cache.set('c', 'a');
    cache.set('d', 'a');
    expect(keys(cache, ['empty', 'a', 'b', 'c', 'd'])).toEqual(['empty', 'a', 'b', 'c', 'd']);
  });
});
