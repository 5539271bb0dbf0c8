// Whether a pattern is line-local: no match, and no lookaround of it, can read across a line break. The engine
// then runs the rule only on the lines that hold its keywords (with the newline on each side, so that boundary
// assertions see what they would see in the whole text) and finds exactly what a run over the whole text finds.
// Conservative by design: an unusual construct makes the answer false, which only costs speed.

const NEWLINE = 10;

export function isLineLocal(pattern: string): boolean {
  const parser = new Parser(pattern);
  try {
    return parser.alternatives(false) && parser.atEnd();
  } catch {
    return false;
  }
}

/** One pass over the pattern's syntax (no u or v flag: the engine allows only i and m). */
class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.at === this.source.length;
  }

  /**
   * `a|b|…` up to a closing parenthesis or the end. In a lookaround (`assertion`), an alternative may be a single
   * unquantified character test that accepts a newline, like `(?=[\s"']|$)`: it reads the boundary newline itself,
   * which the window holds, and nothing beyond it.
   */
  alternatives(assertion: boolean): boolean {
    let ok = true;
    for (;;) {
      ok = this.sequence(assertion) && ok;
      if (this.source[this.at] !== '|') return ok;
      this.at++;
    }
  }

  private sequence(assertion: boolean): boolean {
    let ok = true;
    let terms = 0;
    let newlineTerm = false;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const term = this.term();
      const quantified = this.quantifier();
      if (term.consumes) terms++;
      if (term.newline) {
        if (!assertion || quantified) ok = false;
        newlineTerm = true;
      }
      if (!term.inner) ok = false;
    }
    // A newline-accepting test is harmless in an assertion only when it is all the alternative reads.
    if (newlineTerm && terms > 1) ok = false;
    return ok;
  }

  /** One atom: `consumes` a character, may accept a `newline`, and its `inner` groups are line-local. */
  private term(): { consumes: boolean; newline: boolean; inner: boolean } {
    const char = this.source[this.at]!;
    if (char === '^' || char === '$') {
      this.at++;
      return { consumes: false, newline: false, inner: true };
    }
    if (char === '(') return this.group();
    if (char === '[') return { consumes: true, newline: this.classAcceptsNewline(), inner: true };
    if (char === '.') {
      this.at++;
      return { consumes: true, newline: false, inner: true };
    }
    if (char === '\\') {
      const escape = this.escape();
      return { consumes: escape.consumes, newline: escape.newline, inner: !escape.backreference };
    }
    // A quantifier with nothing to repeat is a syntax error; a `{` that starts no quantifier is a literal.
    if (char === '*' || char === '+' || char === '?') throw new Error('dangling quantifier');
    this.at++;
    return { consumes: true, newline: char.charCodeAt(0) === NEWLINE, inner: true };
  }

  private group(): { consumes: boolean; newline: boolean; inner: boolean } {
    this.at++; // (
    let assertion = false;
    if (this.source[this.at] === '?') {
      const rest = this.source.slice(this.at, this.at + 3);
      if (rest.startsWith('?:')) this.at += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        assertion = true;
        this.at += 2;
      } else if (rest === '?<=' || rest === '?<!') {
        assertion = true;
        this.at += 3;
      } else if (rest.startsWith('?<')) {
        const close = this.source.indexOf('>', this.at);
        if (close === -1) throw new Error('unterminated group name');
        this.at = close + 1;
      } else throw new Error('unknown group');
    }
    const inner = this.alternatives(assertion);
    if (this.source[this.at] !== ')') throw new Error('unbalanced group');
    this.at++;
    // A group that can read a newline outside an assertion was already refused inside; lookarounds consume nothing.
    return { consumes: !assertion, newline: false, inner };
  }

  /** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy; true when one was there. */
  private quantifier(): boolean {
    const char = this.source[this.at];
    let found = false;
    if (char === '*' || char === '+' || char === '?') {
      this.at++;
      found = true;
    } else if (char === '{') {
      const match = /^\{\d+(,\d*)?\}/.exec(this.source.slice(this.at, this.at + 24));
      if (match) {
        this.at += match[0].length;
        found = true;
      }
    }
    if (found && this.source[this.at] === '?') this.at++;
    return found;
  }

  private escape(): { consumes: boolean; newline: boolean; backreference: boolean } {
    this.at++; // backslash
    const char = this.source[this.at];
    if (char === undefined) throw new Error('trailing backslash');
    if (char === 'b' || char === 'B') {
      this.at++;
      return { consumes: false, newline: false, backreference: false };
    }
    if (/[1-9]/.test(char) || char === 'k') {
      // Backreferences: what they read depends on the match; the linear-time check refuses them anyway.
      this.at++;
      return { consumes: true, newline: true, backreference: true };
    }
    const code = this.escapedCode();
    if (code === 'set-with-newline') return { consumes: true, newline: true, backreference: false };
    if (code === 'set-without-newline') return { consumes: true, newline: false, backreference: false };
    return { consumes: true, newline: code === NEWLINE, backreference: false };
  }

  /**
   * After a backslash (at the escaped character): the code point it stands for, or whether the class escape it
   * names (`\s`, `\w`, …) contains a newline.
   */
  private escapedCode(): number | 'set-with-newline' | 'set-without-newline' {
    const char = this.source[this.at]!;
    this.at++;
    switch (char) {
      case 's':
      case 'W':
      case 'D':
        return 'set-with-newline';
      case 'S':
      case 'w':
      case 'd':
        return 'set-without-newline';
      case 'n':
        return NEWLINE;
      case 't':
        return 9;
      case 'r':
        return 13;
      case 'v':
        return 11;
      case 'f':
        return 12;
      case 'x':
        return this.hex(2);
      case 'u':
        return this.hex(4);
      case 'c': {
        const letter = this.source[this.at];
        if (letter && /[A-Za-z]/.test(letter)) {
          this.at++;
          return letter.charCodeAt(0) % 32;
        }
        return 92; // a literal backslash followed by c
      }
      case '0': {
        // \0 is NUL; legacy octal (\012) could be a newline.
        const octal = /^[0-7]{0,2}/.exec(this.source.slice(this.at))![0];
        this.at += octal.length;
        return parseInt(`0${octal}`, 8);
      }
      default:
        if (/[pP]/.test(char)) throw new Error('property escapes need the u flag');
        return char.charCodeAt(0);
    }
  }

  private hex(digits: number): number {
    const text = this.source.slice(this.at, this.at + digits);
    if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(text)) return this.source.charCodeAt(this.at - 1);
    this.at += digits;
    return parseInt(text, 16);
  }

  /** `[…]` or `[^…]`: whether it accepts a newline. */
  private classAcceptsNewline(): boolean {
    this.at++; // [
    const negated = this.source[this.at] === '^';
    if (negated) this.at++;
    let containsNewline = false;
    // In JavaScript a `]` right after `[` closes the class (`[]` matches nothing, `[^]` anything).
    while (this.at < this.source.length && this.source[this.at] !== ']') {
      const low = this.classAtom();
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']' && this.at + 1 < this.source.length) {
        this.at++;
        const high = this.classAtom();
        if (typeof low !== 'number' || typeof high !== 'number')
          containsNewline = true; // e.g. [\s-x]: be safe
        else if (low <= NEWLINE && NEWLINE <= high) containsNewline = true;
      } else if (low === 'set-with-newline' || low === NEWLINE) {
        containsNewline = true;
      }
    }
    if (this.source[this.at] !== ']') throw new Error('unterminated class');
    this.at++;
    return negated ? !containsNewline : containsNewline;
  }

  private classAtom(): number | 'set-with-newline' | 'set-without-newline' {
    const char = this.source[this.at]!;
    if (char !== '\\') {
      this.at++;
      return char.charCodeAt(0);
    }
    this.at++;
    if (this.source[this.at] === 'b') {
      this.at++;
      return 8; // backspace inside a class
    }
    return this.escapedCode();
  }
}
