// A rule ships its proof: every example gives a finding with the rule's id, no negative example does, through the
// real engine. This is the one place that checks it, for every caller: the build (the built-in rules, through the
// data the program ships: a broken rule fails the build), the test suite (test/rules/examples.test.ts) and the
// configuration (a custom rule is proved when it is loaded).
import type { Rule } from '../../rules/schema.js';
import type { CompiledCatalog } from './compile.js';
import { scan, type Finding } from './scan.js';
import { examplePathOf } from './file-scope.js';

/**
 * The path examples are scanned as: an ordinary file, neither generated nor binary; a file-scoped rule's examples
 * are scanned as one of its files (file-scope.ts).
 */
export const EXAMPLE_PATH = 'config/example.txt';

export interface ExampleProof {
  /** `examples` must be found, `negativeExamples` must not. */
  list: 'examples' | 'negativeExamples';
  /** The entry's index in its list, and the entry as written. */
  index: number;
  example: string;
  /** What was scanned: the entry with its placeholders expanded. */
  text: string;
  /** The rule's own findings in it. */
  findings: Finding[];
  /** The example found, or the negative example not found. */
  holds: boolean;
}

/**
 * Scans each of the rule's examples and negative examples with `catalog` (a catalog of the rule alone, or the
 * whole catalog it ships in, so that a provider rule winning over a generic one is part of the proof) and says for
 * each whether it holds. `expand` replaces placeholders such as `{{hex:20}}` where the caller has an expander
 * (example-keys.ts); without one, examples are scanned as written, as a custom rule's are.
 */
export function proveExamples(
  catalog: CompiledCatalog,
  rule: Pick<Rule, 'id' | 'examples' | 'negativeExamples'> & Partial<Pick<Rule, 'files'>>,
  expand: (template: string) => string = (template) => template,
): ExampleProof[] {
  const path = rule.files ? examplePathOf(rule.files) : EXAMPLE_PATH;
  const prove = (list: ExampleProof['list'], example: string, index: number): ExampleProof => {
    const text = expand(example);
    const findings = scan(catalog, { path, text }).filter((f) => f.ruleId === rule.id);
    const holds = list === 'examples' ? findings.length > 0 : findings.length === 0;
    return { list, index, example, text, findings, holds };
  };
  return [
    ...rule.examples.map((example, i) => prove('examples', example, i)),
    ...rule.negativeExamples.map((example, i) => prove('negativeExamples', example, i)),
  ];
}
