// Revision names as users type them (`main`, `origin/main~3`, `v1.2^{}`, an abbreviated id, `@{upstream}`) are
// resolved by git itself, once, to commit ids: git's own grammar (https://git-scm.com/docs/gitrevisions), not a
// re-implementation of part of it. Only ids are passed on.
import { UnknownRevisionError } from '../errors.js';
import type { LogRequest } from './commit-log.js';
import { isObjectId } from './object-id.js';
import { execGit, runGit } from './git-process.js';
import type { Repository } from './repo.js';

/** The commit a revision names; an UnknownRevisionError (a UsageError) when it names none. */
export function resolveCommit(repo: Repository, revision: string): string {
  // --end-of-options: a revision that starts with "-" is a revision, never an option.
  const result = execGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], {
    task: { kind: 'resolve-revision', revision },
  });
  const oid = result.status === 0 ? result.stdout.toString('latin1').trim() : '';
  if (!isObjectId(oid, repo.objectFormat)) throw new UnknownRevisionError(revision);
  return oid;
}

/** How many commits a log request lists (for the progress display). */
export function countCommits(repo: Repository, request: LogRequest): number {
  const args = [
    'rev-list',
    '--count',
    ...(request.noWalk ? ['--no-walk'] : []),
    ...(request.stdin !== undefined ? ['--stdin'] : []),
    ...request.args,
    '--',
  ];
  const out = runGit(repo, args, {
    input: request.stdin ?? '',
    task: { kind: 'count-commits' },
  });
  return Number(out.toString('latin1').trim()) || 0;
}
