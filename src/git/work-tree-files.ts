// The files of a working tree that git itself would consider, for `secret-hook scan <paths>`: the tracked ones, and
// the untracked ones that no ignore rule excludes (.gitignore files at every level, .git/info/exclude,
// core.excludesFile). git decides, so that the answer is git's own, including its negations and directory rules.
// https://git-scm.com/docs/git-ls-files
import { runGit } from './git-process.js';
import type { Repository } from './repo.js';

/**
 * Paths (relative to the work tree, '/'-separated) under `pathspecs` (relative to the work tree; '' is all of it).
 * An untracked repository nested in the tree is listed as its directory, with a trailing '/'.
 */
export function workTreeFiles(repo: Repository, pathspecs: readonly string[]): string[] {
  // Literal pathspecs: a file named `*.env` or `:(glob)x` is that file, never a pattern.
  const output = runGit(
    repo,
    [
      '--literal-pathspecs',
      'ls-files',
      '-z',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      ...pathspecs.map((p) => (p === '' ? '.' : p)),
    ],
    { task: { kind: 'list-files' } },
  );
  const files = output.toString('utf8').split('\0');
  files.pop(); // after the last NUL
  // A file in conflict is listed once per stage.
  return [...new Set(files)];
}
