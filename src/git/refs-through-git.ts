// Refs read by the git program, for repositories whose refs our own reader (refs.ts) and isomorphic-git do not
// read: refs kept in a reftable (extensions.refStorage = reftable, git >= 2.45), and SHA-256 repositories, which
// isomorphic-git does not read. Such a repository was made by a git that reads it, and that git is on PATH (it runs
// the hooks). `git rev-parse` and `git for-each-ref` only read; an ordinary repository's commit never comes here.
import { RepositoryError, type GitTask } from '../errors.js';
import { execGit, runGit } from './git-process.js';
import { isObjectId } from './object-id.js';
import type { Repository } from './repo.js';

/** The object id git printed for `ref`, checked to be one of the repository's object format. */
function checkedId(repo: Repository, task: GitTask, ref: string, text: string): string {
  const oid = text.trim();
  if (!isObjectId(oid, repo.objectFormat)) {
    throw new RepositoryError({ kind: 'not-an-object-id', task, ref, output: oid, format: repo.objectFormat });
  }
  return oid;
}

/** A full ref name (or HEAD) to the object id it holds, symbolic refs followed; null when it does not exist. */
export function resolveRefThroughGit(repo: Repository, name: string): string | null {
  // --verify --quiet: exit 1 and no output for a ref that does not exist (an unborn branch), 128 for a failure.
  const task: GitTask = { kind: 'resolve-ref', ref: name };
  const output = execGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', name], { task });
  const stdout = output.stdout.toString('latin1');
  if (output.status === 1 && stdout.trim() === '') return null;
  if (output.status !== 0) {
    throw new RepositoryError({ kind: 'git-failed', task, exit: output.status, stderr: output.stderr });
  }
  return checkedId(repo, task, name, stdout);
}

/** Object ids of the refs under these prefixes (`refs/remotes/origin/`, `refs/heads/`), symbolic HEADs left out. */
export function refTipsThroughGit(repo: Repository, prefixes: readonly string[]): string[] {
  // for-each-ref matches a pattern as a whole path prefix up to a slash: refs/remotes/origin/ never lists origin2.
  const task: GitTask = { kind: 'list-refs' };
  const output = runGit(repo, ['for-each-ref', '--format=%(objectname) %(refname)', ...prefixes], { task });
  const tips: string[] = [];
  for (const line of output.toString('utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0 || line.endsWith('/HEAD')) continue;
    tips.push(checkedId(repo, task, line.slice(space + 1), line.slice(0, space)));
  }
  return tips;
}
