// The git layer in SHA-256 repositories (`git init --object-format=sha256`, git >= 2.29): 32-byte object ids in
// the index (versions 2 to 4, TREE extension), pack indexes (v2 and v1, read whole and in slices), REF_DELTA
// headers, loose objects, trees, commits and tags, refs, the shallow file, `git ls-files` of a split index,
// push lines with the 64-zero id, and refs and revisions that isomorphic-git cannot read (answered by git).
// Everything is compared with what git itself says about the same repository.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitObjectError, UsageError } from '../../../src/errors.js';
import { readIndexFile, type GitIndex } from '../../../src/git/index/index-file.js';
import { openObjectStore, type ObjectStore, type StoreOptions } from '../../../src/git/object-store/store.js';
import { readCommit } from '../../../src/git/commit.js';
import { parseTree, TreeReader } from '../../../src/git/tree.js';
import { parsePushLines, pushRange } from '../../../src/git/pushed-changes.js';
import { localTips, remoteTrackingTips } from '../../../src/git/ref-list.js';
import { resolveCommit } from '../../../src/git/revisions.js';
import { resolveHead, resolveRef } from '../../../src/git/refs.js';
import { findRepository, type Repository } from '../../../src/git/repo.js';
import { readShallowCommits } from '../../../src/git/shallow.js';
import { stagedChanges } from '../../../src/git/staged-changes.js';
import { TempRepo } from '../../helpers/temp-repo.js';
import { failureText } from '../../helpers/failure-text.js';

const repos: TempRepo[] = [];
const stores: ObjectStore[] = [];
afterEach(() => {
  while (stores.length) stores.pop()!.close();
  while (repos.length) repos.pop()!.cleanup();
});

function sha256Repo(options: { bare?: boolean } = {}): TempRepo {
  const r = new TempRepo({ ...options, objectFormat: 'sha256' });
  repos.push(r);
  r.git('config', 'core.autocrlf', 'false');
  return r;
}

function open(r: TempRepo, options: StoreOptions = {}): ObjectStore {
  const gitDir = fs.existsSync(path.join(r.dir, '.git')) ? path.join(r.dir, '.git') : r.dir;
  const store = openObjectStore(path.join(gitDir, 'objects'), 'sha256', options);
  stores.push(store);
  return store;
}

/** Every object git sees, with its type and bytes (`git cat-file --batch`). */
function catFileAll(r: TempRepo): Map<string, { type: string; data: Buffer }> {
  const ids = r.git('cat-file', '--batch-all-objects', '--batch-check=%(objectname)').split('\n').filter(Boolean);
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: r.dir, env: r.env, input: ids.join('\n') + '\n' });
  const objects = new Map<string, { type: string; data: Buffer }>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const [oid, type, size] = out.toString('utf8', at, eol).split(' ') as [string, string, string];
    objects.set(oid, { type, data: out.subarray(eol + 1, eol + 1 + Number(size)) });
    at = eol + 1 + Number(size) + 1;
  }
  return objects;
}

function expectStoreMatchesGit(r: TempRepo, options: StoreOptions = {}): number {
  const expected = catFileAll(r);
  const store = open(r, options);
  const wrong: string[] = [];
  for (const [oid, want] of expected) {
    const got = store.read(oid);
    if (got.type !== want.type || !got.data.equals(want.data)) wrong.push(oid);
  }
  expect(wrong).toEqual([]);
  return expected.size;
}

/** Several versions of a few files, so a repack stores most blobs as deltas. */
function history(r: TempRepo, commits = 6): string {
  let head = '';
  for (let c = 0; c < commits; c++) {
    const lines = Array.from({ length: 150 + c * 20 }, (_, i) => `line ${i}: value ${(i * 7919 + c) % 1000}`);
    head = r.commit(
      { 'src/app.txt': lines.join('\n') + '\n', [`notes/${c}.txt`]: `note ${c}\n`, 'README.md': `# v${c}\n` },
      `commit ${c}`,
    );
  }
  return head;
}

function lsFilesStage(r: TempRepo): { mode: number; oid: string; stage: number; path: string }[] {
  return r
    .git('ls-files', '--stage', '-z')
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', oid = '', stage = ''] = record.slice(0, tab).split(' ');
      return { mode: parseInt(mode, 8), oid, stage: Number(stage), path: record.slice(tab + 1) };
    });
}

function entriesOf(index: GitIndex) {
  return index.entries.map(({ mode, oid, stage, path: p }) => ({ mode, oid, stage, path: p }));
}

describe('a SHA-256 repository', () => {
  it('is recognised from extensions.objectFormat', () => {
    const r = sha256Repo();
    const repo = findRepository(r.dir, {});
    expect(repo.objectFormat).toBe('sha256');
    expect(repo.hashSize).toBe(32);
    expect(repo.refStorage).toBe('files');
  });

  it('index versions 2, 3 and 4 read like git ls-files, with the TREE extension', () => {
    const r = sha256Repo();
    r.commit({ 'README.md': 'readme\n', 'dir/sub/deep.txt': 'deep\n', 'dir/a.txt': 'a\n', '日本/語.txt': 'ja\n' });
    const indexFile = path.join(r.dir, '.git/index');

    const v2 = readIndexFile(indexFile, 'sha256')!;
    expect(v2.version).toBe(2);
    expect(entriesOf(v2)).toEqual(lsFilesStage(r));
    expect(v2.entries.every((e) => e.oid.length === 64)).toBe(true);
    // `git commit` leaves a valid cache tree: its ids are the commit's trees.
    expect(v2.cacheTree.get('')?.oid).toBe(r.git('rev-parse', 'HEAD^{tree}').trim());
    expect(v2.cacheTree.get('dir/sub')?.oid).toBe(r.git('rev-parse', 'HEAD:dir/sub').trim());
    expect(v2.cacheTree.get('dir')?.entryCount).toBe(2);

    r.write('later.txt', 'later\n');
    r.git('add', '-N', 'later.txt');
    const v3 = readIndexFile(indexFile, 'sha256')!;
    expect(v3.version).toBe(3);
    expect(entriesOf(v3)).toEqual(lsFilesStage(r));
    expect(v3.entries.find((e) => e.path === 'later.txt')?.intentToAdd).toBe(true);

    r.git('update-index', '--index-version', '4');
    const v4 = readIndexFile(indexFile, 'sha256')!;
    expect(v4.version).toBe(4);
    expect(v4.entries).toEqual(v3.entries);
    expect(v4.cacheTree.get('dir/sub')?.oid).toBe(r.git('rev-parse', 'HEAD:dir/sub').trim());
  });

  it('loose objects read like git cat-file', () => {
    const r = sha256Repo();
    history(r, 3);
    r.git('tag', '-a', '-m', 'annotated', 'v1');
    expect(
      fs.existsSync(path.join(r.dir, '.git/objects/pack')) && fs.readdirSync(path.join(r.dir, '.git/objects/pack')),
    ).toEqual([]);
    expect(expectStoreMatchesGit(r)).toBeGreaterThan(10);
  });

  it('packed objects (OFS and REF deltas, .idx v2 and v1) read like git cat-file, whole index or in slices', () => {
    const r = sha256Repo();
    history(r);
    const packDir = path.join(r.dir, '.git/objects/pack');
    const idxVersion = () => {
      const idx = fs.readdirSync(packDir).find((n) => n.endsWith('.idx'))!;
      const head = fs.readFileSync(path.join(packDir, idx)).subarray(0, 8);
      return head.readUInt32BE(0) === 0xff744f63 ? head.readUInt32BE(4) : 1;
    };
    const deltas = () =>
      r
        .git(
          'verify-pack',
          '-v',
          ...fs
            .readdirSync(packDir)
            .filter((n) => n.endsWith('.idx'))
            .map((n) => path.join(packDir, n)),
        )
        .split('\n')
        .filter((line) => /^[0-9a-f]{64} \w+ +\d+ \d+ \d+ \d+ [0-9a-f]{64}$/.test(line)).length;

    r.git('repack', '-q', '-a', '-d', '-f');
    expect(idxVersion()).toBe(2);
    expect(deltas()).toBeGreaterThan(0);
    expectStoreMatchesGit(r);
    expectStoreMatchesGit(r, { wholeIndexBytes: 0 });

    // REF_DELTA: the base is named by its 32-byte id in the object header.
    r.git('-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-a', '-d', '-f');
    expect(deltas()).toBeGreaterThan(0);
    expectStoreMatchesGit(r);
    expectStoreMatchesGit(r, { wholeIndexBytes: 0 });

    r.git('-c', 'pack.indexVersion=1', 'repack', '-q', '-a', '-d', '-f');
    expect(idxVersion()).toBe(1);
    expectStoreMatchesGit(r);
    expectStoreMatchesGit(r, { wholeIndexBytes: 0 });
  });

  it('a store asks for ids of its own format', () => {
    const r = sha256Repo();
    const head = r.commit({ 'a.txt': 'a\n' });
    const store = open(r);
    expect(store.format).toBe('sha256');
    expect(store.has(head)).toBe(true);
    expect(store.has(head.slice(0, 40))).toBe(false);
    expect(() => store.read(head.slice(0, 40))).toThrow(GitObjectError);
    expect(failureText(() => store.read(head.slice(0, 40)))).toMatch(/64-hex-digit SHA-256/);
  });

  it('trees, commits and annotated tags parse with 64-hex ids', () => {
    const r = sha256Repo();
    const first = r.commit({ 'a.txt': 'a\n', 'dir/b.txt': 'b\n' }, 'first');
    const second = r.commit({ 'a.txt': 'changed\n' }, 'second');
    r.git('tag', '-a', '-m', 'release', 'v1');
    const store = open(r);

    const tree = r.git('rev-parse', 'HEAD^{tree}').trim();
    const expected = r
      .git('ls-tree', '-z', tree)
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, name] = line.split('\t') as [string, string];
        const [mode, , oid] = meta.split(' ') as [string, string, string];
        return { mode: parseInt(mode, 8), name, oid };
      });
    expect(parseTree(store.read(tree).data, tree, 'sha256')).toEqual(expected);
    expect(new TreeReader(store).read(tree)).toEqual(expected);

    const commit = readCommit(store, second);
    expect(commit.tree).toBe(tree);
    expect(commit.parents).toEqual([first]);
    expect(commit.subject).toBe('second');
    const tag = r.git('rev-parse', 'v1').trim();
    expect(tag).not.toBe(second);
    expect(readCommit(store, tag).oid).toBe(second);
  });

  it('staged changes: HEAD against the index, also a split index listed by git', async () => {
    const r = sha256Repo();
    r.commit({ 'keep/one.txt': '1\n', 'keep/two.txt': '2\n', 'edit.txt': 'old\n' });
    r.write('edit.txt', 'new\n');
    r.write('added.txt', 'added\n');
    r.git('add', '-A');
    const store = open(r);
    const headTree = readCommit(store, r.git('rev-parse', 'HEAD').trim()).tree;
    const indexFile = path.join(r.dir, '.git/index');
    const blob = (file: string) => r.git('rev-parse', `:${file}`).trim();
    const expected = [
      { path: 'added.txt', oldOid: null, newOid: blob('added.txt'), mode: 0o100644 },
      {
        path: 'edit.txt',
        oldOid: r.git('rev-parse', 'HEAD:edit.txt').trim(),
        newOid: blob('edit.txt'),
        mode: 0o100644,
      },
    ];

    const plain = await stagedChanges(new TreeReader(store), headTree, findRepository(r.dir, {}));
    expect(plain.changes).toEqual(expected);

    r.git('update-index', '--split-index');
    expect(readIndexFile(indexFile, 'sha256')!.splitIndex).toBe(true);
    const split = await stagedChanges(new TreeReader(store), headTree, findRepository(r.dir, {}));
    expect(split.changes).toEqual(expected);
  });

  it('refs: loose, packed, and HEAD of an unborn branch', () => {
    const r = sha256Repo();
    expect(resolveHead(findRepository(r.dir, {}))).toBeNull();
    const head = r.commit({ 'a.txt': 'a\n' });
    r.git('tag', 'v1');
    expect(resolveHead(findRepository(r.dir, {}))).toBe(head);
    r.git('pack-refs', '--all');
    const repo = findRepository(r.dir, {});
    expect(resolveRef(repo, 'refs/tags/v1')).toBe(head);
    expect(resolveRef(repo, 'refs/heads/main')).toBe(head);
  });

  it('a shallow clone lists its boundary commits', () => {
    const origin = sha256Repo();
    history(origin, 3);
    const clone = sha256Repo();
    fs.rmSync(clone.dir, { recursive: true });
    origin.git('clone', '-q', '--depth', '1', `file://${origin.dir}`, clone.dir);
    const shallow = readShallowCommits(findRepository(clone.dir, {}));
    expect([...shallow]).toEqual([origin.git('rev-parse', 'HEAD').trim()]);
  });

  it('remote-tracking tips and revision names come from git', async () => {
    const origin = sha256Repo();
    const first = origin.commit({ 'a.txt': '1\n' }, 'first');
    const second = origin.commit({ 'a.txt': '2\n' }, 'second');
    const clone = sha256Repo();
    fs.rmSync(clone.dir, { recursive: true });
    origin.git('clone', '-q', origin.dir, clone.dir);
    const repo = findRepository(clone.dir, {});
    const store = open(clone);

    expect(await remoteTrackingTips(repo, 'origin')).toEqual([second]);
    expect(await localTips(repo)).toEqual([second]);
    expect(await remoteTrackingTips(repo, 'elsewhere')).toEqual([]);

    expect(resolveCommit(repo, 'HEAD')).toBe(second);
    expect(resolveCommit(repo, 'origin/main~1')).toBe(first);
    expect(resolveCommit(repo, second.slice(0, 12))).toBe(second);
    expect(() => resolveCommit(repo, 'HEAD~5')).toThrow(UsageError);
    expect(() => resolveCommit(repo, '--all')).toThrow(UsageError);
  });

  it('push lines with the 64-zero id: a new branch, and a deletion', async () => {
    const r = sha256Repo();
    const head = r.commit({ 'a.txt': 'a\n' });
    const repo: Repository = findRepository(r.dir, {});
    const zero = '0'.repeat(64);
    const refs = parsePushLines(
      `refs/heads/main ${head} refs/heads/main ${zero}\n(delete) ${zero} refs/heads/old ${head}\n`,
    );
    const store = open(r);
    const range = await pushRange(
      repo,
      refs,
      'origin',
      (oid) => store.has(oid),
      async () => [],
    );
    expect(range).toEqual({
      include: [{ ref: 'refs/heads/main', oid: head }],
      exclude: [],
      deleted: ['refs/heads/old'],
    });
  });
});
