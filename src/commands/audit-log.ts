// The server's record of every push that went in without a clean scan: a bypass with a reason, commits whose
// recorded bypass the server accepts, a push too large to scan in its time budget that the server lets through. One
// JSON object per line (JSON Lines), appended: who pushed (as the git server knows them), when, to which
// repository, which refs and commits, which rules and fingerprints, and the reason. Never a secret: a fingerprint
// holds a hash of it (src/engine/fingerprint.ts), and no line of the pushed content is written.
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { ReportedFinding } from '../result.js';

export type AuditEvent = 'push-option-bypass' | 'recorded-bypass' | 'over-budget';

/**
 * Who pushed, in the variables git servers set for their hooks: GIT_PUSHER (set by some wrappers and
 * deployments), GL_USERNAME and GL_ID (GitLab), GITEA_PUSHER_NAME, GITEA_PUSHER_EMAIL and GITEA_PUSHER_ID (Gitea,
 * Forgejo), GL_USER (gitolite), REMOTE_USER (git-http-backend behind an authenticating web server), and
 * REMOTE_ADDR where the transport sets it. The first of the names is `pusher`.
 */
const PUSHER_VARIABLES = ['GIT_PUSHER', 'GL_USERNAME', 'GITEA_PUSHER_NAME', 'GL_USER', 'REMOTE_USER'] as const;
const IDENTITY_VARIABLES = [
  ...PUSHER_VARIABLES,
  'GL_ID',
  'GITEA_PUSHER_EMAIL',
  'GITEA_PUSHER_ID',
  'REMOTE_ADDR',
] as const;
/** The repository's name where the server says it: GitLab, Gitea/Forgejo, gitolite. */
const REPOSITORY_VARIABLES = [
  'GL_PROJECT_PATH',
  'GL_REPOSITORY',
  'GITEA_REPO_USER_NAME',
  'GITEA_REPO_NAME',
  'GL_REPO',
] as const;

export interface AuditContext {
  env: Record<string, string | undefined>;
  /** The repository's git dir. */
  repository: string;
  refs: { ref: string; old: string; new: string }[];
}

export interface AuditRecord {
  time: string;
  event: AuditEvent;
  pusher: string | null;
  /** Every identity variable that was set, by name. */
  identity: Record<string, string>;
  /** The account the hook ran as. */
  systemUser: string | null;
  repository: { gitDir: string } & Record<string, string>;
  refs: { ref: string; old: string; new: string }[];
  /** The commits that hold the findings let through. */
  commits: string[];
  ruleIds: string[];
  fingerprints: string[];
  findings: { ruleId: string; fingerprint: string; path: string; line: number; commit?: string; tag?: string }[];
  reason: string | null;
  /** over-budget: what was scanned before the budget ran out. */
  scanned?: { commits: number; budgetSeconds: number };
}

export function auditRecord(
  context: AuditContext,
  event: AuditEvent,
  findings: readonly ReportedFinding[],
  reason: string | null,
  now = new Date(),
): AuditRecord {
  const identity: Record<string, string> = {};
  for (const name of IDENTITY_VARIABLES) {
    const value = context.env[name];
    if (value) identity[name] = value;
  }
  const repository: AuditRecord['repository'] = { gitDir: context.repository };
  for (const name of REPOSITORY_VARIABLES) {
    const value = context.env[name];
    if (value) repository[name] = value;
  }
  return {
    time: now.toISOString(),
    event,
    pusher: PUSHER_VARIABLES.map((name) => context.env[name]).find((value) => !!value) ?? null,
    identity,
    systemUser: systemUser(),
    repository,
    refs: context.refs,
    commits: [...new Set(findings.flatMap((f) => (f.commit ? [f.commit.oid] : [])))],
    ruleIds: [...new Set(findings.map((f) => f.ruleId))],
    fingerprints: [...new Set(findings.map((f) => f.fingerprint))],
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      fingerprint: f.fingerprint,
      path: f.path,
      line: f.line,
      ...(f.commit ? { commit: f.commit.oid } : {}),
      ...(f.tag ? { tag: f.tag.name } : {}),
    })),
    reason,
  };
}

/** Appends the records, one line each, in one write; the problem when the log cannot be written, else null. */
export function appendAuditRecords(file: string, records: readonly AuditRecord[]): string | null {
  if (records.length === 0) return null;
  const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
  try {
    // O_APPEND: lines of concurrent pushes land whole, one after the other. Readable by the account and its group.
    fs.appendFileSync(file, text, { mode: 0o640 });
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

function systemUser(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
}
