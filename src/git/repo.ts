// Finds the repository the way git does: GIT_DIR and GIT_WORK_TREE first, then `.git` upwards from the current
// directory. A `.git` file points to a linked worktree's (or a submodule's) git dir, whose `commondir` holds objects
// and refs. GIT_INDEX_FILE (set by git during `commit -a`, `commit <path>`, `commit --only`) names the index to read.
// With GIT_DIR but no GIT_WORK_TREE (git exports exactly that to the hooks of a submodule, and for
// `git --git-dir=… commit`), the work tree is core.worktree if the repository sets it, none if it is bare, and
// otherwise the current directory: git's own rule (https://git-scm.com/docs/git#Documentation/git.txt---git-dirltpathgt).
import * as path from 'node:path';
import { RepositoryError } from '../errors.js';
import { configBoolean, repositoryConfig, type ConfigValues } from './config-file.js';
import { hashSize, type ObjectFormat } from './object-id.js';
import { readOnlyFs } from './read-only-fs.js';
import { readRepositoryFormat, type RefStorage } from './repository-format.js';

export interface Repository {
  /** The top of the working tree, or null for a bare repository. */
  workTree: string | null;
  /** This worktree's git dir: HEAD and the index live here. */
  gitDir: string;
  /** The common git dir: objects, refs and packed-refs live here (same as gitDir outside linked worktrees). */
  commonDir: string;
  /** The index git is committing. */
  indexFile: string;
  /** The environment it was found with: git, when it runs for us, sees the same. */
  env: Env;
  /** The repository's own configuration file (core.*, extensions.*, remote.*), read without git. */
  config: ConfigValues;
  /** The hash that names objects (extensions.objectFormat): every object id read here has this length. */
  objectFormat: ObjectFormat;
  /** Bytes of a raw object id: 20 (sha1) or 32 (sha256). */
  hashSize: 20 | 32;
  /** How refs are stored (extensions.refStorage): reftable refs are read through git itself (refs.ts). */
  refStorage: RefStorage;
}

type Env = Record<string, string | undefined>;

export function findRepository(cwd: string = process.cwd(), env: Env = process.env): Repository {
  let gitDir: string;
  let workTree: string | null;
  if (env['GIT_DIR']) {
    gitDir = path.resolve(cwd, env['GIT_DIR']);
    workTree = env['GIT_WORK_TREE'] ? path.resolve(cwd, env['GIT_WORK_TREE']) : configuredWorkTree(gitDir, cwd);
  } else {
    const found = searchUpwards(cwd);
    if (!found) {
      throw new RepositoryError({ kind: 'not-found', cwd });
    }
    ({ gitDir, workTree } = found);
    if (env['GIT_WORK_TREE']) workTree = path.resolve(cwd, env['GIT_WORK_TREE']);
  }
  if (!readOnlyFs.existsSync(path.join(gitDir, 'HEAD'))) {
    throw new RepositoryError({ kind: 'not-a-git-dir', gitDir });
  }
  const commonDir = readCommonDir(gitDir);
  const indexFile = env['GIT_INDEX_FILE'] ? path.resolve(cwd, env['GIT_INDEX_FILE']) : path.join(gitDir, 'index');
  const config = repositoryConfig(gitDir, commonDir);
  const { objectFormat, refStorage } = readRepositoryFormat(config, path.join(commonDir, 'config'));
  return {
    workTree,
    gitDir,
    commonDir,
    indexFile,
    env,
    config,
    objectFormat,
    hashSize: hashSize(objectFormat),
    refStorage,
  };
}

/** The work tree of a git dir named by GIT_DIR alone: core.worktree (relative to the git dir), none when bare, else cwd. */
function configuredWorkTree(gitDir: string, cwd: string): string | null {
  if (!readOnlyFs.existsSync(path.join(gitDir, 'HEAD'))) return cwd; // reported below as "not a git directory"
  const config = repositoryConfig(gitDir, readCommonDir(gitDir));
  const worktree = config.get('core.worktree');
  if (worktree) return path.resolve(gitDir, worktree);
  if (configBoolean(config.get('core.bare')) === true) return null;
  return cwd;
}

function searchUpwards(start: string): { gitDir: string; workTree: string | null } | null {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    const stat = statOrNull(dotGit);
    if (stat?.isDirectory()) return { gitDir: dotGit, workTree: dir };
    if (stat?.isFile()) return { gitDir: followGitFile(dotGit), workTree: dir };
    if (isBareGitDir(dir)) return { gitDir: dir, workTree: null };
    if (path.dirname(dir) === dir) return null;
  }
}

/** `.git` as a file: "gitdir: <path>" (linked worktrees and submodules). */
function followGitFile(file: string): string {
  const content = readOnlyFs.readFileSync(file, 'utf8');
  const match = /^gitdir: *(.+?)\s*$/m.exec(content);
  if (!match) throw new RepositoryError({ kind: 'bad-git-file', file });
  return path.resolve(path.dirname(file), match[1]!);
}

function readCommonDir(gitDir: string): string {
  const file = path.join(gitDir, 'commondir');
  if (!readOnlyFs.existsSync(file)) return gitDir;
  return path.resolve(gitDir, readOnlyFs.readFileSync(file, 'utf8').trim());
}

function isBareGitDir(dir: string): boolean {
  return (
    readOnlyFs.existsSync(path.join(dir, 'HEAD')) &&
    readOnlyFs.existsSync(path.join(dir, 'objects')) &&
    readOnlyFs.existsSync(path.join(dir, 'refs'))
  );
}

function statOrNull(file: string) {
  try {
    return readOnlyFs.statSync(file);
  } catch {
    return null;
  }
}
