// `check --history` and `check <from>..<to>` / `--since <rev>`: the commits of the history or of a range.
// Thousands of commits are read by streaming `git log -p` from git itself (src/git/log-stream.ts): git diffs in C
// on one core while we scan on the other. The commit hook and pushes read objects themselves (small changes).
import { execFileSync } from 'node:child_process';
import { IGNORE_FILE } from '../config/ignore-file.js';
import { RepositoryError } from '../errors.js';
import { streamLog } from '../git/log-stream.js';
import { readShallowCommits } from '../git/shallow.js';
import { resolveRevision } from '../git/ref-list.js';
import { shallowNotice } from '../report/messages.js';
import type { ReportedFinding, ScanResult } from '../report/result.js';
import type { CheckScope, ScopeOptions } from './check.js';
import { emptyResult } from './check.js';
import { scanAdded } from './scan-changes.js';
import type { Session } from './session.js';

export async function scanHistory(
  session: Session,
  scope: Extract<CheckScope, { kind: 'history' | 'range' }>,
  options: ScopeOptions,
): Promise<ScanResult> {
  const { repo, store, scanContext } = session;
  let revisions: string[];
  if (scope.kind === 'history') {
    revisions = ['--all'];
  } else {
    const to = await resolveRevision(repo, store, scope.to);
    revisions = scope.from ? [to, `^${await resolveRevision(repo, store, scope.from)}`] : [to];
  }
  const cwd = repo.workTree ?? repo.gitDir;
  const total = countCommits(cwd, revisions);
  const progress = options.progress('secret-hook: scanning history');
  const shallow = readShallowCommits(repo);
  const result = emptyResult('history');
  const byFingerprint = new Map<string, ReportedFinding>();
  const boundary: string[] = [];

  for await (const event of streamLog(cwd, revisions)) {
    if (event.kind === 'commit') {
      result.stats.commits++;
      if (shallow.has(event.commit.oid)) boundary.push(event.commit.oid);
      progress.update(result.stats.commits, total, result.stats.bytes);
      continue;
    }
    const { commit, path: file } = event;
    if (event.kind === 'binary') {
      result.skipped.push({ path: file, reason: 'binary file', commit: commit.oid });
      continue;
    }
    if (file === IGNORE_FILE || file.endsWith(`/${IGNORE_FILE}`) || scanContext.isIgnored(file)) continue;
    result.stats.files++;
    if (event.text.length > scanContext.maxFileBytes) {
      result.skipped.push({
        path: file,
        reason: 'too large (added lines over the size limit)',
        commit: commit.oid,
        warn: true,
      });
      continue;
    }
    result.stats.bytes += event.text.length;
    const info = { oid: commit.oid, subject: commit.subject, author: commit.author, time: commit.time };
    const unit = {
      path: file,
      text: event.text,
      lineNumbers: event.lineNumbers,
      ...(event.context ? { context: event.context } : {}),
    };
    // Oldest first: a secret is reported once, with the commit that added it.
    for (const finding of scanAdded(scanContext, unit, info)) {
      if (!byFingerprint.has(finding.fingerprint)) byFingerprint.set(finding.fingerprint, finding);
    }
  }
  progress.finish();
  result.findings = [...byFingerprint.values()];
  if (boundary.length > 0) result.notices.push(shallowNotice(boundary));
  return result;
}

function countCommits(cwd: string, revisions: string[]): number {
  try {
    return Number(
      execFileSync('git', ['rev-list', '--count', ...revisions, '--'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim(),
    );
  } catch (error) {
    throw new RepositoryError('git rev-list could not list the commits to scan', { cause: error });
  }
}
