// Which paths git ignores, as git itself decides it: every .gitignore on the way, .git/info/exclude and
// core.excludesFile, negations included. `secret-hook fix` asks before it adds a .env to .gitignore. Reading rules
// only: `check-ignore --no-index` neither reads nor writes the index.
import { RepositoryError } from '../errors.js';
import { execGit, type GitLocation } from './git-process.js';

/** The subset of `paths` (repository paths, '/' separated) that git's ignore rules cover. */
export function ignoredPaths(repo: GitLocation, paths: readonly string[]): Set<string> {
  if (paths.length === 0) return new Set();
  const task = { kind: 'check-ignore' } as const;
  const result = execGit(repo, ['check-ignore', '--no-index', '--stdin', '-z'], {
    input: `${paths.join('\0')}\0`,
    task,
  });
  // 0: some are ignored, 1: none is; anything else is a failure.
  if (result.status !== 0 && result.status !== 1) {
    throw new RepositoryError({ kind: 'git-failed', task, exit: result.status, stderr: result.stderr });
  }
  return new Set(
    result.stdout
      .toString('utf8')
      .split('\0')
      .filter((p) => p !== ''),
  );
}
