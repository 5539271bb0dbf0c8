// The linear-time check: which shapes it refuses (and says why), which it lets through, and that its step bound
// is an upper bound on what a backtracking search really does (a reference matcher counts the steps).
import { describe, expect, it } from 'vitest';
import {
  linearTimeProblems as problemsOf,
  MAX_STEPS_PER_POSITION,
  stepsPerPosition,
  type LinearTimeOptions,
} from '../../../src/engine/linear-time.js';
import { describePatternProblem } from '../../../src/report/messages/patterns.js';

/** The problems as the user reads them. */
const linearTimeProblems = (pattern: string, options?: LinearTimeOptions) =>
  problemsOf(pattern, options).map(describePatternProblem);

const configured = { maxSteps: MAX_STEPS_PER_POSITION };

describe('check 1: the shape', () => {
  it.each([
    ['(a+)+', 'unbounded'],
    ['a*', 'unbounded'],
    ['[0-9]{3,}', 'unbounded'],
    ['a{1,20000}', 'at most 16384'],
    ['(?:a|a){1,30}', 'alternation'],
    ['([a-z]{1,10}){1,10}', 'nested quantifiers'],
    // An alternation one group deeper is the same exponential shape.
    ['(?:(?:a|a)){1,30}', 'alternation'],
    ['(x)\\1', 'backreference'],
    ['(?<k>x)\\k<k>', 'backreference'],
    ['(unclosed', 'unbalanced'],
    // The analysis recurses along the nesting: deeper than any rule needs is refused, not a stack overflow.
    [`${'('.repeat(65)}a${')'.repeat(65)}`, 'nested more than 64 deep'],
  ])('refuses %s', (pattern, why) => {
    expect(linearTimeProblems(pattern)[0]).toContain(why);
  });
});

describe('check 2: adjacent ranges that can trade characters', () => {
  it.each([
    ['a{1,100}a{1,100}a{1,100}b', 'a{1,100}', 0, 8],
    ['\\d{1,5}\\d{1,5}', '\\d{1,5}', 0, 7],
    ['[a-z]{1,9}[a-z0-9]{1,9}', '[a-z]{1,9}', 0, 10],
    ['(?:ab){1,5}(?:ab){1,5}', '(?:ab){1,5}', 0, 11],
    ['.{0,50}x{0,50}', '.{0,50}', 0, 7],
    // Through an optional part, and through a fixed character both can be.
    ['a{1,9}b?a{1,9}', 'a{1,9}', 0, 8],
    ['a{1,99}.a{1,99}', 'a{1,99}', 0, 8],
    // A lookahead reads nothing: the ranges around it are still adjacent.
    ['a{1,5}(?![b-z])a{1,5}', 'a{1,5}', 0, 15],
    // Inside lookarounds (a lookbehind is matched right to left).
    ['(?=a{1,5}a{1,5})x', 'a{1,5}', 3, 9],
    ['x(?<=a{1,5}a{1,5})', 'a{1,5}', 11, 5],
    // From inside an alternation, and into an optional group that holds a range.
    ['(?:a{1,5}|b)a{1,5}', 'a{1,5}', 3, 12],
    ['[a-z]{1,9}(?:[a-z]{1,9})?', '[a-z]{1,9}', 0, 13],
    // The secret group does not hide anything.
    ['key=(?<secret>[0-9a-f]{8,40}[0-9]{1,4})', '[0-9a-f]{8,40}', 14, 28],
  ])('refuses %s, naming both parts', (pattern, part, first, second) => {
    const problems = linearTimeProblems(pattern);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toContain(`"${part}" at ${first}`);
    expect(problems[0]).toContain(`at ${second} are variable parts next to each other that can match the same`);
  });

  it('folds case with the i flag', () => {
    expect(linearTimeProblems('[a-z]{1,9}[A-Z]{1,9}')).toEqual([]);
    expect(linearTimeProblems('[a-z]{1,9}[A-Z]{1,9}', { flags: 'i' })[0]).toContain('variable parts');
  });

  it.each([
    // A character the first cannot match pins where it ends.
    '[a-z]{1,9}-[a-z0-9]{1,9}',
    '[A-Za-z0-9+/]{40,4096}={0,2}',
    '(?<![a-z0-9])(?<secret>acme_[a-z0-9]{20,40})(?![a-z0-9])',
    'eyJ[A-Za-z0-9_-]{10,500}\\.eyJ[A-Za-z0-9_-]{10,500}\\.[A-Za-z0-9_-]{10,500}',
    // So does a lookaround that names the next (or the previous) character.
    '[0-9]{1,4}(?![0-9])[0-9a-z]{16,64}',
    '[ \\t]{0,4}(?==)[ \\t]{0,8}=',
    '[ \\t]{0,8}(?<=[:=])[^\\s]{8,64}',
    // A fixed part is no choice: a{1,5}a{3} is a{4,8}.
    'a{1,5}a{3}',
    // Every copy of the first holds a character the second cannot take.
    '(?:[a-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,44}',
    '(?:[0-9]{8,14}-)?[A-Za-z0-9]{24,34}',
    // Branches that never extend into what follows: `str` and `string` differ in letters, not spaces.
    '(?:string|str|&str)[ \\t]{0,4}=',
    // A literal that cannot overlap itself limits the splits to its occurrences (check 3 counts them).
    '(?:ab){1,5}cd(?:ab){1,5}',
    'sk-proj-[A-Za-z0-9_-]{20,120}T3BlbkFJ[A-Za-z0-9_-]{20,120}',
    // An optional part or an alternation next to a range is a constant factor, not a polynomial.
    '(?:t[0-9]_)?[0-9A-Za-z_-]{27,300}',
    '[a-z]{1,9}(?:[a-z]{2})?',
    '(?:x|y)?[xy]{1,5}',
  ])('accepts %s', (pattern) => {
    expect(linearTimeProblems(pattern)).toEqual([]);
  });
});

describe('check 3: the step bound (configured patterns)', () => {
  it('refuses what the shape checks let through but costs too much', () => {
    // Each (?:a|a) offers two paths to the same place; twenty of them, 2^20 paths.
    const chain = `${'(?:a|a)b'.repeat(20)}c`;
    expect(linearTimeProblems(chain)).toEqual([]);
    expect(linearTimeProblems(chain, configured)[0]).toMatch(/about [0-9.e]+ backtracking steps at each position/);
    // Two ranges trading through a literal: every second place.
    expect(linearTimeProblems('[ab]{1,1000}ab[ab]{1,1000}c')).toEqual([]);
    expect(linearTimeProblems('[ab]{1,1000}ab[ab]{1,1000}c', configured)[0]).toContain('backtracking steps');
    // One range, wide and unanchored: every position scans 16 KB.
    expect(linearTimeProblems('[a-z]{1,16384}X', configured)[0]).toContain('at most 4096');
  });

  it.each([
    '(?<![a-z0-9])(?<secret>acme_[a-z0-9]{20})(?![a-z0-9])',
    'api_key.{0,20}["\'](?<secret>[a-z0-9]{32})["\']',
    '-----BEGIN ACME KEY-----(?<secret>[A-Za-z0-9+/=\\s]{64,4096})-----END ACME KEY-----',
    '(?<secret>eyJ[A-Za-z0-9_-]{10,500}\\.eyJ[A-Za-z0-9_-]{10,500}\\.[A-Za-z0-9_-]{10,500})',
    '(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{20,2000})',
    '^sk_test_DOCS[0-9]{2}$',
  ])('accepts a custom rule of the usual shape: %s', (pattern) => {
    expect(linearTimeProblems(pattern, configured)).toEqual([]);
  });

  it('grows with the product of ranges that trade, and only with their sum when pinned apart', () => {
    const traded = (w: number) => stepsPerPosition(`[ab]{1,${w}}ab[ab]{1,${w}}c`);
    const pinned = (w: number) => stepsPerPosition(`a{1,${w}}-a{1,${w}}c`);
    expect(traded(1000) / traded(100)).toBeGreaterThan(50);
    expect(pinned(1000) / pinned(100)).toBeLessThan(11);
  });

  it('amortises the rest of a pattern over the occurrences of a leading literal', () => {
    const body = '[A-Za-z0-9]{20,2000}';
    expect(stepsPerPosition(`acme_${body}`)).toBeLessThan(stepsPerPosition(body) / 4);
    // `aaaa` can occur at every position: nothing to amortise.
    expect(stepsPerPosition(`aaaa${body}`)).toBeGreaterThan(stepsPerPosition(body));
  });
});

// ——— The step bound against a reference backtracking search ———
//
// Patterns are generated from a small grammar over the letters a, b and x, rendered to RegExp syntax for the
// analysis, and matched by the reference below on texts over the same letters. The reference explores every path
// from every start (a match attempt that fails), counting one step per character tested, per assertion and per
// lookaround entered. Whatever it counts must stay within the analysis's bound, summed over the starts.

type Tree =
  | { kind: 'char'; set: string }
  | { kind: 'seq'; items: Tree[] }
  | { kind: 'alt'; branches: Tree[] }
  | { kind: 'repeat'; body: Tree; min: number; max: number }
  | { kind: 'look'; negative: boolean; body: Tree }
  | { kind: 'edge' };

function render(tree: Tree): string {
  switch (tree.kind) {
    case 'char':
      return tree.set === 'abx' ? '.' : tree.set.length === 1 ? tree.set : `[${tree.set}]`;
    case 'seq':
      return tree.items.map(render).join('');
    case 'alt':
      return `(?:${tree.branches.map(render).join('|')})`;
    case 'repeat':
      return `${tree.body.kind === 'char' ? render(tree.body) : `(?:${render(tree.body)})`}{${tree.min},${tree.max}}`;
    case 'look':
      return `(?${tree.negative ? '!' : '='}${render(tree.body)})`;
    case 'edge':
      return '\\b';
  }
}

/** Steps of a full search from `start` (every path explored: the continuation at the end always fails). */
function referenceSteps(tree: Tree, text: string, start: number): number {
  let steps = 0;
  // Each matcher calls `next(position)` for every way it can match; returns true to stop (lookarounds only).
  const match = (node: Tree, at: number, next: (to: number) => boolean): boolean => {
    switch (node.kind) {
      case 'char':
        steps++;
        return at < text.length && node.set.includes(text[at]!) ? next(at + 1) : false;
      case 'edge': {
        steps++;
        const word = (i: number) => i >= 0 && i < text.length;
        return word(at - 1) !== word(at) ? next(at) : false;
      }
      case 'seq': {
        const from = (i: number, pos: number): boolean =>
          i === node.items.length ? next(pos) : match(node.items[i]!, pos, (to) => from(i + 1, to));
        return from(0, at);
      }
      case 'alt':
        return node.branches.some((branch) => match(branch, at, next));
      case 'repeat': {
        const copies = (count: number, pos: number): boolean => {
          if (
            count < node.max &&
            match(node.body, pos, (to) => (to === pos && count >= node.min ? false : copies(count + 1, to)))
          )
            return true;
          return count >= node.min ? next(pos) : false;
        };
        return copies(0, at);
      }
      case 'look': {
        steps++;
        const found = match(node.body, at, () => true);
        return found !== node.negative ? next(at) : false;
      }
    }
  };
  match(tree, start, () => false);
  return steps;
}

class Random {
  constructor(private seed: number) {}
  next(): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed / 2147483648;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const SETS = ['a', 'b', 'x', 'ab', 'abx'];

function generate(random: Random, depth: number): Tree {
  const roll = random.int(depth > 0 ? 10 : 5);
  if (roll < 3) return { kind: 'char', set: random.pick(SETS) };
  if (roll < 5) {
    const min = random.int(3);
    return { kind: 'repeat', body: { kind: 'char', set: random.pick(SETS) }, min, max: min + random.int(9) };
  }
  if (roll < 7)
    return { kind: 'seq', items: Array.from({ length: 2 + random.int(3) }, () => generate(random, depth - 1)) };
  if (roll < 8)
    return { kind: 'alt', branches: Array.from({ length: 2 + random.int(2) }, () => generate(random, depth - 1)) };
  if (roll < 9) {
    const min = random.int(2);
    return { kind: 'repeat', body: generate(random, depth - 1), min, max: min + random.int(3) };
  }
  return random.int(4) === 0
    ? { kind: 'edge' }
    : { kind: 'look', negative: random.int(2) === 0, body: generate(random, depth - 1) };
}

describe('the step bound is an upper bound', () => {
  it('on generated patterns and texts, summed over every start', () => {
    const random = new Random(20260601);
    const texts = ['a'.repeat(32), 'ab'.repeat(16), 'abx'.repeat(11), 'aaaxbbbxaaab'.repeat(3)];
    for (let i = 0; i < 6; i++) texts.push(Array.from({ length: 32 }, () => random.pick(['a', 'b', 'x'])).join(''));
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      const tree: Tree = { kind: 'seq', items: Array.from({ length: 1 + random.int(4) }, () => generate(random, 3)) };
      const pattern = render(tree);
      // The bound is for patterns of a sound shape (check 1); check 2 plays no part in it.
      if (linearTimeProblems(pattern).some((p) => !p.includes('variable parts'))) continue;
      const bound = stepsPerPosition(pattern);
      for (const text of texts) {
        let total = 0;
        for (let start = 0; start <= text.length; start++) total += referenceSteps(tree, text, start);
        // Per position on average; a leading literal's amortisation allows one extra attempt per pattern length.
        expect(total, `${pattern} on ${text}`).toBeLessThanOrEqual((text.length + 1 + pattern.length) * bound);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('stepsPerPosition on a shape check 1 refuses', () => {
  it('answers Infinity instead of modelling an unbounded backreferenced repeat', () => {
    expect(stepsPerPosition('(a)\\1{2,}')).toBe(Infinity);
    expect(stepsPerPosition('a+b')).toBe(Infinity);
  });
});
