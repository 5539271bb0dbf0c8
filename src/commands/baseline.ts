// `secret-hook baseline [--all | --history]`: accept everything found today, so an existing repository adopts
// the hook and only new secrets block from then on. Appends fingerprints (never secrets) to .secret-hook-ignore
// and prints what it added. A manual command: hooks never write files.
import { appendToIgnoreFile, IGNORE_FILE } from '../config/ignore-file.js';
import { UsageError } from '../errors.js';
import { redact } from '../report/redact.js';
import { visible } from '../report/visible.js';
import { failure, scanScope, type CheckScope, type OutputOptions } from './check.js';
import { outcome, type CommandOutcome } from './outcome.js';
import type { Progress } from '../report/progress.js';
import { openSession, type Session } from './session.js';

export interface BaselineOptions extends OutputOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  scope: Extract<CheckScope, { kind: 'all' | 'history' }>;
  progress: (label: string) => Progress;
}

export async function runBaseline(options: BaselineOptions): Promise<CommandOutcome> {
  let session: Session | undefined;
  try {
    session = await openSession(options);
    const root = session.repo.workTree;
    if (!root) throw new UsageError('baseline needs a working tree to write .secret-hook-ignore in');
    // Only what is committed: a staged or stashed key must still block when it is committed.
    const result = await scanScope(session, { ...options, paths: [], committedOnly: true });
    const added = appendToIgnoreFile(
      root,
      result.findings.map((f) => ({
        fingerprint: f.fingerprint,
        comment: `${f.title}, ${redact(f.secret)}${f.commit ? `, commit ${f.commit.oid.slice(0, 10)}` : ''}`,
      })),
    );
    if (added.length === 0) return outcome(0, `secret-hook: nothing new to add to ${IGNORE_FILE}.\n`);
    const lines = [
      `secret-hook: added ${added.length} finding${added.length === 1 ? '' : 's'} to ${IGNORE_FILE}:`,
      // Each line names a file and a rule's title, and ends with the last characters of a secret.
      ...added.map((line) => `  ${visible(line)}`),
      '',
      `Commit ${IGNORE_FILE}. These secrets stop being reported; rotate any that are live — accepting a finding does not make a leaked key safe.`,
    ];
    return outcome(0, `${lines.join('\n')}\n`);
  } catch (error) {
    return failure(error, options.scope.kind === 'all' ? 'all' : 'history', options);
  } finally {
    session?.close();
  }
}
