// The one proof of a rule's examples, as the build, the rule tests and custom-rule validation run it.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../rules/schema.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { proveExamples } from '../../../src/engine/prove-examples.js';

const rule: Rule = {
  id: 'acme-key',
  title: 'Acme key',
  severity: 'high',
  keywords: ['acme_'],
  pattern: '(?<![a-z0-9])(?<secret>acme_[a-z0-9]{12})(?![a-z0-9])',
  examples: ['KEY=acme_{{key}}', 'KEY=acme_short'],
  negativeExamples: ['KEY=acme_{{key}}x', 'KEY=acme_q8w7e6r5t4y3'],
  fix: { env: 'ACME_KEY', provider: 'Acme', rotate: ['a', 'b'], docs: 'https://example.invalid' },
  guide: { grants: 'g', risks: 'r', checkMisuse: 'c' },
};
const catalog = compileCatalog([rule]);
const expandKey = (template: string) => template.replace('{{key}}', 'q8w7e6r5t4y3');

describe('proveExamples', () => {
  it('says for each example whether it holds, with what was scanned and the rule’s own findings', () => {
    const proofs = proveExamples(catalog, rule, expandKey);
    expect(proofs.map((p) => [p.list, p.index, p.text, p.holds])).toEqual([
      ['examples', 0, 'KEY=acme_q8w7e6r5t4y3', true],
      ['examples', 1, 'KEY=acme_short', false],
      ['negativeExamples', 0, 'KEY=acme_q8w7e6r5t4y3x', true],
      ['negativeExamples', 1, 'KEY=acme_q8w7e6r5t4y3', false],
    ]);
    expect(proofs[0]!.findings.map((f) => f.secret)).toEqual(['acme_q8w7e6r5t4y3']);
    expect(proofs[0]!.example).toBe('KEY=acme_{{key}}');
  });

  it('scans examples as written when the caller has no expander (custom rules)', () => {
    const [first] = proveExamples(catalog, rule);
    expect(first!.text).toBe('KEY=acme_{{key}}');
    expect(first!.holds).toBe(false);
  });

  it("counts only the rule's own findings", () => {
    // Another rule finding the same key proves nothing for this one.
    const other: Rule = { ...rule, id: 'other-key' };
    expect(proveExamples(compileCatalog([other]), rule, expandKey)[0]!.holds).toBe(false);
    expect(proveExamples(compileCatalog([other]), rule, expandKey)[3]!.holds).toBe(true);
  });
});
