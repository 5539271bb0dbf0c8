// Real `git commit` in real repositories, with the packed secret-hook and husky installed as a user would.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const keys = new FakeKeys(4242);
const sandboxes = sandboxesCleanedAfterEach();

function sandbox(options?: ConstructorParameters<typeof Sandbox>[0]): Sandbox {
  const box = new Sandbox(options);
  sandboxes.push(box);
  return box;
}

/** A repository with one commit, so HEAD exists. */
function seeded(options?: ConstructorParameters<typeof Sandbox>[0]): Sandbox {
  const box = sandbox(options);
  box.seed({ 'README.md': '# app\n', 'src/app.js': 'export const port = 8080;\n' });
  return box;
}

/**
 * Runs `git commit` and checks what a blocked commit must guarantee. git itself refreshes and rewrites the index
 * while committing, before any hook runs; so the index bytes are compared around our hook process, and the
 * staged entries around the whole `git commit`.
 */
function expectBlocked(box: Sandbox, args: string[], secret: string, title: string) {
  const headBefore = box.head();
  const stagedBefore = box.gitOk('ls-files', '--stage');
  const statusBefore = box.gitOk('status', '--porcelain');
  const indexBefore = box.indexBytes();
  const direct = box.secretHook(['pre-commit']);
  expect(box.indexBytes()).toEqual(indexBefore);
  expect(direct.output).not.toContain(secret);
  const result = box.git('commit', ...args);
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain(title);
  expect(result.output).toContain('How to fix');
  expect(result.output).not.toContain(secret);
  expect(box.head()).toBe(headBefore);
  expect(box.gitOk('ls-files', '--stage')).toBe(stagedBefore);
  expect(box.gitOk('status', '--porcelain')).toBe(statusBefore);
  return result;
}

function expectCommitted(box: Sandbox, args: string[]) {
  const headBefore = box.head();
  const result = box.git('commit', ...args);
  expect(result.status, result.output).toBe(0);
  expect(box.head()).not.toBe(headBefore);
  return result;
}

const providers = [
  {
    name: 'Stripe live secret key',
    file: 'src/pay.js',
    line: (k: FakeKeys) => {
      const s = `sk_live_${k.chars('base62', 99)}`;
      return { s, text: `const stripe = new Stripe("${s}");\n` };
    },
  },
  {
    name: 'Klaviyo private API key',
    file: 'config/klaviyo.py',
    line: (k: FakeKeys) => {
      const s = `pk_${k.chars('hex', 34)}`;
      return { s, text: `KLAVIYO_KEY = "${s}"\n` };
    },
  },
  {
    name: 'Intercom access token',
    file: 'support.rb',
    line: (k: FakeKeys) => {
      const s = k.intercom();
      return { s, text: `client = Intercom::Client.new(token: '${s}')\n` };
    },
  },
  {
    name: 'Customer.io Track API credentials',
    file: 'lib/cio.ts',
    line: (k: FakeKeys) => {
      const site = k.chars('hex', 20);
      const key = k.chars('hex', 20);
      return { s: key, text: `const cio = new TrackClient('${site}', '${key}');\n` };
    },
  },
  {
    name: 'Customer.io App API key',
    file: '.env',
    line: (k: FakeKeys) => {
      const s = k.chars('hex', 32);
      return { s, text: `CUSTOMERIO_APP_API_KEY=${s}\n` };
    },
  },
  {
    name: 'AWS access key id',
    file: 'deploy.sh',
    line: (k: FakeKeys) => {
      const s = `AKIA${k.chars('base32', 16)}`;
      return { s, text: `export AWS_ACCESS_KEY_ID=${s}\n` };
    },
  },
  {
    name: 'Private key',
    file: 'certs/server.key',
    line: (k: FakeKeys) => {
      const s = k.pem('RSA PRIVATE KEY');
      return { s: s.split('\n')[3]!, text: `${s}\n` };
    },
  },
];

describe('pre-commit hook through husky', () => {
  it.each(providers)('blocks a staged $name', ({ name, file, line }) => {
    const box = seeded();
    const { s, text } = line(keys);
    box.write(file, text);
    box.gitOk('add', file);
    const result = expectBlocked(box, ['-m', 'add config'], s, name);
    expect(result.output).toContain(`${file}:1:`);
    expect(result.output).toContain('git commit --no-verify');
    // A .env file and a key file leave the commit; source files are fixed and staged again.
    const whole = file === '.env' || file.endsWith('.key');
    expect(result.output).toContain(whole ? `git restore --staged ${file}` : `git add ${file}`);
  });

  it('lets a clean commit through silently', () => {
    const box = seeded();
    box.write('src/app.js', 'export const port = 8081;\nexport const host = "localhost";\n');
    box.gitOk('add', 'src/app.js');
    const result = expectCommitted(box, ['-m', 'clean change']);
    expect(result.stderr).not.toContain('secret-hook');
  });

  it('reports a Stripe test key without blocking, and says so', () => {
    const box = seeded();
    const secret = `sk_test_${keys.chars('base62', 40)}`;
    box.write('src/pay.js', `const stripe = new Stripe("${secret}");\n`);
    box.gitOk('add', 'src/pay.js');
    const result = expectCommitted(box, ['-m', 'test key']);
    expect(result.output).toContain('Stripe test-mode secret key');
    expect(result.output).toContain('do not block');
    expect(result.output).not.toContain(secret);
  });

  it('ignores a secret that is only in the working tree', () => {
    const box = seeded();
    box.write('src/app.js', 'export const port = 8081;\n');
    box.gitOk('add', 'src/app.js');
    box.write('src/app.js', `export const port = 8081;\nconst key = "sk_live_${keys.chars('base62', 30)}";\n`);
    expectCommitted(box, ['-m', 'only the port']);
  });

  it('blocks a secret that was staged and then removed from the working tree', () => {
    const box = seeded();
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('src/app.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'src/app.js');
    box.write('src/app.js', 'export const port = 8080;\n');
    expectBlocked(box, ['-m', 'staged secret'], secret, 'Stripe live secret key');
  });

  it('scans only the staged hunks of a partially staged file (git add -p)', () => {
    const box = sandbox();
    const filler = Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n');
    box.seed({ 'app.txt': `top\n${filler}\nbottom\n` });
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('app.txt', `top changed\n${filler}\nbottom\nkey = "${secret}"\n`);
    const add = box.run('git', ['add', '-p', 'app.txt'], { input: 'y\nn\n' });
    expect(add.status, add.output).toBe(0);
    expectCommitted(box, ['-m', 'first hunk only']);
    box.gitOk('add', 'app.txt');
    expectBlocked(box, ['-m', 'second hunk'], secret, 'Stripe live secret key');
  });

  it('blocks git commit -a (git points GIT_INDEX_FILE at a temporary index)', () => {
    const box = seeded();
    const secret = `rk_live_${keys.chars('base62', 40)}`;
    box.write('src/app.js', `const key = "${secret}";\n`);
    expectBlocked(box, ['-a', '-m', 'all'], secret, 'Stripe live restricted key');
  });

  it('scans exactly the paths given to git commit <path>', () => {
    const box = seeded();
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('src/secret.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'src/secret.js');
    box.write('README.md', '# app\nmore docs\n');
    // Only README.md is committed: the staged secret stays out of this commit.
    expectCommitted(box, ['-m', 'docs only', '--', 'README.md']);
    box.write('src/app.js', `const key = "${secret}";\n`);
    expectBlocked(box, ['-m', 'app only', '--', 'src/app.js'], secret, 'Stripe live secret key');
  });

  it('blocks the first commit of a repository (unborn HEAD)', () => {
    const box = sandbox();
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('index.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'index.js');
    expectBlocked(box, ['-m', 'first'], secret, 'Stripe live secret key');
    expect(box.head()).toBe('');
  });

  it('blocks an amend that adds a secret', () => {
    const box = seeded();
    const secret = `whsec_${keys.chars('base62', 32)}`;
    box.write('src/hooks.js', `const secret = "${secret}";\n`);
    box.gitOk('add', 'src/hooks.js');
    expectBlocked(box, ['--amend', '--no-edit'], secret, 'Stripe webhook signing secret');
  });

  it('works from a subdirectory', () => {
    const box = seeded();
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('src/deep/er/key.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'src/deep/er/key.js');
    const result = box.run('git', ['commit', '-m', 'from a subdirectory'], { cwd: path.join(box.dir, 'src/deep') });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('src/deep/er/key.js:1:');
    expect(result.output).not.toContain(secret);
  });

  it('works in a linked worktree', () => {
    const box = seeded();
    box.gitOk('add', '.husky/pre-commit');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'hooks');
    const worktree = path.join(box.root, 'wt');
    box.gitOk('worktree', 'add', '-q', '-b', 'feature', worktree);
    fs.symlinkSync(fs.readlinkSync(path.join(box.dir, 'node_modules')), path.join(worktree, 'node_modules'));
    box.run('node_modules/.bin/husky', [], { cwd: worktree });
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    fs.writeFileSync(path.join(worktree, 'key.js'), `const key = "${secret}";\n`);
    expect(box.run('git', ['add', 'key.js'], { cwd: worktree }).status).toBe(0);
    const result = box.run('git', ['commit', '-m', 'in worktree'], { cwd: worktree });
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain('Stripe live secret key');
    expect(result.output).not.toContain(secret);
  });

  it('handles git add -N (intent to add) without crashing', () => {
    const box = seeded();
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('later.js', `const key = "${secret}";\n`);
    box.gitOk('add', '-N', 'later.js');
    box.write('src/app.js', 'export const port = 9090;\n');
    box.gitOk('add', 'src/app.js');
    // The intent-to-add file has no staged content: git does not commit it, so it is not scanned.
    const verbose = box.secretHook(['check', '--verbose']);
    expect(verbose.status, verbose.output).toBe(0);
    expect(verbose.stdout).toContain('skipped: later.js: intent to add');
    box.write('src/other.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'src/other.js');
    expectBlocked(box, ['-m', 'with ita'], secret, 'Stripe live secret key');
  });

  it('reads an index in version 4', () => {
    const box = seeded();
    box.gitOk('config', 'index.version', '4');
    box.gitOk('update-index', '--index-version', '4');
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('v4.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'v4.js');
    expect(box.indexBytes()!.readUInt32BE(4)).toBe(4);
    expectBlocked(box, ['-m', 'v4'], secret, 'Stripe live secret key');
  });

  it('lets a commit that deletes a secret through', () => {
    const box = sandbox();
    box.seed({ 'old.js': `const key = "sk_live_${keys.chars('base62', 30)}";\n` });
    box.gitOk('rm', '-q', 'old.js');
    expectCommitted(box, ['-m', 'remove the key']);
  });

  it('does not block an unrelated edit to a file that already holds an old secret', () => {
    const box = sandbox();
    box.seed({
      'legacy.js': `const port = 1;\nconst key = "sk_live_${keys.chars('base62', 30)}";\nconst host = "a";\n`,
    });
    const content = fs.readFileSync(path.join(box.dir, 'legacy.js'), 'utf8');
    box.write('legacy.js', content.replace('const host = "a";', 'const host = "b";'));
    box.gitOk('add', 'legacy.js');
    expectCommitted(box, ['-m', 'unrelated']);
  });

  it('skips binary files visibly and still scans the text files of the commit', () => {
    const box = seeded();
    box.write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x73, 0x6b, 0x5f]));
    box.gitOk('add', 'logo.png');
    const verbose = box.secretHook(['check', '--verbose']);
    expect(verbose.stdout).toContain('skipped: logo.png: binary file');
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('notes.txt', `key ${secret}\n`);
    box.gitOk('add', 'notes.txt');
    expectBlocked(box, ['-m', 'binary and text'], secret, 'Stripe live secret key');
  });

  it('reports a file over the size limit as not scanned', () => {
    const box = seeded();
    const line = 'x'.repeat(99) + '\n';
    box.write('dump.sql', line.repeat(110_000));
    box.gitOk('add', 'dump.sql');
    const result = box.git('commit', '-m', 'big dump');
    expect(result.output).toContain('dump.sql');
    expect(result.output).toContain('too large');
  });

  it('handles file names with spaces and non-ASCII characters', () => {
    const box = seeded();
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    const file = 'docs/déjà vu/ファイル name.js';
    box.write(file, `const key = "${secret}";\n`);
    box.gitOk('add', file);
    const result = expectBlocked(box, ['-m', 'odd names'], secret, 'Stripe live secret key');
    expect(result.output).toContain(`${file}:1:`);
  });

  it('fails closed on a corrupted object: exit 2, commit blocked, bypass explained', () => {
    const box = seeded();
    box.write('src/new.js', 'export const value = 42;\n'.repeat(20));
    box.gitOk('add', 'src/new.js');
    const oid = box.gitOk('rev-parse', ':src/new.js').trim();
    const objectFile = path.join(box.dir, '.git/objects', oid.slice(0, 2), oid.slice(2));
    fs.chmodSync(objectFile, 0o644);
    const bytes = fs.readFileSync(objectFile);
    bytes.fill(0x41, 4, Math.min(bytes.length, 30));
    fs.writeFileSync(objectFile, bytes);
    const check = box.secretHook(['pre-commit']);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain('could not complete the scan');
    expect(check.stderr).toContain(oid);
    expect(check.stderr).toContain('git commit --no-verify');
    const headBefore = box.head();
    const result = box.git('commit', '-m', 'corrupt');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('could not complete the scan');
    expect(box.head()).toBe(headBefore);
  });
});

describe('install', () => {
  it('puts its line first in an existing husky hook, so a failing earlier step cannot skip the scan', () => {
    const box = sandbox({ husky: true, install: false });
    box.write('.husky/pre-commit', 'npm test\n');
    expect(box.secretHook(['install']).status).toBe(0);
    expect(fs.readFileSync(path.join(box.dir, '.husky/pre-commit'), 'utf8')).toBe('secret-hook pre-commit\nnpm test\n');
    box.seed({ 'README.md': '# app\n' });
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('key.js', `const k = "${secret}";\n`);
    box.gitOk('add', 'key.js');
    const result = box.git('commit', '-m', 'with a key');
    expect(result.output).toContain('Stripe live secret key');
    expect(result.output).not.toContain('Missing script');
    expect(box.secretHook(['uninstall']).status).toBe(0);
    expect(fs.readFileSync(path.join(box.dir, '.husky/pre-commit'), 'utf8')).toBe('npm test\n');
  });

  it('adds one line to .husky/pre-commit, idempotently, and uninstall removes it', () => {
    const box = seeded();
    const hook = fs.readFileSync(path.join(box.dir, '.husky/pre-commit'), 'utf8');
    expect(hook).toContain('secret-hook pre-commit');
    expect(hook).not.toContain('npx');
    box.secretHook(['install']);
    expect(fs.readFileSync(path.join(box.dir, '.husky/pre-commit'), 'utf8')).toBe(hook);
    const removed = box.secretHook(['uninstall']);
    expect(removed.status, removed.output).toBe(0);
    expect(fs.existsSync(path.join(box.dir, '.husky/pre-commit'))).toBe(false);
  });

  it('writes a plain git hook without husky and blocks through it', () => {
    const box = sandbox({ husky: false });
    expect(fs.existsSync(path.join(box.dir, '.git/hooks/pre-commit'))).toBe(true);
    box.seed({ 'a.txt': 'a\n' });
    const secret = `sk_live_${keys.chars('base62', 30)}`;
    box.write('a.txt', `${secret}\n`);
    box.gitOk('add', 'a.txt');
    expectBlocked(box, ['-m', 'plain hook'], secret, 'Stripe live secret key');
  });

  it('respects core.hooksPath and refuses to overwrite a hook it did not write', () => {
    const box = sandbox({ husky: false, install: false });
    box.gitOk('config', 'core.hooksPath', 'githooks');
    box.write('githooks/pre-commit', '#!/bin/sh\necho custom\n');
    fs.chmodSync(path.join(box.dir, 'githooks/pre-commit'), 0o755);
    const refused = box.secretHook(['install']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('was not written by secret-hook');
    expect(fs.readFileSync(path.join(box.dir, 'githooks/pre-commit'), 'utf8')).toBe('#!/bin/sh\necho custom\n');
    const chained = box.secretHook(['install', '--chain']);
    expect(chained.status, chained.output).toBe(0);
    box.seed({ 'a.txt': 'a\n' });
    box.write('a.txt', `sk_live_${keys.chars('base62', 30)}\n`);
    box.gitOk('add', 'a.txt');
    const result = box.git('commit', '-m', 'chained');
    expect(result.output).toContain('custom');
    expect(result.output).toContain('Stripe live secret key');
    expect(result.status).not.toBe(0);
    box.secretHook(['uninstall']);
    expect(fs.readFileSync(path.join(box.dir, 'githooks/pre-commit'), 'utf8')).toBe('#!/bin/sh\necho custom\n');
  });
});

describe('rules and explain', () => {
  it('lists the rules and explains the generated-file defaults', () => {
    const box = sandbox({ install: false, husky: false });
    const result = box.secretHook(['rules']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/stripe-live-secret-key\s+critical\s+Stripe live secret key/);
    expect(result.stdout).toContain('package-lock.json');
    expect(result.stdout).toMatch(/^\d{3} rules\./m);
  });

  it('prints the offline guide for a rule, and exits 2 for an unknown one', () => {
    const box = sandbox({ install: false, husky: false });
    const guide = box.secretHook(['explain', 'klaviyo-private-api-key']);
    expect(guide.status).toBe(0);
    for (const part of [
      'What it grants',
      'Risks if it leaks',
      'How to store it',
      'HashiCorp Vault',
      'op run',
      'every 90 days',
      'Without downtime',
      'How to check whether it was misused',
    ]) {
      expect(guide.stdout).toContain(part);
    }
    expect(box.secretHook(['explain', 'nope']).status).toBe(2);
  });
});

describe('generated files', () => {
  it('keeps generic rules quiet in a lockfile but still finds a provider key there', () => {
    const box = seeded();
    const integrity = `sha512-${keys.chars('base64', 86)}==`;
    const lock = (extra: string) =>
      `{\n  "name": "app",\n  "packages": {\n    "node_modules/left-pad": {\n      "version": "1.3.0",\n      "integrity": "${integrity}",\n      "token": "${keys.chars('base62', 32)}"${extra}\n    }\n  }\n}\n`;
    box.write('package-lock.json', lock(''));
    box.gitOk('add', 'package-lock.json');
    expectCommitted(box, ['-m', 'lockfile']);
    const secret = `sk_live_${keys.chars('base62', 40)}`;
    box.write('package-lock.json', lock(`,\n      "resolved": "https://x.invalid/?key=${secret}"`));
    box.gitOk('add', 'package-lock.json');
    expectBlocked(box, ['-m', 'lockfile with a key'], secret, 'Stripe live secret key');
  });
});
