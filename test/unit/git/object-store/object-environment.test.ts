// GIT_OBJECT_DIRECTORY and GIT_ALTERNATE_OBJECT_DIRECTORIES, as git reads them: a quarantine built the way
// receive-pack builds one (new objects written by git into a directory of their own, the repository's objects as
// alternate), read by our store and by the git processes a scan starts, and written by neither.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanCommits } from '../../../../src/commands/scan-commits.js';
import { openSession } from '../../../../src/commands/session.js';
import {
  objectDatabase,
  splitAlternates,
  withAbsoluteObjectPaths,
} from '../../../../src/git/object-store/object-environment.js';
import { openObjectStore } from '../../../../src/git/object-store/store.js';
import { NO_PROGRESS } from '../../../../src/report/progress.js';
import { FakeKeys } from '../../../helpers/examples.js';
import { TempRepo } from '../../../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

describe('splitAlternates', () => {
  it('splits at colons, skips empty entries, and reads C-quoted entries whole', () => {
    expect(splitAlternates('/a/objects:/b/objects')).toEqual(['/a/objects', '/b/objects']);
    expect(splitAlternates('::/a::')).toEqual(['/a']);
    expect(splitAlternates('"/with:colon/objects":/plain')).toEqual(['/with:colon/objects', '/plain']);
    expect(splitAlternates('"/tab\\there\\"q\\303\\251"')).toEqual(['/tab\there"qé']);
    // An opening quote with no closing one is an ordinary entry, as in git.
    expect(splitAlternates('"/open:/b')).toEqual(['"/open', '/b']);
  });
});

describe('objectDatabase', () => {
  it('is <common dir>/objects without the variables, and the variables resolved against cwd with them', () => {
    expect(objectDatabase('/repo/.git', {}, '/cwd')).toEqual({ objectsDir: '/repo/.git/objects', alternates: [] });
    const env = { GIT_OBJECT_DIRECTORY: 'objects/incoming-x', GIT_ALTERNATE_OBJECT_DIRECTORIES: './objects:/abs' };
    expect(objectDatabase('/repo.git', env, '/repo.git')).toEqual({
      objectsDir: '/repo.git/objects/incoming-x',
      alternates: ['/repo.git/objects', '/abs'],
    });
  });

  it('leaves an environment with absolute paths as it is, and makes relative ones absolute', () => {
    const absolute = { GIT_OBJECT_DIRECTORY: '/q', GIT_ALTERNATE_OBJECT_DIRECTORIES: '/o', PATH: '/bin' };
    expect(withAbsoluteObjectPaths(absolute, '/cwd')).toBe(absolute);
    expect(
      withAbsoluteObjectPaths({ GIT_QUARANTINE_PATH: 'q', GIT_ALTERNATE_OBJECT_DIRECTORIES: 'o:/p' }, '/cwd'),
    ).toEqual({ GIT_QUARANTINE_PATH: '/cwd/q', GIT_ALTERNATE_OBJECT_DIRECTORIES: '/cwd/o:/p' });
  });
});

/** A repository with one published commit, and a second commit whose objects exist only in `quarantine`. */
function quarantined(content: string) {
  const repo = new TempRepo();
  repos.push(repo);
  repo.commit({ 'README.md': '# app\n' }, 'published');
  const quarantine = path.join(repo.dir, '.git', 'objects', 'incoming-test');
  fs.mkdirSync(quarantine);
  const env = {
    ...repo.env,
    GIT_OBJECT_DIRECTORY: quarantine,
    GIT_QUARANTINE_PATH: quarantine,
    GIT_ALTERNATE_OBJECT_DIRECTORIES: path.join(repo.dir, '.git', 'objects'),
  };
  repo.write('src/key.js', content);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' });
  // Plumbing only: git forbids ref updates inside a quarantine, as refs stand while a pre-receive hook runs.
  git('add', 'src/key.js');
  const tree = git('write-tree').trim();
  const tip = git('commit-tree', tree, '-p', 'HEAD', '-m', 'pushed').trim();
  return { repo, env, quarantine, tip };
}

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).sort().map((name) => {
    const stat = fs.statSync(path.join(dir, name));
    return `${name} ${stat.size} ${stat.mtimeMs}`;
  });
}

describe('a store opened in a quarantine', () => {
  it('reads the new objects only with the variables, and finds the old ones through the alternate', () => {
    const { repo, env, quarantine, tip } = quarantined('export const x = 1;\n');
    const plain = openObjectStore(path.join(repo.dir, '.git', 'objects'), 'sha1');
    expect(plain.has(tip)).toBe(false);
    plain.close();
    const db = objectDatabase(path.join(repo.dir, '.git'), env, repo.dir);
    expect(db.objectsDir).toBe(quarantine);
    const store = openObjectStore(db.objectsDir, 'sha1', { alternates: db.alternates });
    expect(store.read(tip).type).toBe('commit');
    expect(store.has(repo.git('rev-parse', 'main').trim())).toBe(true);
    store.close();
  });

  it('scans the quarantined commit (our reader and git alike) and writes into neither directory', async () => {
    const secret = `sk_live_${new FakeKeys(88).chars('base62', 40)}`;
    const { repo, env, quarantine, tip } = quarantined(`const k = "${secret}";\n`);
    const objects = path.join(repo.dir, '.git', 'objects');
    const before = [listing(quarantine), listing(objects)];
    const session = await openSession({ cwd: repo.dir, env, serverSide: true });
    try {
      const scanned = await scanCommits(session, { args: ['--not', '--all'], stdin: `${tip}\n` }, NO_PROGRESS);
      expect(scanned.findings.map((f) => [f.ruleId, f.path, f.commit?.oid, f.commit?.subject])).toEqual([
        ['stripe-live-secret-key', 'src/key.js', tip, 'pushed'],
      ]);
      expect(scanned.stats.commits).toBe(1);
    } finally {
      session.close();
    }
    expect([listing(quarantine), listing(objects)]).toEqual(before);
  });
});
