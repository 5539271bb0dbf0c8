// Every rule's examples through the whole engine: each positive gives a finding with that rule's id (also when
// wrapped in other file syntaxes), no negative does. The proof itself is src/engine/prove-examples.ts, which the
// build also runs; this adds the wrapped syntaxes and where the finding lies.
import { describe, expect, it } from 'vitest';
import { detectionRules } from '../../src/catalog/builtin-detection.js';
import { builtinRules } from '../../rules/index.js';
import { compileCatalog } from '../../src/engine/compile.js';
import { proveExamples } from '../../src/engine/prove-examples.js';
import { scan } from '../../src/engine/scan.js';
import { FakeKeys } from '../helpers/examples.js';
import { WRAPPERS } from '../helpers/wrappers.js';

// Through the detection-only data the hook ships (src/catalog/builtin-detection.ts), not the authoring objects.
const catalog = compileCatalog(detectionRules);

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  // Seeded by the rule's id, as the build's proof: what it proved is what is tested here.
  const keys = FakeKeys.forRule(rule.id);

  it('finds every positive example and no negative one', () => {
    for (const proof of proveExamples(catalog, rule, (template) => keys.expand(template))) {
      expect(proof.holds, `${proof.list}[${proof.index}]: ${proof.text}`).toBe(true);
      // A positive finding points at text of the example (a pair's first half, for Customer.io's `site:key`).
      for (const finding of proof.findings) expect(proof.text).toContain(finding.secret.split(':')[0]);
    }
  });

  // A credential file's rule runs on its own files only (`files`): wrapped in another file's syntax it has no say.
  const wrappable = rule.files ? [] : rule.examples.filter((e) => !e.includes('\n') && !e.includes('{{pem'));
  it.each(wrappable.map((e, i) => [i, e] as const))(
    'finds positive example %i wrapped in other syntaxes',
    (_index, template) => {
      const line = keys.expand(template);
      for (const wrapper of WRAPPERS) {
        const text = wrapper.wrap(line);
        const findings = scan(catalog, { path: `config/example${wrapper.extension}`, text });
        expect(
          findings.map((f) => f.ruleId),
          `${wrapper.name}: ${text}`,
        ).toContain(rule.id);
      }
    },
  );
});
