// Paths given on the command line, as repository paths; a path that matches no tracked file is an error, never a
// clean result.
import * as path from 'node:path';
import { UsageError } from '../errors.js';
import { untrackedPaths } from '../report/messages/usage.js';

export type PathFilter = ((path: string) => boolean) & {
  given: { path: string; shown: string; matches: (file: string) => boolean }[];
};

/** Paths from the command line, relative to where it ran, as repository paths. */
export function pathFilter(paths: readonly string[], cwd: string, workTree: string | null): PathFilter {
  const root = workTree ?? cwd;
  const given = paths.map((p) => {
    const relative = path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/');
    return {
      path: relative,
      shown: p,
      matches: (file: string) => relative === '' || file === relative || file.startsWith(`${relative}/`),
    };
  });
  const filter = (file: string) => given.length === 0 || given.some((w) => w.matches(file));
  return Object.assign(filter, { given });
}

/**
 * A path given on the command line that matches no tracked file is an error, never a clean result. `tracks` says
 * whether git tracks a repository path ('' for the whole tree): a file there, or files under it as a directory.
 */
export function requireTracked(wanted: PathFilter, tracks: (path: string) => boolean): void {
  const unmatched = wanted.given.filter((w) => !tracks(w.path));
  if (unmatched.length > 0) throw new UsageError(untrackedPaths(unmatched.map((w) => w.shown)));
}
