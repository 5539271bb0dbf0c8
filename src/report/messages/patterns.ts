// Why a configured pattern (a custom rule's, an allow pattern) is refused, in words: what is wrong and what to do.
import type { PatternProblem, PatternSyntax } from '../../pattern-problem.js';

const SYNTAX: Record<PatternSyntax, string> = {
  'unbalanced-close': 'unbalanced ")"',
  'unbalanced-open': 'unbalanced "("',
  'nothing-to-repeat': 'nothing to repeat',
  'too-deep': 'groups nested too deep',
  'unterminated-group-name': 'unterminated group name',
  'invalid-group': 'invalid group',
  'trailing-backslash': '\\ at end of pattern',
  'unterminated-class': 'unterminated character class',
  'range-out-of-order': 'range out of order in character class',
};

export function describePatternProblem(problem: PatternProblem): string {
  switch (problem.kind) {
    case 'syntax':
      return problem.syntax === 'too-deep'
        ? `groups nested more than ${problem.limit} deep at ${problem.at}`
        : `${SYNTAX[problem.syntax]} at ${problem.at}`;
    case 'backreference':
      return `backreference at ${problem.at} (not allowed: it defeats linear-time matching)`;
    case 'unbounded':
      return `unbounded quantifier "${problem.text}" at ${problem.at}: use {m,n}`;
    case 'too-many-repeats':
      return `quantifier at ${problem.at} allows ${problem.repeats} repeats (at most ${problem.limit})`;
    case 'nested-variable':
      return `repeated group ending at ${problem.at} contains a variable-length quantifier (nested quantifiers)`;
    case 'repeated-alternation':
      return `repeated group ending at ${problem.at} contains an alternation`;
    case 'adjacent-ranges':
      return `"${problem.first}" at ${problem.firstAt} and "${problem.second}" at ${problem.secondAt} are variable parts next to each other that can match the same characters, so a failing match tries every way of splitting the text between them (polynomial backtracking): merge them into one quantifier, or separate them by a character the first cannot match`;
    case 'too-many-steps': {
      const shown = Number.isFinite(problem.steps) ? `about ${formatCount(problem.steps)}` : 'an unbounded number of';
      return `a failing match can take ${shown} backtracking steps at each position of the text (at most ${formatCount(problem.limit)}): its variable parts multiply; narrow the quantifiers, start the pattern with a literal, or separate variable parts by a character the part before cannot match`;
    }
  }
}

function formatCount(n: number): string {
  return n >= 1e6 ? n.toExponential(1).replace('e+', 'e') : String(Math.round(n));
}
