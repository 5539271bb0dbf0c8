// A git that makes reftable repositories (git >= 2.45) for the tests of them. Found, in this order, at
// $SECRET_HOOK_TEST_GIT (a git binary), at .tools/git/bin/git (scripts/install-test-tools.sh builds it there), or
// on PATH. Without one those tests are skipped, and say why in their titles.
// SHA-256 repositories need only git >= 2.29: the machine's git makes them.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FoundGit {
  /** The git binary. */
  git: string;
  /** Its folder, to put first on PATH so that hooks and secret-hook's own `git` calls run it too. */
  binDir: string;
  version: string;
}

const NEEDED = [2, 45];
const root = path.resolve(import.meta.dirname, '../..');

function versionOf(git: string): string | null {
  try {
    const out = execFileSync(git, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return /git version (\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

function newEnough(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > NEEDED[0]! || (major === NEEDED[0]! && minor >= NEEDED[1]!);
}

function onPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function find(): { found: FoundGit | null; reason: string } {
  const candidates = [process.env['SECRET_HOOK_TEST_GIT'], path.join(root, '.tools/git/bin/git'), onPath()];
  const seen: string[] = [];
  for (const candidate of candidates) {
    if (!candidate || !fs.existsSync(candidate)) continue;
    const version = versionOf(candidate);
    seen.push(`${candidate} is ${version ?? 'not runnable'}`);
    if (version && newEnough(version)) {
      return { found: { git: candidate, binDir: path.dirname(candidate), version }, reason: '' };
    }
  }
  const why = seen.length > 0 ? seen.join('; ') : 'no git found';
  return {
    found: null,
    reason: `needs git >= ${NEEDED.join('.')} for reftable (${why}); run scripts/install-test-tools.sh or set SECRET_HOOK_TEST_GIT`,
  };
}

const result = find();
if (!result.found) console.warn(`reftable tests skipped: ${result.reason}`);

/** The git for reftable tests, or null (then `reftableSkipReason` says why). */
export const reftableGit: FoundGit | null = result.found;
export const reftableSkipReason: string = result.reason;

/** A describe/it title that carries the reason when the tests under it are skipped. */
export function reftableTitle(title: string): string {
  return reftableGit ? `${title} (git ${reftableGit.version})` : `${title} — skipped: ${reftableSkipReason}`;
}
