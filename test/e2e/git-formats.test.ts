// Repositories of current git, with the packed package and husky installed as a user would: SHA-256 object names
// (`git init --object-format=sha256`, git >= 2.29) and reftable refs (`git init --ref-format=reftable`, git >= 2.45,
// the planned default of git 3). Real `git commit`, real `git push` to a bare repository of the same format, and
// `secret-hook check --history`. The reftable cases need a git >= 2.45 (test/helpers/reftable-git.ts), put first on
// PATH for everything the sandbox runs; without one they are skipped and their titles say why.
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { reftableGit, reftableTitle } from '../helpers/reftable-git.js';
import { type RepositoryFormatOptions, Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const keys = new FakeKeys(2029);
const TITLE = 'Stripe live secret key';
const liveKey = () => `sk_live_${keys.chars('base62', 40)}`;

const sandboxes = sandboxesCleanedAfterEach();

const formats: { title: string; options: RepositoryFormatOptions; skip: boolean }[] = [
  { title: 'a SHA-256 repository', options: { objectFormat: 'sha256' }, skip: false },
  {
    title: reftableTitle('a reftable repository'),
    options: { refFormat: 'reftable', gitBinDir: reftableGit?.binDir },
    skip: !reftableGit,
  },
  {
    title: reftableTitle('a SHA-256 repository with reftable refs'),
    options: { objectFormat: 'sha256', refFormat: 'reftable', gitBinDir: reftableGit?.binDir },
    skip: !reftableGit,
  },
];

describe.each(formats)('$title', ({ options, skip }) => {
  function sandbox(): Sandbox {
    const box = new Sandbox(options);
    sandboxes.push(box);
    return box;
  }

  function expectCommitBlocked(box: Sandbox, secret: string) {
    const headBefore = box.head();
    const result = box.git('commit', '-q', '-m', 'with a key');
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(TITLE);
    expect(result.output).not.toContain(secret);
    expect(box.head()).toBe(headBefore);
    return result;
  }

  function expectCommitted(box: Sandbox, message: string) {
    const headBefore = box.head();
    const result = box.git('commit', '-q', '-m', message);
    expect(result.status, result.output).toBe(0);
    expect(result.stderr).not.toContain('secret-hook:');
    expect(box.head()).not.toBe(headBefore);
  }

  it.skipIf(skip)('the first commit: a staged key is blocked, a clean commit goes through', () => {
    const box = sandbox();
    expect(box.gitOk('rev-parse', '--show-object-format').trim()).toBe(options.objectFormat ?? 'sha1');
    if (options.refFormat) expect(box.gitOk('rev-parse', '--show-ref-format').trim()).toBe(options.refFormat);
    const secret = liveKey();
    box.write('src/pay.js', `const stripe = new Stripe("${secret}");\n`);
    box.gitOk('add', 'src/pay.js');
    const blocked = expectCommitBlocked(box, secret);
    expect(blocked.output).toContain('src/pay.js:1:');
    box.write('src/pay.js', 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n');
    box.gitOk('add', 'src/pay.js', '.gitignore');
    expectCommitted(box, 'first');
    expect(box.head()).toHaveLength(options.objectFormat === 'sha256' ? 64 : 40);
  });

  it.skipIf(skip)('a later commit is compared with HEAD: an old committed secret is not blamed on it', () => {
    const box = sandbox();
    const old = liveKey();
    box.seed(
      { 'legacy/old.js': `const key = "${old}";\n`, 'README.md': '# app\n' },
      'old secret, committed without the hook',
    );
    box.write('README.md', '# app\n\nUsage.\n');
    box.gitOk('add', 'README.md');
    expectCommitted(box, 'docs only');

    const secret = liveKey();
    box.write('src/new.js', `export const key = "${secret}";\n`);
    box.gitOk('add', 'src/new.js');
    const blocked = expectCommitBlocked(box, secret);
    expect(blocked.output).toContain('src/new.js:1:');
    expect(blocked.output).not.toContain('legacy/old.js');
  });

  it.skipIf(skip)(
    'pre-push to a bare repository of the same format blocks a pushed secret, lets clean work through',
    () => {
      const box = sandbox();
      box.seed({ 'README.md': '# app\n' }, 'initial');
      const first = box.git('push', '-q', 'origin', 'main');
      expect(first.status, first.output).toBe(0);
      box.seed({ 'src/app.js': 'export const port = 8080;\n' }, 'clean work');
      const clean = box.git('push', '-q', 'origin', 'main');
      expect(clean.status, clean.output).toBe(0);

      box.gitOk('checkout', '-q', '-b', 'feature');
      const secret = liveKey();
      box.seed({ 'src/pay.js': `const key = "${secret}";\n` }, 'add payments');
      box.seed({ 'docs.md': 'docs\n' }, 'add docs');
      const blocked = box.git('push', 'origin', 'feature');
      expect(blocked.status, blocked.output).not.toBe(0);
      expect(blocked.output).toContain(TITLE);
      expect(blocked.output).toContain('add payments');
      expect(blocked.output).not.toContain(secret);
      const remoteBranches = box.run('git', ['--git-dir', box.remote, 'for-each-ref', '--format=%(refname)']);
      expect(remoteBranches.stdout.trim()).toBe('refs/heads/main');
    },
  );

  it.skipIf(skip)('check --history finds a secret in the history; a range finds it too', () => {
    const box = sandbox();
    box.seed({ 'README.md': '# app\n' }, 'initial');
    box.gitOk('checkout', '-q', '-b', 'feature');
    const secret = liveKey();
    box.seed({ 'config/keys.js': `const key = "${secret}";\n` }, 'add a key');
    box.seed({ 'config/keys.js': 'const key = process.env.STRIPE_SECRET_KEY;\n' }, 'remove the key');
    box.gitOk('checkout', '-q', 'main');

    const history = box.secretHook(['check', '--history']);
    expect(history.status, history.output).toBe(1);
    expect(history.stdout).toContain(TITLE);
    expect(history.stdout).toContain('config/keys.js:1:');
    expect(history.stdout).not.toContain(secret);

    expect(box.secretHook(['check', 'main..feature']).status).toBe(1);
    expect(box.secretHook(['check', 'feature~1..feature']).status).toBe(0);
    const unknown = box.secretHook(['check', 'main..nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown revision "nope"');
  });
});
