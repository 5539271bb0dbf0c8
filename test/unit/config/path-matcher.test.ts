import { describe, expect, it } from 'vitest';
import { compilePathMatcher, globProblem } from '../../../src/config/path-matcher.js';

describe('path matcher', () => {
  const cases: [string, string, boolean][] = [
    ['*.snap', 'a/b/c.snap', true],
    ['*.snap', 'snap', false],
    ['fixtures', 'test/fixtures/keys.json', true],
    ['fixtures/', 'fixtures/a/b.txt', true],
    ['/docs/*.md', 'docs/a.md', true],
    ['/docs/*.md', 'src/docs/a.md', false],
    ['docs/*.md', 'docs/a.md', true],
    ['docs/*.md', 'docs/deep/a.md', false],
    ['docs/**/*.md', 'docs/deep/a.md', true],
    ['test/**', 'test/unit/x.ts', true],
    ['.env.example', 'app/.env.example', true],
    ['*.min.js', 'dist/app.min.js', true],
    ['*.min.js', 'dist/app.js', false],
  ];
  it.each(cases)('%s on %s → %s', async (glob, path, expected) => {
    expect((await compilePathMatcher([glob]))(path)).toBe(expected);
  });
  it('matches nothing without patterns', async () => expect((await compilePathMatcher([]))('a')).toBe(false));
  it('reports globs that cannot work', () => {
    expect(globProblem('src/{a,b')).toEqual({ kind: 'unclosed', open: '{' });
    expect(globProblem('a]')).toEqual({ kind: 'unmatched-close', close: ']', open: '[' });
    expect(globProblem('')).toEqual({ kind: 'empty' });
    expect(globProblem('ok/**/*.ts')).toBeNull();
  });
});
