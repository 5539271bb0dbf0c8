// The secret group's body as a cheap test: every match of the rule holds a match of it.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { compileRule } from '../../../src/engine/compile.js';
import { secretShapeOf, ShapeTests } from '../../../src/engine/secret-shape.js';
import { FakeKeys } from '../../helpers/examples.js';

describe('secretShapeOf', () => {
  it('takes the group body, through classes, escapes and nested groups', () => {
    expect(secretShapeOf(String.raw`(?<![a-z])key=(?<secret>[0-9a-f]{20})(?![0-9a-f])`, 'i')!.source).toBe(
      '[0-9a-f]{20}',
    );
    expect(secretShapeOf(String.raw`x(?<secret>[)\]]{2}(?:ab|\))+)y`, '')!.source).toBe(String.raw`[)\]]{2}(?:ab|\))+`);
    expect(secretShapeOf('(?<secret>abc)', 'gdi')!.flags).toBe('i');
  });

  it('gives no shape for a body that reads outside itself, or a pattern without the group', () => {
    expect(secretShapeOf(String.raw`(["'])(?<secret>[a-z]{8}\1)`, '')).toBeNull();
    expect(secretShapeOf(String.raw`(?<secret>(?<=x)[a-z]{8})`, '')).toBeNull();
    expect(secretShapeOf(String.raw`(?<secret>[a-z]{8}(?!y))`, '')).toBeNull();
    expect(secretShapeOf('key=[a-z]{8}', '')).toBeNull();
  });

  it('exists for every prefix-less built-in rule that searches the whole file for its words (tested first)', () => {
    // Without a shape, every file of a history is searched for the rule's words (scan.ts, candidateRules).
    const readers = builtinRules.filter((rule) => rule.keywords.length === 0 && rule.near?.inFile !== undefined);
    expect(readers.length).toBeGreaterThan(0);
    for (const rule of readers) expect(compileRule(rule).secretShape, rule.id).not.toBeNull();
  });

  it("is found in every example of every built-in rule that has one: the rule's matches hold it", () => {
    const keys = new FakeKeys(77);
    let checked = 0;
    for (const rule of builtinRules) {
      const shape = compileRule(rule).secretShape;
      if (!shape) continue;
      for (const example of rule.examples) {
        expect(shape.test(keys.expand(example)), `${rule.id}: ${example}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});

/** A shape that counts its searches. */
class CountedShape extends RegExp {
  searches = 0;
  override test(text: string): boolean {
    this.searches++;
    return super.test(text);
  }
}

describe('ShapeTests', () => {
  const texts = [
    'const id = "0123456789abcdef0123";', // a 20-character hex run, not 32
    'x = 0123456789abcdef0123456789abcdef0123456789abcdef', // 48
    'no hex here at all: zzzz',
    'MIXED case 0123456789ABCDEF0123456789ABCDEF',
  ];
  const shapes = [
    '[0-9a-f]{20}',
    '[0-9a-f]{32}',
    '[0-9a-f]{40}',
    '[0-9a-f]{16,64}',
    '[A-Za-z0-9]{24}',
    'key[A-Za-z0-9]{14}',
    '[0-9a-f]{8}-[0-9a-f]{4}',
  ].flatMap((source) => [new RegExp(source), new RegExp(source, 'i')]);

  it('answers as searching each shape would, whatever order the shapes come in', () => {
    for (const text of texts) {
      for (const order of [shapes, [...shapes].reverse()]) {
        const tests = new ShapeTests(text);
        for (const shape of order) expect(tests.found(shape), `${shape} in ${text}`).toBe(shape.test(text));
      }
    }
  });

  it('searches a shape once per text, and a longer run of a class not at all once a shorter one is absent', () => {
    const tests = new ShapeTests('no hex run of twenty here: deadbeef');
    const short = new CountedShape('[0-9a-f]{20}');
    const long = new CountedShape('[0-9a-f]{32}');
    const same = new CountedShape('[0-9a-f]{20}');
    expect(tests.found(short)).toBe(false);
    expect(tests.found(long)).toBe(false);
    expect(tests.found(same)).toBe(false);
    expect([short.searches, long.searches, same.searches]).toEqual([1, 0, 0]);
  });

  it('knows a shorter run present once a longer one is, and keeps flags apart', () => {
    const tests = new ShapeTests('id: 0123456789ABCDEF0123456789ABCDEF');
    const long = new CountedShape('[0-9a-f]{32}', 'i');
    const short = new CountedShape('[0-9a-f]{20}', 'i');
    const caseSensitive = new CountedShape('[0-9a-f]{20}');
    expect(tests.found(long)).toBe(true);
    expect(tests.found(short)).toBe(true);
    expect(tests.found(caseSensitive)).toBe(false);
    expect([long.searches, short.searches, caseSensitive.searches]).toEqual([1, 0, 1]);
  });
});
