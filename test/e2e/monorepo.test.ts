// A real `git commit` in a monorepo whose index holds 300,000 entries, with the packed secret-hook and husky
// installed as a user would: a planted key is blocked and a clean change passes, in the default index (the hook
// steps over every entry to reach the cache tree) and in version 4 with index.threads set (EOIE and IEOT: the
// hook reads the cache tree directly). The repository is built with plumbing in seconds: one commit written by
// `git fast-import` (every file one shared blob) and the index filled by `git read-tree`, nothing checked out
// (git commit does not need the working tree, and git status is not asked).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monorepoPaths, sharedContentImport, sortedPaths, spreadTextFiles } from '../../bench/lib/monorepo.js';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox } from '../helpers/sandbox.js';

const ENTRIES = 300_000;
const keys = new FakeKeys(1717);

let box: Sandbox;
let files: string[];

beforeAll(() => {
  box = new Sandbox();
  const paths = monorepoPaths(ENTRIES);
  const imported = box.run('git', ['fast-import', '--quiet'], { input: sharedContentImport(paths, 'export {};\n') });
  if (imported.status !== 0) throw new Error(`git fast-import failed: ${imported.output}`);
  box.gitOk('read-tree', 'HEAD');
  files = spreadTextFiles(sortedPaths(paths), 3);
}, 180_000);

afterAll(() => box?.cleanup());

function indexFile(): string {
  return path.join(box.dir, '.git', 'index');
}

/** Stages `content` at `file` (a new file or a changed one) through the working tree, as a user does. */
function stage(file: string, content: string): void {
  box.write(file, content);
  box.gitOk('add', '--', file);
}

function expectBlocked(secret: string): void {
  const head = box.head();
  const staged = box.gitOk('write-tree').trim();
  // The hook itself leaves the index byte for byte as it was (git commit rewrites it before the hook runs).
  const before = fs.readFileSync(indexFile());
  const direct = box.secretHook(['pre-commit']);
  expect(direct.status, direct.output).toBe(1);
  expect(fs.readFileSync(indexFile()).equals(before)).toBe(true);
  const result = box.git('commit', '-m', 'add the payment client');
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain('Stripe live secret key');
  expect(result.output).not.toContain(secret);
  expect(box.head()).toBe(head);
  expect(box.gitOk('write-tree').trim()).toBe(staged);
}

function expectCommitted(): void {
  const head = box.head();
  const result = box.git('commit', '-m', 'a clean change');
  expect(result.status, result.output).toBe(0);
  expect(box.head()).not.toBe(head);
}

describe(`git commit in a ${ENTRIES.toLocaleString('en-US')}-entry monorepo`, () => {
  it('default index: blocks a planted key, then passes a clean change', () => {
    expect(fs.readFileSync(indexFile()).readUInt32BE(8)).toBe(ENTRIES);
    const target = `${path.posix.dirname(files[0]!)}/payments-client.ts`;
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    stage(target, `export const stripe = new Stripe("${secret}");\n`);
    expectBlocked(secret);

    box.gitOk('rm', '-q', '--cached', '--', target);
    stage(files[1]!, 'export const retries = 3;\nexport const timeoutMs = 2500;\n');
    expectCommitted();
  }, 180_000);

  it('version 4 with index.threads (EOIE and IEOT): blocks a planted key, then passes a clean change', () => {
    box.gitOk('config', 'index.version', '4');
    box.gitOk('config', 'index.threads', '4');
    box.gitOk('update-index', '--index-version', '4');
    const bytes = fs.readFileSync(indexFile());
    expect(bytes.readUInt32BE(4)).toBe(4);
    expect(bytes.subarray(bytes.length - 52, bytes.length - 48).toString('latin1')).toBe('EOIE');
    expect(bytes.includes('IEOT')).toBe(true);

    const target = `${path.posix.dirname(files[2]!)}/billing.ts`;
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    stage(files[2]!, `export const retries = 3;\n`);
    stage(target, `const key = "${secret}";\nexport default key;\n`);
    expectBlocked(secret);

    box.gitOk('rm', '-q', '--cached', '--', target);
    expectCommitted();
  }, 180_000);
});
