// Every rule's examples through the whole engine: each positive gives a finding with that rule's id (also when
// wrapped in other file syntaxes), no negative does.
import { describe, expect, it } from 'vitest';
import { detectionRules } from '../../rules/detection.js';
import { builtinRules } from '../../rules/index.js';
import { compileCatalog } from '../../src/engine/compile.js';
import { scan } from '../../src/engine/scan.js';
import { FakeKeys } from '../helpers/examples.js';
import { WRAPPERS } from '../helpers/wrappers.js';

// Through the detection-only data the hook ships (rules/detection.ts), not the authoring objects.
const catalog = compileCatalog(detectionRules);
const keys = new FakeKeys();

describe.each(builtinRules.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it.each(rule.examples.map((example, index) => [index, example] as const))(
    'finds positive example %i',
    (_index, template) => {
      const text = keys.expand(template);
      const findings = scan(catalog, { path: 'config/example.txt', text });
      expect(
        findings.map((f) => f.ruleId),
        text,
      ).toContain(rule.id);
      const finding = findings.find((f) => f.ruleId === rule.id)!;
      expect(text).toContain(finding.secret.split(':')[0]);
    },
  );

  it.each(rule.examples.filter((e) => !e.includes('\n') && !e.includes('{{pem')).map((e, i) => [i, e] as const))(
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

  it.each(rule.negativeExamples.map((example, index) => [index, example] as const))(
    'ignores negative example %i',
    (_index, template) => {
      const text = keys.expand(template);
      const findings = scan(catalog, { path: 'config/example.txt', text });
      expect(
        findings.map((f) => f.ruleId),
        text,
      ).not.toContain(rule.id);
    },
  );
});
