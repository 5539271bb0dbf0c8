// What a report of findings says: the headline, and the steps of the fix in their fixed order (move the secret out,
// set it where the code runs, retry; rotation as the moment calls for it; only then the deliberate bypass). Each
// finding's own fix (`→`) is in fixes.ts; the offline guide of `secret-hook explain` is in explain.ts.
import type { Scope } from '../../result.js';
import { visible } from '../visible.js';
import { keepTogether as keep } from '../wrap.js';
import { ours } from './our-command.js';

export const SECRET_MANAGERS = 'AWS Secrets Manager, Vault, GCP Secret Manager, Azure Key Vault, Doppler, 1Password';

/** Where the report is printed: a hook that stopped something, or a manual check that stops nothing. */
export type Moment = { scope: Scope; hook: boolean };

export function headline(moment: Moment, blocking: number): string {
  const what = blocking === 1 ? '1 secret' : `${blocking} secrets`;
  switch (moment.scope) {
    case 'staged':
      return moment.hook
        ? `secret-hook: ${what} found in the staged changes. The commit was stopped.`
        : `secret-hook: ${what} found in the staged changes.`;
    case 'push':
      return `secret-hook: ${what} found in the commits being pushed. The push was stopped; nothing was sent.`;
    case 'all':
      return `secret-hook: ${what} found in the tracked files.`;
    case 'history':
      return `secret-hook: ${what} found in the git history.`;
    case 'files':
      return `secret-hook: ${what} found in the files scanned.`;
  }
}

/**
 * Findings that warn without blocking by default: test-mode and sandbox keys, and a random password for a database
 * on the local machine. Rules mark them `testKey`; the configuration's `testKeys` decides.
 */
export function warningKeys(warnings: number): string {
  return warnings === 1
    ? '1 test-mode, sandbox or local-only secret'
    : `${warnings} test-mode, sandbox or local-only secrets`;
}

/** Warnings: reported, never said to have stopped anything. */
export function warningsHeadline(warnings: number, blocking: number): string {
  const what = warningKeys(warnings);
  return blocking > 0
    ? `Also found ${what} (reported, not blocking):`
    : `secret-hook: found ${what}. They do not block; move them out of the code all the same (→).`;
}

export function testKeyTag(): string {
  return '(warning: reported, not blocking)';
}

/** The line before a commit's findings (pushes, history). */
export function commitLine(oid: string, subject: string): string {
  return `commit ${oid.slice(0, 10)}  ${visible(subject)}`;
}

export function authorLine(author: string, date: string): string {
  return `${visible(author)}, ${date}`;
}

/** The heading of a rule's findings. */
export function ruleHeading(title: string, id: string): string {
  return `${visible(title)} [${visible(id)}]`;
}

/** A rule's rotation steps, printed once under its findings where rotation comes first (history, tracked files). */
export function rotateHeading(provider: string): string {
  return `Rotate it at ${visible(provider)}:`;
}

export function fixHeading(): string {
  return 'How to fix:';
}

/** What the steps need to know about the findings that block. */
export interface StepFacts {
  /** Files fixed by editing them (`→` above). */
  codeFiles: readonly string[];
  /** Files that leave the commit whole (.env, key files, credentials). */
  wholeFiles: readonly string[];
  /** Some whole file is a .env file: a template with empty values keeps the names. */
  envFile: boolean;
  /** The rules found, for `secret-hook explain`. */
  ruleIds: readonly string[];
  /** Pushes: the commits to rewrite, oldest first, and whether each is the tip of what is pushed. */
  commits: readonly { oid: string; tip: boolean }[];
  /** Pushes: some findings are in what a tag points at directly (a blob or a tree), in no commit. */
  tagged: boolean;
  /** Some findings are in commit messages: the commits are reworded, not (only) edited. */
  messages?: boolean;
  /** `secret-hook fix` can make every fix shown (fix-hint.ts autoFixable, for every finding that blocks). */
  autoFix: boolean;
}

/** The numbered steps after the findings that block, for this moment. Each entry is one step's paragraph. */
export function fixSteps(moment: Moment, facts: StepFacts): string[] {
  const steps: string[] = [];
  // A file name is one word (never broken at a space in it); in a command it is quoted for the shell where needed.
  const whole = facts.wholeFiles.map(word).join(' ');
  const code = facts.codeFiles.map(word).join(' ');
  const them = (files: readonly string[]) => (files.length === 1 ? 'it' : 'them');
  // A command stays on one line with its first file; the files after it may go to the next line.
  const command = (verb: string, files: readonly string[]) =>
    [keep(`${verb} ${shellWord(files[0]!)}`), ...files.slice(1).map(shellWord)].join(' ');
  const template = facts.envFile ? '; commit a .env.example with empty values instead' : '';
  const setValues = `Set the values where the code runs: an untracked .env locally, a secrets manager in production (${SECRET_MANAGERS}).`;

  switch (moment.scope) {
    case 'staged':
      if (facts.wholeFiles.length > 0) {
        steps.push(
          `Take ${whole} out of the commit: ${command('git restore --staged', facts.wholeFiles)}, and add ${them(facts.wholeFiles)} to .gitignore${template}.`,
        );
      }
      if (facts.autoFix && facts.wholeFiles.length === 0 && facts.codeFiles.length > 0) {
        steps.push(
          `Run ${keep(ours('fix'))}: it shows each change (→) and where each value goes (an untracked .env), and makes them when you say yes. Then stage the fixes: ${command('git add', facts.codeFiles)}`,
        );
      } else if (facts.codeFiles.length > 0) {
        const other = facts.wholeFiles.length > 0 ? 'other ' : '';
        steps.push(
          `Move each ${other}secret out of the code as shown (→) and stage the fixes: ${command('git add', facts.codeFiles)}`,
        );
      }
      steps.push(setValues);
      steps.push(
        moment.hook ? `Run ${keep('git commit')} again.` : `Then commit (${keep(ours('check'))} shows what is left).`,
      );
      return steps;
    case 'push': {
      const fixFiles = [
        ...(facts.codeFiles.length > 0
          ? [`fix ${code} as shown (→) and ${keep(`git add ${them(facts.codeFiles)}`)}`]
          : []),
        ...(facts.wholeFiles.length > 0
          ? [`${command('git rm --cached', facts.wholeFiles)} and add ${them(facts.wholeFiles)} to .gitignore`]
          : []),
        ...(facts.messages ? ['reword the message as shown (→)'] : []),
      ].join('; ');
      if (facts.commits.length > 0) {
        steps.push(
          `Rewrite ${facts.commits.length === 1 ? 'the commit' : 'the commits'} before pushing: ${rewrite(facts.commits, fixFiles)}`,
        );
      }
      if (facts.tagged) {
        // A tag that points at a blob or a tree publishes it directly: no commit to rewrite.
        steps.push(
          `A pushed tag points at the secret directly: delete the tag (${keep('git tag -d <tag>')}) or point it at content without the secret.`,
        );
      }
      steps.push(setValues);
      steps.push(`Run ${keep('git push')} again.`);
      return steps;
    }
    case 'all':
      if (facts.wholeFiles.length > 0) {
        steps.push(
          `Take ${whole} out of git: ${command('git rm --cached', facts.wholeFiles)}, and add ${them(facts.wholeFiles)} to .gitignore${template}.`,
        );
      }
      if (facts.codeFiles.length > 0) steps.push(`Move each secret out of the code as shown (→): ${code}.`);
      steps.push(setValues);
      steps.push(`Commit the change, and check the history too: ${keep(ours('check --history'))}.`);
      return steps;
    case 'history':
      steps.push(
        'Rotate each key first (the steps are under each rule): it is in a commit, and if that commit was ever pushed, every clone holds the key. Removing it from the history does not take it back.',
      );
      steps.push('Where the code still holds it, move it out as shown (→) and commit.');
      steps.push(
        `If the repository is shared, remove it from the history after rotating: ${keep('git filter-repo --replace-text <file>')} (or BFG Repo-Cleaner), then force-push and ask collaborators to clone again.`,
      );
      steps.push(
        `If the key is rotated and the history cannot be rewritten, record the findings in .secret-hook-ignore (${keep(ours('baseline --history'))}) so they stop being reported.`,
      );
      return steps;
    case 'files':
      if (facts.wholeFiles.length > 0) {
        steps.push(
          `Keep ${whole} out of git and out of what you publish: add ${them(facts.wholeFiles)} to .gitignore${template}, and leave ${them(facts.wholeFiles)} out of artefacts and logs.`,
        );
      }
      if (facts.codeFiles.length > 0) steps.push(`Move each secret out of the code as shown (→): ${code}.`);
      steps.push(setValues);
      steps.push(
        `Scan again (${keep(ours('scan <paths>'))}); if a file was ever committed, check the history too: ${keep(ours('check --history'))}.`,
      );
      return steps;
  }
}

/** A file name as one unbreakable word. */
function word(path: string): string {
  return keep(visible(path));
}

/** A file name as a shell word: quoted when it holds anything a shell would read differently. */
function shellWord(path: string): string {
  const shown = visible(path);
  return keep(/^[A-Za-z0-9_./@%+=:,-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`);
}

/** How to rewrite the commits of a push, by their ids. */
function rewrite(commits: readonly { oid: string; tip: boolean }[], fixFiles: string): string {
  const short = (oid: string) => oid.slice(0, 7);
  if (commits.length === 1 && commits[0]!.tip) {
    return `${fixFiles}, then ${keep('git commit --amend')}.`;
  }
  if (commits.length === 1) {
    const c = short(commits[0]!.oid);
    return `${keep(`git rebase -i ${c}^`)}, mark ${c} "edit"; then ${fixFiles}; ${keep('git commit --amend')} and ${keep('git rebase --continue')}. Or ${keep(`git reset --soft ${c}^`)} and commit again.`;
  }
  const oldest = short(commits[0]!.oid);
  const marked = commits.map((c) => short(c.oid)).join(' ');
  return `${keep(`git rebase -i ${oldest}^`)}, mark ${marked} "edit"; at each stop ${fixFiles}, then ${keep('git commit --amend')} and ${keep('git rebase --continue')}.`;
}

/** Rotation where it is not the first step: only if the key left the machine. */
export function rotationNote(moment: Moment, facts: StepFacts): string {
  const example = keep(ours(`explain ${visible(facts.ruleIds[0]!)}`));
  const guide =
    facts.ruleIds.length === 1
      ? `The provider's steps: ${example}`
      : `Each provider's steps: ${example} (or the id in brackets).`;
  switch (moment.scope) {
    case 'staged':
      return moment.hook
        ? `Rotate a key only if it was ever pushed or shared: this commit was stopped, so it is not in git history. ${guide}`
        : `Rotate a key only if it was ever pushed or shared: what is staged is not in git history yet. ${guide}`;
    case 'push':
      return `Rotate a key only if these commits were pushed or shared before (another remote, a patch, a CI run): this push was stopped, so nothing reached the remote. ${guide}`;
    case 'all':
      return `Rotate a key if its file was ever pushed: anyone with a clone may have it. The steps are under each rule; the full guide: ${example}`;
    case 'history':
      return `The full guide for each rule: ${keep(ours('explain <rule-id>'))}, e.g. ${example}`;
    case 'files':
      return `Rotate a key if its file was ever shared: committed and pushed, uploaded as an artefact, or printed in a log others read. ${guide}`;
  }
}

/** The way out for a false positive, and the deliberate bypass only where something was stopped. */
export function bypassLine(moment: Moment): string {
  const allow =
    'A false positive? `secret-hook:allow` in a comment on its line (`secret-hook:allow-next-line` above it).';
  if (moment.scope === 'push') return `${allow} Last resort: ${keep('git push --no-verify')} skips every hook.`;
  if (moment.scope === 'staged' && moment.hook) {
    return `${allow} Last resort: ${keep('git commit --no-verify')} skips every hook.`;
  }
  return allow;
}
