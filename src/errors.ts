// Typed failures. Library code throws these with context; only the entry point turns them into exit code 2 and the
// one-paragraph message of report/messages/failures.ts. A leaf module: every layer may throw these.
// The git layer's failures carry what went wrong as data (which object, file, offset, what kind of problem and its
// low-level detail); their sentences and hints are written from that data in report/messages/git-failures.ts. Their
// own `message` is a short technical line, for logs and stack traces.

/** How a repository names its objects (git's extensions.objectFormat). */
export type ObjectFormat = 'sha1' | 'sha256';
export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

import type { ConfigProblem } from './config-problem.js';

export type FailureKind = 'repository' | 'object' | 'index' | 'config' | 'usage' | 'internal';

export class ScanFailure extends Error {
  readonly kind: FailureKind;
  /** What the user can do about it, one sentence, or empty. */
  readonly hint: string;

  constructor(kind: FailureKind, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ScanFailure';
    this.kind = kind;
    this.hint = options.hint ?? '';
  }
}

/** What git was asked to do when it failed: names the command and its purpose in messages. */
export type GitTask =
  | { kind: 'resolve-ref'; ref: string }
  | { kind: 'list-refs' }
  | { kind: 'resolve-revision'; revision: string }
  | { kind: 'count-commits' }
  | { kind: 'list-commits' }
  | { kind: 'read-blobs' }
  /** `git ls-files` of a split index, which only git reads whole. */
  | { kind: 'list-index'; file: string }
  /** `git config --get` of a setting only git resolves whole (core.hooksPath, for install). */
  | { kind: 'read-config'; key: string }
  /** `git check-ignore` of the files `secret-hook fix` writes (whether .gitignore already covers them). */
  | { kind: 'check-ignore' }
  /** `git ls-files` of the files on disk that `scan <paths>` reads (tracked, and untracked but not ignored). */
  | { kind: 'list-files' };

export type RepositoryProblem =
  /** Neither GIT_DIR nor a `.git` in `cwd` or above. */
  | { kind: 'not-found'; cwd: string }
  | { kind: 'not-a-git-dir'; gitDir: string }
  /** A `.git` file that does not say where the git dir is. */
  | { kind: 'bad-git-file'; file: string }
  /** extensions.objectFormat or extensions.refStorage set to a value not read here. */
  | { kind: 'unknown-extension'; file: string; extension: 'objectFormat' | 'refStorage'; value: string }
  | { kind: 'symbolic-ref-loop'; ref: string }
  /** A loose ref whose content is neither an object id nor `ref: <name>`. */
  | { kind: 'bad-ref'; ref: string; content: string }
  | { kind: 'unreadable-ref'; file: string; detail: string }
  /** git could not be started at all. */
  | { kind: 'git-not-run'; task: GitTask; detail: string }
  /** git ran and failed: its exit status (or the signal that ended it) and the first line of its stderr. */
  | { kind: 'git-failed'; task: GitTask; exit: number | string; stderr: string }
  /** git printed something its caller cannot read; `request` is the object asked for, if any was waiting. */
  | { kind: 'unexpected-output'; task: GitTask; output: string; request?: string }
  /** git printed a ref's object id in another object format than the repository's. */
  | { kind: 'not-an-object-id'; task: GitTask; ref: string; output: string; format: ObjectFormat }
  /** git stopped before its output was complete. */
  | { kind: 'git-stopped'; task: GitTask };

/** The repository could not be found or read (no .git, unreadable HEAD, broken worktree link), or git failed on it. */
export class RepositoryError extends ScanFailure {
  readonly problem: RepositoryProblem;

  constructor(problem: RepositoryProblem) {
    super('repository', `repository problem: ${problem.kind}`);
    this.name = 'RepositoryError';
    this.problem = problem;
  }
}

export type ObjectProblem =
  /** Not an object id of the repository's object format. */
  | { kind: 'invalid-id'; format: ObjectFormat }
  | { kind: 'store-closed' }
  /** In none of the objects directories searched; pack indexes that could not be opened may have held it. */
  | { kind: 'missing'; searched: readonly string[]; unreadableIndexes: readonly { file: string; detail: string }[] }
  /** A delta (at `offset` in the pack `file`) whose base object is in no objects directory. */
  | { kind: 'missing-delta-base'; base: string; file: string; offset: number }
  /** The stored bytes do not decode (zlib, a header, a size, a delta); `offset` is set inside a pack. */
  | { kind: 'corrupt'; detail: string; file: string; offset?: number }
  /** Reading failed (an I/O error, a pack index that breaks off); `offset` is set inside a pack. */
  | { kind: 'unreadable'; detail: string; file: string; offset?: number }
  | { kind: 'wrong-type'; expected: ObjectType; found: ObjectType }
  /** A tree, commit or tag whose content does not parse. */
  | { kind: 'malformed'; type: ObjectType; detail: string };

/** A git object is missing or damaged. */
export class GitObjectError extends ScanFailure {
  readonly oid: string;
  readonly problem: ObjectProblem;

  constructor(oid: string, problem: ObjectProblem) {
    super('object', `git object ${oid}: ${problem.kind}`);
    this.name = 'GitObjectError';
    this.oid = oid;
    this.problem = problem;
  }
}

export type IndexProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'truncated' }
  | { kind: 'bad-signature' }
  | { kind: 'unsupported-version'; version: number }
  /** A version 4 entry that strips more of the previous path than it has. */
  | { kind: 'bad-path-compression'; entry: number }
  /** An extension whose signature does not start with 'A'..'Z', which a reader must understand. */
  | { kind: 'unknown-required-extension'; signature: string }
  /** A split index that git could not list (the RepositoryError is the cause). */
  | { kind: 'split-index-unlisted' };

/** The index file could not be read. */
export class IndexFileError extends ScanFailure {
  readonly file: string;
  readonly problem: IndexProblem;

  constructor(file: string, problem: IndexProblem, options: { cause?: unknown } = {}) {
    super('index', `git index ${file}: ${problem.kind}`, { cause: options.cause });
    this.name = 'IndexFileError';
    this.file = file;
    this.problem = problem;
  }
}

/** The configuration is invalid: which file, which key, what was expected (src/report/messages/config.ts words it). */
export class ConfigError extends ScanFailure {
  constructor(
    readonly problem: ConfigProblem,
    options: { cause?: unknown } = {},
  ) {
    super('config', `invalid configuration in ${problem.file} (${problem.kind})`, options);
    this.name = 'ConfigError';
  }
}

/** The command line was wrong. */
export class UsageError extends ScanFailure {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}

/** A revision given on the command line names no commit (git's answer). */
export class UnknownRevisionError extends UsageError {
  readonly revision: string;

  constructor(revision: string) {
    super(`unknown revision "${revision}"`);
    this.name = 'UnknownRevisionError';
    this.revision = revision;
  }
}
