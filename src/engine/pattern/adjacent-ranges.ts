// Check 2 of the linear-time check (src/engine/linear-time.ts explains all three): two adjacent quantifiers with a
// range that can trade characters (`a{1,100}a{1,100}`, `a{1,99}.a{1,99}`), which a failing match tries every split of.

import type { PatternProblem } from '../../pattern-problem.js';
import { complement, EMPTY, intersects, union, type CharSet } from './char-set.js';
import { fixedChars, PartFacts, period, zeroWidth } from './part-facts.js';
import { reverseAlt, type Alt, type LookNode, type Node, type RepeatNode } from './syntax-tree.js';

/**
 * The pattern's body, and each lookaround's body in the direction the engine matches it (a lookbehind right to
 * left): each is a search of its own, because a lookaround is atomic.
 */
export function analysedBodies(tree: Alt): { body: Alt; reversed: boolean }[] {
  const bodies = [{ body: tree, reversed: false }];
  const visit = (node: Node): void => {
    if (node.kind === 'look')
      bodies.push({ body: node.behind ? reverseAlt(node.body) : node.body, reversed: node.behind });
    if (node.kind === 'group' || node.kind === 'look') node.body.branches.forEach((b) => b.forEach(visit));
    if (node.kind === 'repeat') visit(node.body);
  };
  tree.branches.forEach((b) => b.forEach(visit));
  return bodies;
}

/**
 * A range (a quantifier such as `{1,9}`) whose end is not yet pinned down by what follows it: more copies of its
 * part ("an extension") may still take characters that the parts after it would otherwise take.
 */
interface Open {
  range: RepeatNode;
  /** First characters of its extensions. */
  first: CharSet;
  /** Characters its extensions, and the fixed characters matched since, can hold. */
  alpha: CharSet;
  /** Characters of the fixed blocks matched since the range (they can absorb an extension too). */
  passed: CharSet;
}

/** Check 2 over each body that analysedBodies gives; what it finds collects in `problems`. */
export class AdjacentRanges extends PartFacts {
  readonly problems: PatternProblem[] = [];
  private reversed = false;
  private readonly reported = new Set<string>();

  constructor(private readonly pattern: string) {
    super();
  }

  /** `reversed`: a lookbehind's body, read right to left; its lookbehinds then name the next character. */
  adjacentRanges(body: Alt, reversed: boolean): void {
    this.reversed = reversed;
    this.flowAlt(body, []);
  }

  private flowAlt(alt: Alt, open: Open[]): Open[] {
    return merge(alt.branches.flatMap((b) => this.flowSeq(b, open)));
  }

  private flowSeq(items: readonly Node[], open: Open[]): Open[] {
    let current = open;
    let i = 0;
    while (i < items.length) {
      // A run of fixed characters (a literal, `.`, `[a-z]{4}`) is judged as a whole: see passFixed. Zero-width
      // parts inside it read nothing.
      if (fixedChars(items[i]!)) {
        const block: CharSet[] = [];
        while (i < items.length && (fixedChars(items[i]!) || zeroWidth(items[i]!))) {
          block.push(...(fixedChars(items[i]!) ?? []));
          i++;
        }
        current = this.passFixed(block, current);
        continue;
      }
      current = this.flowItem(items[i]!, current);
      i++;
    }
    return current;
  }

  /**
   * Fixed characters after open variable parts. One the parts cannot match pins where they end. Otherwise the
   * parts can still trade characters through them one at a time (`a{1,9}.a{1,9}`), unless the block is a literal
   * that cannot overlap itself at a shift of one (`T3BlbkFJ`): then the trades are limited to the literal's
   * occurrences, which the cost bound (check 3, step-bound.ts) counts.
   */
  private passFixed(block: CharSet[], open: Open[]): Open[] {
    if (block.length === 0) return open;
    const all = block.reduce<CharSet>((set, s) => union(set, s), EMPTY);
    const literal = block.length > 1 && period(block) > 1;
    return open
      .filter((entry) => !literal && block.every((set) => intersects(set, entry.alpha)))
      .map((entry) => ({
        ...entry,
        first: union(entry.alpha, all),
        alpha: union(entry.alpha, all),
        passed: union(entry.passed, all),
      }));
  }

  /**
   * A lookaround that names the character next to it pins like a character does, without reading it. Ahead (in
   * reading order): `(?==)`, or `(?![0-9])` after `[0-9]{1,4}`; the extension would have to start with it.
   * Behind: `(?<=["'])` after `[ \t]{0,8}`; an extension would end just before it, and on every path where the
   * part is still open, what was read since it lies within its `alpha`.
   */
  private passLook(node: LookNode, open: Open[]): Open[] {
    const body = node.behind ? reverseAlt(node.body) : node.body;
    let adjacent: CharSet | null = null;
    const only = body.branches.length === 1 ? body.branches[0]! : null;
    if (node.negative) {
      if (only && only.length === 1 && only[0]!.kind === 'char') adjacent = complement(only[0]!.set);
    } else if (this.altFacts(body).min > 0) adjacent = this.altFacts(body).first;
    if (!adjacent) return open;
    const set = adjacent;
    const ahead = node.behind === this.reversed;
    return open.filter((entry) => intersects(set, ahead ? entry.first : entry.alpha));
  }

  private flowItem(node: Node, open: Open[]): Open[] {
    if (node.kind === 'look') return this.passLook(node, open);
    if (zeroWidth(node) || node.kind === 'backref') return open;
    if (node.kind === 'char') return this.passFixed([node.set], open);
    const range = isRange(node) ? node : null;
    if (range) for (const entry of open) if (this.trades(entry, range)) this.reportAdjacent(entry.range, range);
    let inside: Open[];
    if (node.kind === 'group') inside = this.flowAlt(node.body, open);
    else if (node.kind === 'repeat') {
      if (node.max === 0) return open;
      // One copy is enough: a group repeated more than once holds no range (check 1, shape-check.ts), so a second
      // copy would pin or extend the open ranges exactly as the first did.
      inside = this.flowItem(node.body, open);
    } else inside = open;
    const out = this.facts(node).min === 0 ? [...inside, ...open] : inside;
    if (range) {
      const body = this.facts(range.body);
      out.push({ range, first: body.first, alpha: body.alpha, passed: EMPTY });
    }
    return merge(out);
  }

  /**
   * Whether a new range can take over an extension of an open one, so that a failing match tries both splits,
   * for every count of each. It cannot when it never starts with an extension's first character, when each of its
   * non-empty matches holds (at a fixed offset) a character no extension holds, or when every copy the open range
   * repeats holds a character it cannot take, or is longer than it can be. Only two ranges multiply into a
   * polynomial: an optional part or an alternation next to a range (`(?:t[0-9]_)?[0-9A-Za-z_-]{27,300}`) is a
   * constant factor, which the step bound (check 3, step-bound.ts) counts.
   */
  private trades(entry: Open, node: RepeatNode): boolean {
    const facts = this.facts(node);
    if (!intersects(facts.first, entry.first)) return false;
    if (this.pinnedAgainst(node, entry.alpha)) return false;
    if (this.requiresOutside(entry.range.body, union(facts.alpha, entry.passed))) return false;
    return entry.passed.length > 0 || this.facts(entry.range.body).min <= facts.max;
  }

  /** Every non-empty match of the part holds a character outside `alpha`. */
  private requiresOutside(node: Node, alpha: CharSet): boolean {
    switch (node.kind) {
      case 'char':
        return !intersects(node.set, alpha);
      case 'assert':
      case 'look':
        return true;
      case 'backref':
        return false;
      case 'repeat':
        return node.max === 0 || this.requiresOutside(node.body, alpha);
      case 'group':
        return node.body.branches.every((b) => this.seqFacts(b).max === 0 || this.seqRequiresOutside(b, alpha));
    }
  }

  private seqRequiresOutside(items: readonly Node[], alpha: CharSet): boolean {
    if (this.seqFacts(items).min > 0)
      return items.some((item) => this.facts(item).min > 0 && this.requiresOutside(item, alpha));
    return items.every((item) => this.facts(item).max === 0 || this.requiresOutside(item, alpha));
  }

  private reportAdjacent(first: Node, second: Node): void {
    const key = `${first.at}:${second.at}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const a = this.pattern.slice(first.at, first.end);
    const b = this.pattern.slice(second.at, second.end);
    this.problems.push({ kind: 'adjacent-ranges', first: a, firstAt: first.at, second: b, secondAt: second.at });
  }
}

/** A quantifier with a range of counts wider than optional: `{1,9}`, `{0,4}`, not `?` or `{3}`. */
function isRange(node: Node): node is RepeatNode {
  return node.kind === 'repeat' && node.min !== node.max && node.max > 1;
}

function merge(entries: Open[]): Open[] {
  const byRange = new Map<RepeatNode, Open>();
  for (const entry of entries) {
    const known = byRange.get(entry.range);
    byRange.set(
      entry.range,
      known
        ? {
            ...known,
            first: union(known.first, entry.first),
            alpha: union(known.alpha, entry.alpha),
            passed: union(known.passed, entry.passed),
          }
        : entry,
    );
  }
  return [...byRange.values()];
}
