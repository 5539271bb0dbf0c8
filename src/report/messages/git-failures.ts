// Every sentence about a failure of the git layer: a missing or damaged object, an unreadable index, a repository
// that cannot be found or read, a git that failed. The errors (src/errors.ts) carry the facts; this file says them,
// with what the user can do about it. Sentences end without a full stop: the paragraph around them adds it.
import type { GitTask, IndexProblem, ObjectProblem, RepositoryProblem } from '../../errors.js';

/** A failure's sentence and the hint that follows it ('' for none). */
export interface FailureText {
  message: string;
  hint: string;
}

const OBJECT_CORRUPT_HINT =
  'Run `git fsck --full` to find the damaged objects; re-clone or restore them from another copy.';
const OBJECT_MISSING_HINT =
  'The object may live in a partial or shallow clone’s missing part, or the repository is damaged; `git fsck` tells which.';
const INDEX_CORRUPT_HINT =
  'Check whether `git status` can read it; if git also reports it corrupt, ' +
  'remove it and run `git reset` (this unstages your changes).';
const GIT_ON_PATH_HINT = 'secret-hook runs the git on PATH for this: check that git is installed and on PATH.';
const GIT_VERSION_HINT =
  'Check that the git on PATH is the one that made this repository (reftable needs git 2.45 or later).';

export function describeObjectFailure(oid: string, problem: ObjectProblem): FailureText {
  const object = `Git object ${oid}`;
  switch (problem.kind) {
    case 'invalid-id': {
      const digits = problem.format === 'sha1' ? '40-hex-digit SHA-1' : '64-hex-digit SHA-256';
      return { message: `Cannot read git object "${oid}": not a ${digits} object id`, hint: '' };
    }
    case 'store-closed':
      return { message: `Cannot read git object ${oid}: the object store is closed`, hint: '' };
    case 'missing': {
      const unreadable = problem.unreadableIndexes.map((index) => `${index.file} (${index.detail})`);
      const also = unreadable.length > 0 ? `; some pack indexes could not be read: ${unreadable.join(', ')}` : '';
      return {
        message: `${object} is missing: not found in ${problem.searched.join(', ')}${also}`,
        hint: OBJECT_MISSING_HINT,
      };
    }
    case 'missing-delta-base':
      return {
        message: `${object} cannot be rebuilt: its delta base ${problem.base} is missing (delta at offset ${problem.offset} in ${problem.file})`,
        hint: OBJECT_MISSING_HINT,
      };
    case 'corrupt':
      return { message: `${object} is corrupt: ${problem.detail}${where(problem)}`, hint: OBJECT_CORRUPT_HINT };
    case 'unreadable':
      return { message: `${object} is unreadable: ${problem.detail}${where(problem)}`, hint: OBJECT_CORRUPT_HINT };
    case 'wrong-type':
      return { message: `${object} is a ${problem.found}, where a ${problem.expected} was expected`, hint: '' };
    case 'malformed':
      return { message: `${object} is not a readable ${problem.type}: ${problem.detail}`, hint: '' };
  }
}

/** " (object at offset 123 in <pack>)" inside a pack, " in <file>" outside, "" when the detail names the file. */
function where(problem: { detail: string; file: string; offset?: number }): string {
  if (problem.offset !== undefined) return ` (object at offset ${problem.offset} in ${problem.file})`;
  return problem.detail.includes(problem.file) ? '' : ` in ${problem.file}`;
}

export function describeIndexFailure(file: string, problem: IndexProblem): FailureText {
  const index = `Cannot read the git index ${file}`;
  switch (problem.kind) {
    case 'unreadable':
      return { message: `${index}: ${problem.detail}`, hint: 'Check the file permissions.' };
    case 'truncated':
      return { message: `${index}: the file is truncated`, hint: INDEX_CORRUPT_HINT };
    case 'bad-signature':
      return { message: `${index}: it does not start with the signature 'DIRC'`, hint: INDEX_CORRUPT_HINT };
    case 'unsupported-version':
      return {
        message: `${index}: unsupported index version ${problem.version}`,
        hint: 'secret-hook reads index versions 2, 3 and 4.',
      };
    case 'bad-path-compression':
      return {
        message: `${index}: entry ${problem.entry} strips more of the previous path than it has`,
        hint: INDEX_CORRUPT_HINT,
      };
    case 'unknown-required-extension':
      return {
        message: `${index}: it uses the required extension '${problem.signature}', which secret-hook does not understand`,
        hint: INDEX_CORRUPT_HINT,
      };
    case 'split-index-unlisted':
      return { message: `${index}: it is a split index, which only git itself reads whole`, hint: '' };
  }
}

export function describeRepositoryFailure(problem: RepositoryProblem): FailureText {
  switch (problem.kind) {
    case 'not-found':
      return {
        message: `no git repository found in ${problem.cwd} or any parent directory`,
        hint: 'Run secret-hook inside a git repository, or set GIT_DIR.',
      };
    case 'not-a-git-dir':
      return { message: `${problem.gitDir} is not a git directory (it has no HEAD)`, hint: '' };
    case 'bad-git-file':
      return { message: `${problem.file} is a file but does not say "gitdir: <path>"`, hint: '' };
    case 'unknown-extension':
      return problem.extension === 'objectFormat'
        ? {
            message: `${problem.file} sets extensions.objectFormat = ${problem.value}, an object format unknown here`,
            hint: 'secret-hook reads repositories whose objects are named by sha1 or sha256.',
          }
        : {
            message: `${problem.file} sets extensions.refStorage = ${problem.value}, a ref storage unknown here`,
            hint: 'secret-hook reads refs stored as files or as reftable.',
          };
    case 'symbolic-ref-loop':
      return { message: `symbolic ref loop at ${problem.ref}`, hint: '' };
    case 'bad-ref':
      return {
        message: `ref ${problem.ref} holds "${problem.content.slice(0, 60)}", which is neither an object id nor a symbolic ref`,
        hint: '',
      };
    case 'unreadable-ref':
      return { message: `cannot read ref file ${problem.file}: ${problem.detail}`, hint: '' };
    case 'git-not-run':
      return {
        message: `${taskFailed(problem.task)}: git could not be run (${problem.detail})`,
        hint: GIT_ON_PATH_HINT,
      };
    case 'git-failed': {
      const stderr = problem.stderr ? `: ${problem.stderr}` : '';
      const refs = problem.task.kind === 'resolve-ref' || problem.task.kind === 'list-refs';
      return {
        message: `${taskFailed(problem.task)} (git exited with ${problem.exit}${stderr})`,
        hint: refs ? GIT_VERSION_HINT : '',
      };
    }
    case 'unexpected-output': {
      const output = `"${problem.output.slice(0, 80)}"`;
      return {
        message:
          problem.request === undefined
            ? `${command(problem.task)} printed something unexpected: ${output}`
            : `${command(problem.task)} answered ${output} for ${problem.request}`,
        hint: '',
      };
    }
    case 'not-an-object-id':
      return {
        message: `git answered "${problem.output.slice(0, 80)}" for ${problem.ref}, not a ${problem.format} object id`,
        hint: '',
      };
    case 'git-stopped':
      return { message: `${command(problem.task)} stopped before its output was complete`, hint: '' };
  }
}

export function describeUnknownRevision(revision: string): FailureText {
  return {
    message: `unknown revision "${revision}"`,
    hint: 'Use a branch, tag or remote-tracking name, HEAD, or a commit id (see git help revisions).',
  };
}

/** What could not be done: "git log could not list the commits to scan". */
function taskFailed(task: GitTask): string {
  switch (task.kind) {
    case 'resolve-ref':
      return `git could not resolve ${task.ref}`;
    case 'list-refs':
      return 'git could not list refs';
    case 'resolve-revision':
      return `git could not resolve the revision "${task.revision}"`;
    case 'count-commits':
      return 'git rev-list could not count the commits to scan';
    case 'list-commits':
      return 'git log could not list the commits to scan';
    case 'read-blobs':
      return 'git cat-file could not read the blobs to scan';
    case 'list-index':
      return `git ls-files could not list the split index ${task.file}`;
    case 'read-config':
      return `git config could not read the setting ${task.key}`;
    case 'check-ignore':
      return 'git check-ignore could not tell which files .gitignore covers';
    case 'list-files':
      return 'git ls-files could not list the files to scan';
  }
}

/** The git command that runs the task. */
function command(task: GitTask): string {
  switch (task.kind) {
    case 'resolve-ref':
    case 'resolve-revision':
      return 'git rev-parse';
    case 'list-refs':
      return 'git for-each-ref';
    case 'count-commits':
      return 'git rev-list';
    case 'list-commits':
      return 'git log';
    case 'read-blobs':
      return 'git cat-file';
    case 'list-index':
      return 'git ls-files';
    case 'read-config':
      return 'git config';
    case 'check-ignore':
      return 'git check-ignore';
    case 'list-files':
      return 'git ls-files';
  }
}
