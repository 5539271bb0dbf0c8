// Typed failures. Library code throws these with context; only the entry point turns them into exit code 2
// and the one-paragraph message from report/messages.ts.

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

/** The repository could not be found or read (no .git, unreadable HEAD, broken worktree link). */
export class RepositoryError extends ScanFailure {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('repository', message, options);
    this.name = 'RepositoryError';
  }
}

/** A git object is missing or corrupt. */
export class GitObjectError extends ScanFailure {
  readonly oid: string;
  constructor(oid: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('object', message, options);
    this.name = 'GitObjectError';
    this.oid = oid;
  }
}

/** The index file could not be parsed. */
export class IndexFileError extends ScanFailure {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('index', message, options);
    this.name = 'IndexFileError';
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
