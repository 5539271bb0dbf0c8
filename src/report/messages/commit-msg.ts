// What the commit-msg hook says: a secret in the commit message, and the bypass with a reason
// (SECRET_HOOK_BYPASS), at commit time (pre-commit) and when it is recorded (commit-msg).
import { visible } from '../visible.js';
import { warningKeys } from './findings.js';
import { keepTogether as keep } from '../wrap.js';
import { ours } from './our-command.js';

export function messageHeadline(blocking: number): string {
  const what = blocking === 1 ? '1 secret' : `${blocking} secrets`;
  return `secret-hook: ${what} found in the commit message. The commit was stopped.`;
}

/** Where a finding is in the message. */
export function messagePlace(line: number, column: number): string {
  return keep(`line ${line}:${column}`);
}

export function fixHeading(): string {
  return 'How to fix:';
}

/** The steps, in order: take it out, commit again, rotate only if it left the machine. */
export function messageFixSteps(file: string, ruleIds: readonly string[]): string[] {
  const shown = shellWord(file);
  const example = keep(ours(`explain ${visible(ruleIds[0] ?? '<rule-id>')}`));
  return [
    `Take the secret out of the message. git kept the message in ${keep(visible(file))}: ${keep(`git commit -v -e -F ${shown}`)} opens it in your editor (add the options you committed with, such as -a).`,
    `Rotate the key only if it was pasted or shared anywhere else (a chat, a ticket, another commit): this commit was stopped, so it is not in git history. ${ruleIds.length > 1 ? 'Each' : 'The'} provider's steps: ${example}`,
  ];
}

export function messageBypassLine(): string {
  return `A false positive? ${keep('secret-hook:allow')} at the end of its line. To commit it knowingly, with the reason on record: ${keep('SECRET_HOOK_BYPASS="<why>" git commit …')}. Last resort: ${keep('git commit --no-verify')} skips every hook.`;
}

export function messageWarningsHeadline(warnings: number): string {
  const what = warningKeys(warnings);
  return `secret-hook: found ${what} in the commit message (reported, not blocking).`;
}

/** pre-commit, SECRET_HOOK_BYPASS set, findings that would block: the commit goes on, and says so loudly. */
export function bypassBanner(reason: string, blocking: number): string {
  const what = blocking === 1 ? '1 secret' : `${blocking} secrets`;
  return `secret-hook: BYPASS. SECRET_HOOK_BYPASS is set, so this commit goes through with ${what}. The commit-msg hook records the reason ("${visible(reason)}"), each finding's rule and fingerprint (never the secret) in the commit message as Secret-Hook-Bypass trailers, for pushes, servers and reviewers to see. Rotate the key if it is live.`;
}

/** SECRET_HOOK_BYPASS set, but no commit-msg hook here runs secret-hook: the bypass could not be recorded. */
export function bypassNotRecordable(): string {
  return `secret-hook: SECRET_HOOK_BYPASS is set, but no commit-msg hook in this repository runs secret-hook, so the reason could not be recorded and the commit was stopped. Run ${keep(ours('install'))} (or ${keep(ours('doctor'))} to see which hooks run), then commit again.`;
}

export function bypassNeedsReason(): string {
  return `secret-hook: SECRET_HOOK_BYPASS is set but empty. A bypass needs a reason: ${keep('SECRET_HOOK_BYPASS="test fixture, key revoked" git commit …')}.`;
}

/** commit-msg: the trailers were written. */
export function bypassRecorded(reason: string, findings: readonly { ruleId: string; path: string }[]): string {
  const list = findings
    .slice(0, 5)
    .map((f) => `${visible(f.ruleId)} in ${visible(f.path)}`)
    .join(', ');
  const more = findings.length > 5 ? `, and ${findings.length - 5} more` : '';
  return `secret-hook: bypass recorded in the commit message (Secret-Hook-Bypass trailers): "${visible(reason)}"; ${list}${more}.`;
}

export function bypassAlreadyRecorded(): string {
  return 'secret-hook: the bypass is already recorded in the commit message.';
}

export function bypassNothingToRecord(): string {
  return 'secret-hook: SECRET_HOOK_BYPASS is set, but nothing in this commit would have been stopped: no trailer was written.';
}

export function bypassEmptyMessage(): string {
  return 'secret-hook: the commit message is empty, so the bypass cannot be recorded in it. The commit was stopped; write a message and commit again.';
}

export function skipRequestedMessage(): string {
  return 'secret-hook: skipped because SKIP includes secret-hook — the commit message was not scanned. Unset SKIP to scan again.';
}

/** A file name as a shell word: quoted when it holds anything a shell would read differently. */
function shellWord(path: string): string {
  const shown = visible(path);
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
}

export function needsFile(): string {
  return 'commit-msg needs the message file git passes to the hook, e.g. secret-hook commit-msg "$1" in .husky/commit-msg';
}

export function unreadableFile(file: string, detail: string): string {
  return `the commit message file ${visible(file)} could not be read (${visible(detail)})`;
}

export function bypassNotWritable(file: string): string {
  return `the bypass could not be recorded in ${visible(file)} so that git keeps it (the trailers would not be the message's last paragraph)`;
}
