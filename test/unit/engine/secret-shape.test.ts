// The secret group's body as a cheap test: every match of the rule holds a match of it.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { compileRule } from '../../../src/engine/compile.js';
import { secretShapeOf } from '../../../src/engine/secret-shape.js';
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
