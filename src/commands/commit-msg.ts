// `secret-hook commit-msg <file>`: what the commit-msg hook runs. It scans the message git will commit (the file
// cleaned as git will clean it: commit-message.ts) and stops the commit on a secret in it.
// With SECRET_HOOK_BYPASS="reason" it records the bypass instead: it rescans the staged changes (the index git is
// committing: GIT_INDEX_FILE for `commit -a` and `commit <path>`, which git sets for this hook too), and appends the
// reason and each blocking finding's rule and fingerprint to the message as trailers (bypass-trailer.ts). Only the
// trailers are written; the hook never changes anything else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../errors.js';
import { configEntries } from '../git/config-entries.js';
import type { Repository } from '../git/repo.js';
import * as say from '../report/messages/commit-msg.js';
import type { Progress } from '../report/progress.js';
import type { ReportedFinding } from '../result.js';
import { formatBypassTrailers, oneLineReason, parseBypassTrailers } from './bypass-trailer.js';
import { committedMessage, messageRules, withTrailerLines, type MessageRules } from './commit-message.js';
import { wrap } from '../report/wrap.js';
import { outcome, type CommandOutcome } from './outcome.js';
import { failure, type OutputOptions } from './render.js';
import { scanMessage } from './scan-message.js';
import { openSession, type Session } from './session.js';

export { skipRequestedMessage as skipRequestedLine } from '../report/messages/commit-msg.js';

export interface CommitMsgOptions extends OutputOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** The message file, as git passes it (relative to the hook's directory: the top of the work tree). */
  file: string | undefined;
  progress: (label: string, unit: string) => Progress;
}

/** The reason given in SECRET_HOOK_BYPASS: null when unset, '' when set but empty. */
export function bypassReason(env: Record<string, string | undefined>): string | null {
  const value = env['SECRET_HOOK_BYPASS'];
  return value === undefined ? null : oneLineReason(value);
}

export async function runCommitMsg(options: CommitMsgOptions): Promise<CommandOutcome> {
  let session: Session | undefined;
  try {
    if (options.file === undefined || options.file === '') throw new UsageError(say.needsFile());
    const file = path.resolve(options.cwd, options.file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(say.unreadableFile(options.file, (error as Error).message));
    }
    session = await openSession(options);
    const rules = messageRules(settings(session.repo, options.env), text);
    const message = committedMessage(text, rules);
    const findings = scanMessage(session.scanContext, 'commit', message);
    const reason = bypassReason(options.env);
    if (reason !== null && reason !== '') {
      return await recordBypass(session, options, { file, text, rules, message, findings, reason });
    }
    return await report(findings, options, reason === '');
  } catch (error) {
    return await failure(error, 'staged', options, true);
  } finally {
    session?.close();
  }
}

/** What git's cleanup depends on, as this hook can see it (commit-message.ts says what it cannot). */
function settings(
  repo: Repository,
  env: Record<string, string | undefined>,
): { cleanup: string | null; comment: string | null; editor: boolean } {
  let cleanup: string | null = null;
  let comment: string | null = null;
  // core.commentChar and core.commentString (git 2.45) are one setting: the last value read wins.
  for (const entry of configEntries(repo, { keys: '^(core\\.comment(char|string)|commit\\.cleanup)$' })) {
    if (entry.key === 'commit.cleanup') cleanup = entry.value;
    else comment = entry.value;
  }
  // git sets GIT_EDITOR=: for the hook when no editor runs (run_commit_hook in builtin/commit.c).
  return { cleanup, comment, editor: env['GIT_EDITOR'] !== ':' };
}

async function report(
  findings: readonly ReportedFinding[],
  options: CommitMsgOptions,
  emptyBypass: boolean,
): Promise<CommandOutcome> {
  const blocking = findings.some((f) => f.action === 'block');
  if (findings.length === 0 || (options.quiet && !blocking)) return outcome(0);
  const { formatMessageFindings } = await import('../report/message-report.js');
  const text = formatMessageFindings(findings, {
    color: options.color,
    width: options.width,
    showSecrets: options.showSecrets,
    file: options.file ?? '',
  });
  const note = emptyBypass && blocking ? `\n${paragraph(say.bypassNeedsReason(), options.width).trimEnd()}` : '';
  return outcome(blocking ? 1 : 0, '', `${text}${note}\n`);
}

async function recordBypass(
  session: Session,
  options: CommitMsgOptions,
  commit: {
    file: string;
    text: string;
    rules: MessageRules;
    message: string;
    findings: ReportedFinding[];
    reason: string;
  },
): Promise<CommandOutcome> {
  const { scanStaged } = await import('./scan-staged.js');
  const staged = await scanStaged(session, {
    scope: { kind: 'staged' },
    paths: [],
    cwd: options.cwd,
    progress: options.progress,
  });
  const blocking = [...staged.findings, ...commit.findings].filter((f) => f.action === 'block');
  if (blocking.length === 0) return outcome(0, '', paragraph(say.bypassNothingToRecord(), options.width));
  if (commit.message === '') return outcome(1, '', paragraph(say.bypassEmptyMessage(), options.width));
  const trailers = formatBypassTrailers(
    commit.reason,
    blocking.map((f) => f.fingerprint),
  );
  // Run twice (a global hook and the repository's own): what is recorded already is not added again.
  const present = new Set(commit.message.split('\n'));
  const missing = trailers.filter((line) => !present.has(line));
  if (missing.length === 0) return outcome(0, '', paragraph(say.bypassAlreadyRecorded(), options.width));
  const written = withTrailerLines(commit.text, missing, commit.rules);
  // What was written must read back as the record, in the message git will commit.
  const record = parseBypassTrailers(committedMessage(written, commit.rules));
  const wanted = new Set(blocking.map((f) => f.fingerprint));
  if (record === null || [...wanted].some((print) => !record.fingerprints.has(print) && /:[0-9a-f]{20}$/.test(print))) {
    throw new UsageError(say.bypassNotWritable(options.file ?? ''));
  }
  fs.writeFileSync(commit.file, written);
  const unique = [...new Map(blocking.map((f) => [f.fingerprint, f])).values()];
  return outcome(0, '', paragraph(say.bypassRecorded(commit.reason, unique), options.width));
}

/** A sentence broken to fit the terminal, with its final newline. */
function paragraph(text: string, width: number): string {
  return `${wrap(text, Math.max(40, width)).join('\n')}\n`;
}
