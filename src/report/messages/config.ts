// A configuration problem in words: the file, the key path, what was expected and what was found, and what to do.
// A configuration error blocks the commit before anything is scanned: the user must be able to fix it at once.
import type { Rule } from '../../../rules/schema.js';
import type { ConfigProblem, Expectation, GlobProblem } from '../../config-problem.js';
import { visible } from '../visible.js';
import { describePatternProblem } from './patterns.js';

/** The sentence of the failure paragraph, and its hint. */
export function describeConfigProblem(problem: ConfigProblem): { message: string; hint: string } {
  const file = visible(problem.file);
  switch (problem.kind) {
    case 'unreadable':
      return { message: `cannot read ${file} (${visible(problem.detail)})`, hint: 'Check the file permissions.' };
    case 'syntax':
      return {
        message: `invalid configuration in ${file}: it is not valid ${problem.language} (${visible(problem.detail)})`,
        hint: `Fix the syntax of ${file}; nothing was scanned.`,
      };
    case 'invalid': {
      const key = problem.keyPath === '' ? '(top level)' : visible(problem.keyPath);
      return {
        message: `invalid configuration in ${file} at ${key}: expected ${expectation(problem.expected)}, found ${visible(describe(problem.found))}`,
        hint: `Fix ${problem.keyPath === '' ? 'the file' : key} in ${file}; nothing was scanned.`,
      };
    }
  }
}

function expectation(expected: Expectation): string {
  switch (expected.kind) {
    case 'settings-object':
      return 'an object of settings';
    case 'known-setting':
      return `one of the known settings (${expected.known.join(', ')})`;
    case 'rule-settings-object':
      return 'an object mapping rule ids to "block", "warn" or "off"';
    case 'rule-id':
      return 'the id of a built-in or custom rule (see `secret-hook rules`)';
    case 'rule-setting':
      return '"block", "warn" or "off"';
    case 'valid-glob':
      return `a valid glob (${globProblem(expected.problem)})`;
    case 'allow-object':
      return 'an object with "values" and/or "patterns"';
    case 'allow-key':
      return '"values" or "patterns"';
    case 'string-list':
      return 'an array of strings';
    case 'string':
      return 'a string';
    case 'short-pattern':
      return `a pattern of at most ${expected.max} characters (this one has ${expected.length})`;
    case 'valid-regex':
      return `a valid regular expression (${visible(expected.detail)})`;
    case 'linear-time-pattern':
      return `a linear-time pattern (${describePatternProblem(expected.problem)})`;
    case 'size':
      return 'a positive number of bytes or a size such as "10MB" or "512KiB"';
    case 'rule-list':
      return 'an array of rules';
    case 'rule-object':
      return 'a rule object';
    case 'non-empty-string':
      return 'a non-empty string';
    case 'kebab-id':
      return 'a kebab-case id such as "acme-api-key"';
    case 'unique-id':
      return 'an id that no other rule uses';
    case 'severity':
      return '"critical", "high", "medium" or "low"';
    case 'some-keyword':
      return 'at least one keyword that every match contains';
    case 'keyword-not-blank':
      return 'a keyword with at least one character other than a space';
    case 'keyword-ascii':
      return 'a keyword of printable ASCII characters (letters, digits, punctuation)';
    case 'secret-group':
      return 'a pattern with a named group (?<secret>…)';
    case 'some-example':
      return 'at least one example line the rule must find';
    case 'entropy':
      return 'a number of bits per character between 0 and 8';
    case 'compiling-pattern':
      return `a pattern that compiles (${visible(expected.detail)})`;
    case 'found-example':
      return `an example the rule finds (check its pattern, keywords${expected.hasEntropy ? ' and entropy' : ''})`;
    case 'missed-look-alike':
      return 'a look-alike the rule does not find';
  }
}

function globProblem(problem: GlobProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'it is empty';
    case 'negation':
      return 'negation (!) is not supported: list only the paths to ignore';
    case 'lone-backslash':
      return 'it ends with a lone backslash';
    case 'unmatched-close':
      return `"${problem.close}" has no matching "${problem.open}"`;
    case 'unclosed':
      return `"${problem.open}" is never closed`;
  }
}

/** What was found, briefly: a configuration value can be long. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'object') return `an object (${JSON.stringify(value).slice(0, 60)})`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * A custom rule with the advice its configuration left out filled in, in general words: the report prints every
 * rule's advice the same way.
 */
export function customRuleAdvice(rule: Rule): Rule {
  return {
    ...rule,
    fix: {
      ...rule.fix,
      provider: rule.fix.provider || 'the provider',
      rotate:
        rule.fix.rotate.length > 0
          ? rule.fix.rotate
          : ['Create a new credential at the provider, deploy it, then revoke the old one.'],
    },
    guide: {
      grants: rule.guide.grants || "A credential defined by this repository's configuration.",
      risks: rule.guide.risks || 'Anyone holding it can act with its permissions.',
      checkMisuse: rule.guide.checkMisuse || "Review the provider's access logs for its use.",
    },
  };
}
