// The built-in catalog as data (dist/detection.json) and the rules read back from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTION_FIELDS } from '../../../rules/schema.js';
import { detectionRules } from '../../../src/catalog/builtin-detection.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { precomputeCatalog, precomputedRules, type PrecomputedCatalog } from '../../../src/engine/precomputed-rules.js';
import { scan } from '../../../src/engine/scan.js';
import { FakeKeys } from '../../helpers/examples.js';

// What the program reads: the data after a trip through JSON.
const data = JSON.parse(JSON.stringify(precomputeCatalog(detectionRules))) as PrecomputedCatalog;

describe('precomputed rules', () => {
  it('read back every detection field of every rule as it was', () => {
    const rules = precomputedRules(data);
    expect(rules.map((r) => r.id)).toEqual(detectionRules.map((r) => r.id));
    rules.forEach((rule, i) => {
      const original = detectionRules[i]!;
      for (const field of DETECTION_FIELDS) {
        const expected = field === 'testKey' ? original.testKey === true : original[field];
        expect(rule[field], `${rule.id}.${field}`).toEqual(expected);
      }
    });
  });

  it("parse a rule's fields only when one besides its id and test-key flag is read", () => {
    const broken: PrecomputedCatalog = { ...data, fields: data.fields.map(() => '{ not json') };
    const [rule] = precomputedRules(broken);
    expect(rule!.id).toBe(detectionRules[0]!.id);
    expect(rule!.testKey).toBe(detectionRules[0]!.testKey === true);
    expect(() => rule!.pattern).toThrow(SyntaxError);
  });

  it('give the same candidates and findings as automata built at run time, and are ignored when they do not fit', () => {
    const fresh = compileCatalog(detectionRules);
    const precomputed = compileCatalog(precomputedRules(data), { precomputed: data.catalog });
    const text = new FakeKeys(5).expand(
      'aws key AKIA{{base32:16}}\ncustomerio site {{hex:20}} token sk_live_x password = "{{base62:14}}"',
    );
    expect([...precomputed.prefilter.match(text).found]).toEqual([...fresh.prefilter.match(text).found]);
    expect(scan(precomputed, { path: 'a', text })).toEqual(scan(fresh, { path: 'a', text }));
    // A catalog with one rule fewer has other keyword indexes: the data must not be used for it.
    const fewer = compileCatalog(detectionRules.slice(1), { precomputed: data.catalog });
    expect([...fewer.prefilter.match('sk_test_').found].length).toBeGreaterThan(0);
    expect(scan(fewer, { path: 'a', text }).map((f) => f.ruleId)).toEqual(
      scan(compileCatalog(detectionRules.slice(1)), { path: 'a', text }).map((f) => f.ruleId),
    );
  });
  it('tell which rules are line-local without parsing a pattern, as the analysis does', () => {
    const precomputed = compileCatalog(precomputedRules(data), { precomputed: data.catalog });
    const fresh = compileCatalog(detectionRules);
    expect(precomputed.rules.map((r) => r.lineLocal)).toEqual(fresh.rules.map((r) => r.lineLocal));
    expect(precomputed.rules.filter((r) => r.lineLocal).length).toBeGreaterThan(150);
  });
  it("give the spanning rules' reach without parsing a pattern, as the analysis does", () => {
    const precomputed = compileCatalog(precomputedRules(data), { precomputed: data.catalog });
    const fresh = compileCatalog(detectionRules);
    expect(precomputed.spanningRules.length).toBeGreaterThan(0);
    for (const index of precomputed.spanningRules) {
      expect(precomputed.rules[index]!.reach, precomputed.rules[index]!.rule.id).toBe(fresh.rules[index]!.reach);
    }
    expect(precomputed.spanningRules.some((index) => precomputed.rules[index]!.reach === Infinity)).toBe(
      fresh.spanningRules.some((index) => fresh.rules[index]!.reach === Infinity),
    );
  });
});

describe("the program's detection data (dist/detection.json, written by the build)", () => {
  it('is the built-in catalog precomputed: every rule, in order, with exactly its detection fields', () => {
    const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../../dist/detection.json'), 'utf8')) as unknown;
    expect(file).toEqual(data);
  });
});
