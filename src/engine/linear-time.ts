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
//    so many characters, cuts the paths that get past it. Whatever shape the checks above miss (a chain of
//    `(?:a|a)b`, a literal two variable parts trade through, a huge single range), the work of a whole scan stays
//    within (length of the text) × (this bound).
//
// The syntax is JavaScript's without the u or v flag (rules allow only i and m), including Annex B's lenient forms.

import type { PatternProblem, PatternSyntax } from '../pattern-problem.js';

export const MAX_REPEAT = 16384;

/**
 * The most backtracking steps per position of the text a configured pattern may cost (check 3). A custom rule of
 * the usual shape costs tens to a few thousand (`acme_[a-z0-9]{20}` 29, a 4 KB key block between BEGIN and END
 * lines about 700, a bare `[A-Za-z0-9]{20,2000}` 4,000); the shapes this refuses cost far more
 * (`a{1,100}a{1,100}a{1,100}b` 3·10^6, `[a-z]{1,16384}X` 5·10^4).
 */
export const MAX_STEPS_PER_POSITION = 4096;

/** A pattern the parser cannot read: thrown inside the parser, returned as a problem. */
class PatternSyntaxError extends Error {
  constructor(readonly problem: PatternProblem) {
    super(problem.kind);
  }
}

function syntax(kind: PatternSyntax, at: number, limit?: number): PatternSyntaxError {
  return new PatternSyntaxError({ kind: 'syntax', syntax: kind, at, ...(limit === undefined ? {} : { limit }) });
}

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
  const analysis = new Analysis(pattern);
  for (const { body, reversed } of analysedBodies(tree)) analysis.adjacentRanges(body, reversed);
  if (analysis.problems.length > 0) return analysis.problems;
  if (options.maxSteps !== undefined) {
    const steps = analysis.steps(tree);
    if (!(steps <= options.maxSteps)) {
      return [{ kind: 'too-many-steps', steps, limit: options.maxSteps }];
    }
  }
  return [];
}

/** Check 3's bound for a pattern (which must parse): backtracking steps per position of the text. */
export function stepsPerPosition(pattern: string, flags = ''): number {
  const tree = new Parser(pattern, flags.includes('i')).parse();
  return new Analysis(pattern).steps(tree);
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

// ——— Character sets: sorted, disjoint, inclusive UTF-16 code unit ranges, flattened [lo, hi, lo, hi, …] ———

type CharSet = readonly number[];

const MAX_UNIT = 0xffff;
const EMPTY: CharSet = [];
const ANY: CharSet = [0, MAX_UNIT];

function normalise(ranges: number[]): CharSet {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, hi);
    else out.push(lo, hi);
  }
  return out;
}

function union(a: CharSet, b: CharSet): CharSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalise([...a, ...b]);
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! < b[j]!) i += 2;
    else if (b[j + 1]! < a[i]!) j += 2;
    else return true;
  }
  return false;
}

function complement(a: CharSet): CharSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i]! > next) out.push(next, a[i]! - 1);
    next = a[i + 1]! + 1;
  }
  if (next <= MAX_UNIT) out.push(next, MAX_UNIT);
  return out;
}

/**
 * With the i flag, a set also matches the other case. Without the u flag, folding maps ASCII to ASCII only and
 * non-ASCII letters among themselves; any non-ASCII character is widened to all of them (conservative).
 */
function caseFold(a: CharSet): CharSet {
  const extra: number[] = [];
  for (let i = 0; i < a.length; i += 2) {
    const lo = a[i]!;
    const hi = a[i + 1]!;
    const upperLo = Math.max(lo, 0x41);
    const upperHi = Math.min(hi, 0x5a);
    if (upperLo <= upperHi) extra.push(upperLo + 0x20, upperHi + 0x20);
    const lowerLo = Math.max(lo, 0x61);
    const lowerHi = Math.min(hi, 0x7a);
    if (lowerLo <= lowerHi) extra.push(lowerLo - 0x20, lowerHi - 0x20);
    if (hi >= 0x80) extra.push(0x80, MAX_UNIT);
  }
  return extra.length === 0 ? a : union(a, normalise(extra));
}

const DIGIT: CharSet = [0x30, 0x39];
const WORD: CharSet = normalise([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]);
const SPACE: CharSet = normalise([
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f,
  0x3000, 0x3000, 0xfeff, 0xfeff,
]);
const LINE_TERMINATORS: CharSet = normalise([0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029]);
const DOT: CharSet = complement(LINE_TERMINATORS);

function single(code: number): CharSet {
  return [code, code];
}

// ——— Syntax tree ———

interface CharNode {
  kind: 'char';
  set: CharSet;
  at: number;
  end: number;
}
/** ^ $ \b \B: zero-width. */
interface AssertNode {
  kind: 'assert';
  at: number;
  end: number;
}
/** (?= (?! (?<= (?<!: zero-width and atomic (the engine never backtracks into one once it has answered). */
interface LookNode {
  kind: 'look';
  behind: boolean;
  negative: boolean;
  body: Alt;
  at: number;
  end: number;
}
interface GroupNode {
  kind: 'group';
  body: Alt;
  at: number;
  end: number;
}
interface RepeatNode {
  kind: 'repeat';
  body: Node;
  min: number;
  max: number;
  at: number;
  end: number;
}
interface BackrefNode {
  kind: 'backref';
  at: number;
  end: number;
}
type Node = CharNode | AssertNode | LookNode | GroupNode | RepeatNode | BackrefNode;
interface Alt {
  branches: Node[][];
  at: number;
  end: number;
}

/** Deeper nesting is refused: the analysis recurses along it (the built-in rules nest at most a few levels). */
const MAX_NESTING = 64;

class Parser {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Alt {
    const alt = this.alternatives();
    if (this.at < this.source.length) throw syntax('unbalanced-close', this.at);
    return alt;
  }

  private alternatives(): Alt {
    const start = this.at;
    const branches: Node[][] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return { branches, at: start, end: this.at };
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items;
  }

  private quantified(atom: Node): Node {
    const bounds = this.quantifier();
    if (!bounds) return atom;
    if (atom.kind === 'assert' || (atom.kind === 'look' && atom.behind)) throw syntax('nothing-to-repeat', atom.at);
    if (this.source[this.at] === '?') this.at++; // lazy: the same choices, tried in the other order
    return { kind: 'repeat', body: atom, min: bounds.min, max: bounds.max, at: atom.at, end: this.at };
  }

  private quantifier(): { min: number; max: number } | null {
    const char = this.source[this.at];
    if (char === '*' || char === '+' || char === '?') {
      this.at++;
      return { min: char === '+' ? 1 : 0, max: char === '?' ? 1 : Infinity };
    }
    if (char !== '{') return null;
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at, this.at + 40));
    if (!match) return null; // Annex B: a `{` that starts no quantifier is a literal
    this.at += match[0].length;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    return { min, max };
  }

  private atom(): Node {
    const start = this.at;
    const char = this.source[this.at]!;
    if (char === '^' || char === '$') {
      this.at++;
      return { kind: 'assert', at: start, end: this.at };
    }
    if (char === '(') return this.group();
    if (char === '[') return this.charNode(this.classSet(), start);
    if (char === '.') {
      this.at++;
      return this.charNode(DOT, start);
    }
    if (char === '*' || char === '+' || char === '?') throw syntax('nothing-to-repeat', start);
    if (char === '{' && /^\{\d+(,\d*)?\}/.test(this.source.slice(start, start + 40)))
      throw syntax('nothing-to-repeat', start);
    if (char === '\\') return this.escapeAtom();
    this.at++;
    return this.charNode(single(char.charCodeAt(0)), start);
  }

  private charNode(set: CharSet, start: number): CharNode {
    return { kind: 'char', set: this.ignoreCase ? caseFold(set) : set, at: start, end: this.at };
  }

  private group(): Node {
    const start = this.at;
    if (++this.depth > MAX_NESTING) throw syntax('too-deep', start, MAX_NESTING);
    this.at++; // (
    let look: { behind: boolean; negative: boolean } | null = null;
    if (this.source.startsWith('?:', this.at)) this.at += 2;
    else if (this.source.startsWith('?=', this.at) || this.source.startsWith('?!', this.at)) {
      look = { behind: false, negative: this.source[this.at + 1] === '!' };
      this.at += 2;
    } else if (this.source.startsWith('?<=', this.at) || this.source.startsWith('?<!', this.at)) {
      look = { behind: true, negative: this.source[this.at + 2] === '!' };
      this.at += 3;
    } else if (this.source.startsWith('?<', this.at)) {
      const close = this.source.indexOf('>', this.at);
      if (close === -1) throw syntax('unterminated-group-name', start);
      this.at = close + 1;
    } else if (this.source[this.at] === '?') throw syntax('invalid-group', start);
    const body = this.alternatives();
    if (this.source[this.at] !== ')') throw syntax('unbalanced-open', start);
    this.at++;
    this.depth--;
    return look
      ? { kind: 'look', behind: look.behind, negative: look.negative, body, at: start, end: this.at }
      : { kind: 'group', body, at: start, end: this.at };
  }

  /** An escape outside a class: a class escape, an assertion, a backreference or one character. */
  private escapeAtom(): Node {
    const start = this.at;
    const next = this.source[this.at + 1];
    if (next === undefined) throw syntax('trailing-backslash', this.at);
    if (next === 'b' || next === 'B') {
      this.at += 2;
      return { kind: 'assert', at: start, end: this.at };
    }
    if (/[1-9]/.test(next) || (next === 'k' && this.source[this.at + 2] === '<')) {
      this.at += 2;
      while (/[0-9]/.test(this.source[this.at] ?? '')) this.at++;
      return { kind: 'backref', at: start, end: this.at };
    }
    return this.charNode(this.escapeSet(false), start);
  }

  /** The set of an escape (at a backslash); inside a class, \b is the backspace character. */
  private escapeSet(inClass: boolean): CharSet {
    const next = this.source[this.at + 1]!;
    this.at += 2;
    switch (next) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'n':
        return single(0x0a);
      case 'r':
        return single(0x0d);
      case 't':
        return single(0x09);
      case 'v':
        return single(0x0b);
      case 'f':
        return single(0x0c);
      case 'b':
        return inClass ? single(0x08) : single(0x62);
      case 'c': {
        const letter = this.source[this.at] ?? '';
        if (/[A-Za-z]/.test(letter) || (inClass && /[0-9_]/.test(letter))) {
          this.at++;
          return single(letter.charCodeAt(0) % 32);
        }
        this.at--; // Annex B: `\c` without a letter is a backslash, and the `c` is read next
        return single(0x5c);
      }
      case 'x':
      case 'u': {
        const digits = next === 'x' ? 2 : 4;
        const hex = this.source.slice(this.at, this.at + digits);
        if (hex.length === digits && /^[0-9A-Fa-f]+$/.test(hex)) {
          this.at += digits;
          return single(parseInt(hex, 16));
        }
        return single(next.charCodeAt(0));
      }
      default:
        if (/[0-7]/.test(next)) {
          // Legacy octal (\0, \012, and in a class \1…): up to three digits, at most 0o377.
          let value = Number(next);
          for (let i = 0; i < 2 && /[0-7]/.test(this.source[this.at] ?? '') && value * 8 < 256; i++) {
            value = value * 8 + Number(this.source[this.at]);
            this.at++;
          }
          return single(value);
        }
        return single(next.charCodeAt(0));
    }
  }

  private classSet(): CharSet {
    const start = this.at;
    this.at++; // [
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    const ranges: number[] = [];
    while (this.source[this.at] !== ']') {
      if (this.at >= this.source.length) throw syntax('unterminated-class', start);
      const low = this.classAtom();
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && this.at + 1 < this.source.length) {
        const save = this.at;
        this.at++;
        const high = this.classAtom();
        if (isSingle(low) && isSingle(high)) {
          if (high[0]! < low[0]!) throw syntax('range-out-of-order', save);
          ranges.push(low[0]!, high[0]!);
          continue;
        }
        // Annex B: a class escape next to `-` makes the `-` a literal.
        ranges.push(...low, 0x2d, 0x2d, ...high);
        continue;
      }
      ranges.push(...low);
    }
    this.at++; // ]
    const set = normalise(ranges);
    return negated ? complement(set) : set;
  }

  private classAtom(): CharSet {
    if (this.source[this.at] === '\\') return this.escapeSet(true);
    const code = this.source.charCodeAt(this.at);
    this.at++;
    return single(code);
  }
}

function isSingle(set: CharSet): boolean {
  return set.length === 2 && set[0] === set[1];
}

// ——— Check 1: the shape ———

function shapeProblems(tree: Alt, pattern: string): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'backref') problems.push({ kind: 'backreference', at: node.at });
    if (node.kind === 'repeat') {
      const text = pattern.slice(node.body.end, node.end);
      if (node.max === Infinity) problems.push({ kind: 'unbounded', text, at: node.body.end });
      else if (node.max > MAX_REPEAT)
        problems.push({ kind: 'too-many-repeats', at: node.body.end, repeats: node.max, limit: MAX_REPEAT });
      if (node.max > 1 && node.body.kind === 'group') {
        if (containsVariable(node.body.body)) problems.push({ kind: 'nested-variable', at: node.body.end });
        if (containsAlternation(node.body.body)) problems.push({ kind: 'repeated-alternation', at: node.body.end });
      }
      visit(node.body);
    }
    if (node.kind === 'group' || node.kind === 'look') node.body.branches.forEach((b) => b.forEach(visit));
  };
  tree.branches.forEach((b) => b.forEach(visit));
  return problems;
}

function containsVariable(alt: Alt): boolean {
  return alt.branches.some((b) =>
    b.some(
      (n) =>
        (n.kind === 'repeat' && (n.min !== n.max || containsVariableNode(n.body))) ||
        ((n.kind === 'group' || n.kind === 'look') && containsVariable(n.body)),
    ),
  );
}

function containsVariableNode(node: Node): boolean {
  return (node.kind === 'group' || node.kind === 'look') && containsVariable(node.body);
}

function containsAlternation(alt: Alt): boolean {
  return (
    alt.branches.length > 1 ||
    alt.branches.some((b) =>
      b.some(
        (n) =>
          ((n.kind === 'group' || n.kind === 'look') && containsAlternation(n.body)) ||
          (n.kind === 'repeat' &&
            (n.body.kind === 'group' || n.body.kind === 'look') &&
            containsAlternation(n.body.body)),
      ),
    )
  );
}

/**
 * The pattern's body, and each lookaround's body in the direction the engine matches it (a lookbehind right to
 * left): each is a search of its own, because a lookaround is atomic.
 */
function analysedBodies(tree: Alt): { body: Alt; reversed: boolean }[] {
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

/** The same pattern read right to left, as the engine matches a lookbehind. Nested lookarounds keep their own. */
function reverseAlt(alt: Alt): Alt {
  return { ...alt, branches: alt.branches.map((b) => [...b].reverse().map(reverseNode)) };
}

function reverseNode(node: Node): Node {
  if (node.kind === 'group') return { ...node, body: reverseAlt(node.body) };
  if (node.kind === 'repeat') return { ...node, body: reverseNode(node.body) };
  return node;
}

// ——— Checks 2 and 3 ———

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

/** What the cost model knows of a part of the pattern. */
interface Cost {
  /** Ways the part can match from one position (each is a path the continuation is tried on). */
  paths: number;
  /** Steps spent inside the part over all of its paths. */
  steps: number;
}

// How many leading fixed characters are kept to compare with other text (pins, periods, alternatives).
const PREFIX_LIMIT = 64;

class Analysis {
  readonly problems: PatternProblem[] = [];
  private reversed = false;
  private readonly reported = new Set<string>();
  private readonly memo = new Map<Node, { min: number; max: number; first: CharSet; alpha: CharSet }>();
  private readonly prefixes = new Map<Node, CharSet[]>();
  private readonly determinism = new Map<Alt, boolean>();

  constructor(private readonly pattern: string) {}

  // —— basic facts ——

  private facts(node: Node): { min: number; max: number; first: CharSet; alpha: CharSet } {
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

  private altFacts(alt: Alt): { min: number; max: number; first: CharSet; alpha: CharSet } {
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

  private seqFacts(items: readonly Node[]): { min: number; max: number; first: CharSet; alpha: CharSet } {
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
  private deterministic(alt: Alt): boolean {
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

  private pinnedAgainst(node: Node, alpha: CharSet): boolean {
    if (!intersects(this.facts(node).first, alpha)) return true;
    return this.nonEmptyPrefixes(node).every((prefix) => prefix.some((set) => !intersects(set, alpha)));
  }

  // —— check 2: adjacent ranges that can trade characters ——

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
   * occurrences, which the cost bound (check 3) counts.
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
      // One copy is enough: a group repeated more than once holds no range (check 1), so a second copy would pin
      // or extend the open ranges exactly as the first did.
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
   * constant factor, which the step bound (check 3) counts.
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

  // —— check 3: the step bound ——

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

/** A quantifier with a range of counts wider than optional: `{1,9}`, `{0,4}`, not `?` or `{3}`. */
function isRange(node: Node): node is RepeatNode {
  return node.kind === 'repeat' && node.min !== node.max && node.max > 1;
}

function zeroWidth(node: Node): boolean {
  return node.kind === 'assert' || node.kind === 'look';
}

/** How many characters a part of fixed characters reads (fixedChars keeps at most PREFIX_LIMIT of them). */
function fixedCount(node: Node): number {
  return node.kind === 'repeat' ? node.min : 1;
}

/** The sets of a part that always matches the same number of single characters, one by one; else null. */
function fixedChars(node: Node): CharSet[] | null {
  if (node.kind === 'char') return [node.set];
  if (node.kind === 'repeat' && node.min === node.max && node.body.kind === 'char' && node.min > 0) {
    return new Array<CharSet>(Math.min(node.min, PREFIX_LIMIT)).fill(node.body.set);
  }
  return null;
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

/**
 * The smallest shift at which a run of fixed characters can overlap itself: two places where it matches are at
 * least this far apart. A literal that cannot overlap itself has its length as period.
 */
function period(block: readonly CharSet[]): number {
  for (let shift = 1; shift < block.length; shift++) {
    let overlaps = true;
    for (let i = 0; i + shift < block.length && overlaps; i++) overlaps = intersects(block[i]!, block[i + shift]!);
    if (overlaps) return shift;
  }
  return Math.max(1, block.length);
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
