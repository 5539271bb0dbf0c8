// Settings as git itself resolves them (system, global and repository files, includes, `-c` and
// GIT_CONFIG_PARAMETERS), many at once: one `git config --get-regexp` for a whole family of keys, such as a server
// hook's own settings. A server sets them where its administrators keep git settings: /etc/gitconfig for every
// repository, or a repository's own config file; a push cannot change either.
import { RepositoryError, type GitTask } from '../errors.js';
import { execGit, type GitLocation } from './git-process.js';

/**
 * Every setting whose name matches `pattern` (an extended regular expression over the lowercased
 * `section.key` names, as git matches it), last value wins. A key given without `=` is a boolean true (`"true"`).
 */
export function gitConfigEntries(repo: GitLocation, pattern: string): Map<string, string> {
  const task: GitTask = { kind: 'read-config', key: pattern };
  const result = execGit(repo, ['config', '-z', '--get-regexp', pattern], { task });
  const entries = new Map<string, string>();
  // Exit 1: nothing matched. Anything else is a failure (a config file git cannot parse), never "no settings".
  if (result.status === 1) return entries;
  if (result.status !== 0) {
    throw new RepositoryError({ kind: 'git-failed', task, exit: result.status, stderr: result.stderr });
  }
  // -z: each entry is `name LF value NUL`, or `name NUL` for a key without a value.
  for (const record of result.stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    const newline = record.indexOf('\n');
    if (newline === -1) entries.set(record, 'true');
    else entries.set(record.slice(0, newline), record.slice(newline + 1));
  }
  return entries;
}
