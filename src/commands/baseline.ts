// `secret-hook baseline [--all | --history]`: accept everything found today, so an existing repository adopts
// the hook and only new secrets block from then on. Appends fingerprints (never secrets) to .secret-hook-ignore
// and prints what it added. A manual command: hooks never write files.
import { appendToIgnoreFile, IGNORE_FILE } from '../config/ignore-file.js';
import { UsageError } from '../errors.js';
import * as say from '../report/messages/baseline.js';
import { needsWorkTree } from '../report/messages/usage.js';
import { redact } from '../report/redact.js';
import { scanScope } from './check.js';
import { failure, type OutputOptions } from './render.js';
import type { CheckScope } from './scope.js';
import { outcome, type CommandOutcome } from './outcome.js';
import type { Progress } from '../report/progress.js';
import { openSession, type Session } from './session.js';

export interface BaselineOptions extends OutputOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  scope: Extract<CheckScope, { kind: 'all' | 'history' }>;
  progress: (label: string, unit: string) => Progress;
}

export async function runBaseline(options: BaselineOptions): Promise<CommandOutcome> {
  let session: Session | undefined;
  try {
    session = await openSession(options);
    const root = session.repo.workTree;
    if (!root) throw new UsageError(needsWorkTree('baseline'));
    // Only what is committed: a staged or stashed key must still block when it is committed.
    const result = await scanScope(session, { ...options, paths: [], committedOnly: true });
    // A pair is accepted by its rule's own match (a Customer.io Track key without its Site ID): it stays accepted
    // when the other half is later added, changed or removed (src/config/policy.ts).
    const added = appendToIgnoreFile(
      root,
      result.findings.map((f) => {
        const accepted = f.alone ?? f;
        return {
          fingerprint: accepted.fingerprint,
          comment: say.fingerprintComment(f.title, redact(accepted.secret), f.commit?.oid),
        };
      }),
    );
    if (added.length === 0) return outcome(0, `${say.nothingNew(IGNORE_FILE)}\n`);
    return outcome(0, `${say.added(IGNORE_FILE, added)}\n`);
  } catch (error) {
    return failure(error, options.scope.kind === 'all' ? 'all' : 'history', options, false);
  } finally {
    session?.close();
  }
}
