// Resolves HEAD and ref names by reading loose ref files and packed-refs directly: the pre-commit path needs
// only HEAD, and loading isomorphic-git for that would cost more than the rest of the hook (see README).
import * as path from 'node:path';
import { RepositoryError } from '../errors.js';
import { readOnlyFs } from './read-only-fs.js';
import type { Repository } from './repo.js';

const OID = /^[0-9a-f]{40}$/;

/** HEAD's commit id, or null when HEAD is unborn (the first commit). */
export function resolveHead(repo: Repository): string | null {
  return resolveRef(repo, 'HEAD');
}

/** A full ref name (or HEAD) to an object id, following symbolic refs; null when it does not exist. */
export function resolveRef(repo: Repository, name: string, depth = 0): string | null {
  if (depth > 5) throw new RepositoryError(`symbolic ref loop at ${name}`);
  // HEAD and per-worktree refs live in the worktree's git dir; the rest in the common dir.
  const perWorktree = name === 'HEAD' || name.startsWith('refs/bisect/') || name.startsWith('refs/worktree/');
  const dir = perWorktree ? repo.gitDir : repo.commonDir;
  const loose = readLooseRef(path.join(dir, name));
  if (loose !== undefined) {
    if (loose.startsWith('ref:')) return resolveRef(repo, loose.slice(4).trim(), depth + 1);
    if (OID.test(loose)) return loose;
    throw new RepositoryError(
      `ref ${name} holds "${loose.slice(0, 60)}", which is neither an object id nor a symbolic ref`,
    );
  }
  return readPackedRefs(repo).get(name) ?? null;
}

function readLooseRef(file: string): string | undefined {
  try {
    return readOnlyFs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return undefined;
    throw new RepositoryError(`cannot read ref file ${file}`, { cause: error });
  }
}

// Per Repository object (one run), not per path: refs change between runs of a long-lived process.
const packedRefsCache = new WeakMap<Repository, Map<string, string>>();

export function readPackedRefs(repo: Repository): Map<string, string> {
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
    if (line.length < 42 || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    refs.set(line.slice(space + 1).trim(), line.slice(0, space));
  }
  packedRefsCache.set(repo, refs);
  return refs;
}
