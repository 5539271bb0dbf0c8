// Path globs matched the way .gitignore users expect, on top of picomatch: a pattern without a slash matches a
// file or directory name at any depth (`*.snap`, `fixtures`); a pattern with a slash is anchored at the
// repository root (`/docs/*.md` and `docs/*.md` alike); a trailing slash means a directory and everything in
// it; `**` spans directories. A match on a directory covers everything below it.
import type { GlobProblem } from '../config-problem.js';

export type PathMatcher = (path: string) => boolean;

/** picomatch is loaded only when there are patterns: most runs have none and should not pay for it. */
export async function compilePathMatcher(patterns: readonly string[]): Promise<PathMatcher> {
  if (patterns.length === 0) return () => false;
  const { default: picomatch } = await import('picomatch');
  const matchers = patterns.map((pattern) => compileOne(picomatch, pattern));
  return (path) => {
    const parts = path.split('/');
    // The path itself and each of its directories: ignoring a directory ignores its contents.
    for (let end = parts.length; end >= 1; end--) {
      const candidate = parts.slice(0, end).join('/');
      const name = parts[end - 1]!;
      for (const m of matchers) if (m(candidate, name)) return true;
    }
    return false;
  };
}

function compileOne(
  picomatch: typeof import('picomatch'),
  pattern: string,
): (candidate: string, name: string) => boolean {
  let glob = pattern.trim();
  if (glob.endsWith('/')) glob = glob.slice(0, -1);
  const anchored = glob.startsWith('/') || glob.includes('/');
  if (glob.startsWith('/')) glob = glob.slice(1);
  const isMatch = picomatch(glob, { dot: true });
  return anchored ? (candidate) => isMatch(candidate) : (_candidate, name) => isMatch(name);
}

/** Why a glob cannot be used, or null. picomatch accepts almost anything, including globs that never match. */
export function globProblem(pattern: string): GlobProblem | null {
  if (pattern.trim() === '') return { kind: 'empty' };
  if (pattern.startsWith('!')) return { kind: 'negation' };
  if (pattern.endsWith('\\')) return { kind: 'lone-backslash' };
  const pairs: [string, string][] = [
    ['[', ']'],
    ['{', '}'],
    ['(', ')'],
  ];
  for (const [open, close] of pairs) {
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
      if (pattern[i] === '\\') i++;
      else if (pattern[i] === open) depth++;
      else if (pattern[i] === close) depth--;
      if (depth < 0) return { kind: 'unmatched-close', close, open };
    }
    if (depth > 0) return { kind: 'unclosed', open };
  }
  return null;
}
