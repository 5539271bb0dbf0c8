// `check --history` and `check <from>..<to>` / `--since <rev>`: the commits of the history or of a range, scanned
// exactly as a push of those commits would be (scan-commits.ts: changes and messages); the whole history also
// scans the messages of the annotated tags its refs hold.
import { annotatedTagRefs } from '../git/annotated-tag-refs.js';
import type { LogRequest } from '../git/commit-log.js';
import { countCommits, resolveCommit } from '../git/revisions.js';
import { progressLabel, shallowNotice } from '../report/messages/scan-notes.js';
import type { ScanResult } from '../result.js';
import type { CheckScope, ScopeOptions } from './scope.js';
import { scanCommits } from './scan-commits.js';
import { scanTagMessages } from './scan-tag-messages.js';
import type { Session } from './session.js';

export interface HistoryOptions extends ScopeOptions {
  /** Only what is committed: leave out the stash (a baseline must not accept an uncommitted key). */
  committedOnly?: boolean;
}

export async function scanHistory(
  session: Session,
  scope: Extract<CheckScope, { kind: 'history' | 'range' }>,
  options: HistoryOptions,
): Promise<ScanResult> {
  const request = logRequest(session, scope, options.committedOnly === true);
  const progress = options.progress(progressLabel('history'), 'commits');
  const total = progress.shown ? countCommits(session.repo, request) : 0;
  const scanned = await scanCommits(session, request, progress, total);
  const { shallowBoundary, recordedBypasses: _recorded, unfinished: _unfinished, ...rest } = scanned;
  // The whole history publishes the tags its refs hold, and their messages with them.
  if (scope.kind === 'history') {
    const known = new Set(rest.findings.map((f) => f.fingerprint));
    for (const finding of scanTagMessages(session, annotatedTagRefs(session.repo))) {
      if (!known.has(finding.fingerprint)) rest.findings.push(finding);
      known.add(finding.fingerprint);
    }
  }
  return {
    scope: 'history',
    ...rest,
    notices: shallowBoundary.length > 0 ? [shallowNotice(shallowBoundary)] : [],
  };
}

function logRequest(
  session: Session,
  scope: Extract<CheckScope, { kind: 'history' | 'range' }>,
  committedOnly: boolean,
): LogRequest {
  if (scope.kind === 'history') return { args: committedOnly ? ['--exclude=refs/stash', '--all'] : ['--all'] };
  // Names the user typed are resolved by git once, to commit ids; only ids reach the log.
  const to = resolveCommit(session.repo, scope.to);
  const from = scope.from === null ? null : resolveCommit(session.repo, scope.from);
  return { args: [], stdin: from === null ? `${to}\n` : `${to}\n^${from}\n` };
}
