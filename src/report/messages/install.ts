// What `install` and `uninstall` say, and the one sentence the hook scripts they write print themselves.
import { visible } from '../visible.js';
import { ours } from './our-command.js';

type Hook = 'pre-commit' | 'commit-msg' | 'pre-push';

/** The line a hook runs: what to add by hand where secret-hook will not write. */
export function hookLine(hook: Hook): string {
  return hook === 'pre-push'
    ? 'secret-hook pre-push "$@"'
    : hook === 'commit-msg'
      ? 'secret-hook commit-msg "$1"'
      : 'secret-hook pre-commit';
}

export function alreadyRuns(shown: string): string {
  return `${visible(shown)}: already runs secret-hook`;
}

export function createdHook(shown: string): string {
  return `created ${visible(shown)}`;
}

/** The hook file was there with no steps in it (husky init's `npm test` line deleted). */
export function addedToEmptyHook(shown: string): string {
  return `added secret-hook to ${visible(shown)}, which had no steps`;
}

export function addedFirstLine(shown: string): string {
  return `added secret-hook to ${visible(shown)} (first line, before the existing steps)`;
}

export function wroteHook(shown: string, chained: boolean): string {
  return chained ? `wrote ${visible(shown)} (runs the existing hook first)` : `wrote ${visible(shown)}`;
}

/**
 * Hooks secret-hook did not write: left alone, and nothing installed (all hooks or none). The problem and the
 * hint of a usage error.
 */
export function foreignHooks(shown: readonly string[], hooks: readonly Hook[]): { problem: string; hint: string } {
  const files = list(shown.map(visible));
  const exist = shown.length === 1 ? 'exists and was' : 'exist and were';
  const lines = list(hooks.map((hook) => `\`${hookLine(hook)}\` to ${hook}`));
  return {
    problem: `${files} already ${exist} not written by secret-hook, so nothing was installed (secret-hook installs all its hooks or none)`,
    hint: `Add ${lines} yourself, or run ${ours('install --chain')} to keep ${shown.length === 1 ? 'it' : 'them'} and run ${shown.length === 1 ? 'it' : 'them'} before secret-hook.`,
  };
}

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function removedLine(shown: string): string {
  return `removed the secret-hook line from ${visible(shown)}`;
}

export function removedHook(shown: string, restoredChained: boolean): string {
  return restoredChained
    ? `removed ${visible(shown)} and restored the hook it had chained`
    : `removed ${visible(shown)}`;
}

export function nothingToUninstall(): string {
  return 'secret-hook: nothing to uninstall.';
}

/** Printed by a written hook script when the program is gone (the script blocks with exit 2). */
export function programNotFound(hook: Hook): string {
  return `secret-hook: the secret-hook program was not found (run npm install). The ${hook === 'pre-push' ? 'push' : 'commit'} was stopped; to go ahead without the scan deliberately, add --no-verify.`;
}

/** install in a repository whose hooks are those of install --global. */
export function coveredGlobally(dir: string): string {
  return `secret-hook: git runs the global hooks of secret-hook install --global here (${visible(dir)}), which already run secret-hook; nothing was written. secret-hook doctor shows what runs.`;
}

export function globalNotHere(dir: string): string {
  return `secret-hook: git runs the global hooks of secret-hook install --global here (${visible(dir)}); secret-hook uninstall --global removes them.`;
}
