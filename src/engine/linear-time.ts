// A structural check that a rule's pattern cannot backtrack catastrophically: every quantifier is bounded, and
// no repeated group contains a variable-length quantifier or an alternation (the shapes behind (a+)+ and (a|a)*).
// Conservative by design: it may reject a safe pattern, never accept an exponential one.

export const MAX_REPEAT = 16384;

export function linearTimeProblems(pattern: string): string[] {
  const problems: string[] = [];
  // Per open group: does it contain a variable-length quantifier / an alternation?
  const groups: { variable: boolean; alternation: boolean }[] = [{ variable: false, alternation: false }];
  let lastAtomGroup: { variable: boolean; alternation: boolean } | null = null;

  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    const current = groups[groups.length - 1]!;
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k')
        problems.push(`backreference at ${i} (not allowed: it defeats linear-time matching)`);
      i++;
      lastAtomGroup = null;
      continue;
    }
    if (char === '[') {
      i = skipClass(pattern, i);
      lastAtomGroup = null;
      continue;
    }
    if (char === '(') {
      groups.push({ variable: false, alternation: false });
      if (pattern[i + 1] === '?') i = skipGroupPrefix(pattern, i);
      continue;
    }
    if (char === ')') {
      const closed = groups.pop();
      if (!closed || groups.length === 0) {
        problems.push(`unbalanced ")" at ${i}`);
        groups.push({ variable: false, alternation: false });
        continue;
      }
      const parent = groups[groups.length - 1]!;
      parent.variable ||= closed.variable;
      lastAtomGroup = closed;
      continue;
    }
    if (char === '|') {
      current.alternation = true;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      const { min, max, end } = quantifier;
      if (max === Infinity) problems.push(`unbounded quantifier "${pattern.slice(i, end + 1)}" at ${i}: use {m,n}`);
      else if (max > MAX_REPEAT) problems.push(`quantifier at ${i} allows ${max} repeats (at most ${MAX_REPEAT})`);
      if (lastAtomGroup && max > 1) {
        if (lastAtomGroup.variable)
          problems.push(`repeated group ending at ${i} contains a variable-length quantifier (nested quantifiers)`);
        if (lastAtomGroup.alternation) problems.push(`repeated group ending at ${i} contains an alternation`);
      }
      if (min !== max) current.variable = true;
      lastAtomGroup = null;
      i = end;
      if (pattern[i + 1] === '?') i++;
      continue;
    }
    lastAtomGroup = null;
  }
  if (groups.length !== 1) problems.push('unbalanced "("');
  return problems;
}

function skipClass(pattern: string, start: number): number {
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']' && i > start + 1) return i;
  }
  return pattern.length;
}

/** (?: (?= (?! (?<= (?<! (?<name> — returns the index of the prefix's last character. */
function skipGroupPrefix(pattern: string, open: number): number {
  const rest = pattern.slice(open + 1, open + 4);
  if (rest.startsWith('?<=') || rest.startsWith('?<!')) return open + 3;
  if (rest.startsWith('?<')) {
    const close = pattern.indexOf('>', open);
    return close === -1 ? open + 2 : close;
  }
  return open + 2;
}

function readQuantifier(pattern: string, at: number): { min: number; max: number; end: number } | null {
  const char = pattern[at];
  if (char === '*') return { min: 0, max: Infinity, end: at };
  if (char === '+') return { min: 1, max: Infinity, end: at };
  if (char === '?') return { min: 0, max: 1, end: at };
  if (char !== '{') return null;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
  if (!match) return null;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
  return { min, max, end: at + match[0].length - 1 };
}
