// parseTree against git ls-tree on a real tree (modes, a subdirectory, a symlink, a submodule, UTF-8 names), and
// on broken trees.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitObjectError } from '../../../src/errors.js';
import { openObjectStore } from '../../../src/git/object-store/store.js';
import { parseTree, TreeReader, type TreeEntry } from '../../../src/git/tree.js';
import { seededRandom } from '../../helpers/examples.js';
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

describe('TreeReader.differing', () => {
  // Two versions of a large directory: the entries outside what their bytes share at both ends must include every
  // entry that differs, and only real entries. Names include ones built to look like the tail of an entry
  // ("x 100644 y"), so that a shared end that starts inside an entry of one version is caught.
  it('keeps every entry that differs between two versions of a large tree, on random edits', () => {
    const r = new TempRepo();
    repos.push(r);
    const random = seededRandom(31);
    const blobs = Array.from({ length: 8 }, (_, i) => {
      r.write(`b${i}`, `blob ${i}\n`);
      return r.git('hash-object', '-w', `b${i}`).trim();
    });
    const names = Array.from({ length: 400 }, (_, i) =>
      i % 50 === 0 ? `x 100644 y${i}` : `file-${String(i).padStart(4, '0')}.ts`,
    );
    const mktree = (entries: Map<string, string>) =>
      execFileSync('git', ['mktree', '-z'], {
        cwd: r.dir,
        env: r.env,
        input: [...entries].map(([name, oid]) => `100644 blob ${oid}\t${name}\0`).join(''),
        encoding: 'utf8',
      }).trim();
    const store = openObjectStore(path.join(r.dir, '.git', 'objects'), 'sha1');
    try {
      for (let round = 0; round < 41; round++) {
        const before = new Map(names.map((name, i) => [name, blobs[i % blobs.length]!]));
        const after = new Map(before);
        if (round === 40) {
          // 'zz' in the new version is the tail of the old version's 'z 100644 zz', byte for byte: the bytes both
          // share at their end start at an entry in one and inside a name in the other.
          before.set('z 100644 zz', blobs[2]!);
          after.set('z', blobs[3]!);
          after.set('zz', blobs[2]!);
        }
        const edits = round === 40 ? 0 : 1 + Math.floor(random() * 4);
        for (let k = 0; k < edits; k++) {
          const name = names[Math.floor(random() * names.length)]!;
          const kind = Math.floor(random() * 4);
          if (kind === 0) after.set(name, blobs[Math.floor(random() * blobs.length)]!);
          else if (kind === 1) after.delete(name);
          else if (kind === 2) after.set(`${name}.new`, blobs[0]!);
          else after.set(name.replace('y', ''), blobs[1]!);
        }
        const oldTree = mktree(before);
        const newTree = mktree(after);
        const trees = new TreeReader(store);
        const { old, new: next } = trees.differing(oldTree, newTree);
        const key = (e: TreeEntry) => `${e.mode} ${e.oid} ${e.name}`;
        const fullOld = new Set(trees.read(oldTree).map(key));
        const fullNew = new Set(trees.read(newTree).map(key));
        for (const e of old) expect(fullOld.has(key(e)), `round ${round}`).toBe(true);
        for (const e of next) expect(fullNew.has(key(e)), `round ${round}`).toBe(true);
        const keptOld = new Set(old.map(key));
        const keptNew = new Set(next.map(key));
        for (const k of fullOld) if (!fullNew.has(k)) expect(keptOld.has(k), `round ${round}: ${k}`).toBe(true);
        for (const k of fullNew) if (!fullOld.has(k)) expect(keptNew.has(k), `round ${round}: ${k}`).toBe(true);
        // One edit: only the entries around it are decoded (a rename in place keeps its neighbours apart).
        if (edits === 1) expect(old.length + next.length, `round ${round}`).toBeLessThanOrEqual(4);
      }
    } finally {
      store.close();
    }
  });
});
