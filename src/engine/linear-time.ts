// Whether a pattern runs in linear time on V8's backtracking RegExp engine, decided from its syntax. Patterns come
// from the built-in rules, and from configurations (custom rules, allow patterns) that a pushed repository can
// supply, so a pattern that backtracks catastrophically is refused before it ever runs. Three checks, each
// conservative (it may refuse a safe pattern, never the other way round):
//
// 1. Shape: every quantifier is bounded (at most MAX_REPEAT), no backreference, and no repeated group holds a
//    variable quantifier or an alternation (the shapes behind (a+)+ and (a|a)*: exponential).
// 2. Adjacent ranges: two quantifiers with a range that can trade characters, such as `a{1,100}a{1,100}`,
//    `.{0,50}x{0,50}`, `(?:ab){1,5}(?:ab){1,5}`, `a{1,9}b?a{1,9}` or `a{1,99}.a{1,99}`. A failing match tries every
//    way of splitting the text between them: O(n·w^k) for k such parts of width w (`a{1,100}a{1,100}a{1,100}b`
//    spends 10^6 steps at each position of a run of `a`).
// 3. Cost (asked for by the configuration's validator, not for the built-in rules, which the test suite and the
//    benchmark measure): an upper bound on the backtracking steps at each position of the text, from a model of
//    the backtracking search that does not rely on check 2 having recognised a shape. Paths through the pattern
//    multiply; a character that the variable part before it cannot match, or a literal that can only occur every
//    so many characters, cuts the paths that get past it. Whatever shape checks 1 and 2 miss (a chain of
//    `(?:a|a)b`, a literal two variable parts trade through, a huge single range), the work of a whole scan stays
//    within (length of the text) × (this bound).
//
// Each check lives in src/engine/pattern/: shape-check.ts (1), adjacent-ranges.ts (2), step-bound.ts (3), over the
// syntax tree of syntax-tree.ts (its parser reads JavaScript's syntax without the u or v flag, as rules allow only
// i and m, including Annex B's lenient forms) and the character sets of char-set.ts.

import type { PatternProblem } from '../pattern-problem.js';
import { AdjacentRanges, analysedBodies } from './pattern/adjacent-ranges.js';
import { shapeProblems } from './pattern/shape-check.js';
import { StepBound } from './pattern/step-bound.js';
import { Parser, PatternSyntaxError, type Alt, type Node } from './pattern/syntax-tree.js';

export { MAX_REPEAT } from './pattern/shape-check.js';

/**
 * The most backtracking steps per position of the text a configured pattern may cost (check 3). A custom rule of
 * the usual shape costs tens to a few thousand (`acme_[a-z0-9]{20}` 29, a 4 KB key block between BEGIN and END
 * lines about 700, a bare `[A-Za-z0-9]{20,2000}` 4,000); the shapes this refuses cost far more
 * (`a{1,100}a{1,100}a{1,100}b` 3·10^6, `[a-z]{1,16384}X` 5·10^4).
 */
export const MAX_STEPS_PER_POSITION = 4096;

export interface LinearTimeOptions {
  /** The RegExp flags the pattern runs with besides `gd` (only `i` changes what it matches). */
  flags?: string;
  /** Also refuse a pattern whose step bound (check 3) is above this. */
  maxSteps?: number;
}

/** What makes the pattern unsafe to run on hostile text (src/report/messages/patterns.ts words it); empty when it is safe. */
export function linearTimeProblems(pattern: string, options: LinearTimeOptions = {}): PatternProblem[] {
  let tree: Alt;
  try {
    tree = new Parser(pattern, (options.flags ?? '').includes('i')).parse();
  } catch (error) {
    if (error instanceof PatternSyntaxError) return [error.problem];
    throw error;
  }
  const problems = shapeProblems(tree, pattern);
  if (problems.length > 0) return problems;
  const ranges = new AdjacentRanges(pattern);
  for (const { body, reversed } of analysedBodies(tree)) ranges.adjacentRanges(body, reversed);
  if (ranges.problems.length > 0) return ranges.problems;
  if (options.maxSteps !== undefined) {
    const steps = new StepBound().steps(tree);
    if (!(steps <= options.maxSteps)) {
      return [{ kind: 'too-many-steps', steps, limit: options.maxSteps }];
    }
  }
  return [];
}

/**
 * Check 3's bound for a pattern (which must parse): backtracking steps per position of the text. Infinity for a
 * pattern whose shape check 1 refuses (an unbounded or backreferenced repeat has no bound, and the model of check
 * 3 assumes bounded repeats).
 */
export function stepsPerPosition(pattern: string, flags = ''): number {
  const tree = new Parser(pattern, flags.includes('i')).parse();
  if (shapeProblems(tree, pattern).length > 0) return Infinity;
  return new StepBound().steps(tree);
}

/**
 * How far one match of the pattern can reach from where it starts: the most characters it consumes, plus the
 * farthest any of its lookarounds reads past that. Infinity when unbounded or the pattern does not parse. The
 * engine runs rules whose matches cross lines only around their keywords, this far on each side.
 */
export function maxMatchLength(pattern: string, flags = ''): number {
  let tree: Alt;
  try {
    tree = new Parser(pattern, flags.includes('i')).parse();
  } catch {
    return Infinity;
  }
  let overhang = 0;
  const ofAlt = (alt: Alt): number =>
    Math.max(0, ...alt.branches.map((branch) => branch.reduce((sum, node) => sum + ofNode(node), 0)));
  const ofNode = (node: Node): number => {
    switch (node.kind) {
      case 'char':
        return 1;
      case 'assert':
        return 0;
      case 'look':
        // Zero-width: it consumes nothing, but reads this far from wherever it stands.
        overhang = Math.max(overhang, ofAlt(node.body));
        return 0;
      case 'group':
        return ofAlt(node.body);
      case 'repeat':
        return node.max === Infinity ? Infinity : ofNode(node.body) * node.max;
      case 'backref':
        return Infinity;
    }
  };
  return ofAlt(tree) + overhang;
}
