// The git layer's errors carry facts; these tests check that every kind of problem is said with its facts (the
// object, the file, the offset, the detail), as one clause the failure paragraph can end with a full stop, and with
// the hint that goes with it.
import { describe, expect, it } from 'vitest';
import {
  GitObjectError,
  IndexFileError,
  RepositoryError,
  UnknownRevisionError,
  UsageError,
  type GitTask,
  type IndexProblem,
  type ObjectProblem,
  type RepositoryProblem,
  type ScanFailure,
} from '../../../../src/errors.js';
import { describeFailure, failureParagraph } from '../../../../src/report/messages/failures.js';
import { wordsOf } from '../../../helpers/failure-text.js';

const OID = '0123456789abcdef0123456789abcdef01234567';
const PACK = '/repo/.git/objects/pack/pack-1.pack';
const LOOSE = '/repo/.git/objects/01/23456789abcdef0123456789abcdef01234567';
const FSCK = /git fsck/;

function expectSaid(error: ScanFailure, fragments: (string | RegExp)[], hint: RegExp | '') {
  const said = describeFailure(error)!;
  for (const fragment of fragments) {
    if (typeof fragment === 'string') expect(said.message).toContain(fragment);
    else expect(said.message).toMatch(fragment);
  }
  expect(said.message).not.toMatch(/[.\s]$/);
  if (hint === '') expect(said.hint).toBe('');
  else expect(said.hint).toMatch(hint);
  // Said in the paragraph as it is, once.
  const paragraph = failureParagraph(error, 'staged');
  expect(paragraph).toContain(`${said.message}.`);
  expect(paragraph.split(said.message)).toHaveLength(2);
}

describe('object failures', () => {
  const cases: [ObjectProblem, (string | RegExp)[], RegExp | ''][] = [
    [{ kind: 'invalid-id', format: 'sha256' }, [`"${OID}"`, '64-hex-digit SHA-256'], ''],
    [{ kind: 'store-closed' }, [OID, 'closed'], ''],
    [
      { kind: 'missing', searched: ['/repo/.git/objects', '/shared/objects'], unreadableIndexes: [] },
      [OID, 'is missing', '/repo/.git/objects, /shared/objects'],
      /partial or shallow clone/,
    ],
    [
      {
        kind: 'missing',
        searched: ['/repo/.git/objects'],
        unreadableIndexes: [{ file: '/repo/.git/objects/pack/pack-2.idx', detail: 'pack index is truncated' }],
      },
      ['is missing', '/repo/.git/objects/pack/pack-2.idx (pack index is truncated)'],
      /partial or shallow clone/,
    ],
    [
      { kind: 'missing-delta-base', base: 'f'.repeat(40), file: PACK, offset: 99 },
      [OID, 'cannot be rebuilt', 'f'.repeat(40), 'offset 99', PACK],
      /partial or shallow clone/,
    ],
    [
      { kind: 'corrupt', detail: 'bad delta (copy out of bounds)', file: PACK, offset: 1234 },
      [OID, 'is corrupt: bad delta (copy out of bounds)', `offset 1234 in ${PACK}`],
      FSCK,
    ],
    [{ kind: 'corrupt', detail: 'bad header', file: LOOSE }, [`is corrupt: bad header in ${LOOSE}`], FSCK],
    [
      { kind: 'unreadable', detail: 'EIO: i/o error, read', file: PACK, offset: 12 },
      [OID, 'is unreadable: EIO: i/o error, read', `offset 12 in ${PACK}`],
      FSCK,
    ],
    [
      { kind: 'unreadable', detail: `EACCES: permission denied, open '${LOOSE}'`, file: LOOSE },
      [`is unreadable: EACCES: permission denied, open '${LOOSE}'`],
      FSCK,
    ],
    [{ kind: 'wrong-type', expected: 'tree', found: 'blob' }, [OID, 'is a blob, where a tree was expected'], ''],
    [{ kind: 'malformed', type: 'commit', detail: 'no tree line' }, [OID, 'commit', 'no tree line'], ''],
  ];
  for (const [problem, fragments, hint] of cases) {
    it(`says ${problem.kind}${'offset' in problem ? ' in a pack' : ''}`, () => {
      const error = new GitObjectError(OID, problem);
      expect(error).toMatchObject({ kind: 'object', oid: OID, problem });
      expectSaid(error, fragments, hint);
    });
  }

  it('names a loose file once, even when the system error names it too', () => {
    const error = new GitObjectError(OID, { kind: 'unreadable', detail: `ENOENT: open '${LOOSE}'`, file: LOOSE });
    expect(wordsOf(error).split(LOOSE)).toHaveLength(2);
  });
});

describe('index failures', () => {
  const INDEX = '/repo/.git/index';
  const cases: [IndexProblem, string, RegExp | ''][] = [
    [{ kind: 'unreadable', detail: 'EISDIR: illegal operation on a directory' }, 'EISDIR', /permissions/],
    [{ kind: 'truncated' }, 'truncated', /git status/],
    [{ kind: 'bad-signature' }, "'DIRC'", /git status/],
    [{ kind: 'unsupported-version', version: 5 }, 'version 5', /versions 2, 3 and 4/],
    [{ kind: 'bad-path-compression', entry: 7 }, 'entry 7', /git status/],
    [{ kind: 'unknown-required-extension', signature: 'abcd' }, "'abcd'", /git status/],
    [{ kind: 'split-index-unlisted' }, 'split index', ''],
  ];
  for (const [problem, fragment, hint] of cases) {
    it(`says ${problem.kind}`, () => {
      const error = new IndexFileError(INDEX, problem);
      expect(error).toMatchObject({ kind: 'index', file: INDEX, problem });
      expectSaid(error, [`Cannot read the git index ${INDEX}`, fragment], hint);
    });
  }

  it('keeps the failure of git behind a split index as its cause', () => {
    const cause = new RepositoryError({
      kind: 'git-failed',
      task: { kind: 'list-index', file: INDEX },
      exit: 128,
      stderr: 'fatal: index file corrupt',
    });
    const error = new IndexFileError(INDEX, { kind: 'split-index-unlisted' }, { cause });
    expect(failureParagraph(error, 'staged')).toContain(
      `(git ls-files could not list the split index ${INDEX} (git exited with 128: fatal: index file corrupt))`,
    );
  });
});

describe('repository failures', () => {
  const log: GitTask = { kind: 'list-commits' };
  const cases: [RepositoryProblem, string[], RegExp | ''][] = [
    [{ kind: 'not-found', cwd: '/home/me/x' }, ['no git repository found in /home/me/x'], /GIT_DIR/],
    [{ kind: 'not-a-git-dir', gitDir: '/x/.git' }, ['/x/.git is not a git directory'], ''],
    [{ kind: 'bad-git-file', file: '/x/.git' }, ['/x/.git', 'gitdir: <path>'], ''],
    [
      { kind: 'unknown-extension', file: '/x/.git/config', extension: 'objectFormat', value: 'sha512' },
      ['/x/.git/config sets extensions.objectFormat = sha512'],
      /sha1 or sha256/,
    ],
    [
      { kind: 'unknown-extension', file: '/x/.git/config', extension: 'refStorage', value: 'tables' },
      ['extensions.refStorage = tables'],
      /files or as reftable/,
    ],
    [{ kind: 'symbolic-ref-loop', ref: 'refs/heads/a' }, ['symbolic ref loop at refs/heads/a'], ''],
    [{ kind: 'bad-ref', ref: 'HEAD', content: 'garbage' }, ['ref HEAD holds "garbage"'], ''],
    [
      { kind: 'unreadable-ref', file: '/x/.git/HEAD', detail: 'EACCES: permission denied' },
      ['/x/.git/HEAD', 'EACCES'],
      '',
    ],
    [
      { kind: 'git-not-run', task: log, detail: 'spawn git ENOENT' },
      ['git log could not list the commits to scan: git could not be run (spawn git ENOENT)'],
      /on PATH/,
    ],
    [
      { kind: 'git-failed', task: { kind: 'count-commits' }, exit: 128, stderr: 'fatal: bad revision' },
      ['git rev-list could not count the commits to scan (git exited with 128: fatal: bad revision)'],
      '',
    ],
    [
      { kind: 'git-failed', task: { kind: 'resolve-ref', ref: 'HEAD' }, exit: 128, stderr: '' },
      ['git could not resolve HEAD (git exited with 128)'],
      /reftable needs git 2.45/,
    ],
    [
      { kind: 'git-failed', task: { kind: 'read-blobs' }, exit: 'SIGKILL', stderr: '' },
      ['git cat-file could not read the blobs to scan (git exited with SIGKILL)'],
      '',
    ],
    [
      { kind: 'unexpected-output', task: { kind: 'read-blobs' }, output: 'abc tree 12', request: 'abc' },
      ['git cat-file answered "abc tree 12" for abc'],
      '',
    ],
    [{ kind: 'unexpected-output', task: log, output: ':100644' }, ['git log printed something unexpected'], ''],
    [
      { kind: 'not-an-object-id', task: { kind: 'list-refs' }, ref: 'refs/heads/main', output: 'xyz', format: 'sha1' },
      ['git answered "xyz" for refs/heads/main, not a sha1 object id'],
      '',
    ],
    [{ kind: 'git-stopped', task: log }, ['git log stopped before its output was complete'], ''],
  ];
  for (const [problem, fragments, hint] of cases) {
    it(`says ${problem.kind}${'task' in problem ? ` (${problem.task.kind})` : ''}`, () => {
      const error = new RepositoryError(problem);
      expect(error).toMatchObject({ kind: 'repository', problem });
      expectSaid(error, fragments, hint);
    });
  }
});

describe('an unknown revision', () => {
  it('is a usage error that names the revision and says what a revision may be', () => {
    const error = new UnknownRevisionError('no-such-branch');
    expect(error).toBeInstanceOf(UsageError);
    expect(error.revision).toBe('no-such-branch');
    expect(error.message).toBe('unknown revision "no-such-branch"');
    expect(wordsOf(error)).toMatch(/git help revisions/);
  });
});
