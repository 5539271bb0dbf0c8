// A pattern's syntax tree, and the parser that builds it. The syntax is JavaScript's without the u or v flag (rules
// allow only i and m), including Annex B's lenient forms; with the i flag, each character's set holds both cases.
// Every node keeps where it stands in the pattern (`at`, `end`), so that a problem can quote it.

import type { PatternProblem, PatternSyntax } from '../../pattern-problem.js';
import {
  caseFold,
  complement,
  DIGIT,
  DOT,
  isSingle,
  normalise,
  single,
  SPACE,
  WORD,
  type CharSet,
} from './char-set.js';

/** A pattern the parser cannot read: thrown inside the parser, returned as a problem. */
export class PatternSyntaxError extends Error {
  constructor(readonly problem: PatternProblem) {
    super(problem.kind);
  }
}

function syntax(kind: PatternSyntax, at: number, limit?: number): PatternSyntaxError {
  return new PatternSyntaxError({ kind: 'syntax', syntax: kind, at, ...(limit === undefined ? {} : { limit }) });
}

export interface CharNode {
  kind: 'char';
  set: CharSet;
  at: number;
  end: number;
}
/** ^ $ \b \B: zero-width. */
export interface AssertNode {
  kind: 'assert';
  at: number;
  end: number;
}
/** (?= (?! (?<= (?<!: zero-width and atomic (the engine never backtracks into one once it has answered). */
export interface LookNode {
  kind: 'look';
  behind: boolean;
  negative: boolean;
  body: Alt;
  at: number;
  end: number;
}
export interface GroupNode {
  kind: 'group';
  body: Alt;
  at: number;
  end: number;
}
export interface RepeatNode {
  kind: 'repeat';
  body: Node;
  min: number;
  max: number;
  at: number;
  end: number;
}
export interface BackrefNode {
  kind: 'backref';
  at: number;
  end: number;
}
export type Node = CharNode | AssertNode | LookNode | GroupNode | RepeatNode | BackrefNode;
export interface Alt {
  branches: Node[][];
  at: number;
  end: number;
}

/** Deeper nesting is refused: the analysis recurses along it (the built-in rules nest at most a few levels). */
const MAX_NESTING = 64;

export class Parser {
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

/** The same pattern read right to left, as the engine matches a lookbehind. Nested lookarounds keep their own. */
export function reverseAlt(alt: Alt): Alt {
  return { ...alt, branches: alt.branches.map((b) => [...b].reverse().map(reverseNode)) };
}

function reverseNode(node: Node): Node {
  if (node.kind === 'group') return { ...node, body: reverseAlt(node.body) };
  if (node.kind === 'repeat') return { ...node, body: reverseNode(node.body) };
  return node;
}
