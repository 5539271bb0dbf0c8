// Finding the repository as git does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRepository } from '../../../src/git/repo.js';
import { resolveHead, resolveRef } from '../../../src/git/refs.js';
import { TempRepo } from '../../helpers/temp-repo.js';
import { failureText } from '../../helpers/failure-text.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

describe('findRepository', () => {
  it('walks up from a subdirectory', () => {
    const r = new TempRepo();
    repos.push(r);
    r.write('a/b/c.txt', 'x');
    const found = findRepository(path.join(r.dir, 'a/b'), {});
    expect(found.workTree).toBe(r.dir);
    expect(found.gitDir).toBe(path.join(r.dir, '.git'));
    expect(found.indexFile).toBe(path.join(r.dir, '.git/index'));
  });

  it('follows a linked worktree to its git dir and common dir', () => {
    const r = new TempRepo();
    repos.push(r);
    const head = r.commit({ 'a.txt': 'a' });
    const wt = path.join(r.dir, 'wt');
    r.git('worktree', 'add', '-q', '-b', 'feature', wt);
    const found = findRepository(wt, {});
    expect(found.workTree).toBe(wt);
    expect(found.commonDir).toBe(path.join(r.dir, '.git'));
    expect(found.gitDir).toBe(path.join(r.dir, '.git/worktrees/wt'));
    expect(resolveHead(found)).toBe(head);
  });

  it('honours GIT_DIR, GIT_WORK_TREE and a relative GIT_INDEX_FILE', () => {
    const r = new TempRepo();
    repos.push(r);
    const found = findRepository('/', {
      GIT_DIR: path.join(r.dir, '.git'),
      GIT_WORK_TREE: r.dir,
      GIT_INDEX_FILE: 'tmp-index',
    });
    expect(found.workTree).toBe(r.dir);
    expect(found.indexFile).toBe(path.resolve('/', 'tmp-index'));
  });

  it('resolves an unborn HEAD to null and packed refs to their ids', () => {
    const r = new TempRepo();
    repos.push(r);
    expect(resolveHead(findRepository(r.dir, {}))).toBeNull();
    const head = r.commit({ 'a.txt': 'a' });
    r.git('tag', 'v1');
    r.git('pack-refs', '--all');
    expect(fs.existsSync(path.join(r.dir, '.git/refs/tags/v1'))).toBe(false);
    const found = findRepository(r.dir, {});
    expect(resolveRef(found, 'refs/tags/v1')).toBe(head);
    expect(resolveHead(found)).toBe(head);
  });

  it('says clearly when there is no repository', () => {
    expect(failureText(() => findRepository(fs.mkdtempSync('/tmp/not-a-repo-'), {}))).toMatch(
      /no git repository found/,
    );
  });
});
