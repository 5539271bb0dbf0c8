// What `install --global` and `uninstall --global` say, and the sentence the global hooks print themselves when
// the program is gone.
import { visible } from '../visible.js';

/** Printed by a global hook when the program it was written for is gone (the hook stops the commit or push). */
export function programNotFoundGlobal(): string {
  return 'secret-hook: the secret-hook program that `secret-hook install --global` set up was not found (it was removed or moved), so this was stopped. Reinstall it and run secret-hook install --global again; or take the global hooks out: remove the lines secret-hook added to your global git configuration (git config --global --edit). To go ahead once without the scan, add --no-verify.';
}

export function wroteHooks(dir: string, count: number): string {
  return `wrote ${count} hooks to ${visible(dir)}: secret-hook checks pre-commit, commit-msg and pre-push, then each hook runs the repository's own hook of the same name`;
}

export function refreshedHooks(dir: string): string {
  return `secret-hook is already installed globally; rewrote the hooks in ${visible(dir)} for this program`;
}

export function setHooksPath(file: string, previous: string | null): string {
  const before =
    previous === null
      ? 'it was not set before'
      : `it was ${visible(previous)} before, whose hooks now run after secret-hook's`;
  return `set core.hooksPath in ${visible(file)} (global); ${before}. secret-hook uninstall --global takes it back exactly.`;
}

export function addedHuskyBlock(file: string): string {
  return `added secret-hook to husky's startup file ${visible(file)}: husky repositories set their own core.hooksPath, which git prefers to the global one`;
}

export function program(bin: string): string {
  return `the hooks run ${visible(bin)} (or secret-hook on PATH if it is moved)`;
}

export function shadowNote(): string {
  return 'A repository that sets its own core.hooksPath (husky, or any other) takes precedence over the global one: husky 9 repositories are covered through its startup file for every hook they have a script for; in others, run secret-hook install. secret-hook doctor says what runs in a repository.';
}

export function removedHooksPath(file: string, previous: string | null): string {
  return previous === null
    ? `removed core.hooksPath from ${visible(file)} (global): it is unset again`
    : `removed secret-hook's core.hooksPath from ${visible(file)} (global): it is ${visible(previous)} again`;
}

export function removedConfigFile(file: string): string {
  return `removed ${visible(file)}, which install --global had created`;
}

/** The lines install added were changed since: left alone, and said. */
export function configChangedSince(file: string): string {
  return `${visible(file)} no longer holds the lines install --global added (core.hooksPath was changed since), so it was left as it is. Check core.hooksPath there yourself: git config --global --edit.`;
}

export function removedHuskyBlock(file: string, removedFile: boolean): string {
  return removedFile
    ? `removed husky's startup file ${visible(file)}, which install --global had created`
    : `removed secret-hook's block from husky's startup file ${visible(file)}`;
}

export function huskyChangedSince(file: string): string {
  return `${visible(file)} no longer holds the block install --global added, so it was left as it is.`;
}

export function removedHooks(dir: string): string {
  return `removed the global hooks in ${visible(dir)}`;
}

export function nothingToUninstall(): string {
  return 'secret-hook: secret-hook is not installed globally; nothing to uninstall.';
}

export function needsHome(): string {
  return 'install --global needs HOME to be set, to find the global git configuration';
}

/** install --global: git does not read the global configuration as written (an unusual setup). */
export function notEffective(file: string, effective: string | null): string {
  return `the global core.hooksPath was written to ${visible(file)}, but git reads ${effective === null ? 'no core.hooksPath' : `core.hooksPath = ${visible(effective)}`} from its global and system configuration; the lines were taken out again`;
}
