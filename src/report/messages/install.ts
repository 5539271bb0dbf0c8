// What `install` and `uninstall` say, and the one sentence the hook scripts they write print themselves.
import { visible } from '../visible.js';

type Hook = 'pre-commit' | 'pre-push';

/** The line a hook runs: what to add by hand where secret-hook will not write. */
export function hookLine(hook: Hook): string {
  return hook === 'pre-push' ? 'secret-hook pre-push "$@"' : 'secret-hook pre-commit';
}

export function alreadyRuns(shown: string): string {
  return `${visible(shown)}: already runs secret-hook`;
}

export function createdHook(shown: string): string {
  return `created ${visible(shown)}`;
}

export function addedFirstLine(shown: string): string {
  return `added secret-hook to ${visible(shown)} (first line, before the existing steps)`;
}

export function wroteHook(shown: string, chained: boolean): string {
  return chained ? `wrote ${visible(shown)} (runs the existing hook first)` : `wrote ${visible(shown)}`;
}

/** A hook secret-hook did not write: left alone. The problem and the hint of a usage error. */
export function foreignHook(shown: string, hook: Hook): { problem: string; hint: string } {
  return {
    problem: `${visible(shown)} already exists and was not written by secret-hook, so it was left untouched`,
    hint: `Add the line \`${hookLine(hook)}\` to it yourself, or run secret-hook install --chain to keep it and run it before secret-hook.`,
  };
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
