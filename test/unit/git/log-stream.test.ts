// `git log -p --cc` parsed as the history scan sees it, in real repositories.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { streamLog, type LogEvent } from '../../../src/git/log-stream.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

async function events(repo: TempRepo, revisions = ['--all']): Promise<LogEvent[]> {
  const out: LogEvent[] = [];
  for await (const event of streamLog(repo.dir, revisions)) out.push(event);
  return out;
}

const files = (list: LogEvent[]) =>
  list.flatMap((e) =>
    e.kind === 'file' ? [{ subject: e.commit.subject, path: e.path, text: e.text, lines: e.lineNumbers }] : [],
  );

describe('streamLog', () => {
  it('gives added lines with new-file line numbers and context, oldest commit first', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.commit({ 'a.txt': 'one\ntwo\nthree\nfour\nfive\n' }, 'first');
    r.commit({ 'a.txt': 'one\ntwo\nNEW\nthree\nfour\nfive\n' }, 'second');
    const list = await events(r);
    expect(list.filter((e) => e.kind === 'commit').map((e) => e.commit.subject)).toEqual(['first', 'second']);
    expect(files(list)).toEqual([
      { subject: 'first', path: 'a.txt', text: 'one\ntwo\nthree\nfour\nfive', lines: [1, 2, 3, 4, 5] },
      { subject: 'second', path: 'a.txt', text: 'NEW', lines: [3] },
    ]);
    const second = list.find((e) => e.kind === 'file' && e.commit.subject === 'second');
    expect(second?.kind === 'file' && second.context).toEqual({
      text: 'one\ntwo\nNEW\nthree\nfour\nfive',
      firstLine: 1,
    });
  });

  it('reports nothing for a clean merge and the new lines of an evil merge', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.commit({ 'a.txt': 'base\n' }, 'base');
    r.git('checkout', '-q', '-b', 'topic');
    r.commit({ 't.txt': 'topic work\n' }, 'topic');
    r.git('checkout', '-q', 'main');
    r.commit({ 'm.txt': 'main work\n' }, 'main');
    r.git('merge', '-q', '--no-edit', 'topic');
    r.git('checkout', '-q', '-b', 'topic2', 'HEAD~1');
    r.commit({ 'a.txt': 'base\ntopic2 line\n' }, 'topic2');
    r.git('checkout', '-q', 'main');
    r.git('merge', '-q', '--no-commit', 'topic2');
    fs.writeFileSync(path.join(r.dir, 'a.txt'), 'base\ntopic2 line\nEVIL\n');
    r.git('add', 'a.txt');
    r.git('commit', '-q', '-m', 'evil merge');
    const merged = files(await events(r)).filter((f) => f.subject.startsWith('Merge') || f.subject === 'evil merge');
    expect(merged).toEqual([{ subject: 'evil merge', path: 'a.txt', text: 'EVIL', lines: [3] }]);
  });

  it('skips binary files visibly, follows renames and ignores deletions', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.commit({ 'old-name.txt': 'same content\nline two\n', 'gone.txt': 'bye\n' }, 'first');
    r.git('mv', 'old-name.txt', 'new-name.txt');
    r.git('rm', '-q', 'gone.txt');
    r.write('logo.png', Buffer.from([0x89, 0x50, 0, 1, 2, 3]));
    r.write('déjà vu "quoted".txt', 'odd name\n');
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'second');
    const list = await events(r);
    const second = list.filter((e) => e.kind !== 'commit' && e.commit.subject === 'second');
    expect(second.map((e) => [e.kind, e.kind === 'commit' ? '' : e.path])).toEqual(
      expect.arrayContaining([
        ['binary', 'logo.png'],
        ['file', 'déjà vu "quoted".txt'],
      ]),
    );
    expect(second.some((e) => e.kind === 'file' && (e.path === 'new-name.txt' || e.path === 'gone.txt'))).toBe(false);
  });

  it('fails with a clear error outside a repository or on an unknown revision', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.commit({ 'a.txt': 'a\n' });
    await expect(events(r, ['no-such-branch'])).rejects.toThrow(/git log failed/);
  });
});
