// HEAD against the index, in real repositories.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openObjectStore, type ObjectStore } from '../../../src/git/object-store/store.js';
import { readCommit } from '../../../src/git/commit.js';
import { TreeReader } from '../../../src/git/tree.js';
import { stagedChanges } from '../../../src/git/staged-changes.js';
import { findRepository } from '../../../src/git/repo.js';
import { seededRandom } from '../../helpers/examples.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  return r;
}

/** An object store that counts the objects read, to prove unchanged directories are not opened. */
function counting(store: ObjectStore): ObjectStore & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    format: store.format,
    read: (oid) => {
      reads.push(oid);
      return store.read(oid);
    },
    has: (oid) => store.has(oid),
    close: () => store.close(),
  };
}

async function diff(r: TempRepo, walkEntriesUpTo?: number) {
  const store = counting(openObjectStore(path.join(r.dir, '.git/objects'), 'sha1'));
  const head = r.git('rev-parse', '-q', '--verify', 'HEAD').trim();
  const tree = readCommit(store, head).tree;
  store.reads.length = 0;
  const result = await stagedChanges(new TreeReader(store), tree, findRepository(r.dir, {}), walkEntriesUpTo);
  return { ...result, reads: store.reads };
}

describe('stagedChanges', () => {
  it('finds added and modified files and nothing else', async () => {
    const r = repo();
    r.commit({ 'a/one.txt': '1\n', 'a/two.txt': '2\n', 'b/three.txt': '3\n', 'top.txt': 't\n' });
    r.write('a/two.txt', '2 changed\n');
    r.write('c/new.txt', 'new\n');
    r.git('add', '-A');
    const { changes } = await diff(r);
    expect(changes.map((c) => [c.path, c.oldOid === null])).toEqual([
      ['a/two.txt', false],
      ['c/new.txt', true],
    ]);
  });

  it('does not open directories whose cache-tree id matches HEAD', async () => {
    const r = repo();
    const files: Record<string, string> = {};
    for (let d = 0; d < 20; d++) for (let f = 0; f < 5; f++) files[`dir${d}/sub/file${f}.txt`] = `${d}-${f}\n`;
    r.commit(files);
    r.write('dir7/sub/file3.txt', 'changed\n');
    r.git('add', '-A');
    const staged = r.git('write-tree').trim(); // refreshes the cache tree as `git commit` does
    const along = ['', 'dir7', 'dir7/sub'];
    const inHead = along.map((dir) => r.git('rev-parse', `HEAD:${dir}`).trim());
    const inIndex = along.map((dir) => r.git('rev-parse', `${staged}:${dir}`).trim());
    // A small index: the changed directories' entries are walked, so only HEAD's trees along the path are read.
    const walked = await diff(r);
    expect(walked.changes.map((c) => c.path)).toEqual(['dir7/sub/file3.txt']);
    expect([...new Set(walked.reads)].sort()).toEqual([...new Set(inHead)].sort());
    // Compared by records as trees (a monorepo's index): those trees in HEAD and as the cache tree names them.
    const compared = await diff(r, 0);
    expect(compared.changes.map((c) => c.path)).toEqual(['dir7/sub/file3.txt']);
    expect([...new Set(compared.reads)].sort()).toEqual([...new Set([...inHead, ...inIndex])].sort());
  });

  it('reports deletions, renames and mode changes as skipped, with reasons', async () => {
    const r = repo();
    r.commit({ 'gone.txt': 'bye\n', 'old/name.txt': 'same content\n', 'run.sh': 'echo\n' });
    r.git('rm', '-q', 'gone.txt');
    r.git('mv', 'old/name.txt', 'new-name.txt');
    r.git('update-index', '--chmod=+x', 'run.sh');
    const { changes, skipped } = await diff(r);
    expect(changes).toEqual([]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { path: 'gone.txt', reason: { kind: 'deleted' } },
        { path: 'new-name.txt', reason: { kind: 'renamed', from: 'old/name.txt' } },
        { path: 'run.sh', reason: { kind: 'mode-change' } },
      ]),
    );
  });

  it('compares a renamed and edited file against its old version', async () => {
    const r = repo();
    r.commit({ 'src/config.js': 'a\nb\nc\n' });
    r.git('mv', 'src/config.js', 'config.js');
    r.write('config.js', 'a\nb\nc\nd\n');
    r.git('add', '-A');
    const { changes } = await diff(r);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ path: 'config.js', oldPath: 'src/config.js' });
    expect(changes[0]!.oldOid).not.toBeNull();
  });

  it('skips symlinks and submodules', async () => {
    const r = repo();
    r.commit({ 'a.txt': 'a\n' });
    r.git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`);
    fs.symlinkSync('a.txt', path.join(r.dir, 'link'));
    r.git('add', 'link');
    const { changes, skipped } = await diff(r);
    expect(changes).toEqual([]);
    expect(skipped.map((s) => s.path).sort()).toEqual(['link', 'vendor/lib']);
  });

  it('handles a file replaced by a directory', async () => {
    const r = repo();
    r.commit({ thing: 'file\n' });
    r.git('rm', '-q', 'thing');
    r.write('thing/inside.txt', 'now a dir\n');
    r.git('add', '-A');
    const { changes, skipped } = await diff(r);
    expect(changes.map((c) => c.path)).toEqual(['thing/inside.txt']);
    expect(skipped).toContainEqual({ path: 'thing', reason: { kind: 'deleted' } });
  });

  it('treats a symlink that became a regular file as new content, even with the same bytes', async () => {
    const r = repo();
    fs.symlinkSync('target-path', path.join(r.dir, 'config'));
    r.git('add', 'config');
    r.git('commit', '-q', '-m', 'link');
    fs.rmSync(path.join(r.dir, 'config'));
    r.write('config', 'target-path');
    r.git('add', 'config');
    const { changes, skipped } = await diff(r);
    expect(changes).toEqual([expect.objectContaining({ path: 'config', oldOid: null, mode: 0o100644 })]);
    expect(skipped).toEqual([]);
  });
});

describe('stagedChanges against git diff --cached', () => {
  // Random trees and random edits, each staged with and without a fresh cache tree (git write-tree, as a commit
  // does), and in index versions 2 and 4: the walk that skips directories by their cache-tree record must list
  // exactly the added and modified files git lists.
  it.each([2, 4])('agrees on random edits (index version %i)', async (version) => {
    const random = seededRandom(version * 1000 + 7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const dirs = ['', 'a', 'a/b', 'a/b/c', 'a/bb', 'ab', 'b', 'b/a', 'z/y/x', 'a-b', 'a.b', 'café', 'café/日本'];
    for (let round = 0; round < 6; round++) {
      const r = repo();
      r.git('config', 'index.version', String(version));
      const files: Record<string, string> = {};
      for (let i = 0; i < 60; i++) files[`${pick(dirs) || '.'}/f${i}.txt`.replace(/^\.\//, '')] = `${i}\n`;
      r.commit(files);
      const names = Object.keys(files);
      for (let edit = 0; edit < 8; edit++) {
        const kind = random();
        if (kind < 0.5) r.write(pick(names), `changed ${round} ${edit}\n`);
        else if (kind < 0.8) r.write(`${pick(dirs) || 'top'}/new${edit}.txt`.replace(/^\//, ''), `new ${edit}\n`);
        else fs.rmSync(path.join(r.dir, pick(names)), { force: true });
      }
      r.git('add', '-A');
      if (round % 2 === 0) r.git('write-tree');
      const expected = r
        .git('diff', '--cached', '--no-renames', '--name-only', '--diff-filter=AM', '-z')
        .split('\0')
        .filter(Boolean)
        .sort();
      // Both ways of passing a changed directory with a valid record: walked by entries, compared as trees.
      for (const walkEntriesUpTo of [undefined, 0]) {
        const { changes } = await diff(r, walkEntriesUpTo);
        expect(changes.map((c) => c.path).sort(), `round ${round}, ${walkEntriesUpTo}`).toEqual(expected);
      }
    }
  });
});
