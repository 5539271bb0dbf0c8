// The pre-commit hook with SECRET_HOOK_BYPASS="reason": findings that would stop the commit let it through, loudly,
// provided a commit-msg hook here runs secret-hook to record the bypass in the message (commit-msg.ts); a bypass
// that could not be recorded would be a silent --no-verify, so then the commit is stopped as usual.
import * as say from '../report/messages/commit-msg.js';
import { runCheck, scanScope, type CheckOptions } from './check.js';
import { surveyHooks } from './hook-survey.js';
import { wrap } from '../report/wrap.js';
import { outcome, type CommandOutcome } from './outcome.js';
import { failure, render } from './render.js';
import { openSession, type Session } from './session.js';

export async function runPreCommitBypass(options: CheckOptions, reason: string): Promise<CommandOutcome> {
  if (reason === '') {
    const checked = await runCheck(options);
    return checked.exitCode === 1
      ? outcome(1, checked.stdout, `${checked.stderr}${paragraph(say.bypassNeedsReason(), options.width)}`)
      : checked;
  }
  const started = Date.now();
  let session: Session | undefined;
  try {
    session = await openSession(options);
    const result = await scanScope(session, options);
    result.stats.milliseconds = Date.now() - started;
    const blocking = result.findings.filter((f) => f.action === 'block').length;
    if (blocking === 0) return await render(result, session, options);
    const recorded = surveyHooks(session.repo, options.env).routes.find((r) => r.hook === 'commit-msg')?.covered;
    if (!recorded) {
      const stopped = await render(result, session, options);
      return outcome(1, stopped.stdout, `${stopped.stderr}\n${paragraph(say.bypassNotRecordable(), options.width)}`);
    }
    // Reported as a check (nothing was stopped), on stderr where git shows hook output, then the banner.
    const shown = await render(result, session, { ...options, hook: false });
    return outcome(
      0,
      '',
      `${shown.stdout}${shown.stderr}\n${paragraph(say.bypassBanner(reason, blocking), options.width)}`,
    );
  } catch (error) {
    return await failure(error, 'staged', options, true);
  } finally {
    session?.close();
  }
}

/** A sentence broken to fit the terminal, with its final newline. */
function paragraph(text: string, width: number): string {
  return `${wrap(text, Math.max(40, width)).join('\n')}\n`;
}
