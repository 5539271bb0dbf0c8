// The git layer in reftable repositories (`git init --ref-format=reftable`, git >= 2.45): refs live in binary
// tables and HEAD names refs/heads/.invalid, so refs are resolved through git itself. Compared with what that git
// says. Needs a git >= 2.45 (test/helpers/reftable-git.ts); skipped with the reason in the title without one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RepositoryError, UsageError } from '../../../src/errors.js';
import { openObjectStore } from '../../../src/git/object-store/store.js';
import { readCommit } from '../../../src/git/commit.js';
import { TreeReader } from '../../../src/git/tree.js';
import { localTips, remoteTrackingTips } from '../../../src/git/ref-list.js';
import { resolveCommit } from '../../../src/git/revisions.js';
import { resolveHead, resolveRef } from '../../../src/git/refs.js';
import { findRepository } from '../../../src/git/repo.js';
import { stagedChanges } from '../../../src/git/staged-changes.js';
import { reftableGit, reftableTitle } from '../../helpers/reftable-git.js';
import { pathFirst } from '../../helpers/sandbox.js';
import { TempRepo } from '../../helpers/temp-repo.js';
import { failureText } from '../../helpers/failure-text.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

// secret-hook runs the `git` on PATH (in a hook: the git that runs the hook); here, the newer one.
beforeAll(() => {
  if (reftableGit) vi.stubEnv('PATH', pathFirst(reftableGit.binDir)['PATH']!);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

function reftableRepo(options: { bare?: boolean; objectFormat?: 'sha1' | 'sha256' } = {}): TempRepo {
  const r = new TempRepo({ ...options, refFormat: 'reftable', gitBinDir: reftableGit!.binDir });
  repos.push(r);
  return r;
}

function cloneOf(origin: TempRepo, objectFormat: 'sha1' | 'sha256' = 'sha1'): TempRepo {
  const clone = reftableRepo({ objectFormat });
  fs.rmSync(clone.dir, { recursive: true });
  origin.git('clone', '-q', '--ref-format=reftable', origin.dir, clone.dir);
  return clone;
}

describe.skipIf(!reftableGit)(reftableTitle('a reftable repository'), () => {
  it('is recognised from extensions.refStorage; HEAD of the unborn branch is null, then the commit', () => {
    const r = reftableRepo();
    expect(fs.readFileSync(path.join(r.dir, '.git/HEAD'), 'utf8').trim()).toBe('ref: refs/heads/.invalid');
    const repo = findRepository(r.dir, {});
    expect(repo.refStorage).toBe('reftable');
    expect(resolveHead(repo)).toBeNull();

    const first = r.commit({ 'a.txt': 'a\n' });
    expect(resolveHead(findRepository(r.dir, {}))).toBe(first);
    const second = r.commit({ 'a.txt': 'b\n' });
    expect(resolveHead(findRepository(r.dir, {}))).toBe(second);
    r.git('tag', '-a', '-m', 'release', 'v1', first);
    expect(resolveRef(repo, 'refs/heads/main')).toBe(second);
    expect(resolveRef(repo, 'refs/tags/v1')).toBe(r.git('rev-parse', 'refs/tags/v1').trim());
    expect(resolveRef(repo, 'refs/heads/missing')).toBeNull();
  });

  it('HEAD naming refs/heads/.invalid is enough to ask git, whatever the config says', () => {
    const r = reftableRepo();
    const head = r.commit({ 'a.txt': 'a\n' });
    const repo = { ...findRepository(r.dir, {}), refStorage: 'files' as const };
    expect(resolveHead(repo)).toBe(head);
  });

  it('a linked worktree has its own HEAD', () => {
    const r = reftableRepo();
    const main = r.commit({ 'a.txt': 'a\n' });
    const wt = path.join(r.dir, 'wt');
    r.git('worktree', 'add', '-q', '-b', 'feature', wt);
    fs.writeFileSync(path.join(wt, 'b.txt'), 'b\n');
    r.git('-C', wt, 'add', 'b.txt');
    r.git('-C', wt, 'commit', '-q', '-m', 'feature');
    const feature = r.git('-C', wt, 'rev-parse', 'HEAD').trim();
    expect(feature).not.toBe(main);
    expect(resolveHead(findRepository(wt, {}))).toBe(feature);
    expect(resolveHead(findRepository(r.dir, {}))).toBe(main);
  });

  it('a bare repository', () => {
    const origin = reftableRepo();
    const head = origin.commit({ 'a.txt': 'a\n' });
    const bare = reftableRepo({ bare: true });
    origin.git('push', '-q', bare.dir, 'main');
    const repo = findRepository(bare.dir, {});
    expect(repo.workTree).toBeNull();
    expect(resolveHead(repo)).toBe(head);
  });

  it('staged changes compare the index with the commit HEAD names (not with nothing)', async () => {
    const r = reftableRepo({ objectFormat: 'sha256' });
    r.commit({ 'old.txt': 'committed long ago\n', 'edit.txt': 'one\n' });
    r.write('edit.txt', 'one\ntwo\n');
    r.git('add', 'edit.txt');
    const repo = findRepository(r.dir, {});
    const store = openObjectStore(path.join(repo.commonDir, 'objects'), repo.objectFormat);
    try {
      const head = resolveHead(repo);
      expect(head).toBe(r.git('rev-parse', 'HEAD').trim());
      const diff = await stagedChanges(new TreeReader(store), readCommit(store, head!).tree, repo);
      expect(diff.changes.map((c) => c.path)).toEqual(['edit.txt']);
    } finally {
      store.close();
    }
  });

  it('remote-tracking tips and revision names come from git', async () => {
    const origin = reftableRepo();
    const first = origin.commit({ 'a.txt': '1\n' }, 'first');
    const second = origin.commit({ 'a.txt': '2\n' }, 'second');
    const clone = cloneOf(origin);
    const repo = findRepository(clone.dir, {});
    expect(repo.refStorage).toBe('reftable');
    const store = openObjectStore(path.join(repo.commonDir, 'objects'), repo.objectFormat);
    try {
      expect(await remoteTrackingTips(repo, 'origin')).toEqual([second]);
      expect(await localTips(repo)).toEqual([second]);
      expect(resolveCommit(repo, 'origin/main^')).toBe(first);
      expect(resolveCommit(repo, 'main')).toBe(second);
      expect(() => resolveCommit(repo, 'no-such-branch')).toThrow(UsageError);
    } finally {
      store.close();
    }
  });
});

describe.skipIf(!reftableGit)(reftableTitle('resolving HEAD without git on PATH'), () => {
  it('an ordinary repository needs no git process; a reftable one says that git is needed', () => {
    const files = new TempRepo();
    repos.push(files);
    const head = files.commit({ 'a.txt': 'a\n' });
    const reftable = reftableRepo();
    reftable.commit({ 'a.txt': 'a\n' });
    vi.stubEnv('PATH', '/nonexistent');
    try {
      expect(resolveHead(findRepository(files.dir, {}))).toBe(head);
      expect(() => resolveHead(findRepository(reftable.dir, {}))).toThrow(RepositoryError);
      expect(failureText(() => resolveHead(findRepository(reftable.dir, {})))).toMatch(/git could not be run/);
    } finally {
      vi.stubEnv('PATH', pathFirst(reftableGit!.binDir)['PATH']!);
    }
  });
});
