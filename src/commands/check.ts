// `secret-hook check` and `secret-hook pre-commit`: scan a scope (the staged changes by default) and render it.
import type { Scope, ScanResult } from '../result.js';
import type { CommandOutcome } from './outcome.js';
import { failure, render, type OutputOptions } from './render.js';
import type { ScopeOptions } from './scope.js';
import { openSession, type Session } from './session.js';

export interface CheckOptions extends OutputOptions, ScopeOptions {
  env: Record<string, string | undefined>;
  /** The hook is quiet on a clean commit; a manual check prints a summary line. */
  hook: boolean;
}

export async function runCheck(options: CheckOptions): Promise<CommandOutcome> {
  const started = Date.now();
  const scope: Scope = options.scope.kind === 'staged' ? 'staged' : options.scope.kind === 'all' ? 'all' : 'history';
  let session: Session | undefined;
  try {
    session = await openSession(options);
    const result = await scanScope(session, options);
    result.stats.milliseconds = Date.now() - started;
    return await render(result, session, options);
  } catch (error) {
    return await failure(error, scope, options, options.hook);
  } finally {
    session?.close();
  }
}

/** Scans one scope and returns the result, unrendered (also used by `baseline`). */
export async function scanScope(session: Session, options: ScopeOptions): Promise<ScanResult> {
  if (options.scope.kind === 'staged') return (await import('./scan-staged.js')).scanStaged(session, options);
  // The pre-commit hook's own bundle scans the staged changes only, and leaves the other scans out (cli.ts).
  if (typeof __SECRET_HOOK_PRE_COMMIT_ONLY__ === 'undefined' || !__SECRET_HOOK_PRE_COMMIT_ONLY__) {
    if (options.scope.kind === 'all') {
      const { scanCommittedFiles, scanTrackedFiles } = await import('./scan-tracked.js');
      return options.committedOnly ? scanCommittedFiles(session, options) : scanTrackedFiles(session, options);
    }
    // History scans run git and read commits: loaded only for them.
    const { scanHistory } = await import('./scan-history.js');
    return scanHistory(session, options.scope, options);
  }
  throw new Error(`dist/pre-commit.cjs scans the staged changes only, not ${options.scope.kind}`);
}

/** True in dist/pre-commit.cjs, undefined elsewhere (src/commands/cli.ts). */
declare const __SECRET_HOOK_PRE_COMMIT_ONLY__: boolean | undefined;
