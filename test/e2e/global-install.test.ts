// `secret-hook install --global` on one sandboxed machine (HOME, XDG_CONFIG_HOME and GIT_CONFIG_GLOBAL all in a
// temporary directory: the real global configuration is never read or written), with a husky repository and a
// plain .git/hooks repository side by side: real `git commit` and `git push`, the packed package as installed.
// Each repository's own hooks still run (they write to a marker file outside the repository), and
// `uninstall --global` leaves the global configuration byte for byte as it was, including "not set".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Machine, markerHook } from '../helpers/machine.js';
import { Sandbox } from '../helpers/sandbox.js';

const keys = new FakeKeys(1515);
const sandboxes: Sandbox[] = [];
afterEach(() => {
  while (sandboxes.length) sandboxes.pop()!.cleanup();
});

function machine(): Machine {
  return new Machine(sandboxes);
}

function liveKey(): string {
  return `sk_live_${keys.chars('base62', 40)}`;
}

describe('install --global', () => {
  it('blocks a secret in a husky repository and in a plain one, and still runs each repository’s own hooks', () => {
    const m = machine();
    const husky = m.repo('husky');
    const plain = m.repo('plain');
    // Each repository's own hooks: husky's script in .husky/, git's in .git/hooks.
    husky.write('.husky/pre-commit', `echo "husky pre-commit" >> '${m.markers}'\n`);
    fs.writeFileSync(path.join(plain.dir, '.git/hooks/pre-commit'), markerHook(m, 'plain'), { mode: 0o755 });
    fs.writeFileSync(path.join(plain.dir, '.git/hooks/post-commit'), markerHook(m, 'plain'), { mode: 0o755 });

    const installed = m.secretHook(plain, ['install', '--global']);
    expect(installed.status, installed.output).toBe(0);
    expect(installed.stdout).toContain('wrote 28 hooks');
    expect(installed.stdout).toContain('it was not set before');
    const hooksDir = path.join(m.home, '.config/secret-hook/hooks');
    expect(m.git(plain, 'config', '--global', 'core.hooksPath').stdout.trim()).toBe(hooksDir);
    // A repository install where the global hooks run: nothing to write (and the global hooks stay as they are).
    const dispatcher = fs.readFileSync(path.join(hooksDir, 'pre-commit'));
    const local = m.secretHook(plain, ['install']);
    expect(local.status, local.output).toBe(0);
    expect(local.stdout).toContain('which already run secret-hook; nothing was written');
    expect(fs.readFileSync(path.join(hooksDir, 'pre-commit')).equals(dispatcher)).toBe(true);
    expect(fs.readdirSync(path.join(plain.dir, '.git/hooks')).filter((f) => !f.endsWith('.sample'))).toEqual([
      'post-commit',
      'pre-commit',
    ]);

    // Clean commits: both repositories' own hooks ran (pre-commit, and post-commit, which secret-hook only passes on).
    for (const box of [husky, plain]) {
      box.write('app.js', 'export const a = 1;\n');
      expect(m.git(box, 'add', 'app.js').status).toBe(0);
      const clean = m.git(box, 'commit', '-q', '-m', 'clean');
      expect(clean.status, clean.output).toBe(0);
    }
    expect(m.marks()).toEqual(['husky pre-commit', 'plain pre-commit', 'plain post-commit']);
    // A linked worktree: the hooks of the repository it belongs to.
    const worktree = path.join(m.root, 'plain-worktree');
    m.git(plain, 'worktree', 'add', '-q', '-b', 'side', worktree);
    fs.writeFileSync(path.join(worktree, 'side.js'), 'export const side = 1;\n');
    expect(plain.run('git', ['add', 'side.js'], { cwd: worktree, env: m.env }).status).toBe(0);
    expect(plain.run('git', ['commit', '-q', '-m', 'side'], { cwd: worktree, env: m.env }).status).toBe(0);
    expect(m.marks().slice(3)).toEqual(['plain pre-commit', 'plain post-commit']);
    m.git(plain, 'worktree', 'remove', '--force', worktree);

    // A secret: stopped in both, by secret-hook, before the repository's own hook.
    for (const box of [husky, plain]) {
      const secret = liveKey();
      box.write('pay.js', `const stripe = "${secret}";\n`);
      m.git(box, 'add', 'pay.js');
      const head = box.head();
      const blocked = m.git(box, 'commit', '-q', '-m', 'pay');
      expect(blocked.status, blocked.output).not.toBe(0);
      expect(blocked.output).toContain('Stripe live secret key');
      expect(blocked.output).toContain('The commit was stopped');
      expect(blocked.output).not.toContain(secret);
      expect(box.head()).toBe(head);
      m.git(box, 'rm', '-q', '--cached', 'pay.js');
      box.remove('pay.js');
    }
    expect(m.marks()).toHaveLength(5);

    // A secret in a commit message: the global commit-msg hook (plain) and husky's startup file (husky, which runs
    // it only for hooks the repository has a script for).
    husky.write('.husky/commit-msg', `echo "husky commit-msg" >> '${m.markers}'\n`);
    for (const box of [husky, plain]) {
      const secret = liveKey();
      const blocked = m.git(box, 'commit', '-q', '--allow-empty', '-m', `deploy with ${secret}`);
      expect(blocked.status, blocked.output).not.toBe(0);
      expect(blocked.output).toContain('found in the commit message');
      expect(blocked.output).not.toContain(secret);
    }
  });

  it('passes the pushed refs to the repository’s own pre-push hook, and stops a push that adds a secret', () => {
    const m = machine();
    const plain = m.repo('plain');
    const stdin = path.join(m.root, 'pre-push-stdin');
    fs.writeFileSync(path.join(plain.dir, '.git/hooks/pre-push'), markerHook(m, 'plain', stdin), { mode: 0o755 });
    // The bare remote's own post-receive (git runs it in the bare repository, with GIT_DIR set).
    fs.writeFileSync(path.join(plain.remote, 'hooks/post-receive'), markerHook(m, 'remote'), { mode: 0o755 });
    expect(m.secretHook(plain, ['install', '--global']).status).toBe(0);
    const clean = m.git(plain, 'push', '-q', 'origin', 'main');
    expect(clean.status, clean.output).toBe(0);
    const head = plain.head();
    // The repository's hook read exactly what git wrote: <local ref> <local oid> <remote ref> <remote oid>.
    expect(m.marks()).toEqual(['plain pre-push', 'remote post-receive']);
    expect(fs.readFileSync(stdin, 'utf8')).toBe(`refs/heads/main ${head} refs/heads/main ${'0'.repeat(40)}\n`);

    const secret = liveKey();
    plain.write('pay.js', `const stripe = "${secret}";\n`);
    plain.gitOk('add', 'pay.js');
    plain.gitOk('commit', '-q', '--no-verify', '-m', 'sneak it in');
    const pushed = m.git(plain, 'push', 'origin', 'main');
    expect(pushed.status).not.toBe(0);
    expect(pushed.output).toContain('The push was stopped');
    expect(pushed.output).not.toContain(secret);
    expect(m.marks()).toHaveLength(2);

    // husky: its startup file runs secret-hook, and husky's own script still reads the refs.
    const husky = m.repo('husky');
    const huskyStdin = path.join(m.root, 'husky-pre-push-stdin');
    husky.write('.husky/pre-push', `cat > '${huskyStdin}'\necho "husky pre-push" >> '${m.markers}'\n`);
    const huskyClean = m.git(husky, 'push', '-q', 'origin', 'main');
    expect(huskyClean.status, huskyClean.output).toBe(0);
    expect(fs.readFileSync(huskyStdin, 'utf8')).toBe(
      `refs/heads/main ${husky.head()} refs/heads/main ${'0'.repeat(40)}\n`,
    );
    husky.write('pay.js', `const stripe = "${secret}";\n`);
    husky.gitOk('add', 'pay.js');
    husky.gitOk('commit', '-q', '--no-verify', '-m', 'sneak it in');
    const huskyPushed = m.git(husky, 'push', 'origin', 'main');
    expect(huskyPushed.status).not.toBe(0);
    expect(huskyPushed.output).toContain('The push was stopped');
    expect(m.marks()).toEqual(['plain pre-push', 'remote post-receive', 'husky pre-push']);
  });

  it('keeps git’s own behaviour where a hook’s mere presence changes it: push-to-checkout (updateInstead)', () => {
    const m = machine();
    // A non-bare repository that accepts pushes to its checked-out branch and updates its working tree.
    const target = m.repo('plain');
    target.gitOk('config', 'receive.denyCurrentBranch', 'updateInstead');
    const source = m.repo('plain');
    expect(m.secretHook(source, ['install', '--global']).status).toBe(0);
    m.git(source, 'pull', '-q', '--rebase=false', '--allow-unrelated-histories', '--no-edit', target.dir, 'main');
    source.write('deployed.txt', 'version 2\n');
    m.git(source, 'add', 'deployed.txt');
    expect(m.git(source, 'commit', '-q', '-m', 'deploy').status).toBe(0);
    const pushed = m.git(source, 'push', '-q', target.dir, 'main');
    expect(pushed.status, pushed.output).toBe(0);
    expect(fs.readFileSync(path.join(target.dir, 'deployed.txt'), 'utf8')).toBe('version 2\n');
    // And refuses a dirty working tree, as git does.
    target.write('deployed.txt', 'edited on the server\n');
    source.write('deployed.txt', 'version 3\n');
    m.git(source, 'commit', '-q', '-am', 'deploy 3');
    const refused = m.git(source, 'push', target.dir, 'main');
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('Working directory has unstaged changes');
  });

  it('keeps a global core.hooksPath set before: its hooks run after secret-hook, and it is set again by uninstall', () => {
    const m = machine();
    const plain = m.repo('plain');
    const mine = path.join(m.home, 'my-hooks');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'pre-commit'), markerHook(m, 'mine'), { mode: 0o755 });
    // Written by hand, with a tilde (git expands it) and no final newline.
    const before = '[user]\n\tname = Someone\n[core]\n\thooksPath = ~/my-hooks';
    fs.writeFileSync(m.gitConfig, before);
    const installed = m.secretHook(plain, ['install', '--global']);
    expect(installed.status, installed.output).toBe(0);
    expect(installed.stdout).toContain(`it was ${mine} before`);
    plain.write('app.js', 'export const a = 1;\n');
    m.git(plain, 'add', 'app.js');
    expect(m.git(plain, 'commit', '-q', '-m', 'clean').status).toBe(0);
    expect(m.marks()).toEqual(['mine pre-commit']);

    const removed = m.secretHook(plain, ['uninstall', '--global']);
    expect(removed.status, removed.output).toBe(0);
    expect(fs.readFileSync(m.gitConfig, 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(m.home, '.config'))).toBe(false);
  });

  it('uninstall --global restores the global configuration byte for byte: absent, and present without core.hooksPath', () => {
    const m = machine();
    const plain = m.repo('plain');
    // Absent before: absent after (and no empty file, no husky startup file, no directories left).
    expect(fs.existsSync(m.gitConfig)).toBe(false);
    expect(m.secretHook(plain, ['install', '--global']).status).toBe(0);
    expect(fs.existsSync(path.join(m.home, '.config/husky/init.sh'))).toBe(true);
    const removed = m.secretHook(plain, ['uninstall', '--global']);
    expect(removed.status, removed.output).toBe(0);
    expect(removed.stdout).toContain('which install --global had created');
    expect(fs.existsSync(m.gitConfig)).toBe(false);
    // Nothing left but the program's own code cache (~/.cache/secret-hook, not part of the install).
    expect(fs.readdirSync(m.home).filter((f) => f !== '.cache')).toEqual([]);

    // Present, with comments, CRLF line ends and a byte that is not UTF-8: the same bytes after.
    const bytes = Buffer.concat([
      Buffer.from('# mine\r\n[user]\r\n\tname = Someone \xff\r\n', 'latin1'),
      Buffer.from('[alias]\n\tst = status\n'),
    ]);
    fs.writeFileSync(m.gitConfig, bytes);
    // husky's startup file of the user's own, kept byte for byte as well.
    const huskyInit = path.join(m.home, '.config/husky/init.sh');
    fs.mkdirSync(path.dirname(huskyInit), { recursive: true });
    fs.writeFileSync(huskyInit, 'export NVM_DIR="$HOME/.nvm"');
    expect(m.secretHook(plain, ['install', '--global']).status).toBe(0);
    expect(m.secretHook(plain, ['install', '--global']).stdout).toContain('already installed globally');
    expect(m.git(plain, 'config', '--global', 'alias.st').stdout.trim()).toBe('status');
    expect(m.secretHook(plain, ['uninstall', '--global']).status).toBe(0);
    expect(fs.readFileSync(m.gitConfig).equals(bytes)).toBe(true);
    expect(fs.readFileSync(huskyInit, 'utf8')).toBe('export NVM_DIR="$HOME/.nvm"');
    expect(m.git(plain, 'config', '--global', '--get', 'core.hooksPath').status).toBe(1);
    expect(m.secretHook(plain, ['uninstall', '--global']).stdout).toContain('nothing to uninstall');
  });

  it('leaves a core.hooksPath changed since install alone, and says so', () => {
    const m = machine();
    const plain = m.repo('plain');
    expect(m.secretHook(plain, ['install', '--global']).status).toBe(0);
    m.git(plain, 'config', '--global', 'core.hooksPath', '/somewhere/else');
    const removed = m.secretHook(plain, ['uninstall', '--global']);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain('no longer holds the lines install --global added');
    expect(m.git(plain, 'config', '--global', 'core.hooksPath').stdout.trim()).toBe('/somewhere/else');
  });
});
