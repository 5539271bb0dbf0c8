// Resolves HEAD and ref names by reading loose ref files and packed-refs directly: the pre-commit path needs
// only HEAD, and loading isomorphic-git for that would cost more than the rest of the hook (see README).
// A reftable repository keeps its refs in binary tables instead; git itself reads those (refs-through-git.ts),
// which costs a spawn, but only there.
import * as path from 'node:path';
import { RepositoryError } from '../errors.js';
import { hexLength, isObjectId } from './object-id.js';
import { readOnlyFs } from './read-only-fs.js';
import { resolveRefThroughGit } from './refs-through-git.js';
import type { Repository } from './repo.js';

/**
 * What HEAD names in a repository whose refs are not files: git writes it so that a git too old for the ref
 * storage sees an unborn branch of an invalid name instead of wrong refs.
 */
const NOT_FILES_HEAD = 'refs/heads/.invalid';

/** HEAD's commit id, or null when HEAD is unborn (the first commit). */
export function resolveHead(repo: Repository): string | null {
  return resolveRef(repo, 'HEAD');
}

/** A full ref name (or HEAD) to an object id, following symbolic refs; null when it does not exist. */
export function resolveRef(repo: Repository, name: string, depth = 0): string | null {
  if (repo.refStorage !== 'files') return resolveRefThroughGit(repo, name);
  if (depth > 5) throw new RepositoryError({ kind: 'symbolic-ref-loop', ref: name });
  // HEAD and per-worktree refs live in the worktree's git dir; the rest in the common dir.
  const perWorktree = name === 'HEAD' || name.startsWith('refs/bisect/') || name.startsWith('refs/worktree/');
  const dir = perWorktree ? repo.gitDir : repo.commonDir;
  const loose = readLooseRef(path.join(dir, name));
  if (loose !== undefined) {
    if (loose.startsWith('ref:')) {
      const target = loose.slice(4).trim();
      // The config did not say reftable (a newer ref storage?), but HEAD says "not files": ask git.
      if (target === NOT_FILES_HEAD) return resolveRefThroughGit(repo, name);
      return resolveRef(repo, target, depth + 1);
    }
    if (isObjectId(loose, repo.objectFormat)) return loose;
    throw new RepositoryError({ kind: 'bad-ref', ref: name, content: loose });
  }
  return readPackedRefs(repo).get(name) ?? null;
}

function readLooseRef(file: string): string | undefined {
  try {
    return readOnlyFs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return undefined;
    throw new RepositoryError({ kind: 'unreadable-ref', file, detail: (error as Error).message });
  }
}

// Per Repository object (one run), not per path: refs change between runs of a long-lived process.
const packedRefsCache = new WeakMap<Repository, Map<string, string>>();

function readPackedRefs(repo: Repository): Map<string, string> {
  const cached = packedRefsCache.get(repo);
  if (cached) return cached;
  const refs = new Map<string, string>();
  let content = '';
  try {
    content = readOnlyFs.readFileSync(path.join(repo.commonDir, 'packed-refs'), 'utf8');
  } catch {
    // No packed-refs file: every ref is loose.
  }
  for (const line of content.split('\n')) {
    if (line.length < hexLength(repo.objectFormat) + 2 || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    refs.set(line.slice(space + 1).trim(), line.slice(0, space));
  }
  packedRefsCache.set(repo, refs);
  return refs;
}
