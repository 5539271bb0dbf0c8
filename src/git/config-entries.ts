// Settings as git itself reads them, with where each value comes from: every file (system, global with its XDG and
// home files, the repository's, the worktree's), includes, conditions, and `git -c` / GIT_CONFIG_PARAMETERS. For the
// questions where the answer depends on who set what: where hooks live (core.hooksPath: a repository's own value
// takes precedence over the global one), and how git cleans a commit message (commit.cleanup, core.commentChar).
// https://git-scm.com/docs/git-config#Documentation/git-config.txt---show-scope
import { RepositoryError } from '../errors.js';
import { execGit, execGitAnywhere, type GitLocation, type GitResult } from './git-process.js';

/** Where a value was set, as `git config --show-scope` names it. */
export type ConfigScope = 'system' | 'global' | 'local' | 'worktree' | 'command' | 'unknown';

export interface ConfigEntry {
  scope: ConfigScope;
  /** `file:<path>`, `command line:`, `blob:<id>`, …, as git prints it. */
  origin: string;
  /** The key, section and name lowercased (a subsection keeps its case). */
  key: string;
  /** The value; null for a key written without one (a boolean true). */
  value: string | null;
}

export interface ConfigQuery {
  /** A regular expression over the lowercased key, as `git config --get-regexp` takes it. */
  keys: string;
  /** `path`: `~/` and `~user/` expanded, as git does for path settings such as core.hooksPath. */
  type?: 'path';
}

/** Every value of the matching settings that git reads for this repository, in git's order: the last one wins. */
export function configEntries(repo: GitLocation, query: ConfigQuery): ConfigEntry[] {
  return parsed(execGit(repo, args(query), { task: { kind: 'read-config', key: query.keys } }), query);
}

/** The same where there may be no repository (only the system and global files then, and `git -c`). */
export function configEntriesAnywhere(
  cwd: string,
  env: Record<string, string | undefined>,
  query: ConfigQuery,
): ConfigEntry[] {
  return parsed(execGitAnywhere(cwd, env, args(query), { task: { kind: 'read-config', key: query.keys } }), query);
}

function args(query: ConfigQuery): string[] {
  return [
    'config',
    '-z',
    '--show-scope',
    '--show-origin',
    ...(query.type ? [`--type=${query.type}`] : []),
    '--get-regexp',
    query.keys,
  ];
}

/** `scope NUL origin NUL key [LF value] NUL`, once per value; exit 1 when nothing matched. */
function parsed(result: GitResult, query: ConfigQuery): ConfigEntry[] {
  if (result.status === 1 && result.stdout.length === 0) return [];
  if (result.status !== 0) {
    throw new RepositoryError({
      kind: 'git-failed',
      task: { kind: 'read-config', key: query.keys },
      exit: result.status,
      stderr: result.stderr,
    });
  }
  const fields = result.stdout.toString('utf8').split('\0');
  const entries: ConfigEntry[] = [];
  for (let i = 0; i + 2 < fields.length; i += 3) {
    const keyValue = fields[i + 2]!;
    const newline = keyValue.indexOf('\n');
    entries.push({
      scope: scopeOf(fields[i]!),
      origin: fields[i + 1]!,
      key: newline === -1 ? keyValue : keyValue.slice(0, newline),
      value: newline === -1 ? null : keyValue.slice(newline + 1),
    });
  }
  return entries;
}

function scopeOf(text: string): ConfigScope {
  return text === 'system' || text === 'global' || text === 'local' || text === 'worktree' || text === 'command'
    ? text
    : 'unknown';
}

/** The file an entry was read from, or null when it came from elsewhere (the command line, a blob). */
export function originFile(entry: ConfigEntry): string | null {
  return entry.origin.startsWith('file:') ? entry.origin.slice('file:'.length) : null;
}
