// Every sentence the user reads, in one place. The order of advice is fixed: move the secret out, decide on
// rotation, retry — and only then the deliberate bypass.
import type { Rule } from '../../rules/schema.js';
import type { ScanFailure } from '../errors.js';
import type { SkipReason } from '../skip-reason.js';
import { formatBytes } from './bytes.js';
import type { Scope } from './result.js';
import { visible } from './visible.js';

export const SECRET_MANAGERS = 'AWS Secrets Manager, HashiCorp Vault, CyberArk Conjur or GCP Secret Manager';

export function headline(scope: Scope, blocking: number): string {
  const what = blocking === 1 ? '1 secret' : `${blocking} secrets`;
  switch (scope) {
    case 'staged':
      return `secret-hook: ${what} found in the staged changes. The commit was stopped.`;
    case 'push':
      return `secret-hook: ${what} found in the commits being pushed. The push was stopped; nothing was sent.`;
    case 'all':
      return `secret-hook: ${what} found in the tracked files.`;
    case 'history':
      return `secret-hook: ${what} found in the git history.`;
  }
}

export function warningsHeadline(warnings: number, blocking: number): string {
  const what = warnings === 1 ? '1 test-mode or sandbox key' : `${warnings} test-mode or sandbox keys`;
  return blocking > 0
    ? `Also found ${what} (reported, not blocking):`
    : `secret-hook: found ${what}. Test keys are reported but do not block by default; move them out of the code all the same.`;
}

export function moveOutStep(env: string, snippet: { language: string; code: string; note: string }): string[] {
  const lines = [`Move it out of the code: read it from the environment variable ${env}.`];
  lines.push(snippet.language === 'any' ? `    ${snippet.code}` : `    ${snippet.code}    (${snippet.language})`);
  if (snippet.note) lines.push(snippet.note);
  lines.push(`In production keep it in a secrets manager (${SECRET_MANAGERS}) and inject it at deploy time.`);
  return lines;
}

export function rotationStep(scope: Scope, provider: string): string {
  switch (scope) {
    case 'staged':
      return `Rotate it only if it was ever committed, pushed or shared elsewhere: this commit was stopped, so the key has not entered git history. To rotate at ${provider}:`;
    case 'push':
      return `Rotate it only if these commits were pushed or shared elsewhere before (another remote, a patch, a CI run): this push was stopped, so nothing reached the remote. To rotate at ${provider}:`;
    case 'all':
      return `Rotate it if this file was ever committed and pushed: anyone with a clone may have it. To rotate at ${provider}:`;
    case 'history':
      return `Rotate it first: it is in a commit, and if that commit was ever pushed, every clone holds the key — removing it from the history does not take it back. At ${provider}:`;
  }
}

export function retryStep(scope: Scope, paths: readonly string[], lastCommit: boolean): string[] {
  const files = paths.map(visible).join(' ');
  switch (scope) {
    case 'staged':
      if (paths.every(isEnvFile)) {
        return [
          `Take the file out of the commit: git restore --staged ${files}, add it to .gitignore, and run git commit again.`,
        ];
      }
      return [`Stage the fixed file${paths.length > 1 ? 's' : ''} (git add ${files}) and run git commit again.`];
    case 'push':
      return [
        lastCommit
          ? `Rewrite the commit before pushing: fix ${files}, git add it, then git commit --amend; then git push again.`
          : 'Rewrite the commit before pushing: git rebase -i <commit>^, mark it "edit", fix the file, git add it, git commit --amend, git rebase --continue — or git reset --soft <commit>^ and commit again. Then git push again.',
      ];
    case 'all':
      return [`Fix ${files}, commit the change, and check the history too: secret-hook check --history.`];
    case 'history':
      return [
        'After rotating, remove it from the history if the repository is shared: git filter-repo --replace-text <file> (or BFG Repo-Cleaner), then force-push and ask collaborators to re-clone.',
        'If the key is rotated and the history cannot be rewritten, record the finding in .secret-hook-ignore (secret-hook baseline) so it stops being reported.',
      ];
  }
}

/** `.env`, `.env.production`, `app.env`: files that hold settings and should not be committed at all. */
function isEnvFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

export function bypassLine(scope: Scope): string {
  const allow =
    'A false positive? Add a `secret-hook:allow` comment on that line (or `secret-hook:allow-next-line` on the line before).';
  if (scope === 'all' || scope === 'history') return allow;
  const command = scope === 'push' ? 'git push --no-verify' : 'git commit --no-verify';
  return `${allow} Only as a last resort, skip every hook once with ${command}.`;
}

export function explainPointer(rule: Rule): string {
  return `More: secret-hook explain ${rule.id} · ${rule.fix.docs}`;
}

export function testKeyNote(): string {
  return 'test-mode key: reported, not blocking';
}

/** The one paragraph printed when the scan itself failed (exit 2): what failed, why we block, how to bypass. */
export function failureParagraph(error: unknown, scope: Scope): string {
  const failure = error as Partial<ScanFailure> & Error;
  const what = failure?.message ?? String(error);
  const cause = failure?.cause instanceof Error ? ` (${failure.cause.message})` : '';
  const hint = failure?.hint ? ` ${failure.hint}` : '';
  const action = scope === 'push' ? 'push' : scope === 'staged' ? 'commit' : 'scan';
  const blocked =
    scope === 'push' || scope === 'staged'
      ? ` The ${action} was stopped, because changes that could not be scanned might carry a secret.`
      : '';
  const bypass =
    scope === 'push'
      ? ' To push without the scan deliberately, run git push --no-verify.'
      : scope === 'staged'
        ? ' To commit without the scan deliberately, run git commit --no-verify.'
        : '';
  // The messages name files and configuration values, which come from the repository.
  return visible(`secret-hook could not complete the scan: ${what}${cause}.${blocked}${hint}${bypass}`);
}

export function shallowNotice(boundary: readonly string[]): string {
  const list = boundary
    .slice(0, 3)
    .map((oid) => oid.slice(0, 10))
    .join(', ');
  return `secret-hook: this is a shallow clone; the scan stopped at the shallow boundary (${list}${boundary.length > 3 ? ', …' : ''}). Older commits are not in this repository and were not scanned.`;
}

export function unknownRule(id: string): string {
  return `secret-hook: no rule with id "${visible(id)}". Run secret-hook rules to list them.`;
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

export function untrackedPaths(paths: readonly string[]): string {
  const list = paths.map((p) => `"${visible(p)}"`).join(', ');
  return `${list} ${paths.length === 1 ? 'is' : 'are'} not tracked by git, so there is nothing of ${paths.length === 1 ? 'it' : 'them'} in the index to scan. Stage ${paths.length === 1 ? 'it' : 'them'} with git add first, then run the check again`;
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
    return 'Nothing is staged, so there was nothing to scan. Stage changes with git add, or scan every tracked file with secret-hook check --all.';
  }
  const commits = stats.commits > 0 ? `${stats.commits} commit${stats.commits === 1 ? '' : 's'}, ` : '';
  const verdict = outcome.findings === 0 ? ' No secrets found.' : '';
  return `Scanned ${commits}${stats.files} file${stats.files === 1 ? '' : 's'}, ${bytes} in ${(stats.milliseconds / 1000).toFixed(2)} s.${verdict}`;
}

/** The offline guide: `secret-hook explain <rule-id>`. */
export function explainText(rule: Rule): string {
  const steps = rule.fix.rotate.map((step, i) => `  ${i + 1}. ${step}`).join('\n');
  return [
    `${rule.title}  [${rule.id}]  severity: ${rule.severity}${rule.testKey ? ' (test-mode key: does not block by default)' : ''}`,
    '',
    'What it grants',
    `  ${rule.guide.grants}`,
    '',
    'Risks if it leaks',
    `  ${rule.guide.risks}`,
    '',
    'How to store it',
    `  Never in the code or in committed configuration. Read it from the environment variable ${rule.fix.env} and keep`,
    `  the value in an untracked .env locally (add .env to .gitignore) and in a secrets manager in production:`,
    '  AWS Secrets Manager, HashiCorp Vault, CyberArk Conjur or GCP Secret Manager, injected at deploy time.',
    '',
    `How to rotate it at ${rule.fix.provider} without downtime`,
    '  The order matters: create the new key, update every service that uses it, then deactivate the old key, then',
    '  watch the logs for anything still using the old one.',
    steps,
    '',
    'How to check whether it was misused',
    `  ${rule.guide.checkMisuse}`,
    '',
    `Provider documentation: ${rule.fix.docs}`,
  ].join('\n');
}
