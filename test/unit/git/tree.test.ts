// parseTree against git ls-tree on a real tree (modes, a subdirectory, a symlink, a submodule, UTF-8 names), and
// on broken trees.
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitObjectError } from '../../../src/errors.js';
import { openObjectStore } from '../../../src/git/object-store/store.js';
import { parseTree } from '../../../src/git/tree.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

describe('parseTree', () => {
  it('reads every entry as git ls-tree lists it', () => {
    const r = new TempRepo();
    repos.push(r);
    r.write('plain.txt', 'a\n');
    r.write('run.sh', 'echo\n');
    r.write('café/é.txt', 'accent\n');
    r.write('日本/語.txt', 'japanese\n');
    r.write('dir/inner.txt', 'inner\n');
    r.git('add', '-A');
    r.git('update-index', '--chmod=+x', 'run.sh');
    r.git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`);
    r.git('update-index', '--add', '--cacheinfo', `120000,${r.git('hash-object', '-w', '--stdin').trim()},link`);
    const tree = r.git('write-tree').trim();
    const expected = r
      .git('-c', 'core.quotePath=false', 'ls-tree', '-z', tree)
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const [meta, name] = line.split('\t') as [string, string];
        const [mode, , oid] = meta.split(' ') as [string, string, string];
        return { mode: parseInt(mode, 8), name, oid };
      });
    const store = openObjectStore(path.join(r.dir, '.git', 'objects'), 'sha1');
    const entries = parseTree(store.read(tree).data, tree, 'sha1');
    store.close();
    expect(entries).toEqual(expected);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['café', '日本', 'link', 'vendor']));
  });

  it('rejects a truncated or malformed tree', () => {
    const entry = Buffer.concat([Buffer.from('100644 a.txt\0'), Buffer.alloc(20, 1)]);
    expect(parseTree(entry, 'x', 'sha1')).toHaveLength(1);
    for (const broken of [
      entry.subarray(0, entry.length - 1),
      Buffer.from('100644 a.txt'),
      Buffer.concat([Buffer.from('10064x a.txt\0'), Buffer.alloc(20, 1)]),
      Buffer.concat([Buffer.from(' a.txt\0'), Buffer.alloc(20, 1)]),
    ]) {
      expect(() => parseTree(broken, 'x', 'sha1')).toThrow(GitObjectError);
    }
  });
});
