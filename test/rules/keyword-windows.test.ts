// Line-local keyword rules run only on the lines holding their keywords (src/engine/scan.ts). That must find
// exactly what running every candidate over the whole text finds: checked here on every rule's examples, set
// among unrelated lines, first, last and alone, and on the whole accuracy corpus.
import { describe, expect, it } from 'vitest';
import { detectionRules } from '../../src/catalog/builtin-detection.js';
import { builtinRules } from '../../rules/index.js';
import { compileCatalog } from '../../src/engine/compile.js';
import { scan, scanWith, type Finding } from '../../src/engine/scan.js';
import { buildCorpus } from '../../bench/accuracy/corpus.js';
import { examplePathOf } from '../../src/engine/file-scope.js';
import { FakeKeys } from '../helpers/examples.js';
import { WRAPPERS } from '../helpers/wrappers.js';

const catalog = compileCatalog(detectionRules);
const keys = new FakeKeys(4242);
const FILLER = Array.from({ length: 30 }, (_, i) => `const item${i} = compute(list[${i}], { index: ${i} });`);

function both(path: string, text: string): [Finding[], Finding[]] {
  return [scan(catalog, { path, text }), scanWith(catalog, { path, text }, {}, { wholeText: true })];
}

/** The text alone, after unrelated lines, before them, and in the middle of them. */
function placements(text: string): string[] {
  return [
    text,
    [...FILLER, text].join('\n'),
    [text, ...FILLER].join('\n'),
    [...FILLER.slice(0, 15), text, ...FILLER.slice(15)].join('\n'),
    [...FILLER.slice(0, 15), text, ...FILLER.slice(15), ''].join('\r\n'),
  ];
}

describe('keyword windows find what the whole text finds', () => {
  it('uses windows for most keyword rules (the pattern analysis is not trivially false)', () => {
    const keywordRules = catalog.rules.filter((r) => !r.prefixless);
    const lineLocal = keywordRules.filter((r) => r.lineLocal);
    expect(lineLocal.length).toBeGreaterThan(keywordRules.length * 0.8);
    // Multi-line secrets are never windowed.
    expect(catalog.rules.find((r) => r.rule.id === 'private-key')!.lineLocal).toBe(false);
  });

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))('for the examples of %s', (_id, rule) => {
    let positives = 0;
    // A credential file's rule runs on its own files only.
    const path = rule.files ? examplePathOf(rule.files) : 'config/example.txt';
    for (const template of [...rule.examples, ...rule.negativeExamples]) {
      const line = keys.expand(template);
      const texts = [line, ...WRAPPERS.map((w) => w.wrap(line))];
      for (const text of texts) {
        for (const placed of placements(text)) {
          const [windowed, whole] = both(path, placed);
          expect(windowed, placed).toEqual(whole);
          if (whole.some((f) => f.ruleId === rule.id)) positives++;
        }
      }
    }
    if (rule.examples.length > 0) expect(positives).toBeGreaterThan(0);
  });

  it('on the accuracy corpus', () => {
    let findings = 0;
    for (const file of buildCorpus({ files: 600, seed: 99 })) {
      const [windowed, whole] = both(file.path, file.content);
      expect(windowed, file.path).toEqual(whole);
      findings += whole.length;
    }
    expect(findings).toBeGreaterThan(300);
  });
});
