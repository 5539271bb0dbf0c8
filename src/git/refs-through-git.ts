// Refs and revisions read by the git program, for repositories our own readers and isomorphic-git do not read:
// refs kept in a reftable (extensions.refStorage = reftable, git >= 2.45) and revision names in SHA-256
// repositories. Such a repository was made by a git that reads it, and that git is on PATH (it runs the hooks).
// `git rev-parse` and `git for-each-ref` only read. child_process is loaded on first use: an ordinary
// repository's commit never comes here.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { RepositoryError, UsageError } from '../errors.js';
import { isObjectId } from './object-id.js';
import type { Repository } from './repo.js';

interface GitOutput {
  status: number;
  stdout: string;
  stderr: string;
}

/** Variables that would point git at another repository than the one found here. */
const LOCATION_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY'];

function runGit(repo: Repository, args: string[]): GitOutput {
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const env = { ...process.env };
  for (const name of LOCATION_VARIABLES) delete env[name];
  const result = spawnSync('git', ['--git-dir', repo.gitDir, ...args], {
    cwd: repo.gitDir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) {
    throw new RepositoryError(`cannot run git to read the refs of ${repo.gitDir}: ${result.error.message}`, {
      hint: 'This repository stores its refs or object names in a format read through git itself: put git on PATH.',
      cause: result.error,
    });
  }
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function failed(repo: Repository, what: string, output: GitOutput): RepositoryError {
  const reason = output.stderr.trim().split('\n')[0] || `exit ${output.status}`;
  return new RepositoryError(`git could not ${what} in ${repo.gitDir}: ${reason}`, {
    hint: 'Check that the git on PATH is the one that made this repository (reftable needs git 2.45 or later).',
  });
}

function checkedId(repo: Repository, what: string, text: string): string {
  const oid = text.trim();
  if (!isObjectId(oid, repo.objectFormat)) {
    throw new RepositoryError(`git answered "${oid.slice(0, 80)}" for ${what}, not a ${repo.objectFormat} object id`);
  }
  return oid;
}

/** A full ref name (or HEAD) to the object id it holds, symbolic refs followed; null when it does not exist. */
export function resolveRefThroughGit(repo: Repository, name: string): string | null {
  // --verify --quiet: exit 1 and no output for a ref that does not exist (an unborn branch), 128 for a failure.
  const output = runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', name]);
  if (output.status === 1 && output.stdout.trim() === '') return null;
  if (output.status !== 0) throw failed(repo, `resolve ${name}`, output);
  return checkedId(repo, name, output.stdout);
}

/** Object ids of the refs under refs/remotes/<remote>/ (every remote's when remote is null), HEAD left out. */
export function remoteTrackingTipsThroughGit(repo: Repository, remote: string | null): string[] {
  const prefix = remote === null ? 'refs/remotes/' : `refs/remotes/${remote}/`;
  // for-each-ref matches a pattern as a whole path prefix up to a slash: refs/remotes/origin/ never lists origin2.
  const output = runGit(repo, ['for-each-ref', '--format=%(objectname) %(refname)', prefix]);
  if (output.status !== 0) throw failed(repo, 'list the remote-tracking refs', output);
  const tips: string[] = [];
  for (const line of output.stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0 || line.endsWith('/HEAD')) continue;
    tips.push(checkedId(repo, line.slice(space + 1), line.slice(0, space)));
  }
  return tips;
}

/** A revision as users write it (a name, an id or abbreviation, `~N`/`^N`, `@{upstream}` …) to a commit id. */
export function resolveRevisionThroughGit(repo: Repository, revision: string): string {
  // --end-of-options: a revision that starts with '-' is a revision, never an option.
  const output = runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (output.status === 0) return checkedId(repo, revision, output.stdout);
  if (output.status === 1) {
    const where = path.basename(repo.workTree ?? repo.gitDir);
    throw new UsageError(`unknown revision "${revision}" in ${where} (git knows no commit by that name)`, {
      hint: 'Use a branch, tag or remote-tracking name, HEAD, or a commit id.',
    });
  }
  throw failed(repo, `resolve the revision "${revision}"`, output);
}
