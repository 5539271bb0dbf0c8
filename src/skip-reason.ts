// Why a changed path was not scanned (or not scanned whole). Produced by the git layer and the commands, rendered
// in words by src/report/messages.ts; no behaviour depends on the wording. A leaf module: every layer may use it.

export type SkipReason =
  /** `git add -N`: the index holds no content for it yet. */
  | { kind: 'intent-to-add' }
  /** Only the executable bit changed: the same bytes were scanned when they were added. */
  | { kind: 'mode-change' }
  | { kind: 'submodule' }
  | { kind: 'symlink' }
  | { kind: 'renamed'; from: string }
  | { kind: 'deleted' }
  | { kind: 'too-large'; bytes: number; limit: number }
  /** Binary content: only its printable runs were searched, with the rules for keys that carry their own prefix. */
  | { kind: 'binary' }
  /** A compressed archive (zip, gzip, …): its members are not unpacked. */
  | { kind: 'archive'; format: string }
  | { kind: 'lfs-pointer' }
  | { kind: 'ignored-by-config' }
  /** The object is not in this repository (a partial clone that never fetched it). */
  | { kind: 'missing-object'; oid: string }
  /** `check --all`: an entry that is not a regular file (symlink, submodule, sparse directory). */
  | { kind: 'not-a-regular-file' };

/**
 * Reasons that leave text unread which may hold a secret: shown without --verbose, so that nothing is passed
 * silently. The others are structural (a symlink's target, a deletion) and listed only on request.
 */
export function isWarningReason(reason: SkipReason): boolean {
  return (
    reason.kind === 'too-large' ||
    reason.kind === 'binary' ||
    reason.kind === 'archive' ||
    reason.kind === 'missing-object'
  );
}

/** Binary files and archives: listed in one line when they are part of a change (src/report/format.ts). */
export function isBinaryReason(reason: SkipReason): boolean {
  return reason.kind === 'binary' || reason.kind === 'archive';
}

/**
 * Whether a result's skipped paths need saying even when nothing was found (a hook is otherwise quiet): text that
 * was not read. Binaries are news when they are part of a change, not in a scan of every tracked file.
 */
export function needsMention(skipped: readonly { reason: SkipReason }[], wholeTree: boolean): boolean {
  return skipped.some((s) => isWarningReason(s.reason) && (!wholeTree || !isBinaryReason(s.reason)));
}
