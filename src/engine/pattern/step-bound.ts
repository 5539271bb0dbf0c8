// Check 3 of the linear-time check (src/engine/linear-time.ts explains all three): an upper bound on the backtracking
// steps at each position of the text, from a model of the backtracking search.

import { EMPTY, intersects, union, type CharSet } from './char-set.js';
import { fixedChars, PartFacts, period, PREFIX_LIMIT, zeroWidth } from './part-facts.js';
import { reverseAlt, type Alt, type Node } from './syntax-tree.js';

/** What the cost model knows of a part of the pattern. */
interface Cost {
  /** Ways the part can match from one position (each is a path the continuation is tried on). */
  paths: number;
  /** Steps spent inside the part over all of its paths. */
  steps: number;
}

/** Check 3: `steps` is the bound for a whole pattern. */
export class StepBound extends PartFacts {
  /**
   * Steps per position of the text. A match attempt that starts with a literal gets past it only where the
   * literal occurs, and occurrences are at least its period apart: the rest is paid once per period.
   */
  steps(tree: Alt): number {
    let total = 0;
    for (const branch of tree.branches) {
      const items = flatten(branch);
      let lead = 0;
      const literal: CharSet[] = [];
      let at = 0;
      for (; at < items.length; at++) {
        const item = items[at]!;
        const sets = fixedChars(item);
        if (sets && fixedCount(item) <= PREFIX_LIMIT) {
          literal.push(...sets);
          lead += sets.length;
        } else if (item.kind === 'look' || item.kind === 'assert') lead += this.zeroWidthSteps(item);
        else break;
      }
      const rest = this.seqCost(items.slice(at), literal);
      total += lead + rest.steps / (literal.length > 0 ? period(literal) : 1);
    }
    return total;
  }

  private altCost(alt: Alt): Cost {
    const costs = alt.branches.map((b) => this.seqCost(flatten(b)));
    const steps = costs.reduce((sum, c) => sum + c.steps, 0);
    // A deterministic alternation lets at most one branch through for a given text.
    const paths = this.deterministic(alt)
      ? Math.max(...costs.map((c) => c.paths))
      : costs.reduce((sum, c) => sum + c.paths, 0);
    return { paths, steps };
  }

  private zeroWidthSteps(node: Node): number {
    return node.kind === 'look' ? 1 + this.altCost(node.behind ? reverseAlt(node.body) : node.body).steps : 1;
  }

  /**
   * A sequence, in match order. `through` paths reach the current run of variable parts; within a run paths
   * multiply. Fixed characters after a run cut the paths that get past them to those that end where the
   * characters can stand: one place if a character the run cannot match is among the first k, so at most k + 1
   * places; a literal that matches only every p characters, at most range / p + 1. The paths that end at the same
   * place are at most (the product of the run's choices) / (its widest one), since all but one choice then fix
   * the last. Every path that reaches a part pays that part's steps. `before`: fixed characters already read.
   */
  private seqCost(items: readonly Node[], before: readonly CharSet[] = []): Cost {
    let through = 1;
    let steps = 0;
    let run = newRun();
    let fixed: CharSet[] = [];

    /** How many of the run's paths can get past `block`, read right after the run (or `places` ends). */
    const survivors = (block: readonly CharSet[], places?: number): number => {
      if (run.choices === 0) return run.paths;
      let ends = places ?? run.range + 1;
      if (places === undefined && block.length > 0) {
        const pin = block.findIndex((set) => !intersects(set, run.alpha));
        if (pin !== -1) ends = Math.min(ends, pin + 1);
        ends = Math.min(ends, Math.floor(run.range / period(block)) + 1);
      }
      const widest = Math.max(1, ...run.spreads);
      return Math.min(run.paths, run.multiplicity * (product(run.spreads) / widest) * ends);
    };
    const collapse = (after: number): void => {
      through *= after;
      run = newRun();
      fixed = [];
    };
    const settle = (): void => {
      if (run.choices === 0) {
        fixed = [];
        return;
      }
      if (fixed.length === 0) return;
      const after = survivors(fixed);
      if (after < run.paths) collapse(after);
      else {
        for (const set of fixed) run.alpha = union(run.alpha, set);
        fixed = [];
      }
    };
    fixed.push(...before.slice(-PREFIX_LIMIT));

    for (const item of items) {
      const sets = fixedChars(item);
      if (sets) {
        // Each character is tried only by the paths that got past the ones before it.
        const count = fixedCount(item);
        for (let i = 0; i < count; i++) {
          if (fixed.length >= PREFIX_LIMIT) {
            steps += through * survivors(fixed) * (count - i);
            break;
          }
          steps += through * survivors(fixed);
          fixed.push(sets[Math.min(i, sets.length - 1)]!);
        }
        continue;
      }
      if (zeroWidth(item) || item.kind === 'backref') {
        steps += through * survivors(fixed) * this.zeroWidthSteps(item);
        continue;
      }
      settle();
      const part = this.partCost(item);
      const facts = this.facts(item);
      // A part whose first character the run cannot hold pins the run wherever it reads anything.
      const pins = run.choices > 0 && !intersects(facts.first, run.alpha);
      if (pins && facts.min > 0) {
        steps += through * run.paths;
        collapse(survivors([], 1));
        steps += through * part.steps;
      } else if (pins) {
        const pinned = survivors([], 1);
        steps += through * (run.paths + pinned * part.steps);
        const paths = run.paths + pinned * part.paths;
        this.addToRun(run, part, facts);
        run.paths = Math.min(run.paths, paths);
        continue;
      } else steps += through * run.paths * part.steps;
      this.addToRun(run, part, facts);
    }
    settle();
    return { paths: through * run.paths, steps };
  }

  private addToRun(
    run: Run,
    part: Cost & { spread: number; multiplicity: number },
    facts: { min: number; max: number; alpha: CharSet },
  ): void {
    run.paths *= part.paths;
    run.multiplicity *= part.multiplicity;
    if (part.spread > 1) run.spreads.push(part.spread);
    run.range += facts.max - facts.min;
    run.alpha = union(run.alpha, facts.alpha);
    if (part.paths > 1 || facts.max > facts.min) run.choices++;
  }

  /**
   * A part that is not a fixed character: a quantifier with a range, or a group with branches. `spread` is the
   * number of its choices that differ in width (each width is one choice: a repeat); `multiplicity` the number of
   * its paths that may share a width (the branches of a group, which can all match the same text).
   */
  private partCost(node: Node): Cost & { spread: number; multiplicity: number } {
    if (node.kind === 'repeat') {
      const body = node.body.kind === 'char' ? { paths: 1, steps: 1 } : this.partOrFixedCost(node.body);
      const width = this.facts(node.body);
      const choices = node.max - node.min + 1;
      if (body.paths === 1 && width.min === width.max && width.min === 0) {
        // Copies of something that reads nothing: every count ends at the same place.
        return { paths: choices, steps: node.max * body.steps + choices, spread: 1, multiplicity: choices };
      }
      if (body.paths === 1 && width.min === width.max) {
        // Greedy: read up to max copies, then give them back one at a time (lazy: the reverse, same count).
        return { paths: choices, steps: node.max * body.steps + choices, spread: choices, multiplicity: 1 };
      }
      let paths = 0;
      let steps = 0;
      let power = 1;
      for (let copies = 0; copies <= node.max && Number.isFinite(steps); copies++) {
        if (copies >= node.min) paths += power;
        if (copies < node.max) steps += power * body.steps;
        power *= body.paths;
      }
      return { paths, steps: steps + paths, spread: 1, multiplicity: paths };
    }
    if (node.kind === 'group') {
      const cost = this.altCost(node.body);
      return { ...cost, spread: 1, multiplicity: cost.paths };
    }
    return { paths: 1, steps: 1, spread: 1, multiplicity: 1 };
  }

  private partOrFixedCost(node: Node): Cost {
    if (node.kind === 'group') return this.altCost(node.body);
    if (node.kind === 'look' || node.kind === 'assert') return { paths: 1, steps: this.zeroWidthSteps(node) };
    return this.partCost(node);
  }
}

interface Run {
  paths: number;
  multiplicity: number;
  spreads: number[];
  range: number;
  alpha: CharSet;
  choices: number;
}

function newRun(): Run {
  return { paths: 1, multiplicity: 1, spreads: [], range: 0, alpha: EMPTY, choices: 0 };
}

function product(values: readonly number[]): number {
  return values.reduce((p, v) => p * v, 1);
}

/** How many characters a part of fixed characters reads (fixedChars keeps at most PREFIX_LIMIT of them). */
function fixedCount(node: Node): number {
  return node.kind === 'repeat' ? node.min : 1;
}

/** Groups of one branch read as their items (a capture group around most of a pattern is common). */
function flatten(items: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const item of items) {
    if (item.kind === 'group' && item.body.branches.length === 1) out.push(...flatten(item.body.branches[0]!));
    else out.push(item);
  }
  return out;
}
