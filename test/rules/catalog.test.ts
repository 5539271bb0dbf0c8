// The catalog linter: ids, fields, keywords present in examples, a secret group, and linear-time patterns.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { compileRule } from '../../src/engine/compile.js';
import { linearTimeProblems } from '../../src/engine/linear-time.js';
import { FakeKeys } from '../helpers/examples.js';

const FIRST_PROVIDERS = /^(stripe|klaviyo|intercom|customerio|aws|private-key)/;
const keys = new FakeKeys(7);

describe('rule catalog', () => {
  it('has unique kebab-case ids', () => {
    const ids = builtinRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it('has a title, a fix hint and a guide', () => {
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.fix.env).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(rule.fix.rotate.length).toBeGreaterThanOrEqual(2);
      expect(rule.fix.docs).toMatch(/^https:\/\//);
      expect(rule.fix.provider.length).toBeGreaterThan(1);
      for (const text of [rule.guide.grants, rule.guide.risks, rule.guide.checkMisuse])
        expect(text.length).toBeGreaterThan(40);
    });

    it('has enough examples', () => {
      const minimum = FIRST_PROVIDERS.test(rule.id) ? 3 : 2;
      expect(rule.examples.length).toBeGreaterThanOrEqual(minimum);
      expect(rule.negativeExamples.length).toBeGreaterThanOrEqual(minimum);
    });

    it('compiles, names a secret group and is linear-time', () => {
      expect(() => compileRule(rule).regex).not.toThrow();
      expect(rule.pattern).toContain('(?<secret>');
      expect(linearTimeProblems(rule.pattern, { flags: rule.flags ?? '' })).toEqual([]);
    });

    it('pairs, if at all, with a rule of the catalog within a few lines', () => {
      if (!rule.pairing) return;
      expect(builtinRules.map((r) => r.id)).toContain(rule.pairing.with);
      expect(rule.pairing.withinLines).toBeGreaterThanOrEqual(0);
      expect(rule.pairing.withinLines).toBeLessThanOrEqual(12);
    });

    it('has lowercase keywords (or near words) that occur in every positive example', () => {
      const gate = rule.keywords.length > 0 ? rule.keywords : (rule.near?.words ?? []);
      // A credential file's rule without keywords runs on every text of its files.
      if (gate.length === 0 && rule.files) return;
      expect(gate.length).toBeGreaterThan(0);
      for (const word of gate) expect(word).toBe(word.toLowerCase());
      for (const example of rule.examples) {
        const text = keys.expand(example).toLowerCase();
        expect(
          gate.some((word) => text.includes(word)),
          example,
        ).toBe(true);
      }
    });
  });
});

describe('linear-time check', () => {
  it.each(['(a+)+', '(?:a|a){1,30}', '([a-z]{1,10}){1,10}', 'a*', '[0-9]{3,}', '(x)\\1'])('rejects %s', (pattern) => {
    expect(linearTimeProblems(pattern).length).toBeGreaterThan(0);
  });
  it.each(['(?:[a-z0-9]{4}-){3}', 'sk_live_[0-9a-zA-Z]{24,247}', '(?<![a-z])(?<secret>x{2,8})', 'a|b'])(
    'accepts %s',
    (pattern) => {
      expect(linearTimeProblems(pattern)).toEqual([]);
    },
  );
});
