// What `secret-hook doctor` says: where git runs hooks from in this repository, what each of secret-hook's hooks
// runs, and for each thing that keeps secret-hook from running, one sentence and what to do.
import { visible } from '../visible.js';
import { keepTogether as keep } from '../wrap.js';
import { ours } from './our-command.js';

export type ManagerName = 'husky' | 'husky-8' | 'lefthook' | 'pre-commit' | 'secret-hook' | 'other';
type Scope = 'system' | 'global' | 'local' | 'worktree' | 'command' | 'unknown';

export function title(place: string): string {
  return `secret-hook doctor: ${visible(place)}`;
}

export function hooksDirLine(dir: string): string {
  return `Hooks directory: ${visible(dir)}`;
}

/** Where the hooks directory comes from. */
export function hooksDirSource(setting: { scope: Scope; file: string | null } | null, global: boolean): string {
  if (setting === null) return "git's default (no core.hooksPath is set)";
  const where =
    setting.file === null ? 'on the command line (git -c or GIT_CONFIG_PARAMETERS)' : `in ${visible(setting.file)}`;
  return `set by core.hooksPath ${where} (${scopeName(setting.scope)})${global ? ': secret-hook install --global' : ''}`;
}

function scopeName(scope: Scope): string {
  switch (scope) {
    case 'local':
    case 'worktree':
      return "this repository's configuration";
    case 'global':
      return 'your global configuration';
    case 'system':
      return 'the system configuration';
    case 'command':
      return 'for this command only';
    default:
      return 'configuration';
  }
}

function managerName(manager: ManagerName): string {
  switch (manager) {
    case 'husky':
      return 'husky';
    case 'husky-8':
      return 'husky 8';
    case 'lefthook':
      return 'lefthook';
    case 'pre-commit':
      return 'the pre-commit framework';
    case 'secret-hook':
      return 'secret-hook install';
    case 'other':
      return 'a hook of its own';
  }
}

/** One hook's row: what runs, in order. */
export function routeLine(route: {
  hook: string;
  viaGlobal: boolean;
  viaHuskyStartup: boolean;
  own: {
    shown: string;
    state: 'missing' | 'not-executable' | 'present';
    manager: ManagerName | null;
    script: string | null;
    scriptExists: boolean;
    runsSecretHook: boolean;
  };
}): string {
  const parts: string[] = [];
  if (route.viaGlobal) parts.push('secret-hook (global hooks)');
  if (route.viaHuskyStartup) parts.push("secret-hook (husky's startup file, install --global)");
  const own = route.own;
  let ownText: string;
  if (own.state === 'missing') {
    if (parts.length > 0)
      return `${route.hook.padEnd(11)} ${parts.join(', ')}; the repository has no ${route.hook} hook of its own`;
    ownText = `nothing (${visible(own.shown)} does not exist)`;
  } else if (own.state === 'not-executable')
    ownText = `nothing: ${visible(own.shown)} is not executable, so git ignores it`;
  else {
    const manager = own.manager ? ` (${managerName(own.manager)})` : '';
    const script = own.script
      ? own.scriptExists
        ? ` → ${visible(own.script)}`
        : ` → ${visible(own.script)}, which does not exist`
      : '';
    const runs = own.runsSecretHook ? ', which runs secret-hook' : '';
    ownText = `${visible(own.shown)}${manager}${script}${runs}`;
  }
  parts.push(parts.length > 0 ? `then ${ownText}` : ownText);
  return `${route.hook.padEnd(11)} ${parts.join(', ')}`;
}

export function otherHooksLine(names: readonly string[]): string {
  return `Other hooks that run: ${names.join(', ')}.`;
}

export function allCovered(): string {
  return '✓ secret-hook checks every commit, commit message and push in this repository.';
}

export function problemsHeading(count: number): string {
  return count === 1 ? '1 thing to fix:' : `${count} things to fix:`;
}

/** A problem: what is wrong, and what to do. */
export interface Advice {
  problem: string;
  fix: string;
}

export function shadowedGlobal(value: string, file: string | null, husky: boolean): Advice {
  const where = file === null ? 'for this command' : `in ${visible(file)}`;
  return {
    problem: `This repository sets its own core.hooksPath (${visible(value)}, ${where}), which git prefers to the global one that secret-hook install --global set, so the global hooks do not run here.`,
    fix: husky
      ? `husky's startup file runs secret-hook for every hook that has a script in .husky/; for the others, run ${keep(ours('install'))} here (it adds a line to .husky/<hook>).`
      : `Run ${keep(ours('install'))} here (add --chain to keep a hook it did not write), or add secret-hook to the hooks in ${visible(value)}.`,
  };
}

export function foreignGlobal(value: string, file: string | null, scope: Scope, ignored: readonly string[]): Advice {
  const where = file === null ? '' : ` (${visible(file)})`;
  const lost = ignored.length > 0 ? ` The secret-hook hooks in .git/hooks (${ignored.join(', ')}) never run.` : '';
  return {
    problem: `core.hooksPath is set to ${visible(value)} in ${scopeName(scope)}${where}, so git runs hooks from there in every repository without its own, and ignores .git/hooks.${lost}`,
    fix: `Add secret-hook to the hooks in ${visible(value)}, or run ${keep('secret-hook install --global')}: it keeps that directory's hooks running after secret-hook's.`,
  };
}

export function hooksDirMissing(dir: string): Advice {
  return {
    problem: `core.hooksPath names ${visible(dir)}, which does not exist: git runs no hooks at all in this repository.`,
    fix: `Create it with the hooks you want (${keep(ours('install'))} writes secret-hook's), or unset core.hooksPath.`,
  };
}

export function notExecutable(hook: string, file: string): Advice {
  return {
    problem: `${visible(file)} is not executable, so git ignores it: nothing runs at ${hook}.`,
    fix: `${keep(`chmod +x ${shellWord(file)}`)}`,
  };
}

/** No hook runs secret-hook for this hook; the fix depends on what manages the hooks. */
export function notCovered(
  hook: 'pre-commit' | 'commit-msg' | 'pre-push',
  how:
    | { kind: 'husky'; script: string; exists: boolean }
    | { kind: 'husky-8'; file: string }
    | { kind: 'lefthook'; config: string }
    | { kind: 'pre-commit'; config: string }
    | { kind: 'pre-commit-not-installed' }
    | { kind: 'lefthook-not-installed' }
    | { kind: 'other'; file: string }
    | { kind: 'missing'; file: string },
): Advice {
  const what = moment(hook);
  const line = hookLine(hook);
  switch (how.kind) {
    case 'husky':
      return {
        problem: how.exists
          ? `husky runs ${visible(how.script)} at ${hook}, and it does not run secret-hook: ${what} not checked.`
          : `husky runs ${visible(how.script)} at ${hook}, which does not exist: ${what} not checked.`,
        fix: `Run ${keep(ours('install'))} (it adds ${keep(line)} to ${visible(how.script)}).`,
      };
    case 'husky-8':
      return {
        problem: `${visible(how.file)} (husky 8) does not run secret-hook: ${what} not checked.`,
        fix: `Add ${keep(line)} to ${visible(how.file)}, after its husky.sh line.`,
      };
    case 'lefthook':
      return {
        problem: `lefthook runs ${hook}, and ${visible(how.config)} does not run secret-hook there: ${what} not checked.`,
        fix: `Add to ${visible(how.config)}: ${keep(`${hook}: { commands: { secret-hook: { ${lefthookCommand(hook)} } } }`)}`,
      };
    case 'pre-commit':
      return {
        problem: `The pre-commit framework runs ${hook}, and ${visible(how.config)} does not list secret-hook's ${hook} hook: ${what} not checked.`,
        fix: `Add ${keep(`- id: ${preCommitId(hook)}`)} under secret-hook's repository in ${visible(how.config)}.`,
      };
    case 'pre-commit-not-installed':
      return {
        problem: `.pre-commit-config.yaml lists secret-hook's ${hook} hook, but the pre-commit framework is not installed for ${hook}: ${what} not checked.`,
        fix: `${keep(`pre-commit install --hook-type ${hook}`)}`,
      };
    case 'lefthook-not-installed':
      return {
        problem: `lefthook's configuration runs secret-hook at ${hook}, but lefthook's hooks are not installed: ${what} not checked.`,
        fix: `${keep('lefthook install')}`,
      };
    case 'other':
      return {
        problem: `${visible(how.file)} does not run secret-hook: ${what} not checked.`,
        fix: `Run ${keep(ours('install --chain'))} (it keeps this hook and runs it first), or add ${keep(line)} to it.`,
      };
    case 'missing':
      return {
        problem: `No ${hook} hook runs here (${visible(how.file)} does not exist): ${what} not checked.`,
        fix: `Run ${keep(ours('install'))} here, or ${keep('secret-hook install --global')} for every repository.`,
      };
  }
}

export function huskyDisabled(): Advice {
  return {
    problem: 'HUSKY=0 is set: husky runs none of the scripts in .husky/.',
    fix: 'Unset HUSKY for commits and pushes (it is meant for CI and deployments).',
  };
}

export function skipSet(): Advice {
  return {
    problem: 'SKIP includes secret-hook: every secret-hook hook skips the scan while it is set.',
    fix: 'Unset SKIP (or leave secret-hook out of it).',
  };
}

function moment(hook: string): string {
  return hook === 'pre-commit' ? 'commits are' : hook === 'commit-msg' ? 'commit messages are' : 'pushes are';
}

function hookLine(hook: 'pre-commit' | 'commit-msg' | 'pre-push'): string {
  return hook === 'pre-push'
    ? 'secret-hook pre-push "$@"'
    : hook === 'commit-msg'
      ? 'secret-hook commit-msg "$1"'
      : 'secret-hook pre-commit';
}

/** lefthook passes git's arguments as {1}, {2}; stdin only with use_stdin (the pushed refs). */
function lefthookCommand(hook: 'pre-commit' | 'commit-msg' | 'pre-push'): string {
  return hook === 'commit-msg'
    ? 'run: secret-hook commit-msg {1}'
    : hook === 'pre-push'
      ? 'run: secret-hook pre-push {1} {2}, use_stdin: true'
      : 'run: secret-hook pre-commit';
}

function preCommitId(hook: 'pre-commit' | 'commit-msg' | 'pre-push'): string {
  return hook === 'pre-commit' ? 'secret-hook' : hook === 'commit-msg' ? 'secret-hook-commit-msg' : 'secret-hook-push';
}

function shellWord(path: string): string {
  const shown = visible(path);
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
}
