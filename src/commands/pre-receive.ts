// `secret-hook pre-receive`: run by a git server's receive-pack before it updates any ref. Scans what the push makes
// newly reachable in this repository (scan-push.ts, with `--not --all`: the refs still hold their old values), with
// the same engine, rules and fingerprints as the client's pre-push, but with the server's configuration only
// (server-settings.ts): nothing the push carries can switch its own scan off. A finding refuses the whole push (git
// then changes no ref); a bypass with a reason, where the server allows it, lets it in with a line in the audit log.
// The pushed objects are read from git's quarantine (object-environment.ts), which is never written.
import { isDeletion, parseReceivedRefs, type ReceivedRef } from '../git/received-refs.js';
import { refTipsThroughGit } from '../git/refs-through-git.js';
import { findRepository } from '../git/repo.js';
import * as say from '../report/messages/server.js';
import { formatServerReport } from '../report/server-report.js';
import { NO_PROGRESS } from '../report/progress.js';
import type { ReportedFinding } from '../result.js';
import { appendAuditRecords, auditRecord, type AuditContext, type AuditRecord } from './audit-log.js';
import { oneLineReason } from './bypass-trailer.js';
import { outcome, type CommandOutcome } from './outcome.js';
import { weighRecordedBypasses } from './recorded-bypass.js';
import { scanPush } from './scan-push.js';
import { isSettingProblem, readServerSettings, type ServerSettings } from './server-settings.js';
import { openSession, type Session } from './session.js';

export interface PreReceiveOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** What receive-pack wrote to the hook's standard input. */
  stdin: string;
}

export async function runPreReceive(options: PreReceiveOptions): Promise<CommandOutcome> {
  const started = Date.now();
  const refuse = refuser(options.env);
  let session: Session | undefined;
  try {
    const repo = findRepository(options.cwd, options.env);
    const settings = readServerSettings(repo);
    if (isSettingProblem(settings)) {
      return refuse(1, say.badSetting(settings.key, settings.value, settings.expected));
    }
    const received = parseReceivedRefs(options.stdin, repo.objectFormat);
    if ('unreadable' in received) return refuse(2, say.unreadableRefLine(received.unreadable));
    const refs = received.refs;
    const pushed = refs.filter((r) => !isDeletion(r, repo.objectFormat));
    if (pushed.length === 0) return outcome(0); // only deletions: nothing is published

    session = await openSession({
      cwd: options.cwd,
      env: options.env,
      serverSide: true,
      ...(settings.configFile !== null ? { configFile: settings.configFile } : {}),
    });
    const s = session;
    let existingRefValues: Set<string> | undefined;
    const scanned = await scanPush(
      s,
      {
        include: pushed.map((r) => ({ ref: r.ref, oid: r.newOid })),
        exclude: [],
        excludeArgs: ['--not', '--all'],
        // A tag object some ref already holds was published with that ref, message and all.
        knownTag: (oid) => (existingRefValues ??= new Set(refTipsThroughGit(s.repo, ['refs/']))).has(oid),
      },
      NO_PROGRESS,
      settings.timeBudgetSeconds === null ? {} : { deadline: started + settings.timeBudgetSeconds * 1000 },
    );
    return await decide(s, settings, refs, scanned, options.env, refuse);
  } catch (error) {
    return refuse(2, say.scanFailedParagraph(error));
  } finally {
    session?.close();
  }
}

/** Accept or refuse, and what to tell the pusher and the audit log. */
async function decide(
  session: Session,
  settings: ServerSettings,
  refs: readonly ReceivedRef[],
  scanned: Awaited<ReturnType<typeof scanPush>>,
  env: Record<string, string | undefined>,
  refuse: Refuse,
): Promise<CommandOutcome> {
  const notices: string[] = [];
  /** Said only if the push goes in. */
  const accepted: string[] = [];
  const records: AuditRecord[] = [];
  const audit: AuditContext = {
    env,
    repository: session.repo.commonDir,
    refs: refs.map((r) => ({ ref: r.ref, old: r.oldOid, new: r.newOid })),
  };

  // Bypasses recorded in commit messages: anyone can type a trailer, so they count only where the server says so.
  let findings: ReportedFinding[] = scanned.findings;
  const weighed = weighRecordedBypasses(findings, scanned.recordedBypasses);
  for (const acknowledged of weighed.acknowledged) {
    if (!settings.acceptRecordedBypass) {
      if (acknowledged.findings.some((f) => f.action === 'block')) {
        notices.push(say.recordedBypassRefused(acknowledged.commit.oid, acknowledged.reason));
      }
      continue;
    }
    const places = acknowledged.findings.map((f) => `${f.ruleId} in ${f.path}:${f.line}`);
    accepted.push(say.recordedBypassAccepted(acknowledged.commit.oid, acknowledged.reason, places));
    records.push(auditRecord(audit, 'recorded-bypass', acknowledged.findings, oneLineReason(acknowledged.reason)));
  }
  if (settings.acceptRecordedBypass) findings = weighed.remaining;

  const blocking = findings.filter((f) => f.action === 'block');
  const bypass = bypassRequest(env);
  const rules = findings.length > 0 ? await session.loadRules() : new Map();
  const report = (extra: string[] = []) =>
    formatServerReport({
      findings,
      tips: scanned.tips ?? [],
      rules,
      bypassOffered: settings.allowBypass && settings.pushOptionsAdvertised,
      notices: [...notices, ...extra],
    });

  const seconds = settings.timeBudgetSeconds ?? 0;
  if (blocking.length > 0) {
    const extra = scanned.unfinished ? [say.overBudgetRefused(seconds, scanned.stats.commits)] : [];
    const summary = say.refusedSummary(blocking.map((f) => ({ ruleId: f.ruleId, where: `${f.path}:${f.line}` })));
    if (bypass === null) return refuse(1, report(extra), summary);
    if (!settings.allowBypass) return refuse(1, report([...extra, say.bypassNotAllowed()]), summary);
    if (bypass === '') return refuse(1, report([...extra, say.bypassWithoutReason()]), summary);
    records.push(auditRecord(audit, 'push-option-bypass', blocking, bypass));
    const ruleIds = [...new Set(blocking.map((f) => f.ruleId))];
    accepted.push(say.bypassAccepted(bypass, blocking.length, ruleIds));
    // The bypass covers what was found; what was not scanned is the budget's question below.
    findings = findings.filter((f) => f.action !== 'block');
  }
  if (scanned.unfinished) {
    if (settings.overBudget === 'refuse') return refuse(1, say.overBudgetRefused(seconds, scanned.stats.commits));
    const record = auditRecord(audit, 'over-budget', [], null);
    record.scanned = { commits: scanned.stats.commits, budgetSeconds: seconds };
    records.push(record);
    notices.push(say.overBudgetAllowed(seconds, scanned.stats.commits));
  }
  const problem = appendAuditRecords(settings.auditLog, records);
  if (problem !== null) return refuse(2, say.auditLogUnwritable(settings.auditLog, problem));
  notices.push(...accepted);
  const text = findings.length > 0 || notices.length > 0 ? report() : '';
  return outcome(0, '', text ? `${text}\n` : '');
}

/** The reason given with `git push -o secret-hook.bypass=<reason>`: null when none was asked, '' when it is empty. */
function bypassRequest(env: Record<string, string | undefined>): string | null {
  const count = Number(env['GIT_PUSH_OPTION_COUNT'] ?? '0');
  let reason: string | null = null;
  for (let i = 0; Number.isInteger(count) && i < count; i++) {
    const option = env[`GIT_PUSH_OPTION_${i}`] ?? '';
    if (option === say.BYPASS_OPTION) reason = '';
    else if (option.startsWith(`${say.BYPASS_OPTION}=`))
      reason = oneLineReason(option.slice(say.BYPASS_OPTION.length + 1));
  }
  return reason;
}

type Refuse = (exitCode: 1 | 2, text: string, summary?: string) => CommandOutcome;

/**
 * The push is refused: the text goes to the pusher (git prints hook output after `remote: `). Under GitLab (it sets
 * GL_ID for its hooks), a first line marked `GL-HOOK-ERR: ` is what its web interface shows when it refuses a change
 * made there (https://docs.gitlab.com/administration/server_hooks/#custom-error-messages).
 */
function refuser(env: Record<string, string | undefined>): Refuse {
  const gitlab = Boolean(env['GL_ID'] || env['GL_REPOSITORY']);
  return (exitCode, text, summary) => {
    const first = gitlab ? `${say.GITLAB_ERROR_PREFIX}${summary ?? say.refusedSummaryGeneric()}\n` : '';
    return outcome(exitCode, '', `${first}${text}\n`);
  };
}
