// From a blocked commit to a fixed one, as a user does it with the packed package and husky: `git commit` is
// stopped, the report offers `secret-hook fix` first, `secret-hook fix --yes` rewrites the code, `git add -u` stages
// it, `git commit` passes, and the key is in no object the repository can reach (every ref, the reflogs, the index).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const keys = new FakeKeys(1605);
const stripe = `sk_live_${keys.chars('base62', 40)}`;
const github = keys.checksummed('ghp');

const sandboxes = sandboxesCleanedAfterEach();

/** Every object reachable from the refs, the reflogs and the index, with its content. */
function reachableObjects(box: Sandbox): string {
  const list = box.gitOk('rev-list', '--objects', '--all', '--reflog', '--indexed-objects');
  const ids = list
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ')[0]!);
  const contents = spawnSync('git', ['cat-file', '--batch'], {
    cwd: box.dir,
    input: `${ids.join('\n')}\n`,
    maxBuffer: 1 << 28,
  });
  expect(contents.status).toBe(0);
  return contents.stdout.toString('latin1');
}

describe('a blocked commit, secret-hook fix --yes, git add -u, git commit', () => {
  it('passes, and the keys are in no reachable object', () => {
    const box = new Sandbox();
    sandboxes.push(box);
    box.seed({
      'README.md': '# app\n',
      'package.json': '{ "name": "app", "private": true }\n',
      '.gitignore': 'node_modules\n',
    });
    box.write(
      'server/pay.js',
      `const Stripe = require("stripe");\n\nconst stripe = new Stripe("${stripe}");\nmodule.exports = stripe;\n`,
    );
    box.write(
      'scripts/release.sh',
      `#!/usr/bin/env bash\nset -euo pipefail\ncurl -H "Authorization: token ${github}" https://api.github.com/user\n`,
    );
    box.gitOk('add', '-A');
    const head = box.head();

    const blocked = box.run('git', ['commit', '-m', 'billing and release'], { env: { COLUMNS: '200' } });
    expect(blocked.status, blocked.output).not.toBe(0);
    expect(box.head()).toBe(head);
    expect(blocked.output).toContain('1. Run npx secret-hook fix');
    expect(blocked.output).not.toContain(stripe);
    expect(blocked.output).not.toContain(github);

    const index = box.indexBytes();
    const fixed = box.secretHook(['fix', '--yes']);
    expect(fixed.status, fixed.output).toBe(0);
    expect(box.indexBytes()).toEqual(index);
    expect(fixed.output).not.toContain(stripe);
    expect(fixed.output).not.toContain(github);
    const stage = /git add ([^\n]*)/.exec(fixed.stdout)?.[1]?.split(' ');
    expect(stage?.sort()).toEqual(['.env.example', '.gitignore', 'scripts/release.sh', 'server/pay.js']);

    box.gitOk('add', '-u');
    const commit = box.run('git', ['commit', '-m', 'billing and release']);
    expect(commit.status, commit.output).toBe(0);
    expect(box.head()).not.toBe(head);
    expect(box.gitOk('show', 'HEAD:server/pay.js')).toContain('new Stripe(process.env.STRIPE_SECRET_KEY)');
    expect(box.gitOk('show', 'HEAD:scripts/release.sh')).toContain('"Authorization: token ${GITHUB_TOKEN}"');

    const objects = reachableObjects(box);
    expect(objects).toContain('process.env.STRIPE_SECRET_KEY'); // the search reads contents
    expect(objects).not.toContain(stripe);
    expect(objects).not.toContain(github);
    // The values are where the code reads them, outside git.
    expect(fs.readFileSync(path.join(box.dir, '.env'), 'utf8')).toBe(
      `GITHUB_TOKEN=${github}\nSTRIPE_SECRET_KEY=${stripe}\n`,
    );
    expect(box.gitOk('status', '--porcelain', '--ignored', '.env')).toBe('!! .env\n');
  });
});
