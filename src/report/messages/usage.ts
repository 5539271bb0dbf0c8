// What the command line says about its own use: its help, unknown names, arguments it cannot take.
import { visible } from '../visible.js';

export const USAGE = `Usage: secret-hook <command> [options]

Commands:
  check [paths…]       scan the staged changes (what the next commit records); paths limit the scan
    --all              every tracked file as it is in the index, whole content
    --history          every commit reachable from any ref
    <from>..<to>       the commits of a revision range, e.g. main..feature
    --since <rev>      the commits after <rev> up to HEAD
  pre-commit           what the pre-commit hook runs (quiet when clean)
  pre-push             what the pre-push hook runs (reads the pushed refs from stdin)
  baseline [--history] accept what is found today (--all by default): fingerprints go to .secret-hook-ignore
  install [--chain]    wire the pre-commit and pre-push hooks into this repository (husky or plain git hooks)
  uninstall            remove exactly what install added
  rules                list the rules
  explain <rule-id>    what a key grants, how to store it and how to rotate it

Options:
  --format FORMAT      text (default), json, sarif (SARIF 2.1.0) or github (workflow annotations)
  --verbose            also list skipped files and why
  --show-secrets       print secrets unredacted (they are masked by default)
  -h, --help           this help
  -v, --version        the version

Exit codes: 0 clean, 1 findings that block, 2 the scan itself failed (which blocks too).`;

/** A usage error, on one line: the problem and what to do. */
export function usageErrorLine(problem: string, hint: string): string {
  return visible(`secret-hook: ${problem}.${hint ? ` ${hint}` : ''}`);
}

export function badArguments(detail: string): string {
  return `secret-hook: ${visible(detail)}`;
}

export function badFormat(format: string): string {
  return `secret-hook: --format must be text, json, sarif or github, not "${visible(format)}"`;
}

export function unknownCommand(command: string): string {
  return `secret-hook: unknown command "${visible(command)}"`;
}

export function baselineScopes(): string {
  return 'baseline takes --all (the default) or --history';
}

export function chooseOneScope(): string {
  return 'choose one scope: --staged (default), --all, --history, --since <rev> or <from>..<to>';
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

export function unknownRule(id: string): string {
  return `secret-hook: no rule with id "${visible(id)}". Run secret-hook rules to list them.`;
}

export function untrackedPaths(paths: readonly string[]): string {
  const list = paths.map((p) => `"${visible(p)}"`).join(', ');
  return `${list} ${paths.length === 1 ? 'is' : 'are'} not tracked by git, so there is nothing of ${paths.length === 1 ? 'it' : 'them'} in the index to scan. Stage ${paths.length === 1 ? 'it' : 'them'} with git add first, then run the check again`;
}
