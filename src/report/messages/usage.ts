// What the command line says about its own use: its help (all of it, and each command's), unknown names with the
// nearest known ones, arguments it cannot take or cannot take together.
import { visible } from '../visible.js';
import { FIX_USAGE } from './fix-usage.js';

export const USAGE = `Usage: secret-hook <command> [options]

Commands:
  check [paths…]       scan the staged changes (what the next commit records); paths limit the scan
    --all              every tracked file as it is in the index, whole content
    --history          every commit reachable from any ref
    <from>..<to>       the commits of a revision range, e.g. main..feature
    --since <rev>      the commits after <rev> up to HEAD
  pre-commit           what the pre-commit hook runs (quiet when clean)
  pre-push             what the pre-push hook runs (reads the pushed refs from stdin)
  commit-msg <file>    what the commit-msg hook runs: a secret in the commit message stops the commit
  scan <paths…>        files and directories as they are on disk (- for standard input)
  baseline [--history] accept what is found today (--all by default): fingerprints go to .secret-hook-ignore
  install [--chain]    wire the pre-commit, commit-msg and pre-push hooks into this repository (husky or git hooks)
  install --global     one install for every repository on this machine (a global core.hooksPath)
  uninstall [--global] remove exactly what install added
  doctor               which hooks run in this repository, and what keeps secret-hook from running
  rules                list the rules
  explain <rule-id>    what a key grants, how to store it and how to rotate it
  fix [paths…]         move a blocked commit's secrets out of the code, as the report shows (--yes, --dry-run)
  version              the version

Options:
  --format FORMAT      text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  --output FILE        write the report to FILE (written whole, or not at all when the scan fails)
  --config FILE        the configuration file to use instead of the repository's own
  --quiet              print nothing unless something blocks or the scan fails
  --verbose            also list skipped files and why
  --show-secrets       print secrets unredacted (they are masked by default)
  --color, --no-color  colours on or off (default: on a terminal; NO_COLOR and FORCE_COLOR are honoured)
  -h, --help           this help; secret-hook <command> --help for one command
  -v, --version        the version

Exit codes: 0 clean, 1 findings that block, 2 the scan itself failed (which blocks too).`;

const OUTPUT_OPTIONS = `  --format FORMAT      text (default), json, sarif or github
  --output FILE        write the report to FILE, whole or not at all
  --config FILE        the configuration file to use instead of the repository's own
  --quiet              print nothing unless something blocks or the scan fails
  --verbose            also list skipped files and why
  --show-secrets       print secrets unredacted
  --color, --no-color  colours on or off`;

/** Each command's own help: `secret-hook <command> --help`. */
export const COMMAND_USAGE: Record<string, string> = {
  check: `Usage: secret-hook check [scope] [paths…] [options]

Scans and reports; it never stops anything by itself. Exit 1 when something blocks, 2 when the scan failed.

Scope (one of):
  --staged             the staged changes, what the next commit records (default)
  --all                every tracked file as it is in the index, whole content
  --history            every commit reachable from any ref
  <from>..<to>         the commits of a revision range, e.g. main..feature
  --since <rev>        the commits after <rev> up to HEAD
  paths…               limit the scan to these files or directories

Options:
${OUTPUT_OPTIONS}`,
  'pre-commit': `Usage: secret-hook pre-commit [options]

What the pre-commit hook runs: scans every staged change (file names passed by lint-staged or the pre-commit
framework do not narrow it) and stops the commit on a finding. Quiet when clean.

Options:
${OUTPUT_OPTIONS}`,
  'pre-push': `Usage: secret-hook pre-push [<remote> [<url>]] [options]

What the pre-push hook runs: reads git's pushed refs from stdin and scans the commits the remote does not have.

Options:
  --pre-commit-framework  run by the pre-commit framework: scan every local branch and tag the remote lacks
${OUTPUT_OPTIONS}`,
  'commit-msg': `Usage: secret-hook commit-msg <file> [options]

What the commit-msg hook runs: scans the message git will commit (comment lines and the diff of commit -v left
out, as git leaves them out) and stops the commit on a secret in it.
With SECRET_HOOK_BYPASS="reason", it records the bypass instead: the reason and each finding's rule and fingerprint
are appended to the message as Secret-Hook-Bypass trailers. SKIP=secret-hook skips it.

Options:
${OUTPUT_OPTIONS}`,
  scan: `Usage: secret-hook scan <paths…> [options]
       secret-hook scan - [--path-hint NAME] [options]

Scans files and directories as they are on disk, whole. Inside a repository, the files git would consider: tracked
ones, and untracked ones that .gitignore does not exclude; outside one, every file except .git directories.
ignorePaths applies; symbolic links are never followed. - scans standard input.

Options:
  --path-hint NAME     the file name standard input is scanned as (its language), e.g. config.env
${OUTPUT_OPTIONS}`,
  doctor: `Usage: secret-hook doctor

For this repository: where git runs hooks from, what runs at pre-commit, commit-msg and pre-push, and whatever
keeps secret-hook from running (a repository's own core.hooksPath, husky, lefthook, the pre-commit framework, a
global core.hooksPath), each with what to do. Exit 0 when secret-hook checks all three, 1 when not.`,
  baseline: `Usage: secret-hook baseline [--all | --history] [options]

Accepts what is committed today: the fingerprints (never the secrets) go to .secret-hook-ignore, and only new
secrets block from then on. --all (the default) reads every file of HEAD; --history every commit.

Options:
  --config FILE        the configuration file to use instead of the repository's own`,
  install: `Usage: secret-hook install [--chain | --global]

Adds the pre-commit, commit-msg and pre-push hooks: a line in .husky/<hook> with husky, otherwise hook scripts in
the directory git uses. All or none: nothing is written when one of them cannot be.

Options:
  --chain              keep a hook secret-hook did not write, and run it first
  --global             for every repository on this machine: sets core.hooksPath in the global git configuration to
                       secret-hook's own hooks, which run secret-hook and then each repository's own hook`,
  uninstall: `Usage: secret-hook uninstall [--global]

Removes exactly what install added (and restores a chained hook). --global: what install --global added, leaving
the global git configuration as it was before.`,
  rules: `Usage: secret-hook rules [--format text|json] [--output FILE]

Lists the rules, and the generated files on which rules without a prefix of their own stay quiet.`,
  explain: `Usage: secret-hook explain <rule-id>

The offline guide for a rule: what the key grants, the risks, how to store it (with secrets-manager examples),
how to rotate it, and how to check whether it was misused. secret-hook rules lists the ids; a provider's name
(secret-hook explain stripe) lists its rules.`,
  fix: FIX_USAGE,
  version: `Usage: secret-hook version

Prints the version.`,
  help: USAGE,
};

/** A usage error, on one line: the problem and what to do. */
export function usageErrorLine(problem: string, hint: string): string {
  return visible(`secret-hook: ${problem}.${hint ? ` ${hint}` : ''}`);
}

function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return ` Did you mean ${suggestions.map((s) => visible(s)).join(' or ')}?`;
}

export function unknownCommand(command: string, suggestions: readonly string[]): string {
  return `secret-hook: there is no command "${visible(command)}".${didYouMean(suggestions)} secret-hook --help lists the commands.`;
}

export function unknownOption(option: string, command: string | undefined, suggestions: readonly string[]): string {
  const help = command ? `secret-hook ${visible(command)} --help` : 'secret-hook --help';
  return `secret-hook: there is no option ${visible(option)}.${didYouMean(suggestions)} ${help} lists the options.`;
}

export function optionNotFor(option: string, command: string, owners: readonly string[]): string {
  const elsewhere = owners.length > 0 ? ` (it is an option of ${owners.join(', ')})` : '';
  return `secret-hook: ${visible(command)} does not take ${option}${elsewhere}. secret-hook ${visible(command)} --help lists its options.`;
}

export function needsValue(option: string, what: string): string {
  const example =
    what === 'a file' ? 'report.sarif' : what === 'a format' ? 'json' : what === 'a file name' ? 'app.env' : 'main';
  return `secret-hook: ${option} needs ${what}, e.g. ${option} ${example}.`;
}

export function takesNoValue(option: string): string {
  return `secret-hook: ${option} takes no value.`;
}

export function badFormat(format: string): string {
  return `secret-hook: --format must be text, json, sarif or github, not "${visible(format)}".`;
}

export function rulesFormat(format: string): string {
  return `secret-hook: rules prints text or json, not ${visible(format)}.`;
}

export function unexpectedArguments(command: string, args: readonly string[]): string {
  return `secret-hook: ${command} takes no arguments, but was given ${args.map((a) => `"${visible(a)}"`).join(' ')}. secret-hook ${command} --help says what it takes.`;
}

export function bothColors(): string {
  return 'secret-hook: choose --color or --no-color, not both.';
}

export function chainOrGlobal(): string {
  return "secret-hook: choose --chain or --global, not both (the global hooks always run the repository's own hook after secret-hook).";
}

export function quietAndVerbose(): string {
  return 'secret-hook: choose --quiet or --verbose, not both.';
}

export function baselineScopes(): string {
  return 'baseline takes --all (the default) or --history, not both and no paths or ranges';
}

export function chooseOneScope(): string {
  return 'choose one scope: --staged (the default), --all, --history, --since <rev> or <from>..<to>';
}

export function oneRange(): string {
  return 'give one revision range at a time';
}

/** `install`, `baseline`: what they need and a bare repository lacks. */
export function needsWorkTree(command: 'install' | 'baseline'): string {
  return command === 'install'
    ? 'install needs a working tree; this is a bare repository'
    : 'baseline needs a working tree to write .secret-hook-ignore in';
}

export function explainNeedsId(): string {
  return 'secret-hook: explain needs a rule id, e.g. secret-hook explain stripe-live-secret-key. secret-hook rules lists them.';
}

/** An id that names no rule: the rules it could mean (a provider's name, a near miss), or where to look. */
export function unknownRule(id: string, matches: readonly { id: string; title: string }[]): string {
  if (matches.length === 0) {
    return `secret-hook: no rule has the id "${visible(id)}". secret-hook rules lists them.`;
  }
  const width = Math.max(...matches.map((m) => m.id.length));
  const list = matches.map((m) => `  ${m.id.padEnd(width)}  ${m.title}`).join('\n');
  return `secret-hook: no rule has the id "${visible(id)}". Did you mean one of these?\n${list}\nsecret-hook explain <rule-id> prints its guide.`;
}

export function outputNotWritten(file: string, reason: string): string {
  return `secret-hook: could not write the report to ${visible(file)} (${visible(reason)}); nothing was written there.`;
}

export function untrackedPaths(paths: readonly string[]): string {
  const list = paths.map((p) => `"${visible(p)}"`).join(', ');
  return `${list} ${paths.length === 1 ? 'is' : 'are'} not tracked by git, so there is nothing of ${paths.length === 1 ? 'it' : 'them'} in the index to scan. Stage ${paths.length === 1 ? 'it' : 'them'} with git add first, then run the check again`;
}
