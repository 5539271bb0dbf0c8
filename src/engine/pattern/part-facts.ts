// What the checks of a pattern's backtracking (adjacent-ranges.ts, step-bound.ts) know of each part of its syntax
// tree: how many characters it reads at least and at most, which characters it can start with and which it can
// hold, the characters every match has at its first fixed offsets, and whether an alternation lets at most one
// branch through. Each answer is kept per node: the checks ask the same of a part many times.

import { ANY, EMPTY, intersects, union, type CharSet } from './char-set.js';
import type { Alt, Node } from './syntax-tree.js';

// How many leading fixed characters are kept to compare with other text (pins, periods, alternatives).
export const PREFIX_LIMIT = 64;

/** The facts both checks start from; each check extends it with its own walk of the tree. */
export class PartFacts {
  private readonly memo = new Map<Node, { min: number; max: number; first: CharSet; alpha: CharSet }>();
  private readonly prefixes = new Map<Node, CharSet[]>();
  private readonly determinism = new Map<Alt, boolean>();

  protected facts(node: Node): { min: number; max: number; first: CharSet; alpha: CharSet } {
    let known = this.memo.get(node);
    if (known) return known;
    switch (node.kind) {
      case 'char':
        known = { min: 1, max: 1, first: node.set, alpha: node.set };
        break;
      case 'assert':
      case 'look':
        known = { min: 0, max: 0, first: EMPTY, alpha: EMPTY };
        break;
      case 'backref':
        known = { min: 0, max: Infinity, first: ANY, alpha: ANY };
        break;
      case 'group':
        known = this.altFacts(node.body);
        break;
      case 'repeat': {
        const body = this.facts(node.body);
        known = {
          min: body.min * node.min,
          max: node.max === 0 ? 0 : body.max * node.max,
          first: node.max === 0 ? EMPTY : body.first,
          alpha: node.max === 0 ? EMPTY : body.alpha,
        };
        break;
      }
    }
    this.memo.set(node, known);
    return known;
  }

  protected altFacts(alt: Alt): { min: number; max: number; first: CharSet; alpha: CharSet } {
    let min = Infinity;
    let max = 0;
    let first: CharSet = EMPTY;
    let alpha: CharSet = EMPTY;
    for (const branch of alt.branches) {
      const facts = this.seqFacts(branch);
      min = Math.min(min, facts.min);
      max = Math.max(max, facts.max);
      first = union(first, facts.first);
      alpha = union(alpha, facts.alpha);
    }
    return { min, max, first, alpha };
  }

  protected seqFacts(items: readonly Node[]): { min: number; max: number; first: CharSet; alpha: CharSet } {
    let min = 0;
    let max = 0;
    let first: CharSet = EMPTY;
    let alpha: CharSet = EMPTY;
    let reachable = true; // can the items so far match empty, so that the next one's first character counts?
    for (const item of items) {
      const facts = this.facts(item);
      min += facts.min;
      max += facts.max;
      alpha = union(alpha, facts.alpha);
      if (reachable) first = union(first, facts.first);
      if (facts.min > 0) reachable = false;
    }
    return { min, max, first, alpha };
  }

  /**
   * The characters every match has at its first offsets: entry k is the set of the k-th character. Stops where
   * the offset stops being fixed (after a part of variable length). Empty for a part that can match empty.
   */
  private prefix(node: Node): CharSet[] {
    let known = this.prefixes.get(node);
    if (!known) this.prefixes.set(node, (known = this.computePrefix(node)));
    return known;
  }

  private computePrefix(node: Node): CharSet[] {
    switch (node.kind) {
      case 'char':
        return [node.set];
      case 'group':
        return this.altPrefix(node.body);
      case 'repeat': {
        if (node.min === 0) return [];
        const body = this.prefix(node.body);
        const facts = this.facts(node.body);
        const complete = facts.min === facts.max && body.length === facts.min;
        if (!complete || facts.min === 0) return body;
        const out: CharSet[] = [];
        for (let i = 0; i < node.min && out.length < PREFIX_LIMIT; i++) out.push(...body);
        return out.slice(0, PREFIX_LIMIT);
      }
      default:
        return [];
    }
  }

  private altPrefix(alt: Alt): CharSet[] {
    const prefixes = alt.branches.map((b) => this.seqPrefix(b));
    const length = Math.min(...prefixes.map((p) => p.length));
    const out: CharSet[] = [];
    for (let k = 0; k < length; k++) out.push(prefixes.reduce<CharSet>((set, p) => union(set, p[k]!), EMPTY));
    return out;
  }

  private seqPrefix(items: readonly Node[]): CharSet[] {
    const out: CharSet[] = [];
    for (const item of items) {
      if (out.length >= PREFIX_LIMIT) break;
      const facts = this.facts(item);
      const prefix = this.prefix(item);
      out.push(...prefix);
      if (facts.min !== facts.max || prefix.length < facts.min) break;
    }
    return out.slice(0, PREFIX_LIMIT);
  }

  /**
   * Whether at most one branch of an alternation can match a given text: every two branches differ at a fixed
   * offset (`api|access|secret`, `"…"|'…'`). Then the alternation offers no choice, only a test.
   */
  protected deterministic(alt: Alt): boolean {
    let known = this.determinism.get(alt);
    if (known === undefined) this.determinism.set(alt, (known = this.computeDeterministic(alt)));
    return known;
  }

  private computeDeterministic(alt: Alt): boolean {
    if (alt.branches.length < 2) return true;
    const prefixes = alt.branches.map((b) => this.seqPrefix(b));
    for (let i = 0; i < prefixes.length; i++) {
      for (let j = i + 1; j < prefixes.length; j++) {
        const a = prefixes[i]!;
        const b = prefixes[j]!;
        let differ = false;
        for (let k = 0; k < Math.min(a.length, b.length) && !differ; k++) differ = !intersects(a[k]!, b[k]!);
        if (!differ) return false;
      }
    }
    return true;
  }

  /**
   * The fixed prefixes that cover every non-empty match of a part (one per branch): a part whose every non-empty
   * match holds, at a fixed offset, a character the text before it cannot hold, cannot trade characters with it.
   */
  private nonEmptyPrefixes(node: Node): CharSet[][] {
    if (node.kind === 'repeat') return this.facts(node.body).min === 0 ? [[]] : this.nonEmptyPrefixes(node.body);
    if (node.kind === 'group')
      return node.body.branches.filter((b) => this.seqFacts(b).max > 0).map((b) => this.seqPrefix(b));
    return [this.prefix(node)];
  }

  protected pinnedAgainst(node: Node, alpha: CharSet): boolean {
    if (!intersects(this.facts(node).first, alpha)) return true;
    return this.nonEmptyPrefixes(node).every((prefix) => prefix.some((set) => !intersects(set, alpha)));
  }
}

export function zeroWidth(node: Node): boolean {
  return node.kind === 'assert' || node.kind === 'look';
}

/** The sets of a part that always matches the same number of single characters, one by one; else null. */
export function fixedChars(node: Node): CharSet[] | null {
  if (node.kind === 'char') return [node.set];
  if (node.kind === 'repeat' && node.min === node.max && node.body.kind === 'char' && node.min > 0) {
    return new Array<CharSet>(Math.min(node.min, PREFIX_LIMIT)).fill(node.body.set);
  }
  return null;
}

/**
 * The smallest shift at which a run of fixed characters can overlap itself: two places where it matches are at
 * least this far apart. A literal that cannot overlap itself has its length as period.
 */
export function period(block: readonly CharSet[]): number {
  for (let shift = 1; shift < block.length; shift++) {
    let overlaps = true;
    for (let i = 0; i + shift < block.length && overlaps; i++) overlaps = intersects(block[i]!, block[i + shift]!);
    if (overlaps) return shift;
  }
  return Math.max(1, block.length);
}
