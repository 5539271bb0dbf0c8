// Refs read by the git program, for repositories whose refs our own reader (refs.ts) and isomorphic-git do not
// read: refs kept in a reftable (extensions.refStorage = reftable, git >= 2.45), and SHA-256 repositories, which
// isomorphic-git does not read. Such a repository was made by a git that reads it, and that git is on PATH (it runs
// the hooks). `git rev-parse` and `git for-each-ref` only read; an ordinary repository's commit never comes here.
import { RepositoryError } from '../errors.js';
import { execGit } from './git-process.js';
import { isObjectId } from './object-id.js';
import type { Repository } from './repo.js';

function checkedId(repo: Repository, what: string, text: string): string {
  const oid = text.trim();
  if (!isObjectId(oid, repo.objectFormat)) {
    throw new RepositoryError(`git answered "${oid.slice(0, 80)}" for ${what}, not a ${repo.objectFormat} object id`);
  }
  return oid;
}

function failed(repo: Repository, what: string, stderr: string, status: number): RepositoryError {
  return new RepositoryError(`git could not ${what} in ${repo.gitDir}: ${stderr || `exit ${status}`}`, {
    hint: 'Check that the git on PATH is the one that made this repository (reftable needs git 2.45 or later).',
  });
}

/** A full ref name (or HEAD) to the object id it holds, symbolic refs followed; null when it does not exist. */
export function resolveRefThroughGit(repo: Repository, name: string): string | null {
  // --verify --quiet: exit 1 and no output for a ref that does not exist (an unborn branch), 128 for a failure.
  const output = execGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', name], {
    what: `git could not resolve ${name}`,
  });
  const stdout = output.stdout.toString('latin1');
  if (output.status === 1 && stdout.trim() === '') return null;
  if (output.status !== 0) throw failed(repo, `resolve ${name}`, output.stderr, output.status);
  return checkedId(repo, name, stdout);
}

/** Object ids of the refs under these prefixes (`refs/remotes/origin/`, `refs/heads/`), symbolic HEADs left out. */
export function refTipsThroughGit(repo: Repository, prefixes: readonly string[]): string[] {
  // for-each-ref matches a pattern as a whole path prefix up to a slash: refs/remotes/origin/ never lists origin2.
  const output = execGit(repo, ['for-each-ref', '--format=%(objectname) %(refname)', ...prefixes], {
    what: 'git could not list refs',
  });
  if (output.status !== 0) throw failed(repo, 'list refs', output.stderr, output.status);
  const tips: string[] = [];
  for (const line of output.stdout.toString('utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0 || line.endsWith('/HEAD')) continue;
    tips.push(checkedId(repo, line.slice(space + 1), line.slice(0, space)));
  }
  return tips;
}
