// The commit log as scans read it: ids, parents, the raw diff and the message, from a real repository.
import { afterEach, describe, expect, it } from 'vitest';
import { commitLog, type LoggedCommit } from '../../../src/git/commit-log.js';
import { findRepository } from '../../../src/git/repo.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

async function all(repo: TempRepo): Promise<LoggedCommit[]> {
  const commits: LoggedCommit[] = [];
  for await (const commit of commitLog(findRepository(repo.dir, repo.env), { args: ['--all'] })) commits.push(commit);
  return commits;
}

describe('commitLog', () => {
  it('hands each commit its message whole, whatever it holds, and its changes after it', async () => {
    const repo = new TempRepo();
    repos.push(repo);
    repo.commit({ 'a.txt': 'a\n' }, 'first');
    // A message that looks like the log's own records: a raw header line, a \x01, a NUL-free tail without newline.
    const odd = 'second\n\n:100644 100644 abc def M\tpath\n\u0001 not a record\nTrailer: value';
    repo.commit({ 'b.txt': 'b\n' }, odd);
    repo.git('commit', '-q', '--allow-empty', '--allow-empty-message', '-m', '');
    const [empty, second, first] = await all(repo);
    expect(empty!.message).toBe('');
    expect(empty!.entries).toEqual([]);
    expect(second!.message).toBe(`${odd}\n`);
    expect(second!.entries.map((e) => [e.status, e.path])).toEqual([['A', 'b.txt']]);
    expect(first!.message).toBe('first\n');
    expect(first!.parents).toEqual([]);
    expect(second!.parents).toEqual([first!.oid]);
  });

  it('reads many commits streamed in chunks that split records anywhere', async () => {
    const repo = new TempRepo();
    repos.push(repo);
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${i}.txt`] = `${i}\n`;
    repo.commit(files, 'x'.repeat(70_000));
    for (let i = 0; i < 30; i++) repo.commit({ [`g${i}.txt`]: `${i}\n` }, `commit ${i}\n\nbody ${i}`);
    const commits = await all(repo);
    expect(commits).toHaveLength(31);
    expect(commits[0]!.message).toBe('commit 29\n\nbody 29\n');
    expect(commits[30]!.message).toBe(`${'x'.repeat(70_000)}\n`);
    expect(commits[30]!.entries).toHaveLength(40);
  });
});
