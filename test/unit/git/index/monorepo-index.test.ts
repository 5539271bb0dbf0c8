// The index of a monorepo, as git writes it with each setting that changes its layout: with and without the End of
// Index Entries (EOIE) and Index Entry Offset Table (IEOT) extensions, in versions 2, 3 and 4, split and sparse, at
// sizes on both sides of git's thresholds for writing them. The reader must list exactly `git ls-files --stage`
// from any starting point, and the walk must find exactly the changes `git diff --cached --raw` finds, on random
// change sets, whether the cache tree is up to date (inside `git commit`) or invalidated (after `git add`).
//
// git 2.39's rules (read-cache.c, do_write_index, record_eoie/record_ieot; Documentation/config/index.txt):
// - EOIE is written when index.recordEndOfIndexEntries is true, or index.threads is set to anything but 1;
// - IEOT needs index.threads set to anything but 1 (index.recordOffsetTable alone does nothing) and more than one
//   block: index.threads=N gives min(N, entries) blocks; index.threads=true gives entries / 10,000 blocks, at most
//   one fewer than the machine's cores. No IEOT below 20,000 entries, nor on a 2-core machine.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMonorepo, monorepoPaths } from '../../../../bench/lib/monorepo.js';
import { readCommit } from '../../../../src/git/commit.js';
import { parseIndex, readIndexFile, rawPathOf, type GitIndex } from '../../../../src/git/index/index-file.js';
import { openObjectStore, type ObjectStore } from '../../../../src/git/object-store/store.js';
import { findRepository } from '../../../../src/git/repo.js';
import { stagedChanges } from '../../../../src/git/staged-changes.js';
import { TreeReader } from '../../../../src/git/tree.js';
import type { TreeDiff } from '../../../../src/git/tree-diff.js';
import { seededRandom } from '../../../helpers/examples.js';
import { TempRepo } from '../../../helpers/temp-repo.js';

const ENTRIES = 25_000;
const ZERO = '0'.repeat(40);

let repo: TempRepo;
let store: ObjectStore;
let headTree: string;
let pristine: string;
const work: string[] = [];

beforeAll(async () => {
  repo = new TempRepo();
  await importMonorepo(repo.dir, monorepoPaths(ENTRIES), { env: repo.env, sharedContent: 'shared\n' });
  repo.git('read-tree', 'HEAD');
  pristine = path.join(repo.dir, '.git', 'index');
  store = openObjectStore(path.join(repo.dir, '.git', 'objects'), 'sha1');
  headTree = readCommit(store, repo.git('rev-parse', 'HEAD').trim()).tree;
}, 120_000);

afterAll(() => {
  store?.close();
  repo?.cleanup();
});

/** A copy of the pristine index to change: git and the reader are both pointed at it with GIT_INDEX_FILE. */
function indexCopy(): string {
  const file = path.join(repo.dir, '.git', `index-${work.length}`);
  fs.copyFileSync(pristine, file);
  work.push(file);
  return file;
}

function git(indexFile: string, args: string[], input?: string): string {
  return execFileSync('git', args, {
    cwd: repo.dir,
    env: { ...repo.env, GIT_INDEX_FILE: indexFile },
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 28,
  });
}

interface Listed {
  mode: number;
  oid: string;
  stage: number;
  path: string;
}

function lsFiles(indexFile: string): Listed[] {
  return git(indexFile, ['ls-files', '--stage', '-z'])
    .split('\0')
    .filter(Boolean)
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode, oid, stage] = record.slice(0, tab).split(' ') as [string, string, string];
      return { mode: parseInt(mode, 8), oid, stage: Number(stage), path: record.slice(tab + 1) };
    });
}

/** Which of the two extensions the file holds: EOIE is last, IEOT is found from EOIE's offset. */
function extensionsOf(file: string): { eoie: boolean; ieot: boolean } {
  const bytes = fs.readFileSync(file);
  const eoieAt = bytes.length - 20 - 8 - 24;
  const eoie = bytes.toString('latin1', eoieAt, eoieAt + 4) === 'EOIE';
  let ieot = false;
  if (eoie) {
    for (let at = bytes.readUInt32BE(eoieAt + 8); at < eoieAt; at += 8 + bytes.readUInt32BE(at + 4)) {
      if (bytes.toString('latin1', at, at + 4) === 'IEOT') ieot = true;
    }
  }
  return { eoie, ieot };
}

function open(file: string): GitIndex {
  const index = readIndexFile(file, 'sha1');
  if (index === null) throw new Error(`no index at ${file}`);
  return index;
}

/** The reader against git: every entry in order, and entries reached directly, out of order and from far away. */
function expectSameAsGit(file: string, random: () => number): void {
  const listed = lsFiles(file);
  const index = open(file);
  try {
    expect(index.count).toBe(listed.length);
    const ours = index.entries.map(({ mode, oid, stage, path }) => ({ mode, oid, stage, path }));
    expect(ours).toEqual(listed);
    // The same bytes held in memory (one buffer, no read windows) give the same entries.
    const inMemory = parseIndex(fs.readFileSync(file), file, 'sha1').entries;
    expect(inMemory.map(({ mode, oid, stage, path }) => ({ mode, oid, stage, path }))).toEqual(listed);
    // A fresh reader, then entries in a random order: each is reached from a checkpoint or an IEOT block.
    const fresh = open(file);
    try {
      for (let k = 0; k < 40; k++) {
        const i = Math.floor(random() * listed.length);
        const { mode, oid, stage, path } = fresh.entry(i);
        expect({ mode, oid, stage, path }, `entry ${i}`).toEqual(listed[i]);
      }
      for (const k of [0, 1, 7, 400]) {
        const entry = listed[Math.floor((k * listed.length) / 401)]!;
        expect(fresh.tracks(rawPathOf(entry.path))).toBe(true);
        const dir = path.posix.dirname(entry.path);
        if (dir !== '.') expect(fresh.tracks(rawPathOf(dir))).toBe(true);
        expect(fresh.tracks(rawPathOf(`${entry.path}.absent`))).toBe(false);
      }
    } finally {
      fresh.close();
    }
  } finally {
    index.close();
  }
}

/** Rewrites the index with these settings (`git -c key=value`) in that version. */
function rewrite(file: string, version: number, config: string[]): void {
  const options = config.flatMap((setting) => ['-c', setting]);
  git(file, [...options, 'update-index', '--index-version', String(version)]);
  git(file, [...options, 'update-index', '--force-write-index']);
}

describe('the index of a monorepo as git writes it', () => {
  const cpus = os.cpus().length;
  // What git 2.39 writes, by setting (see the rules at the top of this file).
  const settings: { name: string; config: string[]; eoie: boolean; ieot: (entries: number) => boolean }[] = [
    { name: 'default', config: [], eoie: false, ieot: () => false },
    { name: 'recordEndOfIndexEntries', config: ['index.recordEndOfIndexEntries=true'], eoie: true, ieot: () => false },
    { name: 'recordOffsetTable alone', config: ['index.recordOffsetTable=true'], eoie: false, ieot: () => false },
    {
      name: 'threads=true',
      config: ['index.threads=true'],
      eoie: true,
      ieot: (entries) => Math.min(Math.floor(entries / 10_000), cpus - 1) > 1,
    },
    { name: 'threads=4', config: ['index.threads=4'], eoie: true, ieot: (entries) => Math.min(4, entries) > 1 },
    {
      name: 'threads=3 without the offset table',
      config: ['index.threads=3', 'index.recordOffsetTable=false'],
      eoie: true,
      ieot: () => false,
    },
  ];

  for (const setting of settings) {
    it.each([2, 3, 4])(`${setting.name}, version %i: the extensions git wrote, and every entry`, (version) => {
      const file = indexCopy();
      // Version 3 only when an entry has extended flags: an intent-to-add entry gives it one.
      if (version === 3) {
        fs.writeFileSync(path.join(repo.dir, 'intent.txt'), 'later\n');
        git(file, ['add', '-N', 'intent.txt']);
      }
      rewrite(file, version, setting.config);
      const found = extensionsOf(file);
      expect(found, setting.name).toEqual({
        eoie: setting.eoie,
        ieot: setting.ieot(ENTRIES + (version === 3 ? 1 : 0)),
      });
      expect(fs.readFileSync(file).readUInt32BE(4)).toBe(version);
      expectSameAsGit(file, seededRandom(version * 97 + setting.name.length));
    });
  }

  it('IEOT on either side of its threshold: one entry gives one block (none written), two give two', () => {
    const one = indexCopy();
    const blob = newBlob('one\n');
    git(one, ['read-tree', '--empty']);
    git(one, ['update-index', '--add', '--cacheinfo', `100644,${blob},a`]);
    rewrite(one, 4, ['index.threads=4']);
    expect(extensionsOf(one)).toEqual({ eoie: true, ieot: false });
    expectSameAsGit(one, seededRandom(1));
    git(one, ['update-index', '--add', '--cacheinfo', `100644,${blob},b`]);
    rewrite(one, 4, ['index.threads=4']);
    expect(extensionsOf(one)).toEqual({ eoie: true, ieot: true });
    expectSameAsGit(one, seededRandom(2));
  });

  it('an EOIE whose offset does not lead to it is not used: the entries are stepped over instead', () => {
    const file = indexCopy();
    rewrite(file, 2, ['index.threads=4']);
    const bytes = fs.readFileSync(file);
    const eoieAt = bytes.length - 20 - 8 - 24;
    bytes.writeUInt32BE(bytes.readUInt32BE(eoieAt + 8) - 8, eoieAt + 8);
    fs.writeFileSync(file, bytes);
    const index = open(file);
    try {
      expect(index.cacheTree.root).toBe(0);
      expect(index.entries.map((e) => e.path)).toEqual(lsFiles(file).map((e) => e.path));
    } finally {
      index.close();
    }
  });
});

/** The mirror of an index the random changes are drawn from. */
type Mirror = Map<string, { mode: number; oid: string }>;

function mirrorOf(file: string): Mirror {
  return new Map(lsFiles(file).map((e) => [e.path, { mode: e.mode, oid: e.oid }]));
}

function newBlob(content: string): string {
  return execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, env: repo.env, input: content })
    .toString()
    .trim();
}

/** Stages 1–12 random changes of every kind with `update-index --index-info` (no working tree needed). */
function randomChanges(file: string, random: () => number, round: number): void {
  const mirror = mirrorOf(file);
  const paths = [...mirror.keys()];
  const pick = () => paths[Math.floor(random() * paths.length)]!;
  const dirOf = (p: string) => path.posix.dirname(p);
  const removals: string[] = [];
  const additions: string[] = [];
  const add = (mode: string, oid: string, p: string) => additions.push(`${mode} ${oid}\t${p}`);
  const remove = (p: string) => removals.push(`0 ${ZERO}\t${p}`);
  const count = 1 + Math.floor(random() * 12);
  for (let k = 0; k < count; k++) {
    const kind = Math.floor(random() * 14);
    const target = pick();
    const entry = mirror.get(target)!;
    const tag = `${round}-${k}`;
    if (kind === 0 || kind === 1) add('100644', newBlob(`changed ${tag}\n`), target);
    else if (kind === 2) add('100644', newBlob(`new ${tag}\n`), `${dirOf(target)}/new-${tag}.ts`);
    else if (kind === 3) add('100644', newBlob(`deep ${tag}\n`), `${dirOf(target)}/fresh-${tag}/deep/file.ts`);
    else if (kind === 4) remove(target);
    else if (kind === 5) {
      const dir = `${dirOf(target)}/`;
      for (const p of paths) if (p.startsWith(dir)) remove(p);
    } else if (kind === 6) add(entry.mode === 0o100755 ? '100644' : '100755', entry.oid, target);
    else if (kind === 7) {
      remove(target);
      add('100644', entry.oid, `${dirOf(pick())}/moved-${tag}-${path.posix.basename(target)}`);
    } else if (kind === 8) add('120000', newBlob(`../link-target-${tag}`), `${dirOf(target)}/link-${tag}`);
    else if (kind === 9)
      add('160000', newBlob(`not a commit ${tag}`).replace(/^./, 'c'), `${dirOf(target)}/sub-${tag}`);
    else if (kind === 10) {
      // A file becomes a directory.
      remove(target);
      add('100644', newBlob(`inner ${tag}\n`), `${target}/inner.ts`);
    } else {
      // Among the subdirectories of an ancestor (a project, a group): a file named like one of them, or a new
      // directory that sorts just before or just after one ('a-x/' < 'a/' < 'a0/'), breaking a run of directories
      // the walk would skip together.
      const parts = target.split('/');
      const depth = 1 + Math.floor(random() * (parts.length - 2));
      const ancestor = parts.slice(0, depth).join('/');
      const sibling = parts[depth]!;
      const blob = newBlob(`beside ${tag}\n`);
      if (kind === 11) add('100644', blob, `${ancestor}/${sibling}.ts`);
      else if (kind === 12) add('100644', blob, `${ancestor}/${sibling}-${tag}/file.ts`);
      else add('100644', blob, `${ancestor}/${sibling}0/file.ts`);
    }
  }
  git(file, ['update-index', '--index-info'], `${[...removals, ...additions].join('\n')}\n`);
}

/** `git diff --cached --raw` as path → status and new side. */
function gitDiff(file: string): Map<string, { status: string; mode: number; oid: string }> {
  const fields = git(file, ['diff', '--cached', '--raw', '--no-renames', '--no-abbrev', '-z']).split('\0');
  const out = new Map<string, { status: string; mode: number; oid: string }>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, newMode, , newOid, status] = fields[i]!.slice(1).split(' ') as [string, string, string, string, string];
    out.set(fields[i + 1]!, { status, mode: parseInt(newMode, 8), oid: newOid });
  }
  return out;
}

/** The walk's changes and skipped files must account for exactly the paths git lists, with git's new blobs. */
function expectSameChanges(ours: TreeDiff, file: string, label: string): void {
  const theirs = gitDiff(file);
  const seen = new Set<string>();
  for (const change of ours.changes) {
    const git = theirs.get(change.path);
    expect(git, `${label}: ${change.path}`).toMatchObject({ mode: change.mode, oid: change.newOid });
    expect(git!.status === 'A' || git!.status === 'M' || git!.status === 'T', `${label}: ${change.path}`).toBe(true);
    seen.add(change.path);
    if (change.oldPath) {
      expect(theirs.get(change.oldPath)?.status, `${label}: ${change.oldPath}`).toBe('D');
      seen.add(change.oldPath);
    }
  }
  for (const skipped of ours.skipped) {
    const git = theirs.get(skipped.path);
    const reason = skipped.reason;
    if (reason.kind === 'intent-to-add') continue; // invisible to `git diff --cached`, listed as not scanned here
    const expected =
      reason.kind === 'deleted'
        ? ['D']
        : reason.kind === 'mode-change'
          ? ['M']
          : reason.kind === 'renamed'
            ? ['A']
            : ['A', 'M', 'T'];
    expect(expected, `${label}: ${skipped.path} (${reason.kind}, git: ${git?.status})`).toContain(git?.status);
    seen.add(skipped.path);
    if (reason.kind === 'renamed') {
      expect(theirs.get(reason.from)?.status, `${label}: ${reason.from}`).toBe('D');
      seen.add(reason.from);
    }
  }
  expect(
    [...theirs.keys()].filter((p) => !seen.has(p)),
    `${label}: listed by git only`,
  ).toEqual([]);
}

async function walk(file: string): Promise<TreeDiff> {
  return stagedChanges(new TreeReader(store), headTree, findRepository(repo.dir, { GIT_INDEX_FILE: file }));
}

describe('the walk against HEAD finds exactly what git diff --cached finds', () => {
  const formats: { name: string; version: number; config: string[] }[] = [
    { name: 'v2', version: 2, config: [] },
    { name: 'v4', version: 4, config: [] },
    { name: 'v2, EOIE and IEOT', version: 2, config: ['index.threads=4'] },
    { name: 'v4, EOIE and IEOT', version: 4, config: ['index.threads=7'] },
    { name: 'v4, EOIE alone', version: 4, config: ['index.recordEndOfIndexEntries=true'] },
  ];
  it.each(formats)(
    '$name: random change sets, with the cache tree up to date and invalidated',
    async (format) => {
      const random = seededRandom(format.name.length * 1009 + format.version);
      const file = indexCopy();
      for (let round = 0; round < 8; round++) {
        randomChanges(file, random, round);
        // As `git commit` leaves it for its hooks (every record valid), or as `git add` left it (records invalid
        // along the changed paths, and still valid from earlier rounds elsewhere).
        const committed = random() < 0.5;
        if (committed) git(file, ['write-tree']);
        rewrite(file, format.version, format.config);
        expectSameChanges(await walk(file), file, `${format.name}, round ${round}${committed ? ', written' : ''}`);
      }
    },
    120_000,
  );

  it('a split index: by its cache tree when valid, else through git ls-files', async () => {
    const random = seededRandom(4711);
    const file = indexCopy();
    git(file, ['update-index', '--split-index']);
    for (let round = 0; round < 6; round++) {
      randomChanges(file, random, 100 + round);
      if (round % 2 === 0) git(file, ['write-tree']);
      const index = open(file);
      expect(index.splitIndex).toBe(true);
      index.close();
      expectSameChanges(await walk(file), file, `split, round ${round}`);
    }
  }, 120_000);

  it('a malformed cache tree is dropped, as git drops it, and the walk reads the entries instead', async () => {
    const file = indexCopy();
    randomChanges(file, seededRandom(99), 200);
    // The root record stays readable and invalid; a record further on gets a count that is not a number, so only
    // a parse that reaches it finds the damage.
    const bytes = fs.readFileSync(file);
    const tree = bytes.indexOf('TREE');
    const data = bytes.subarray(tree + 8, tree + 8 + bytes.readUInt32BE(tree + 4));
    const records: number[] = [];
    for (let at = 0; at < data.length;) {
      const nul = data.indexOf(0, at);
      const newline = data.indexOf(0x0a, nul);
      records.push(nul + 1);
      at = newline + 1 + (data[nul + 1] === 0x2d ? 0 : 20);
    }
    data[records[Math.floor(records.length * 0.8)]!] = 'x'.charCodeAt(0);
    fs.writeFileSync(file, bytes);
    expect(git(file, ['ls-files']).length).toBeGreaterThan(0); // git reads it (and drops its cache tree)
    const index = open(file);
    expect(index.cacheTree.root).toBe(0);
    expect(index.cacheTree.size).toBe(0);
    expect(index.cacheTree.dropped).toBe(true);
    index.close();
    expectSameChanges(await walk(file), file, 'malformed cache tree');
  });
});

describe('a sparse index', () => {
  it('reads its directory entries and walks them as trees', async () => {
    const r = new TempRepo();
    try {
      const paths = monorepoPaths(3000);
      await importMonorepo(r.dir, paths, { env: r.env, sharedContent: 'shared\n' });
      r.git('reset', '-q', '--hard');
      r.git('sparse-checkout', 'init', '--cone', '--sparse-index');
      r.git('sparse-checkout', 'set', path.posix.dirname(paths[0]!));
      const file = path.join(r.dir, '.git', 'index');
      const index = readIndexFile(file, 'sha1')!;
      try {
        expect(index.sparse).toBe(true);
        const directories = index.entries.filter((e) => e.mode === 0o040000);
        expect(directories.length).toBeGreaterThan(3);
        expect(directories.every((e) => e.path.endsWith('/'))).toBe(true);
        const listed = r.git('ls-files', '--stage', '--sparse').split('\n').filter(Boolean);
        expect(
          index.entries.map((e) => `${e.mode.toString(8).padStart(6, '0')} ${e.oid} ${e.stage}\t${e.path}`),
        ).toEqual(listed);
      } finally {
        index.close();
      }
      // A change inside the cone, with the cache tree invalidated and brought up to date.
      const inCone = paths[0]!;
      fs.appendFileSync(path.join(r.dir, inCone), 'changed\n');
      r.git('add', inCone);
      const sparseStore = openObjectStore(path.join(r.dir, '.git', 'objects'), 'sha1');
      try {
        const head = readCommit(sparseStore, r.git('rev-parse', 'HEAD').trim()).tree;
        for (const written of [false, true]) {
          if (written) r.git('write-tree');
          const diff = await stagedChanges(new TreeReader(sparseStore), head, findRepository(r.dir, {}));
          expect(
            diff.changes.map((c) => c.path),
            `written: ${written}`,
          ).toEqual([inCone]);
          expect(r.git('diff', '--cached', '--name-only').trim()).toBe(inCone);
        }
      } finally {
        sparseStore.close();
      }
    } finally {
      r.cleanup();
    }
  }, 60_000);
});
