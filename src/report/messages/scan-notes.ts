// What a scan says besides its findings: what was not scanned and why, what was not listed, where a shallow clone
// stopped the scan, what the pre-commit framework hides, and the summary line of a manual check.
import type { SkipReason } from '../../skip-reason.js';
import type { Scope } from '../../result.js';
import { formatBytes } from '../bytes.js';
import { visible } from '../visible.js';
import { ours } from './our-command.js';

export function shallowNotice(boundary: readonly string[]): string {
  const list = boundary
    .slice(0, 3)
    .map((oid) => oid.slice(0, 10))
    .join(', ');
  return `secret-hook: this is a shallow clone; the scan stopped at the shallow boundary (${list}${boundary.length > 3 ? ', …' : ''}). Older commits are not in this repository and were not scanned.`;
}

/** Why a path was not scanned (or not whole), in a few words. */
export function skipReasonText(reason: SkipReason): string {
  switch (reason.kind) {
    case 'intent-to-add':
      return 'intent to add only (git add -N): no content is staged yet';
    case 'mode-change':
      return 'mode change only: no content changed';
    case 'submodule':
      return 'submodule: its commits are scanned in its own repository';
    case 'symlink':
      return 'symbolic link: its target is a path, not content';
    case 'renamed':
      return `renamed from ${visible(reason.from)} without changes`;
    case 'deleted':
      return 'deleted: nothing added';
    case 'too-large':
      return `too large (${formatBytes(reason.bytes)}, limit ${formatBytes(reason.limit)})`;
    case 'binary':
      return 'binary file: only its printable text was searched, for keys with a known prefix';
    case 'archive':
      return `${reason.format} archive: its contents are compressed and were not unpacked`;
    case 'lfs-pointer':
      return 'Git LFS pointer (the content lives in LFS storage)';
    case 'ignored-by-config':
      return 'ignored by configuration';
    case 'missing-object':
      return `its content (${reason.oid.slice(0, 10)}) is not in this repository (a partial clone that never fetched it)`;
    case 'not-a-regular-file':
      return 'not a regular file';
  }
}

export function notScannedLine(path: string, reason: SkipReason): string {
  const advice =
    reason.kind === 'too-large'
      ? 'Check it by hand, or raise maxFileSize in the configuration.'
      : reason.kind === 'missing-object'
        ? 'Fetch it (git fetch) and scan again, or check it by hand.'
        : 'Check it by hand.';
  return `secret-hook: ${visible(path)} was not scanned: ${skipReasonText(reason)}. ${advice}`;
}

/** Binary files and archives in the change, in one line: listed, never passed silently. */
export function binariesLine(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).map(visible).join(', ');
  const more = paths.length > 5 ? `, and ${paths.length - 5} more` : '';
  const what = paths.length === 1 ? '1 binary file or archive was' : `${paths.length} binary files or archives were`;
  return `secret-hook: ${what} not scanned as text (only printable runs, for keys with a known prefix; archives not unpacked): ${shown}${more}. --verbose says which is which.`;
}

/** A file with more findings than the output lists (listFindings in result.ts). */
export function unlistedLine(path: string, count: number, listed: number, commit?: string): string {
  const where = commit ? `${visible(path)} (commit ${commit.slice(0, 10)})` : visible(path);
  const more = count === 1 ? '1 more finding' : `${count.toLocaleString('en-US')} more findings`;
  return `${where}: ${more} not listed (${listed} shown, every kind of secret found there first).`;
}

export function staleAllowLine(path: string, line: number): string {
  return `stale allow comment: ${visible(path)}:${line} silences no secret any more; remove it so it cannot hide a future one.`;
}

export function skipRequested(hook: 'pre-commit' | 'pre-push'): string {
  return `secret-hook: skipped because SKIP includes secret-hook — nothing was scanned for this ${hook === 'pre-push' ? 'push' : 'commit'}. Unset SKIP to scan again.`;
}

export function skippedLine(path: string, reason: SkipReason): string {
  return `skipped: ${visible(path)}: ${skipReasonText(reason)}`;
}

/** Pushes through the pre-commit framework, which passes at most one pushed ref: what was scanned instead. */
export function frameworkPushNotice(remote: string | null): string {
  const target = remote ? `"${visible(remote)}"` : 'the remote';
  return `secret-hook: the pre-commit framework does not pass on which refs are pushed, so every local branch and tag that ${target} does not have yet was scanned.`;
}

export function summaryLine(
  stats: { files: number; bytes: number; commits: number; milliseconds: number },
  bytes: string,
  scope: Scope,
  outcome: { findings: number; skipped: number },
): string {
  if (scope === 'staged' && stats.files === 0 && outcome.skipped === 0) {
    return `Nothing is staged, so there was nothing to scan. Stage changes with git add, or scan every tracked file with ${ours('check --all')}.`;
  }
  const commits = stats.commits > 0 ? `${stats.commits} commit${stats.commits === 1 ? '' : 's'}, ` : '';
  const verdict = outcome.findings === 0 ? ' No secrets found.' : '';
  return `Scanned ${commits}${stats.files} file${stats.files === 1 ? '' : 's'}, ${bytes} in ${(stats.milliseconds / 1000).toFixed(2)} s.${verdict}`;
}

/** The counts of the progress line: `340/1,200 commits · 12.0 MiB · about 8 s left`. */
export function progressLine(progress: {
  done: number;
  total: number;
  unit: string;
  bytes: string;
  left: number | null;
}): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const counts = progress.total > 0 ? `${count(progress.done)}/${count(progress.total)}` : count(progress.done);
  const left = progress.left === null ? '' : ` · about ${duration(progress.left)} left`;
  return `${counts} ${progress.unit} · ${progress.bytes}${left}`;
}

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function progressLabel(what: 'history' | 'push' | 'files'): string {
  return what === 'history'
    ? 'secret-hook: scanning history'
    : what === 'push'
      ? 'secret-hook: scanning pushed commits'
      : 'secret-hook: scanning tracked files';
}
