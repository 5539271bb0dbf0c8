// A setting as git itself resolves it (every config file it reads, includes and conditions too): for the rare
// questions where only git's full answer will do, such as where hooks live (core.hooksPath).
import { execGit, type GitLocation } from './git-process.js';

/** The value of a setting, or null when it is not set. */
export function gitConfigValue(repo: GitLocation, key: string): string | null {
  const result = execGit(repo, ['config', '--get', key], { task: { kind: 'read-config', key } });
  if (result.status !== 0) return null;
  return result.stdout.toString('utf8').trim() || null;
}
