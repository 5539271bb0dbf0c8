import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexFileError, type IndexProblem } from '../../../../src/errors.js';
import { parseIndex, readIndexFile, type GitIndex, type IndexEntry } from '../../../../src/git/index/index-file.js';
import { wordsOf } from '../../../helpers/failure-text.js';

// Child git must not see the hook environment (GIT_DIR, GIT_INDEX_FILE...) nor the user's or system config.
const gitEnv: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_'))),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null',
};

const ANY_OID = '0123456789abcdef0123456789abcdef01234567';
const EMPTY_BLOB_OID = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

const repositories: string[] = [];
afterEach(() => {
  for (const repository of repositories.splice(0)) rmSync(repository, { recursive: true, force: true });
});

function git(repository: string, args: string[], input?: string): string {
  const options = { cwd: repository, env: gitEnv, input, stdio: 'pipe' as const, maxBuffer: 256 * 1024 * 1024 };
  return execFileSync('git', args, options).toString('utf8');
}

function makeRepository(): string {
  const repository = mkdtempSync(join(tmpdir(), 'secret-hook-index-'));
  repositories.push(repository);
  git(repository, ['init', '-q', '-b', 'main']);
  git(repository, ['config', 'user.name', 'Index Test']);
  git(repository, ['config', 'user.email', 'index-test@example.com']);
  git(repository, ['config', 'commit.gpgsign', 'false']);
  git(repository, ['config', 'core.autocrlf', 'false']);
  return repository;
}

function writeFiles(repository: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(repository, path)), { recursive: true });
    writeFileSync(join(repository, path), content);
  }
}

function indexPath(repository: string): string {
  return join(repository, '.git', 'index');
}

async function readIndex(repository: string): Promise<GitIndex> {
  const index = await readIndexFile(indexPath(repository), 'sha1');
  if (index === null) throw new Error(`no index in ${repository}`);
  return index;
}

/** What git itself reports: `git ls-files --stage -z` as { mode, oid, stage, path }. */
type GitListedEntry = Pick<IndexEntry, 'mode' | 'oid' | 'stage' | 'path'>;

function lsFilesStage(repository: string, extraArgs: string[] = []): GitListedEntry[] {
  const output = git(repository, ['ls-files', '--stage', '-z', ...extraArgs]);
  return output
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const tab = record.indexOf('\t');
      const [mode = '', oid = '', stage = ''] = record.slice(0, tab).split(' ');
      return { mode: Number.parseInt(mode, 8), oid, stage: Number(stage), path: record.slice(tab + 1) };
    });
}

function expectSameEntriesAsGit(index: GitIndex, repository: string, extraArgs: string[] = []): void {
  const ours = index.entries.map(({ mode, oid, stage, path }) => ({ mode, oid, stage, path }));
  expect(ours).toEqual(lsFilesStage(repository, extraArgs));
}

/** Paths git marks skip-worktree: `git ls-files -t` tags them 'S'. */
function skipWorktreePaths(repository: string): string[] {
  return git(repository, ['ls-files', '-t', '-z'])
    .split('\0')
    .filter((record) => record.startsWith('S '))
    .map((record) => record.slice(2));
}

/** Replaces the trailing checksum so a hand-edited index is internally consistent. */
function withChecksum(content: Buffer): Buffer {
  return Buffer.concat([content, createHash('sha1').update(content).digest()]);
}

function withExtension(index: Buffer, signature: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(signature, 0, 'latin1');
  header.writeUInt32BE(data.length, 4);
  return withChecksum(Buffer.concat([index.subarray(0, index.length - 20), header, data]));
}

function expectIndexFileError(run: () => unknown, message: RegExp, problem: IndexProblem): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(IndexFileError);
  expect(wordsOf(thrown)).toMatch(message);
  expect(wordsOf(thrown)).toContain('/some/.git/index');
  expect(thrown).toMatchObject({ file: '/some/.git/index', problem });
}

const mixedFiles: Record<string, string> = {
  'README.md': 'readme\n',
  'dir/sub/deep.txt': 'deep\n',
  'dir/sub/deeper/file.txt': 'deeper\n',
  'dir/with space.txt': 'space\n',
  'café/é.txt': 'accent\n',
  '日本/語.txt': 'japanese\n',
  '日本/誤.txt': 'shares two UTF-8 bytes with the previous name\n',
  'run.sh': '#!/bin/sh\necho run\n',
};

function stageMixedFiles(repository: string, extraConfig: string[] = []): void {
  writeFiles(repository, mixedFiles);
  chmodSync(join(repository, 'run.sh'), 0o755);
  symlinkSync('README.md', join(repository, 'link'));
  git(repository, [...extraConfig, 'add', '-A']);
  git(repository, [...extraConfig, 'update-index', '--add', '--cacheinfo', `160000,${ANY_OID},sub`]);
}

describe('readIndexFile', () => {
  it('reads a version 2 index like git ls-files does', async () => {
    const repository = makeRepository();
    stageMixedFiles(repository);

    const index = await readIndex(repository);

    expect(index.version).toBe(2);
    expectSameEntriesAsGit(index, repository);
    const modes = Object.fromEntries(index.entries.map((entry) => [entry.path, entry.mode]));
    expect(modes).toMatchObject({ 'README.md': 0o100644, 'run.sh': 0o100755, link: 0o120000, sub: 0o160000 });
    expect(index.entries.find((entry) => entry.path === 'sub')?.oid).toBe(ANY_OID);
    expect(index.entries.map((entry) => entry.path)).toContain('日本/語.txt');
    expect(index.entries.every((entry) => entry.stage === 0 && !entry.intentToAdd && !entry.skipWorktree)).toBe(true);
    expect(index.entries.some((entry) => entry.mode === 0o040000)).toBe(false);
    expect(index.splitIndex).toBe(false);
  });

  it('returns null when the index does not exist', async () => {
    const repository = makeRepository();
    expect(await readIndexFile(indexPath(repository), 'sha1')).toBeNull();
  });

  it('reads the intent-to-add flag of a version 3 index', async () => {
    const repository = makeRepository();
    writeFiles(repository, { 'kept.txt': 'kept\n', 'later.txt': 'later\n' });
    git(repository, ['add', 'kept.txt']);
    git(repository, ['add', '-N', 'later.txt']);

    const index = await readIndex(repository);

    expect(index.version).toBe(3);
    expectSameEntriesAsGit(index, repository);
    const flags = Object.fromEntries(index.entries.map((entry) => [entry.path, entry.intentToAdd]));
    expect(flags).toEqual({ 'kept.txt': false, 'later.txt': true });
    expect(index.entries.find((entry) => entry.path === 'later.txt')?.oid).toBe(EMPTY_BLOB_OID);
  });

  it('reads a version 4 index converted by update-index --index-version 4', async () => {
    const repository = makeRepository();
    stageMixedFiles(repository);
    const version2 = await readIndex(repository);
    git(repository, ['update-index', '--index-version', '4']);

    const version4 = await readIndex(repository);

    expect(version4.version).toBe(4);
    expect(version4.entries).toEqual(version2.entries);
    expectSameEntriesAsGit(version4, repository);
  });

  it('reads a version 4 index written with index.version=4, including extended flags', async () => {
    const repository = makeRepository();
    stageMixedFiles(repository, ['-c', 'index.version=4']);
    writeFiles(repository, { 'dir/sub/new.txt': 'new\n' });
    git(repository, ['-c', 'index.version=4', 'add', '-N', 'dir/sub/new.txt']);

    const index = await readIndex(repository);

    expect(index.version).toBe(4);
    expectSameEntriesAsGit(index, repository);
    expect(index.entries.filter((entry) => entry.intentToAdd).map((entry) => entry.path)).toEqual(['dir/sub/new.txt']);
  });

  it('reads skip-worktree flags of a sparse checkout (cone mode)', async () => {
    const repository = makeRepository();
    writeFiles(repository, {
      'top.txt': 'top\n',
      'dir1/a.txt': 'a\n',
      'dir1/in/b.txt': 'b\n',
      'dir2/c.txt': 'c\n',
      'dir2/x/d.txt': 'd\n',
    });
    git(repository, ['add', '-A']);
    git(repository, ['commit', '-q', '-m', 'initial']);
    git(repository, ['sparse-checkout', 'set', '--cone', 'dir1']);

    const index = await readIndex(repository);

    expectSameEntriesAsGit(index, repository);
    const skipped = index.entries.filter((entry) => entry.skipWorktree).map((entry) => entry.path);
    expect(skipped).toEqual(['dir2/c.txt', 'dir2/x/d.txt']);
    expect(skipped).toEqual(skipWorktreePaths(repository));
    expect(index.entries.some((entry) => entry.mode === 0o040000)).toBe(false);
  });

  it('reads skip-worktree flags of a sparse checkout (non-cone mode)', async () => {
    const repository = makeRepository();
    writeFiles(repository, { 'top.txt': 'top\n', 'dir1/a.txt': 'a\n', 'dir2/c.txt': 'c\n' });
    git(repository, ['add', '-A']);
    git(repository, ['commit', '-q', '-m', 'initial']);
    git(repository, ['sparse-checkout', 'set', '--no-cone', '/dir1/']);

    const index = await readIndex(repository);

    expectSameEntriesAsGit(index, repository);
    const skipped = index.entries.filter((entry) => entry.skipWorktree).map((entry) => entry.path);
    expect(skipped).toEqual(['dir2/c.txt', 'top.txt']);
    expect(skipped).toEqual(skipWorktreePaths(repository));
  });

  it('detects a sparse index and its directory entries', async () => {
    const repository = makeRepository();
    writeFiles(repository, { 'top.txt': 'top\n', 'dir1/a.txt': 'a\n', 'dir2/c.txt': 'c\n', 'dir2/x/d.txt': 'd\n' });
    git(repository, ['add', '-A']);
    git(repository, ['commit', '-q', '-m', 'initial']);
    git(repository, ['sparse-checkout', 'init', '--cone', '--sparse-index']);
    git(repository, ['sparse-checkout', 'set', 'dir1']);

    const index = await readIndex(repository);

    expect(index.entries.filter((entry) => entry.mode === 0o040000).map((entry) => entry.path)).toEqual(['dir2/']);
    expectSameEntriesAsGit(index, repository, ['--sparse']);
    const directory = index.entries.find((entry) => entry.path === 'dir2/');
    const treeOid = git(repository, ['rev-parse', 'HEAD:dir2']).trim();
    expect(directory).toMatchObject({ mode: 0o040000, skipWorktree: true, oid: treeOid });
  });

  it('reads the cache tree and its invalidation', async () => {
    const repository = makeRepository();
    writeFiles(repository, {
      'top.txt': 'top\n',
      'a/one.txt': '1\n',
      'a/b/two.txt': '2\n',
      'a/b/c/three.txt': '3\n',
      'd/four.txt': '4\n',
    });
    git(repository, ['add', '-A']);
    git(repository, ['commit', '-q', '-m', 'initial']);
    git(repository, ['write-tree']);

    const committed = await readIndex(repository);

    expect([...committed.cacheTree.keys()].sort()).toEqual(['', 'a', 'a/b', 'a/b/c', 'd']);
    for (const [path, node] of committed.cacheTree) {
      expect(node.path).toBe(path);
      expect(node.oid).toBe(git(repository, ['rev-parse', path === '' ? 'HEAD^{tree}' : `HEAD:${path}`]).trim());
    }
    expect(committed.cacheTree.get('')?.entryCount).toBe(5);
    expect(committed.cacheTree.get('a/b')?.entryCount).toBe(2);

    writeFiles(repository, { 'a/b/two.txt': 'changed\n' });
    git(repository, ['add', 'a/b/two.txt']);
    const modified = await readIndex(repository);

    for (const path of ['', 'a', 'a/b']) expect(modified.cacheTree.get(path)).toEqual({ path, entryCount: -1 });
    expect(modified.cacheTree.get('a/b/c')?.oid).toBe(git(repository, ['rev-parse', 'HEAD:a/b/c']).trim());
    expect(modified.cacheTree.get('d')?.entryCount).toBe(1);
  });

  it('has an empty cache tree when the index has none', async () => {
    const repository = makeRepository();
    git(repository, ['update-index', '--add', '--cacheinfo', `100644,${EMPTY_BLOB_OID},a/b.txt`]);
    const index = await readIndex(repository);
    expect(index.cacheTree.size).toBe(0);
    expect(index.entries).toHaveLength(1);
  });

  it('reads paths longer than the 12-bit name length (versions 2 and 4)', async () => {
    const repository = makeRepository();
    const directories = Array.from(
      { length: 24 },
      (_, level) => `${String(level).padStart(2, '0')}-${'d'.repeat(190)}`,
    );
    const longPath = `${directories.join('/')}/long-name.txt`;
    expect(Buffer.byteLength(longPath)).toBeGreaterThan(0xfff);
    git(repository, ['update-index', '--add', '--cacheinfo', `100644,${EMPTY_BLOB_OID},${longPath}`]);
    git(repository, ['update-index', '--add', '--cacheinfo', `100644,${EMPTY_BLOB_OID},${longPath}2`]);
    git(repository, ['update-index', '--add', '--cacheinfo', `100644,${EMPTY_BLOB_OID},zzz.txt`]);

    const version2 = await readIndex(repository);
    expect(version2.version).toBe(2);
    expect(version2.entries.map((entry) => entry.path)).toEqual([longPath, `${longPath}2`, 'zzz.txt']);
    expectSameEntriesAsGit(version2, repository);

    git(repository, ['update-index', '--index-version', '4']);
    const version4 = await readIndex(repository);
    expect(version4.entries).toEqual(version2.entries);
  });

  it('reads the stages of a merge conflict, and the index after it is resolved', async () => {
    const repository = makeRepository();
    writeFiles(repository, { 'conflict.txt': 'base\n', 'other.txt': 'other\n' });
    git(repository, ['add', '-A']);
    git(repository, ['commit', '-q', '-m', 'base']);
    git(repository, ['checkout', '-q', '-b', 'topic']);
    writeFiles(repository, { 'conflict.txt': 'topic\n' });
    git(repository, ['commit', '-q', '-am', 'topic']);
    git(repository, ['checkout', '-q', 'main']);
    writeFiles(repository, { 'conflict.txt': 'main\n' });
    git(repository, ['commit', '-q', '-am', 'main']);
    expect(() => git(repository, ['merge', '-q', 'topic'])).toThrow();

    const conflicted = await readIndex(repository);

    expectSameEntriesAsGit(conflicted, repository);
    expect(conflicted.entries.map((entry) => [entry.path, entry.stage])).toEqual([
      ['conflict.txt', 1],
      ['conflict.txt', 2],
      ['conflict.txt', 3],
      ['other.txt', 0],
    ]);

    // Resolving writes a REUC extension, which must be skipped.
    writeFiles(repository, { 'conflict.txt': 'resolved\n' });
    git(repository, ['add', 'conflict.txt']);
    expect(readFileSync(indexPath(repository)).includes('REUC')).toBe(true);
    const resolved = await readIndex(repository);
    expectSameEntriesAsGit(resolved, repository);
    expect(resolved.entries.every((entry) => entry.stage === 0)).toBe(true);
  });

  it('skips optional extensions git writes (UNTR, EOIE)', async () => {
    const repository = makeRepository();
    stageMixedFiles(repository);
    writeFiles(repository, { 'untracked.txt': 'untracked\n' });
    git(repository, ['-c', 'core.untrackedCache=true', 'status']);
    git(repository, ['-c', 'index.recordEndOfIndexEntries=true', 'update-index', '--force-write-index']);
    const content = readFileSync(indexPath(repository));
    expect(content.includes('UNTR')).toBe(true);
    expect(content.includes('EOIE')).toBe(true);

    expectSameEntriesAsGit(await readIndex(repository), repository);
  });

  it('detects a split index', async () => {
    const repository = makeRepository();
    stageMixedFiles(repository);
    git(repository, ['update-index', '--split-index']);

    const index = await readIndex(repository);

    expect(index.splitIndex).toBe(true);
    const sharedIndex = readdirSync(join(repository, '.git')).find((name) => name.startsWith('sharedindex.'));
    expect(sharedIndex).toBeDefined();
    const shared = await readIndexFile(join(repository, '.git', sharedIndex ?? ''), 'sha1');
    expect(shared?.splitIndex).toBe(false);
    expectSameEntriesAsGit(shared as GitIndex, repository);
  });

  it('accepts an index without checksum (index.skipHash=true)', async () => {
    const repository = makeRepository();
    stageMixedFiles(repository);
    git(repository, ['-c', 'index.skipHash=true', 'update-index', '--force-write-index']);
    const content = readFileSync(indexPath(repository));
    // git 2.39 ignores index.skipHash (added in 2.40): write the all-zero trailer such a git would write.
    content.fill(0, content.length - 20);

    const index = parseIndex(content, indexPath(repository), 'sha1');

    expectSameEntriesAsGit(index, repository);
  });

  it('reads many entries in versions 2 and 4', async () => {
    const repository = makeRepository();
    const lines: string[] = [];
    for (let index = 0; index < 100_000; index++) {
      const oid = createHash('sha1').update(String(index)).digest('hex');
      lines.push(`100644 ${oid}\tsrc/module-${index % 97}/part-${index % 13}/file-${index}.ts`);
    }
    git(repository, ['update-index', '--index-info'], `${lines.join('\n')}\n`);

    const version2 = await readIndex(repository);
    expect(version2.entries).toHaveLength(100_000);
    expectSameEntriesAsGit(version2, repository);

    git(repository, ['update-index', '--index-version', '4']);
    const version4 = await readIndex(repository);
    expect(version4.version).toBe(4);
    expect(version4.entries).toEqual(version2.entries);
  }, 60_000);
});

describe('parseIndex errors', () => {
  function sampleIndex(): Buffer {
    const repository = makeRepository();
    stageMixedFiles(repository);
    git(repository, ['commit', '-q', '-m', 'initial']);
    return readFileSync(indexPath(repository));
  }
  const source = '/some/.git/index';

  it('reads an index whose checksum is wrong, as git commits it (only git fsck verifies the checksum)', () => {
    const content = sampleIndex();
    const intact = parseIndex(content, source, 'sha1');
    const lastByte = content.length - 1;
    content[lastByte] = (content[lastByte] as number) ^ 0xff;
    expect(parseIndex(content, source, 'sha1').entries).toEqual(intact.entries);
  });

  it('rejects an entry count the file cannot hold', () => {
    const content = sampleIndex();
    content.writeUInt32BE(content.readUInt32BE(8) + 1, 8);
    expectIndexFileError(() => parseIndex(content, source, 'sha1'), /truncated/, { kind: 'truncated' });
  });

  it('rejects a file truncated at any length, or reads every entry git would commit', () => {
    const content = sampleIndex();
    const intact = parseIndex(content, source, 'sha1');
    let accepted = 0;
    for (let length = 0; length < content.length; length++) {
      let parsed: GitIndex;
      try {
        parsed = parseIndex(content.subarray(0, length), source, 'sha1');
      } catch (error) {
        expect(error, `length ${length}`).toBeInstanceOf(IndexFileError);
        expect((error as Error).message).toMatch(/truncated/);
        continue;
      }
      // A cut just after an extension leaves whole entries (and git would read them so too): nothing is missed.
      expect(parsed.entries, `length ${length}`).toEqual(intact.entries);
      accepted++;
    }
    expect(accepted).toBeLessThan(5);
  });

  it('reports truncation when the checksum cannot tell (skipHash index)', () => {
    const content = sampleIndex();
    const cut = Buffer.concat([content.subarray(0, 200), Buffer.alloc(20)]);
    expectIndexFileError(() => parseIndex(cut, source, 'sha1'), /truncated/, { kind: 'truncated' });
  });

  it('rejects a bad signature', () => {
    const content = sampleIndex();
    content.write('DIRT', 0, 'latin1');
    expectIndexFileError(
      () => parseIndex(withChecksum(content.subarray(0, content.length - 20)), source, 'sha1'),
      /signature/,
      { kind: 'bad-signature' },
    );
  });

  it('rejects an unknown version', () => {
    const content = sampleIndex();
    content.writeUInt32BE(5, 4);
    expectIndexFileError(
      () => parseIndex(withChecksum(content.subarray(0, content.length - 20)), source, 'sha1'),
      /version 5/,
      { kind: 'unsupported-version', version: 5 },
    );
  });

  it('rejects an unknown required (lowercase) extension and skips an unknown optional one', () => {
    const content = sampleIndex();
    expectIndexFileError(
      () => parseIndex(withExtension(content, 'abcd', Buffer.from('data')), source, 'sha1'),
      /'abcd'/,
      { kind: 'unknown-required-extension', signature: 'abcd' },
    );

    const withOptional = parseIndex(withExtension(content, 'ZZZZ', Buffer.from('data')), source, 'sha1');
    expect(withOptional.entries).toEqual(parseIndex(content, source, 'sha1').entries);
    expect(withOptional.cacheTree.size).toBeGreaterThan(0);
  });

  it('rejects an extension longer than the file', () => {
    const content = sampleIndex();
    const extended = withExtension(content, 'ZZZZ', Buffer.from('data'));
    extended.writeUInt32BE(1000, extended.length - 20 - 8);
    expectIndexFileError(
      () => parseIndex(withChecksum(extended.subarray(0, extended.length - 20)), source, 'sha1'),
      /truncated/,
      { kind: 'truncated' },
    );
  });

  it('drops a malformed cache tree, as git does, and keeps the entries', () => {
    const content = sampleIndex();
    const index = parseIndex(withExtension(content, 'TREE', Buffer.from('\x003 x\n', 'latin1')), source, 'sha1');
    expect(index.cacheTree.size).toBe(0);
    expect(index.entries).toEqual(parseIndex(content, source, 'sha1').entries);
  });

  it('accepts the sdir extension and detects the link extension', () => {
    const content = sampleIndex();
    const sparse = parseIndex(withExtension(content, 'sdir', Buffer.alloc(0)), source, 'sha1');
    expect(sparse.entries).toEqual(parseIndex(content, source, 'sha1').entries);
    expect(parseIndex(withExtension(content, 'link', Buffer.alloc(20)), source, 'sha1').splitIndex).toBe(true);
  });

  it('throws IndexFileError naming the file when it cannot be read', async () => {
    const repository = makeRepository();
    expect(() => readIndexFile(join(repository, '.git'), 'sha1')).toThrow(IndexFileError);
  });
});
