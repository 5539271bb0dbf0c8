// What only the engine can judge in a configuration: that its patterns (custom rules', allow patterns) compile and
// are safe on hostile text, and that each custom rule finds its examples and none of its look-alikes. Checked when
// the configuration is loaded, before anything is scanned; a problem is a configuration error naming the key.
import type { Rule } from '../../rules/schema.js';
import type { Expectation } from '../config-problem.js';
import type { Config } from '../config/types.js';
import { compileCatalog, compileRule } from '../engine/compile.js';
import { linearTimeProblems, MAX_STEPS_PER_POSITION } from '../engine/linear-time.js';
import { proveExamples } from '../engine/prove-examples.js';
import { ConfigError } from '../errors.js';

// Four times the longest built-in pattern (about 960 characters): analysing a pattern takes time too, and a
// configuration must not be able to spend seconds of every commit on it (40,000 characters of alternatives: 2 s).
const MAX_PATTERN_LENGTH = 4096;

export function checkConfiguredRules(config: Config): void {
  if (config.file === null) return;
  const fail = (keyPath: string, expected: Expectation, found: unknown): never => {
    throw new ConfigError({ kind: 'invalid', file: config.file!, keyPath, expected, found });
  };
  config.allowPatterns.forEach((pattern, i) => checkPattern(pattern, '', `allow.patterns[${i}]`, fail));
  config.customRules.forEach((rule, i) => {
    const at = `customRules[${i}]`;
    checkPattern(rule.pattern, rule.flags ?? '', `${at}.pattern`, fail);
    checkExamples(rule, at, fail);
  });
}

type Fail = (keyPath: string, expected: Expectation, found: unknown) => never;

function checkPattern(pattern: string, flags: string, keyPath: string, fail: Fail): void {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    fail(
      keyPath,
      { kind: 'short-pattern', max: MAX_PATTERN_LENGTH, length: pattern.length },
      `${pattern.slice(0, 40)}…`,
    );
  }
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    fail(keyPath, { kind: 'valid-regex', detail: (error as Error).message }, pattern);
  }
  // A configuration may come from a pushed repository: its patterns must also keep within the step bound, which
  // the built-in rules are not held to (the test suite and the benchmark measure those).
  const [problem] = linearTimeProblems(pattern, { flags, maxSteps: MAX_STEPS_PER_POSITION });
  if (problem) fail(keyPath, { kind: 'linear-time-pattern', problem }, pattern);
}

/** The one proof the build and the suite use (engine/prove-examples.ts), on the rule alone. */
function checkExamples(rule: Rule, at: string, fail: Fail): void {
  try {
    void compileRule(rule).regex; // the pattern is compiled on first use: use it now, to report a bad one
  } catch (error) {
    fail(`${at}.pattern`, { kind: 'compiling-pattern', detail: (error as Error).message }, rule.pattern);
  }
  for (const proof of proveExamples(compileCatalog([rule]), rule)) {
    if (proof.holds) continue;
    if (proof.list === 'examples') {
      fail(
        `${at}.examples[${proof.index}]`,
        { kind: 'found-example', hasEntropy: rule.entropy !== undefined },
        proof.example,
      );
    }
    fail(`${at}.negativeExamples[${proof.index}]`, { kind: 'missed-look-alike' }, proof.example);
  }
}
