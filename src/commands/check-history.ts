// `check --history` and `check <from>..<to>` / `--since <rev>`: the commits of the history or of a range.
import * as path from 'node:path';
import { walkCommits } from '../git/commit-walk.js';
import { allRefTips, resolveRevision } from '../git/ref-list.js';
import { shallowNotice } from '../report/messages.js';
import type { ScanResult } from '../report/result.js';
import type { CheckScope, ScopeOptions } from './check.js';
import { scanCommits } from './scan-commits.js';
import type { Session } from './session.js';

/** `--history` (every commit reachable from any ref) or a revision range. */
export async function scanHistory(
  session: Session,
  scope: Extract<CheckScope, { kind: 'history' | 'range' }>,
  options: ScopeOptions,
): Promise<ScanResult> {
  const { repo, store } = session;
  let include: string[];
  let exclude: string[] = [];
  if (scope.kind === 'history') {
    include = await allRefTips(repo);
  } else {
    include = [await resolveRevision(repo, store, scope.to)];
    if (scope.from) exclude = [await resolveRevision(repo, store, scope.from)];
  }
  const walk = walkCommits(store, include, exclude, path.join(repo.commonDir, 'shallow'));
  const scanned = scanCommits(session, walk.commits, options.progress('secret-hook: scanning history'));
  return {
    scope: 'history',
    ...scanned,
    notices: walk.shallowBoundary.length > 0 ? [shallowNotice(walk.shallowBoundary)] : [],
  };
}
