// Real `git push` to a real bare repository whose pre-receive hook is the packed secret-hook, installed as a server's
// administrator installs it; over file:// and over git's own daemon on 127.0.0.1. The client has no hooks: the
// server is the only check. A refused push must leave every ref byte for byte as it was.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatBypassTrailers } from '../../src/commands/bypass-trailer.js';
import { fingerprint } from '../../src/engine/fingerprint.js';
import { FakeKeys } from '../helpers/examples.js';
import { GitServer, installedProgram, installServerHook, serverRefs, type Transport } from '../helpers/git-server.js';
import { reftableGit, reftableTitle } from '../helpers/reftable-git.js';
import { cleanEnv, Sandbox, type RepositoryFormatOptions, type RunResult } from '../helpers/sandbox.js';

const keys = new FakeKeys(1515);
const liveKey = () => `sk_live_${keys.chars('base62', 40)}`;
const STRIPE = 'Stripe live secret key';

const servers: GitServer[] = [];
afterEach(async () => {
  // The daemon first (it holds the sandbox's directory), then the sandbox; on failure too.
  while (servers.length) {
    const server = servers.pop()!;
    await server.stop();
    server.box.cleanup();
  }
});

/** A client with no hooks, its bare remote with secret-hook as pre-receive hook, and `main` already pushed. */
async function setup(transport: Transport, options: { hook?: boolean } = {}): Promise<GitServer> {
  const box = new Sandbox({ install: false, husky: false });
  const server = new GitServer(box, transport);
  servers.push(server);
  if (options.hook !== false) installServerHook(box.remote);
  await server.start();
  box.gitOk('remote', 'set-url', 'origin', server.url);
  box.seed({ 'README.md': '# app\n', 'src/app.js': 'export const port = 8080;\n' }, 'initial');
  box.gitOk('push', '-q', 'origin', 'main');
  return server;
}

function serverGit(server: GitServer, ...args: string[]): string {
  const result = server.box.run('git', args, { cwd: server.box.remote });
  if (result.status !== 0) throw new Error(`server git ${args.join(' ')}: ${result.output}`);
  return result.stdout;
}

function refsOf(server: GitServer): string {
  return serverRefs(server.box.remote, server.box.home);
}

function push(server: GitServer, args: string[], env: Record<string, string> = {}): RunResult {
  return server.box.run('git', ['push', ...args], { env });
}

/** A push that must be refused: non-zero, the server's refs untouched, the secret never printed. */
function expectRefused(server: GitServer, args: string[], secrets: string[], env: Record<string, string> = {}) {
  const before = refsOf(server);
  const result = push(server, args, env);
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain('pre-receive hook declined');
  for (const secret of secrets) expect(result.output).not.toContain(secret);
  expect(refsOf(server)).toBe(before);
  return result;
}

function expectAccepted(server: GitServer, args: string[], env: Record<string, string> = {}) {
  const result = push(server, args, env);
  expect(result.status, result.output).toBe(0);
  expect(result.output).not.toContain('declined');
  return result;
}

/** What the hook said, as one line: git prefixes each line with `remote: ` and pads it; our lines wrap at 72. */
function said(result: RunResult): string {
  return result.output
    .split('\n')
    .filter((line) => line.startsWith('remote:'))
    .map((line) => line.slice('remote:'.length).trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}

function auditLines(server: GitServer, file = path.join(server.box.remote, 'secret-hook-audit.jsonl')) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.each(['file', 'daemon'] as const)('pre-receive over %s', (transport) => {
  it('refuses a push that adds a secret: the refs stay byte-identical, the report names commit, file, line and rule', async () => {
    const server = await setup(transport);
    const secret = liveKey();
    const commit = server.box.seed({ 'src/pay.js': `export const key = "${secret}";\n` }, 'add payments');
    const result = expectRefused(server, ['origin', 'main'], [secret]);
    expect(said(result)).toContain('secret-hook: push refused: 1 secret in what you pushed.');
    expect(result.output).toContain(`commit ${commit.slice(0, 10)}  add payments`);
    expect(result.output).toContain('src/pay.js:1');
    expect(result.output).toContain(`${STRIPE} [stripe-live-secret-key]`);
    expect(result.output).toContain(`sk_live_****************…${secret.slice(-4)}`);
    expect(result.output).toContain('→ export const key = process.env.STRIPE_SECRET_KEY;');
    expect(result.output).toContain('git commit --amend');
    // Only what the server allows is offered: no bypass here.
    expect(result.output).not.toContain('secret-hook.bypass');
    // The refused objects went with git's quarantine.
    expect(serverCatFile(server, commit)).toBe('absent');
    // Over file://, the server's hook runs with the pusher's environment: the client's ways to skip a hook do not
    // skip the server's.
    if (transport === 'file') {
      const skipped = expectRefused(server, ['origin', 'main'], [secret], {
        SKIP: 'secret-hook',
        SECRET_HOOK_BYPASS: 'please',
      });
      expect(skipped.output).toContain('src/pay.js:1');
      // Under GitLab, a first line for its web interface.
      const gitlab = expectRefused(server, ['origin', 'main'], [secret], { GL_ID: 'user-1', GL_USERNAME: 'alice' });
      expect(gitlab.output).toContain(
        'remote: GL-HOOK-ERR: secret-hook refused this change: stripe-live-secret-key in src/pay.js:1.',
      );
      expect(result.output).not.toContain('GL-HOOK-ERR');
    }
  });

  it('lets a clean push in, silently', async () => {
    const server = await setup(transport);
    const tip = server.box.seed({ 'src/app.js': 'export const port = 9090;\n' }, 'change port');
    const result = expectAccepted(server, ['origin', 'main']);
    expect(result.output).not.toContain('remote:');
    expect(serverGit(server, 'rev-parse', 'main').trim()).toBe(tip);
  });

  it('scans a new branch from where it leaves the server, and not what the server already has', async () => {
    const server = await setup(transport, { hook: false });
    const box = server.box;
    // A secret the server already had before the hook was installed is not this push's business.
    const old = liveKey();
    box.seed({ 'legacy.js': `const k = "${old}";\n` }, 'legacy secret');
    box.gitOk('push', '-q', 'origin', 'main');
    installServerHook(box.remote);
    box.gitOk('checkout', '-q', '-b', 'mirror');
    expectAccepted(server, ['origin', 'mirror']);
    // A new branch whose older commit adds a secret.
    box.gitOk('checkout', '-q', '-b', 'feature');
    const secret = liveKey();
    const bad = box.seed({ 'src/pay.js': `const k = "${secret}";\n` }, 'add payments');
    box.seed({ 'docs.md': 'docs\n' }, 'add docs');
    const result = expectRefused(server, ['origin', 'feature'], [secret, old]);
    expect(result.output).toContain(`commit ${bad.slice(0, 10)}  add payments`);
    expect(result.output).toContain(`git rebase -i ${bad.slice(0, 7)}^`);
    expect(result.output).not.toContain('legacy.js');
  });

  it('refuses the whole push when one of several refs adds a secret', async () => {
    const server = await setup(transport);
    const box = server.box;
    box.seed({ 'a.txt': 'a\n' }, 'clean change');
    box.gitOk('checkout', '-q', '-b', 'feature');
    const secret = liveKey();
    box.seed({ 'b.js': `const k = "${secret}";\n` }, 'secret on feature');
    box.gitOk('branch', 'other', 'main');
    const result = expectRefused(server, ['origin', 'main', 'feature', 'other'], [secret]);
    expect(result.output).toContain('secret on feature');
    // Each ref is refused, the clean ones too: git applies a pre-receive verdict to the whole push.
    expect(result.output).toMatch(/main -> main \(pre-receive hook declined\)/);
    expect(result.output).toMatch(/other -> other \(pre-receive hook declined\)/);
  });

  it('force pushes: a rewrite that adds a secret is refused, a rewrite that removes it goes in', async () => {
    const server = await setup(transport);
    const box = server.box;
    box.seed({ 'src/app.js': 'export const port = 1;\n' }, 'published');
    box.gitOk('push', '-q', 'origin', 'main');
    box.gitOk('reset', '-q', '--hard', 'HEAD~1');
    const secret = liveKey();
    box.seed({ 'src/app.js': `export const key = "${secret}";\n` }, 'rewritten with a key');
    expectRefused(server, ['--force', 'origin', 'main'], [secret]);
    box.gitOk('reset', '-q', '--hard', 'HEAD~1');
    const clean = box.seed({ 'src/app.js': 'export const port = 2;\n' }, 'rewritten clean');
    expectAccepted(server, ['--force', 'origin', 'main']);
    expect(serverGit(server, 'rev-parse', 'main').trim()).toBe(clean);
  });

  it('tags: an annotated tag with a secret in its message, a lightweight tag on a new secret; clean tags go in', async () => {
    const server = await setup(transport);
    const box = server.box;
    const secret = liveKey();
    box.gitOk('tag', '-a', 'v1.0', '-m', `Release 1.0\n\nDeploy with ${secret}\n`);
    const annotated = expectRefused(server, ['origin', 'v1.0'], [secret]);
    expect(annotated.output).toContain('tag v1.0');
    expect(annotated.output).toContain('(tag message):3');
    expect(said(annotated)).toContain('git tag -d v1.0');

    const other = liveKey();
    box.gitOk('checkout', '-q', '-b', 'side');
    box.seed({ 'k.js': `const k = "${other}";\n` }, 'tagged secret');
    box.gitOk('checkout', '-q', 'main');
    box.gitOk('tag', 'light', 'side');
    const light = expectRefused(server, ['origin', 'light'], [other]);
    expect(light.output).toContain('tagged secret');

    box.gitOk('tag', 'clean-light', 'main');
    box.gitOk('tag', '-a', 'v0.9', '-m', 'Release 0.9', 'main');
    expectAccepted(server, ['origin', 'clean-light', 'v0.9']);
    expect(serverGit(server, 'tag').split('\n')).toEqual(expect.arrayContaining(['clean-light', 'v0.9']));
  });

  it('deletes a branch, whatever it holds', async () => {
    const server = await setup(transport, { hook: false });
    const box = server.box;
    box.gitOk('checkout', '-q', '-b', 'old');
    box.seed({ 'k.js': `const k = "${liveKey()}";\n` }, 'old secret');
    box.gitOk('push', '-q', 'origin', 'old');
    installServerHook(box.remote);
    expectAccepted(server, ['origin', '--delete', 'old']);
    expect(serverGit(server, 'branch', '--list', 'old').trim()).toBe('');
  });

  it('merges: a clean merge goes in; a merged branch with a secret, and an evil merge, are refused', async () => {
    const server = await setup(transport);
    const box = server.box;
    box.gitOk('checkout', '-q', '-b', 'topic');
    box.seed({ 'topic.js': 'export const topic = 1;\n' }, 'topic work');
    box.gitOk('push', '-q', 'origin', 'topic');
    box.gitOk('checkout', '-q', 'main');
    box.seed({ 'main.js': 'export const main = 1;\n' }, 'main work');
    box.gitOk('merge', '-q', '--no-edit', '--no-ff', 'topic');
    expectAccepted(server, ['origin', 'main']);

    // A branch with a secret, merged: the secret is the branch commit's, and the merge adds nothing.
    box.gitOk('checkout', '-q', '-b', 'leaky');
    const secret = liveKey();
    const leak = box.seed({ 'leak.js': `const k = "${secret}";\n` }, 'leaky work');
    box.gitOk('checkout', '-q', 'main');
    box.seed({ 'main2.js': 'export const two = 2;\n' }, 'more main work');
    box.gitOk('merge', '-q', '--no-edit', '--no-ff', 'leaky');
    const merged = expectRefused(server, ['origin', 'main'], [secret]);
    expect(merged.output).toContain(`commit ${leak.slice(0, 10)}  leaky work`);
    box.gitOk('reset', '-q', '--hard', 'origin/main');

    // An evil merge: the merge commit itself adds a line that is in neither parent.
    box.gitOk('checkout', '-q', '-b', 'quiet');
    box.seed({ 'quiet.js': 'export const quiet = 1;\n' }, 'quiet work');
    box.gitOk('checkout', '-q', 'main');
    box.seed({ 'main3.js': 'export const three = 3;\n' }, 'main three');
    box.gitOk('merge', '-q', '--no-commit', '--no-ff', 'quiet');
    const evil = liveKey();
    box.write('quiet.js', `export const quiet = 1;\nconst k = "${evil}";\n`);
    box.gitOk('add', 'quiet.js');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'Merge branch quiet');
    const merge = box.head();
    const result = expectRefused(server, ['origin', 'main'], [evil]);
    expect(result.output).toContain(`commit ${merge.slice(0, 10)}  Merge branch quiet`);
    expect(result.output).toContain('quiet.js:2');
  });

  it('refuses a secret in a commit message, naming the commit', async () => {
    const server = await setup(transport);
    const secret = liveKey();
    const commit = server.box.seed({ 'notes.txt': 'notes\n' }, `Fix billing\n\nTested with ${secret}\n`);
    const result = expectRefused(server, ['origin', 'main'], [secret]);
    expect(result.output).toContain(`commit ${commit.slice(0, 10)}  Fix billing`);
    expect(result.output).toContain('(commit message):3');
    expect(said(result)).toContain('reword it');
  });

  it('reads the pushed objects from git quarantine, and writes into neither objects directory', async () => {
    for (const unpackLimit of ['100', '1']) {
      // 100: few objects arrive loose; 1: they arrive as a pack (index-pack keeps it in the quarantine).
      const server = await setup(transport);
      const box = server.box;
      serverGit(server, 'config', 'receive.unpackLimit', unpackLimit);
      const log = path.join(box.root, `quarantine-${unpackLimit}.log`);
      writeQuarantineProbe(box.remote, log);
      const clean = box.seed({ 'src/new.js': 'export const added = true;\n' }, 'clean change');
      expectAccepted(server, ['origin', 'main']);
      const secret = liveKey();
      const bad = box.seed({ 'src/key.js': `const k = "${secret}";\n` }, 'quarantined secret');
      const refused = expectRefused(server, ['origin', 'main'], [secret]);
      // The subject is read from the commit object by secret-hook's own reader.
      expect(refused.output).toContain(`commit ${bad.slice(0, 10)}  quarantined secret`);
      const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
      for (const tip of [clean, bad]) {
        expect(lines).toContain(`${tip} in-quarantine-only`);
        expect(lines).toContain(`${tip} quarantine-unchanged`);
        expect(lines).toContain(`${tip} objects-unchanged`);
      }
      expect(lines.filter((l) => l.startsWith('quarantine=')).every((l) => l.includes('incoming'))).toBe(true);
    }
  });

  it('scans a push whose own configuration and ignore file would switch the scan off', async () => {
    const server = await setup(transport);
    const box = server.box;
    const secret = liveKey();
    const print = fingerprint('stripe-live-secret-key', 'src/pay.js', secret);
    box.seed(
      {
        'secret-hook.config.json': JSON.stringify({ rules: { 'stripe-live-secret-key': 'off' }, ignorePaths: ['**'] }),
        '.secret-hook-ignore': `${print}\n`,
        'package.json': JSON.stringify({ name: 'x', 'secret-hook': { rules: { 'stripe-live-secret-key': 'off' } } }),
        'src/pay.js': `const k = "${secret}";\n`,
      },
      'turn the scan off',
    );
    expectRefused(server, ['origin', 'main'], [secret]);
    // The server's own configuration is obeyed: first the default file in the git dir, then one named in git config.
    fs.writeFileSync(
      path.join(box.remote, 'secret-hook.server.json'),
      JSON.stringify({ rules: { 'stripe-live-secret-key': 'off' } }),
    );
    expectAccepted(server, ['origin', 'main']);
    const next = liveKey();
    box.seed({ 'src/pay2.js': `const k = "${next}";\n` }, 'another key');
    fs.writeFileSync(path.join(box.root, 'strict.json'), JSON.stringify({ testKeys: 'block' }));
    serverGit(server, 'config', 'secret-hook.config', path.join(box.root, 'strict.json'));
    expectRefused(server, ['origin', 'main'], [next]);
  });

  it('lets a bypass with a reason through only where the server allows it, and records it without the secret', async () => {
    const server = await setup(transport);
    const box = server.box;
    const secret = liveKey();
    const commit = box.seed({ 'test/fixtures/pay.env': `STRIPE_KEY=${secret}\n` }, 'fixture');
    const reason = 'test fixture, key revoked';
    const option = ['-o', `secret-hook.bypass=${reason}`];
    // Push options must be advertised by the server, or git refuses them before the hook runs.
    const unadvertised = push(server, [...option, 'origin', 'main']);
    expect(unadvertised.status).not.toBe(0);
    serverGit(server, 'config', 'receive.advertisePushOptions', 'true');
    const notAllowed = expectRefused(server, [...option, 'origin', 'main'], [secret]);
    expect(said(notAllowed)).toContain('this server does not allow -o secret-hook.bypass');
    expect(auditLines(server)).toEqual([]);

    serverGit(server, 'config', 'secret-hook.allowBypass', 'true');
    const plain = expectRefused(server, ['origin', 'main'], [secret]);
    expect(said(plain)).toContain('git push -o secret-hook.bypass="<reason>"');
    const empty = expectRefused(server, ['-o', 'secret-hook.bypass=', 'origin', 'main'], [secret]);
    expect(said(empty)).toContain('a bypass needs a reason');

    const pusher: Record<string, string> =
      transport === 'file' ? { GL_USERNAME: 'alice', GL_PROJECT_PATH: 'team/app' } : {};
    const before = Date.now();
    const accepted = expectAccepted(server, [...option, 'origin', 'main'], pusher);
    expect(said(accepted)).toContain(`pushed on a bypass ("${reason}")`);
    expect(accepted.output).not.toContain(secret);
    expect(serverGit(server, 'rev-parse', 'main').trim()).toBe(commit);

    const logFile = path.join(box.remote, 'secret-hook-audit.jsonl');
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain(secret);
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain(secret.slice(8, 30));
    const [record, ...rest] = auditLines(server);
    expect(rest).toEqual([]);
    expect(record!['event']).toBe('push-option-bypass');
    expect(record!['reason']).toBe(reason);
    expect(Date.parse(record!['time'] as string)).toBeGreaterThanOrEqual(before - 1000);
    expect((record!['repository'] as Record<string, string>)['gitDir']).toBe(fs.realpathSync(box.remote));
    expect(record!['refs']).toEqual([{ ref: 'refs/heads/main', old: serverGitRev(box, 'HEAD~1'), new: commit }]);
    expect(record!['commits']).toEqual([commit]);
    expect(record!['ruleIds']).toEqual(['stripe-live-secret-key']);
    const print = fingerprint('stripe-live-secret-key', 'test/fixtures/pay.env', secret);
    expect(record!['fingerprints']).toEqual([print]);
    expect(record!['findings']).toEqual([
      { ruleId: 'stripe-live-secret-key', fingerprint: print, path: 'test/fixtures/pay.env', line: 1, commit },
    ]);
    if (transport === 'file') {
      expect(record!['pusher']).toBe('alice');
      expect(record!['identity']).toEqual({ GL_USERNAME: 'alice' });
      expect((record!['repository'] as Record<string, string>)['GL_PROJECT_PATH']).toBe('team/app');
    } else {
      // git daemon tells its services where the connection came from.
      expect((record!['identity'] as Record<string, string>)['REMOTE_ADDR']).toBe('127.0.0.1');
    }
  });

  it('keeps to its time budget: a push too large fails closed with advice, or goes in with an audit record', async () => {
    const server = await setup(transport);
    const box = server.box;
    box.seed({ 'a.js': 'export const a = 1;\n' }, 'one');
    box.seed({ 'b.js': 'export const b = 2;\n' }, 'two');
    // A budget no scan can keep: opening the scan alone takes longer than a microsecond.
    serverGit(server, 'config', 'secret-hook.timeBudget', '0.000001');
    const refused = expectRefused(server, ['origin', 'main'], []);
    expect(said(refused)).toContain("too large to scan within this server's time budget");
    expect(said(refused)).toContain('Push it in parts, oldest first');
    expect(auditLines(server)).toEqual([]);

    serverGit(server, 'config', 'secret-hook.overBudget', 'allow');
    const accepted = expectAccepted(server, ['origin', 'main']);
    expect(said(accepted)).toContain('WARNING: this push was NOT fully scanned');
    const [record] = auditLines(server);
    expect(record!['event']).toBe('over-budget');
    expect(record!['scanned']).toEqual({ commits: 0, budgetSeconds: 0.000001 });
    expect(record!['refs']).toEqual([{ ref: 'refs/heads/main', old: expect.any(String), new: box.head() }]);

    // A finding still refuses the push in allow mode.
    const secret = liveKey();
    serverGit(server, 'config', 'secret-hook.timeBudget', '60');
    box.seed({ 'c.js': `const k = "${secret}";\n` }, 'three');
    expectRefused(server, ['origin', 'main'], [secret]);
  });

  it('weighs bypasses recorded in commit messages by the server setting (refused by default)', async () => {
    const server = await setup(transport);
    const box = server.box;
    const secret = liveKey();
    const print = fingerprint('stripe-live-secret-key', 'fixtures/pay.js', secret);
    const trailers = formatBypassTrailers('fixture for the billing tests', [print]).join('\n');
    const commit = box.seed({ 'fixtures/pay.js': `const k = "${secret}";\n` }, `Add fixture\n\n${trailers}\n`);
    const refused = expectRefused(server, ['origin', 'main'], [secret]);
    expect(said(refused)).toContain(
      `commit ${commit.slice(0, 10)} records a bypass ("fixture for the billing tests"), but this server does not accept`,
    );
    serverGit(server, 'config', 'secret-hook.acceptRecordedBypass', 'true');
    const accepted = expectAccepted(server, ['origin', 'main']);
    expect(said(accepted)).toContain('records a bypass ("fixture for the billing tests")');
    const [record] = auditLines(server);
    expect(record!['event']).toBe('recorded-bypass');
    expect(record!['reason']).toBe('fixture for the billing tests');
    expect(record!['fingerprints']).toEqual([print]);
    expect(record!['commits']).toEqual([commit]);

    // What a trailer does not list still refuses the push, and nothing is recorded for a push that did not go in.
    const listed = liveKey();
    const unlisted = liveKey();
    const listedPrint = fingerprint('stripe-live-secret-key', 'fixtures/two.js', listed);
    const more = formatBypassTrailers('second fixture', [listedPrint]).join('\n');
    box.seed(
      { 'fixtures/two.js': `const k = "${listed}";\n`, 'src/real.js': `const k = "${unlisted}";\n` },
      `Add another\n\n${more}\n`,
    );
    const mixed = expectRefused(server, ['origin', 'main'], [listed, unlisted]);
    expect(mixed.output).toContain('src/real.js:1');
    expect(mixed.output).not.toContain('fixtures/two.js:1');
    expect(said(mixed)).not.toContain('let in');
    expect(auditLines(server)).toHaveLength(1);
  });
});

// A server of current git: SHA-256 object names (the quarantine's loose objects and packs named by 64 hex digits) and
// reftable refs (git >= 2.45: test/helpers/reftable-git.ts, put first on PATH, so receive-pack and the hook run it).
const formats: { title: string; options: RepositoryFormatOptions; skip: boolean }[] = [
  { title: 'a SHA-256 server', options: { objectFormat: 'sha256' }, skip: false },
  {
    title: reftableTitle('a reftable server'),
    options: { refFormat: 'reftable', gitBinDir: reftableGit?.binDir },
    skip: !reftableGit,
  },
  {
    title: reftableTitle('a SHA-256 server with reftable refs'),
    options: { objectFormat: 'sha256', refFormat: 'reftable', gitBinDir: reftableGit?.binDir },
    skip: !reftableGit,
  },
];

describe.each(formats)('pre-receive on $title', ({ options, skip }) => {
  /** Every ref as git lists it, and the bytes of every file that stores refs (files or reftable). */
  function storedRefs(box: Sandbox): string {
    const listed = box.run('git', ['for-each-ref', '--format=%(refname) %(objectname)'], { cwd: box.remote });
    expect(listed.status, listed.output).toBe(0);
    const tables = path.join(box.remote, 'reftable');
    if (!fs.existsSync(tables)) return `${listed.stdout}\n${serverRefs(box.remote, box.home)}`;
    const files = fs.readdirSync(tables).sort();
    return [listed.stdout, ...files.map((f) => `${f}: ${fs.readFileSync(path.join(tables, f), 'latin1')}`)].join('\n');
  }

  it.skipIf(skip)('refuses a pushed secret with every ref unchanged; a clean commit and a tag go in', async () => {
    const box = new Sandbox({ install: false, husky: false, ...options });
    const server = new GitServer(box, 'file');
    servers.push(server);
    installServerHook(box.remote);
    await server.start();
    box.gitOk('remote', 'set-url', 'origin', server.url);
    box.seed({ 'README.md': '# app\n' }, 'initial');
    box.gitOk('push', '-q', 'origin', 'main');
    expect(box.head()).toHaveLength(options.objectFormat === 'sha256' ? 64 : 40);
    if (options.refFormat) {
      expect(box.run('git', ['rev-parse', '--show-ref-format'], { cwd: box.remote }).stdout.trim()).toBe('reftable');
    }

    const secret = liveKey();
    const commit = box.seed({ 'src/pay.js': `export const key = "${secret}";\n` }, 'add payments');
    const before = storedRefs(box);
    const refused = box.git('push', 'origin', 'main');
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).toContain('pre-receive hook declined');
    expect(said(refused)).toContain(`commit ${commit.slice(0, 10)} add payments`);
    expect(said(refused)).toContain(`src/pay.js:1 ${STRIPE}`);
    expect(refused.output).not.toContain(secret);
    expect(storedRefs(box)).toBe(before);

    box.gitOk('reset', '-q', '--hard', 'HEAD~1');
    const clean = box.seed({ 'src/pay.js': 'export const key = process.env.STRIPE_SECRET_KEY;\n' }, 'payments');
    box.gitOk('tag', '-a', 'v1', '-m', 'first release');
    const accepted = box.git('push', 'origin', 'main', 'v1');
    expect(accepted.status, accepted.output).toBe(0);
    expect(accepted.output).not.toContain('remote: secret-hook');
    const tip = box.run('git', ['rev-parse', 'main', 'v1^{commit}'], { cwd: box.remote });
    expect(tip.stdout.trim().split('\n')).toEqual([clean, clean]);
  });
});

describe('pre-receive, server side only', () => {
  it('refuses when a server setting cannot be read, and when the audit log cannot be written', async () => {
    const server = await setup('file');
    const box = server.box;
    serverGit(server, 'config', 'secret-hook.timeBudget', 'soon');
    box.seed({ 'a.js': 'export const a = 1;\n' }, 'one');
    const bad = expectRefused(server, ['origin', 'main'], []);
    expect(said(bad)).toContain('secret-hook.timeBudget = "soon" is not a number of seconds');
    serverGit(server, 'config', '--unset', 'secret-hook.timeBudget');

    const secret = liveKey();
    box.seed({ 'b.js': `const k = "${secret}";\n` }, 'two');
    serverGit(server, 'config', 'receive.advertisePushOptions', 'true');
    serverGit(server, 'config', 'secret-hook.allowBypass', 'true');
    serverGit(server, 'config', 'secret-hook.auditLog', path.join(box.root, 'missing-dir', 'audit.jsonl'));
    const unwritable = expectRefused(server, ['-o', 'secret-hook.bypass=reason', 'origin', 'main'], [secret]);
    expect(said(unwritable)).toContain('could not be written to the audit log');
  });

  it('a server work tree updated by earlier pushes (updateInstead) does not configure the scan', async () => {
    const box = new Sandbox({ install: false, husky: false });
    const server = new GitServer(box, 'file');
    servers.push(server);
    // A non-bare server repository whose work tree follows the pushes.
    const live = path.join(box.root, 'live');
    box.run('git', ['init', '-q', '-b', 'main', live]);
    box.run('git', ['config', 'receive.denyCurrentBranch', 'updateInstead'], { cwd: live });
    installServerHook(path.join(live, '.git'));
    box.gitOk('remote', 'set-url', 'origin', `file://${live}`);
    box.seed(
      {
        'secret-hook.config.json': JSON.stringify({ rules: { 'stripe-live-secret-key': 'off' } }),
        '.secret-hook-ignore': '',
      },
      'configure',
    );
    expectAcceptedTo(box, live);
    expect(fs.existsSync(path.join(live, 'secret-hook.config.json'))).toBe(true);
    const secret = liveKey();
    box.seed({ 'pay.js': `const k = "${secret}";\n` }, 'add key');
    const result = box.git('push', 'origin', 'main');
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain('pay.js:1');
    expect(result.output).not.toContain(secret);
  });

  it('prints its help, and runs without a terminal as git runs it', () => {
    const box = new Sandbox({ install: false, husky: false });
    try {
      const help = box.run(installedProgram(), ['pre-receive', '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('secret-hook.allowBypass');
      const env = cleanEnv(box.home);
      const empty = box.run(installedProgram(), ['pre-receive'], {
        cwd: box.remote,
        env: { ...env, GIT_DIR: '.' },
        input: '',
      });
      expect(empty.status, empty.output).toBe(0);
    } finally {
      box.cleanup();
    }
  });
});

/**
 * A pre-receive hook that checks, before and after secret-hook runs, where the pushed tip is and that neither
 * objects directory changed: one line per fact in `log`. It passes git's stdin on to secret-hook.
 */
function writeQuarantineProbe(gitDir: string, log: string): void {
  const listing = (dir: string) => `find "${dir}" -name '*incoming-*' -prune -o -type f -printf '%P %s %T@\\n' | sort`;
  const script = `input=$(cat)
tip=$(printf '%s\\n' "$input" | head -n 1 | cut -d ' ' -f 2)
echo "quarantine=$GIT_QUARANTINE_PATH" >> '${log}'
if GIT_OBJECT_DIRECTORY="$GIT_QUARANTINE_PATH" GIT_ALTERNATE_OBJECT_DIRECTORIES= git cat-file -e "$tip" &&
   ! env -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES -u GIT_QUARANTINE_PATH git cat-file -e "$tip" 2>/dev/null
then echo "$tip in-quarantine-only" >> '${log}'; fi
q_before=$(cd "$GIT_QUARANTINE_PATH" && find . -type f -printf '%P %s %T@\\n' | sort)
o_before=$(${listing('$PWD/objects')})
printf '%s\\n' "$input" | '${installedProgram()}' pre-receive
status=$?
q_after=$(cd "$GIT_QUARANTINE_PATH" && find . -type f -printf '%P %s %T@\\n' | sort)
o_after=$(${listing('$PWD/objects')})
[ "$q_before" = "$q_after" ] && echo "$tip quarantine-unchanged" >> '${log}'
[ "$o_before" = "$o_after" ] && echo "$tip objects-unchanged" >> '${log}'
exit $status
`;
  fs.writeFileSync(path.join(gitDir, 'hooks', 'pre-receive'), `#!/bin/sh\n${script}`, { mode: 0o755 });
}

function expectAcceptedTo(box: Sandbox, live: string) {
  const result = box.git('push', 'origin', 'main');
  expect(result.status, result.output).toBe(0);
  expect(fs.readdirSync(live)).toContain('secret-hook.config.json');
}

function serverCatFile(server: GitServer, oid: string): string {
  // The refused commit may stay nowhere but in the discarded quarantine.
  const result = server.box.run('git', ['cat-file', '-t', oid], { cwd: server.box.remote });
  return result.status === 0 ? result.stdout.trim() : 'absent';
}

function serverGitRev(box: Sandbox, rev: string): string {
  return box.gitOk('rev-parse', rev).trim();
}
