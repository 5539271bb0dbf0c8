// What a server's administrators decide for `secret-hook pre-receive`, read from git's configuration (so that one
// setting in /etc/gitconfig covers every repository, and a repository's own config file can differ), never from
// what is pushed:
//
//   secret-hook.config               the scan configuration (same schema as secret-hook.config.json), relative to
//                                    the git dir; default: secret-hook.server.json (.yaml, .yml) in the git dir
//   secret-hook.allowBypass          honour `git push -o secret-hook.bypass="<reason>"` (default false; needs
//                                    receive.advertisePushOptions = true too, or git refuses the option)
//   secret-hook.acceptRecordedBypass let through findings a commit's Secret-Hook-Bypass trailers list (default false)
//   secret-hook.auditLog             where bypasses and unfinished scans are recorded, one JSON line each
//                                    (default: secret-hook-audit.jsonl in the git dir)
//   secret-hook.timeBudget           seconds the scan may take (default 60; 0: no limit)
//   secret-hook.overBudget           what a push that could not be scanned within the budget gets: refuse
//                                    (default) or allow (let through, with an audit record)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configBoolean } from '../git/config-file.js';
import { gitConfigEntries } from '../git/git-config-entries.js';
import type { Repository } from '../git/repo.js';

export interface ServerSettings {
  /** The scan configuration file (absolute), or null for the defaults. */
  configFile: string | null;
  allowBypass: boolean;
  /** receive.advertisePushOptions: without it, git refuses `git push -o` before the hook runs. */
  pushOptionsAdvertised: boolean;
  acceptRecordedBypass: boolean;
  auditLog: string;
  /** Seconds, or null for no limit. */
  timeBudgetSeconds: number | null;
  overBudget: 'refuse' | 'allow';
}

/** A setting whose value cannot be read: the push is refused (an unreadable policy is not a lenient one). */
export interface SettingProblem {
  key: string;
  value: string;
  expected: 'boolean' | 'seconds' | 'refuse-or-allow';
}

export const DEFAULT_TIME_BUDGET_SECONDS = 60;
export const SERVER_CONFIG_FILES = ['secret-hook.server.json', 'secret-hook.server.yaml', 'secret-hook.server.yml'];
export const DEFAULT_AUDIT_LOG = 'secret-hook-audit.jsonl';

export function readServerSettings(repo: Repository): ServerSettings | SettingProblem {
  const entries = gitConfigEntries(repo, '^(secret-hook\\.|receive\\.advertisepushoptions$)');
  const get = (key: string) => entries.get(key.toLowerCase());
  const bool = (key: string, fallback: boolean): boolean | SettingProblem => {
    const value = get(key);
    if (value === undefined) return fallback;
    return configBoolean(value) ?? { key, value, expected: 'boolean' };
  };
  const allowBypass = bool('secret-hook.allowBypass', false);
  if (typeof allowBypass !== 'boolean') return allowBypass;
  const pushOptionsAdvertised = bool('receive.advertisePushOptions', false);
  if (typeof pushOptionsAdvertised !== 'boolean') return pushOptionsAdvertised;
  const acceptRecordedBypass = bool('secret-hook.acceptRecordedBypass', false);
  if (typeof acceptRecordedBypass !== 'boolean') return acceptRecordedBypass;

  const budgetText = get('secret-hook.timeBudget');
  let timeBudgetSeconds: number | null = DEFAULT_TIME_BUDGET_SECONDS;
  if (budgetText !== undefined) {
    const seconds = /^\s*\d+(?:\.\d+)?\s*s?\s*$/.test(budgetText) ? parseFloat(budgetText) : NaN;
    if (!Number.isFinite(seconds)) return { key: 'secret-hook.timeBudget', value: budgetText, expected: 'seconds' };
    timeBudgetSeconds = seconds === 0 ? null : seconds;
  }
  const overText = get('secret-hook.overBudget');
  const over = overText?.trim().toLowerCase() ?? 'refuse';
  if (over !== 'refuse' && over !== 'allow') {
    return { key: 'secret-hook.overBudget', value: overText ?? '', expected: 'refuse-or-allow' };
  }

  const configured = get('secret-hook.config');
  const configFile = configured
    ? path.resolve(repo.commonDir, configured)
    : (SERVER_CONFIG_FILES.map((name) => path.join(repo.commonDir, name)).find((file) => fs.existsSync(file)) ?? null);
  const auditLog = path.resolve(repo.commonDir, get('secret-hook.auditLog') || DEFAULT_AUDIT_LOG);
  return {
    configFile,
    allowBypass,
    pushOptionsAdvertised,
    acceptRecordedBypass,
    auditLog,
    timeBudgetSeconds,
    overBudget: over,
  };
}

export function isSettingProblem(value: ServerSettings | SettingProblem): value is SettingProblem {
  return 'expected' in value;
}
