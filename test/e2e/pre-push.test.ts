// Real `git push` to a bare repository on disk, with the hooks installed through husky as a user would.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { cleanEnv, Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const keys = new FakeKeys(777);
const sandboxes = sandboxesCleanedAfterEach();

function sandbox(): Sandbox {
  const box = new Sandbox();
  sandboxes.push(box);
  box.seed({ 'README.md': '# app\n', 'src/app.js': 'export const port = 8080;\n' }, 'initial');
  box.gitOk('push', '-q', 'origin', 'main');
  return box;
}

const liveKey = () => `sk_live_${keys.chars('base62', 40)}`;

/** Everything that names a ref in the remote, as bytes: a blocked push must leave it identical. */
function remoteRefs(box: Sandbox): string {
  const refs = execFileSync('git', ['for-each-ref', '--format=%(refname) %(objectname)'], {
    cwd: box.remote,
    env: cleanEnv(box.home),
    encoding: 'utf8',
  });
  const packed = path.join(box.remote, 'packed-refs');
  return refs + (fs.existsSync(packed) ? fs.readFileSync(packed, 'utf8') : '');
}

function expectPushBlocked(box: Sandbox, args: string[], secret: string) {
  const before = remoteRefs(box);
  const result = box.git('push', ...args);
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain('Stripe live secret key');
  expect(result.output).toContain('The push was stopped');
  expect(result.output).not.toContain(secret);
  expect(remoteRefs(box)).toBe(before);
  return result;
}

function expectPushed(box: Sandbox, args: string[]) {
  const result = box.git('push', ...args);
  expect(result.status, result.output).toBe(0);
  expect(result.stderr).not.toContain('secret-hook:');
  return result;
}

describe('pre-push hook', () => {
  it('blocks a new branch whose older commit adds a secret, grouped by commit with a rewrite hint', () => {
    const box = sandbox();
    box.gitOk('checkout', '-q', '-b', 'feature');
    const secret = liveKey();
    box.seed({ 'src/pay.js': `const key = "${secret}";\n` }, 'add payments');
    box.seed({ 'docs.md': 'docs\n' }, 'add docs');
    const result = expectPushBlocked(box, ['origin', 'feature'], secret);
    expect(result.output).toContain('add payments');
    expect(result.output).toContain('Sandbox User');
    expect(result.output).toContain('src/pay.js:1:');
    expect(result.output).toContain('git rebase -i');
    expect(result.output).toContain('git push --no-verify');
  });

  it('offers git commit --amend when the secret is in the last commit', () => {
    const box = sandbox();
    const secret = liveKey();
    box.seed({ 'src/pay.js': `const key = "${secret}";\n` }, 'add payments');
    const result = expectPushBlocked(box, ['origin', 'main'], secret);
    expect(result.output).toContain('git commit --amend');
  });

  it('reports nothing for a new branch made of commits already on the remote', () => {
    const box = sandbox();
    // An old secret already published (pushed without the hook) is not this push's business.
    box.seed({ 'old.js': `const key = "${liveKey()}";\n` }, 'old secret');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
    box.gitOk('checkout', '-q', '-b', 'copy');
    expectPushed(box, ['origin', 'copy']);
  });

  it('blocks a push of several refs when only the second carries a secret', () => {
    const box = sandbox();
    box.seed({ 'a.txt': 'clean\n' }, 'clean work');
    box.gitOk('checkout', '-q', '-b', 'second');
    const secret = liveKey();
    box.seed({ 'b.js': `const key = "${secret}";\n` }, 'secret work');
    box.gitOk('checkout', '-q', 'main');
    const result = expectPushBlocked(box, ['origin', 'main', 'second'], secret);
    expect(result.output).toContain('secret work');
  });

  it('lets a ref deletion through', () => {
    const box = sandbox();
    box.gitOk('checkout', '-q', '-b', 'leaky');
    box.seed({ 'b.js': `const key = "${liveKey()}";\n` }, 'secret work');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'leaky');
    box.gitOk('checkout', '-q', 'main');
    expectPushed(box, ['origin', '--delete', 'leaky']);
  });

  it('lets a force push of a rewritten commit that removed the secret through', () => {
    const box = sandbox();
    box.gitOk('checkout', '-q', '-b', 'fix');
    box.seed({ 'b.js': `const key = "${liveKey()}";\n` }, 'secret work');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'fix');
    box.write('b.js', 'const key = process.env.STRIPE_SECRET_KEY;\n');
    box.gitOk('add', 'b.js');
    box.gitOk('commit', '-q', '--no-verify', '--amend', '--no-edit');
    expectPushed(box, ['--force', 'origin', 'fix']);
  });

  it('blocks a tag pointing at a new commit with a secret', () => {
    const box = sandbox();
    const secret = liveKey();
    box.seed({ 'release.js': `const key = "${secret}";\n` }, 'release');
    box.gitOk('tag', '-a', 'v1.0.0', '-m', 'v1');
    expectPushBlocked(box, ['origin', 'v1.0.0'], secret);
    box.gitOk('tag', 'light');
    expectPushBlocked(box, ['origin', 'light'], secret);
  });

  it('reports nothing for a merge of already-pushed work, and blocks an evil merge', () => {
    const box = sandbox();
    box.gitOk('checkout', '-q', '-b', 'topic');
    box.seed({ 'topic.js': `const key = "${liveKey()}";\nconst x = 1;\n` }, 'topic work');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'topic');
    box.gitOk('checkout', '-q', 'main');
    box.seed({ 'main.txt': 'main work\n' }, 'main work');
    box.gitOk('merge', '-q', '--no-edit', '--no-verify', 'topic');
    expectPushed(box, ['origin', 'main']);

    box.gitOk('checkout', '-q', '-b', 'topic2', 'origin/main');
    box.seed({ 'topic2.txt': 'more\n' }, 'topic2 work');
    box.gitOk('push', '-q', 'origin', 'topic2');
    box.gitOk('checkout', '-q', 'main');
    box.seed({ 'main2.txt': 'main again\n' }, 'main again');
    box.gitOk('merge', '-q', '--no-commit', 'topic2');
    const secret = liveKey();
    box.write('topic2.txt', `more\nconst key = "${secret}";\n`);
    box.gitOk('add', 'topic2.txt');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'evil merge');
    const result = expectPushBlocked(box, ['origin', 'main'], secret);
    expect(result.output).toContain('evil merge');
  });

  it('blocks a secret added and removed within the pushed commits', () => {
    const box = sandbox();
    const secret = liveKey();
    box.seed({ 'tmp.js': `const key = "${secret}";\n` }, 'oops');
    box.seed({ 'tmp.js': 'const key = process.env.KEY;\n' }, 'remove the key');
    const result = expectPushBlocked(box, ['origin', 'main'], secret);
    expect(result.output).toContain('oops');
  });

  it('scans a shallow clone up to its boundary and says so', () => {
    const box = sandbox();
    box.seed({ 'more.txt': 'more\n' }, 'second');
    box.gitOk('push', '-q', 'origin', 'main');
    const clone = path.join(box.root, 'shallow');
    box.gitOk('clone', '-q', '--depth', '1', `file://${box.remote}`, clone);
    fs.symlinkSync(fs.readlinkSync(path.join(box.dir, 'node_modules')), path.join(clone, 'node_modules'));
    const inClone = (...args: string[]) => box.run('git', args, { cwd: clone });
    inClone('config', 'user.name', 'Sandbox User');
    inClone('config', 'user.email', 'sandbox@example.invalid');
    const secret = liveKey();
    fs.writeFileSync(path.join(clone, 'leak.js'), `const key = "${secret}";\n`);
    inClone('add', 'leak.js');
    inClone('commit', '-q', '--no-verify', '-m', 'leak');
    // A fresh remote and no remote-tracking refs: the walk runs into the shallow boundary.
    inClone('update-ref', '-d', 'refs/remotes/origin/main');
    const target = path.join(box.root, 'other.git');
    inClone('init', '-q', '--bare', target);
    const result = box.run(path.join(clone, 'node_modules/.bin/secret-hook'), ['pre-push', target, target], {
      cwd: clone,
      input: `refs/heads/main ${inClone('rev-parse', 'HEAD').stdout.trim()} refs/heads/main ${'0'.repeat(40)}\n`,
    });
    expect(result.status, result.output).toBe(1);
    expect(result.stderr).toContain('shallow boundary');
    expect(result.stderr).toContain('leak.js');
    expect(result.stderr).not.toContain(secret);
  });
});

describe('what a push publishes beyond commits', () => {
  it('pushing a tag that points at a blob or a tree scans what it points at', () => {
    const box = sandbox();
    const inBlob = liveKey();
    const blob = box
      .run('git', ['hash-object', '-w', '--stdin'], { input: `STRIPE_SECRET_KEY=${inBlob}\n` })
      .stdout.trim();
    box.gitOk('tag', 'raw-blob', blob);
    const blocked = expectPushBlocked(box, ['origin', 'refs/tags/raw-blob'], inBlob);
    expect(blocked.output).toContain('refs/tags/raw-blob');
    const inTree = liveKey();
    const treeBlob = box
      .run('git', ['hash-object', '-w', '--stdin'], { input: `const key = "${inTree}";\n` })
      .stdout.trim();
    const tree = box.run('git', ['mktree'], { input: `100644 blob ${treeBlob}\tpay.js\n` }).stdout.trim();
    box.gitOk('tag', '-a', '-m', 'a tree', 'raw-tree', tree);
    const treeBlocked = expectPushBlocked(box, ['origin', 'refs/tags/raw-tree'], inTree);
    expect(treeBlocked.output).toContain('pay.js');
  });

  it('pushing from a partial clone whose old blob was never fetched scans the new content whole', () => {
    const box = sandbox();
    box.seed({ 'svc/settings.js': 'export const region = "eu";\n' }, 'settings');
    box.gitOk('push', '-q', 'origin', 'main');
    execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], { cwd: box.remote, env: cleanEnv(box.home) });
    const clone = path.join(box.root, 'partial');
    // Only README.md and src/ are checked out, so svc/settings.js's blob is never fetched.
    box.gitOk('clone', '-q', '--filter=blob:none', '--sparse', `file://${box.remote}`, clone);
    fs.symlinkSync(fs.readlinkSync(path.join(box.dir, 'node_modules')), path.join(clone, 'node_modules'));
    const inClone = (...args: string[]) => box.run('git', args, { cwd: clone });
    inClone('config', 'user.name', 'Sandbox User');
    inClone('config', 'user.email', 'sandbox@example.invalid');
    const old = inClone('rev-parse', 'HEAD:svc/settings.js').stdout.trim();
    const secret = liveKey();
    const blob = box
      .run('git', ['hash-object', '-w', '--stdin'], {
        cwd: clone,
        input: `export const region = "eu";\nexport const key = "${secret}";\n`,
      })
      .stdout.trim();
    inClone('update-index', '--cacheinfo', `100644,${blob},svc/settings.js`);
    inClone('commit', '-q', '--no-verify', '-m', 'edit a file whose old version is not here');
    // The old version is still missing: nothing has fetched it.
    expect(fs.existsSync(path.join(clone, '.git/objects', old.slice(0, 2), old.slice(2)))).toBe(false);
    const result = box.run(path.join(clone, 'node_modules/.bin/secret-hook'), ['pre-push', 'origin', box.remote], {
      cwd: clone,
      input: `refs/heads/main ${inClone('rev-parse', 'HEAD').stdout.trim()} refs/heads/main ${inClone('rev-parse', 'origin/main').stdout.trim()}\n`,
    });
    expect(result.status, result.output).toBe(1);
    expect(result.stderr).toContain('svc/settings.js');
    expect(result.stderr).not.toContain(secret);
    const history = box.run(path.join(clone, 'node_modules/.bin/secret-hook'), ['check', '--history'], { cwd: clone });
    expect(history.status, history.output).toBe(1);
  });
});

describe('check scopes', () => {
  it('finds a secret buried 500 commits deep once with --history', () => {
    const box = sandbox();
    const secret = liveKey();
    // 500 commits written with git fast-import: the secret's file is carried (and edited) through all of them.
    let stream = '';
    for (let i = 0; i < 500; i++) {
      const content = i >= 3 ? `const key = "${secret}";\nconst n = ${i};\n` : `const n = ${i};\n`;
      stream += `commit refs/heads/deep\nmark :${i + 1}\ncommitter Dev <dev@example.invalid> ${1700000000 + i} +0000\n`;
      stream += `data ${`c${i}`.length}\nc${i}\n${i === 0 ? 'from refs/heads/main^0\n' : ''}`;
      stream += `M 100644 inline src/config.js\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    }
    const imported = box.run('git', ['fast-import', '--quiet'], { input: stream });
    expect(imported.status, imported.output).toBe(0);
    const result = box.secretHook(['check', '--history', '--format', 'json']);
    expect(result.status, result.output).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { ruleId: string; commit: string }[];
      stats: { commits: number };
    };
    expect(report.findings.filter((f) => f.ruleId === 'stripe-live-secret-key')).toHaveLength(1);
    expect(report.stats.commits).toBeGreaterThanOrEqual(500);
    expect(result.stdout).not.toContain(secret);
    const text = box.secretHook(['check', '--history']);
    expect(text.stdout).toContain('Rotate each key first');
    expect(text.stdout).toMatch(/Scanned \d+ commits, \d+ files/);
  });

  it('scans a revision range and --since', () => {
    const box = sandbox();
    box.gitOk('checkout', '-q', '-b', 'feature');
    const secret = liveKey();
    box.seed({ 'f.js': `const key = "${secret}";\n` }, 'feature secret');
    expect(box.secretHook(['check', 'main..feature']).status).toBe(1);
    expect(box.secretHook(['check', 'feature..main']).status).toBe(0);
    expect(box.secretHook(['check', '--since', 'main']).status).toBe(1);
    expect(box.secretHook(['check', '--since', 'HEAD']).status).toBe(0);
    const bad = box.secretHook(['check', 'main..nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown revision "nope"');
  });

  it('scans every tracked file with --all, whole content', () => {
    const box = sandbox();
    const secret = liveKey();
    box.seed({ 'legacy/old.js': `const key = "${secret}";\n` }, 'old secret');
    expect(box.secretHook(['check']).status).toBe(0);
    const all = box.secretHook(['check', '--all']);
    expect(all.status).toBe(1);
    expect(all.stdout).toContain('legacy/old.js:1:');
    expect(all.stdout).not.toContain(secret);
  });
});
