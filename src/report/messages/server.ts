// What the server's pre-receive hook says to the person pushing: git shows it on their terminal, each line after
// `remote: `. Short, since it arrives among git's own lines: what was refused and why, each finding in one line with
// its one-line fix, how to rewrite the commits, and what the server allows besides. Every secret is redacted, and
// every name that comes from the push (paths, subjects, reasons, tag names) is printed through visible().
import { visible } from '../visible.js';
import { warningKeys } from './findings.js';
import { describeFailure } from './failures.js';
import { keepTogether as keep } from '../wrap.js';

/** The push option a bypass is asked with. */
export const BYPASS_OPTION = 'secret-hook.bypass';

export const PRE_RECEIVE_USAGE = `Usage: secret-hook pre-receive

What a git server's pre-receive hook runs (git's receive-pack passes the pushed refs on stdin): scans the commits
and tags the push makes reachable, with the server's own configuration, and refuses the whole push on a finding.
Install it on a bare repository as hooks/pre-receive:

  #!/bin/sh
  exec /path/to/secret-hook pre-receive

Server settings (git config, e.g. in /etc/gitconfig; never read from what is pushed):
  secret-hook.config                the scan configuration, relative to the git dir
                                    (default: secret-hook.server.json in the git dir)
  secret-hook.allowBypass           true: honour git push -o ${BYPASS_OPTION}="<reason>"
                                    (needs receive.advertisePushOptions = true)
  secret-hook.acceptRecordedBypass  true: accept findings a commit's Secret-Hook-Bypass trailers list
  secret-hook.auditLog              where bypasses are recorded (default: secret-hook-audit.jsonl in the git dir)
  secret-hook.timeBudget            seconds the scan may take (default 60; 0: no limit)
  secret-hook.overBudget            refuse (default) or allow a push that could not be scanned in time

Exit codes: 0 the push may go in, 1 refused for findings (or the budget), 2 the scan failed (refused too).`;

/** GitLab shows the lines that start with this in its web interface when a hook refuses a change. */
export const GITLAB_ERROR_PREFIX = 'GL-HOOK-ERR: ';

/** One line for a web interface: the findings by rule and place, never the secret. */
export function refusedSummary(findings: readonly { ruleId: string; where: string }[]): string {
  const shown = findings
    .slice(0, 3)
    .map((f) => `${visible(f.ruleId)} in ${visible(f.where)}`)
    .join(', ');
  const more = findings.length > 3 ? ` and ${findings.length - 3} more` : '';
  return `secret-hook refused this change: ${shown}${more}. Remove the secrets and try again.`;
}

export function refusedSummaryGeneric(): string {
  return 'secret-hook refused this change; the push output says why.';
}

export function refusedHeadline(blocking: number): string {
  const what = blocking === 1 ? '1 secret' : `${blocking} secrets`;
  return `secret-hook: push refused: ${what} in what you pushed. Nothing was changed on the server.`;
}

export function warningsHeadline(warnings: number): string {
  const what = warningKeys(warnings);
  return `secret-hook: ${what} in what you pushed (reported, not blocking):`;
}

export function commitHeading(oid: string, subject: string): string {
  return `commit ${oid.slice(0, 10)}  ${visible(subject)}`;
}

export { commitMessageFix, tagMessageFix, tagLine as tagHeading } from './message-fixes.js';

/** One finding: where, which rule, the secret masked. */
export function findingLine(where: string, title: string, ruleId: string, masked: string, test: boolean): string {
  return `${keep(visible(where))}  ${visible(title)} [${visible(ruleId)}]  ${visible(masked)}${test ? ' (warning)' : ''}`;
}

/** A settings, key or credentials file: out of the commit, into .gitignore. */
export function wholeFileFix(path: string): string {
  const file = visible(path);
  const word = /^[A-Za-z0-9_./@%+=:,-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
  return `take the file out of the commit (${keep(`git rm --cached ${word}`)}) and add it to .gitignore.`;
}

export function fixHeading(): string {
  return 'To push again:';
}

/** The steps after the findings, in order. `commits`: short ids of the commits to rewrite, oldest first. */
export function fixSteps(commits: readonly { oid: string; tip: boolean }[], ruleIds: readonly string[]): string[] {
  const steps: string[] = [];
  const short = (oid: string) => oid.slice(0, 7);
  if (commits.length === 1 && commits[0]!.tip) {
    steps.push(`Fix the last commit as shown (→) and ${keep('git commit --amend')}.`);
  } else if (commits.length > 0) {
    const oldest = short(commits[0]!.oid);
    const marked = commits.map((c) => short(c.oid)).join(' ');
    steps.push(
      `Rewrite the commits: ${keep(`git rebase -i ${oldest}^`)}, mark ${marked} "edit" (or "reword" for a message); at each stop fix as shown (→), ${keep('git commit --amend')}, ${keep('git rebase --continue')}.`,
    );
  }
  steps.push(
    `Rotate a key only if it left your machine some other way: this push was refused, so it did not reach this server's history. The provider's steps: ${keep(`secret-hook explain ${visible(ruleIds[0] ?? '<rule-id>')}`)}`,
  );
  steps.push(`Then ${keep('git push')} again.`);
  return steps;
}

export function falsePositiveLine(): string {
  return 'A false positive? Put `secret-hook:allow` in a comment on its line, commit, and push again.';
}

/** Offered only when the server allows it. */
export function bypassOffer(): string {
  return `Deliberate? ${keep(`git push -o ${BYPASS_OPTION}="<reason>"`)} lets the push in; this server records who, what and why in its audit log.`;
}

/** A bypass was asked for, and this server does not allow one. */
export function bypassNotAllowed(): string {
  return `secret-hook: this server does not allow ${keep(`-o ${BYPASS_OPTION}`)}: the push stays refused. Remove the secrets, or ask the server's administrators.`;
}

export function bypassWithoutReason(): string {
  return `secret-hook: a bypass needs a reason: ${keep(`git push -o ${BYPASS_OPTION}="<why this is safe>"`)}. The push stays refused.`;
}

/** The push goes in on a bypass with a reason. */
export function bypassAccepted(reason: string, findings: number, ruleIds: readonly string[]): string {
  const what = findings === 1 ? '1 finding' : `${findings} findings`;
  return `secret-hook: pushed on a bypass ("${visible(reason)}"): ${what} (${ruleIds.map(visible).join(', ')}) let in and recorded in this server's audit log with your name. Rotate the keys if they are real.`;
}

/** A commit records a bypass (its trailers), and this server does not accept recorded bypasses. */
export function recordedBypassRefused(oid: string, reason: string): string {
  return `secret-hook: commit ${oid.slice(0, 10)} records a bypass ("${visible(reason)}"), but this server does not accept bypasses recorded in commits: its findings below still block.`;
}

/** A commit's recorded bypass, accepted by this server. */
export function recordedBypassAccepted(oid: string, reason: string, places: readonly string[]): string {
  return `secret-hook: commit ${oid.slice(0, 10)} records a bypass ("${visible(reason)}") for ${places.map(visible).join(', ')}: let in, and recorded in this server's audit log.`;
}

/** The scan did not finish in the budget, and the server refuses such pushes. */
export function overBudgetRefused(seconds: number, scanned: number): string {
  return `secret-hook: push refused: it is too large to scan within this server's time budget (${formatSeconds(seconds)}; ${count(scanned, 'commit')} scanned, the rest not). Push it in parts, oldest first, each part scanned on its own: ${keep('git push <remote> <commit>:<branch>')} with a commit part way along (${keep('git log --reverse --format=%h <remote>/<branch>..')} lists them), then the rest.`;
}

/** The scan did not finish in the budget, and the server lets such pushes in: loudly. */
export function overBudgetAllowed(seconds: number, scanned: number): string {
  return `secret-hook: WARNING: this push was NOT fully scanned: it did not fit this server's time budget (${formatSeconds(seconds)}; ${count(scanned, 'commit')} scanned, the rest not). The server lets it in and has recorded it in its audit log. Check the rest yourself: ${keep('secret-hook check <from>..<to>')}.`;
}

/** A server setting that cannot be read: the push is refused. */
export function badSetting(key: string, value: string, expected: 'boolean' | 'seconds' | 'refuse-or-allow'): string {
  const wanted =
    expected === 'boolean'
      ? 'true or false'
      : expected === 'seconds'
        ? 'a number of seconds (0 for no limit)'
        : '"refuse" or "allow"';
  return `secret-hook: the server's setting ${visible(key)} = "${visible(value)}" is not ${wanted}, so the push was refused. Tell the server's administrators.`;
}

/** The audit log cannot be written: nothing goes in without its record. */
export function auditLogUnwritable(file: string, problem: string): string {
  return `secret-hook: the push was refused: its record could not be written to the audit log (${visible(file)}: ${visible(problem)}), and nothing goes in on a bypass without one. Tell the server's administrators.`;
}

/** A line on stdin that is not `<old> <new> <ref>`: what is pushed cannot be known. */
export function unreadableRefLine(line: string): string {
  return `secret-hook: the push was refused: git passed a line the hook cannot read ("${visible(line.slice(0, 120))}"), so what is pushed cannot be known. Tell the server's administrators.`;
}

/** The scan itself failed (a typed failure, or anything thrown): why the push is refused. */
export function scanFailedParagraph(error: unknown): string {
  const described = describeFailure(error);
  const what = described?.message ?? (error instanceof Error ? error.message : String(error));
  return scanFailed(what, described?.hint ?? '');
}

function scanFailed(what: string, hint: string): string {
  return visible(
    `secret-hook could not complete the scan: ${what}. The push was refused, because what could not be scanned might carry a secret.${hint ? ` ${hint}` : ''} If it persists, tell the server's administrators.`,
  );
}

function formatSeconds(seconds: number): string {
  return `${seconds} s`;
}

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}
