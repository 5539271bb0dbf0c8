// The one paragraph printed when the scan itself failed (exit 2): what failed, why that blocks, how to bypass.
import {
  ConfigError,
  GitObjectError,
  IndexFileError,
  RepositoryError,
  UnknownRevisionError,
  type ScanFailure,
} from '../../errors.js';
import type { Scope } from '../../result.js';
import { visible } from '../visible.js';
import { describeConfigProblem } from './config.js';
import {
  describeIndexFailure,
  describeObjectFailure,
  describeRepositoryFailure,
  describeUnknownRevision,
} from './git-failures.js';

/** What a typed failure says (its sentence and hint), from the facts it carries; null for other errors. */
export function describeFailure(error: unknown): { message: string; hint: string } | null {
  if (error instanceof ConfigError) return describeConfigProblem(error.problem);
  if (error instanceof RepositoryError) return describeRepositoryFailure(error.problem);
  if (error instanceof GitObjectError) return describeObjectFailure(error.oid, error.problem);
  if (error instanceof IndexFileError) return describeIndexFailure(error.file, error.problem);
  if (error instanceof UnknownRevisionError) return describeUnknownRevision(error.revision);
  return null;
}

/**
 * The one paragraph printed when the scan itself failed (exit 2): what failed, why we block, how to bypass. Only a
 * hook (`hook`) stopped a commit or a push; a manual check stops nothing, so it neither says so nor offers
 * --no-verify.
 */
export function failureParagraph(error: unknown, scope: Scope, hook = true): string {
  const described = describeFailure(error);
  if (described) {
    // A failure caused by another typed failure (a split index git could not list): say both.
    const inner = describeFailure((error as Error).cause);
    const what = inner ? `${described.message} (${inner.message})` : described.message;
    return blockedParagraph(what, described.hint, scope, hook);
  }
  const failure = error as Partial<ScanFailure> & Error;
  const cause = failure?.cause instanceof Error ? ` (${failure.cause.message})` : '';
  return blockedParagraph(`${failure?.message ?? String(error)}${cause}`, failure?.hint ?? '', scope, hook);
}

/**
 * The paragraph itself. The launcher builds its own from here, not through failureParagraph: that keeps every
 * other failure's wording (and the error classes) out of the launcher, which is compiled on every commit.
 */
function blockedParagraph(what: string, hint: string, scope: Scope, hook: boolean): string {
  const stopped = hook && (scope === 'push' || scope === 'staged');
  const action = scope === 'push' ? 'push' : 'commit';
  const blocked = stopped
    ? ` The ${action} was stopped, because changes that could not be scanned might carry a secret.`
    : '';
  const bypass = stopped ? ` To ${action} without the scan deliberately, run git ${action} --no-verify.` : '';
  // The messages name files and configuration values, which come from the repository.
  return visible(`secret-hook could not complete the scan: ${what}.${blocked}${hint ? ` ${hint}` : ''}${bypass}`);
}

/** The launcher's paragraph when the program itself cannot be loaded (a broken install): it still blocks. */
export function programNotLoaded(detail: string, scope: Scope): string {
  return blockedParagraph(
    `its program could not be loaded (${detail})`,
    'Reinstall it (npm install, or npm ci).',
    scope,
    true,
  );
}
