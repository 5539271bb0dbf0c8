// Commit and tag messages are published with their commits and tags: every commit scope scans them, with the same
// findings and fingerprints (pre-push, a range, the history, the server's pre-receive), and names the commit or tag
// that holds them. A commit that records a bypass (Secret-Hook-Bypass trailers) goes through pre-push with a note.
import { describe, expect, it } from 'vitest';
import { formatBypassTrailers } from '../../src/commands/bypass-trailer.js';
import { fingerprint } from '../../src/engine/fingerprint.js';
import { FakeKeys } from '../helpers/examples.js';
import { installServerHook } from '../helpers/git-server.js';
import { type RunResult, Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';

const keys = new FakeKeys(6161);
const liveKey = () => `sk_live_${keys.chars('base62', 40)}`;
const ZERO = '0'.repeat(40);

const sandboxes = sandboxesCleanedAfterEach();

function sandbox(options: { install?: boolean } = {}): Sandbox {
  const box = new Sandbox({ husky: options.install !== false, install: options.install !== false });
  sandboxes.push(box);
  box.seed({ 'README.md': '# app\n' }, 'initial');
  box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
  return box;
}

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  fingerprint: string;
  commit?: string;
  tag?: string;
}

function json(result: RunResult): JsonFinding[] {
  expect([0, 1], result.output).toContain(result.status);
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
}

const brief = (f: JsonFinding) => `${f.fingerprint} ${f.file}:${f.line} ${f.commit ?? ''}${f.tag ?? ''}`;

/** Everything git said, as one line (wrapped sentences joined). */
function flat(result: RunResult): string {
  return result.output.replace(/remote: /g, '').replace(/\s+/g, ' ');
}

describe('commit and tag messages', () => {
  it('a key in a commit message: the same finding from pre-push, a range, the history and pre-receive', () => {
    const box = sandbox({ install: false });
    const secret = liveKey();
    box.gitOk('checkout', '-q', '-b', 'feature');
    const commit = box.seed({ 'notes.md': 'notes\n' }, `Fix billing\n\nReproduced with ${secret}\n`);
    box.seed({ 'more.md': 'more\n' }, 'more notes');
    const expected = [
      `${fingerprint('stripe-live-secret-key', '(commit message)', secret)} (commit message):3 ${commit}`,
    ];

    const prePush = box.secretHook(['pre-push', 'origin', box.remote, '--format', 'json'], {
      input: `refs/heads/feature ${box.head()} refs/heads/feature ${ZERO}\n`,
    });
    expect(prePush.status).toBe(1);
    expect(json(prePush).map(brief)).toEqual(expected);
    expect(json(box.secretHook(['check', 'main..feature', '--format', 'json'])).map(brief)).toEqual(expected);
    expect(json(box.secretHook(['check', '--history', '--format', 'json'])).map(brief)).toEqual(expected);
    const text = box.secretHook(['check', '--history']);
    expect(text.stdout).toContain(`commit ${commit.slice(0, 10)}  Fix billing`);
    expect(text.stdout).toContain('(commit message):3');
    expect(text.stdout).not.toContain(secret);

    installServerHook(box.remote);
    const pushed = box.git('push', 'origin', 'feature');
    expect(pushed.status).not.toBe(0);
    expect(pushed.output).toContain(`commit ${commit.slice(0, 10)}  Fix billing`);
    expect(pushed.output).toContain('(commit message):3');
    expect(pushed.output).not.toContain(secret);
  });

  it('a key in a tag message: pre-push and the history name the tag', () => {
    const box = sandbox();
    const secret = liveKey();
    box.gitOk('tag', '-a', 'v2.0', '-m', `Release 2.0\n\nSmoke-tested with ${secret}\n`);
    const expected = [`${fingerprint('stripe-live-secret-key', '(tag message)', secret)} (tag message):3 v2.0`];
    expect(json(box.secretHook(['check', '--history', '--format', 'json'])).map(brief)).toEqual(expected);
    const pushed = box.git('push', 'origin', 'v2.0');
    expect(pushed.status).not.toBe(0);
    expect(pushed.output).toContain('tag v2.0');
    expect(pushed.output).toContain('(tag message):3');
    expect(flat(pushed)).toContain('git tag -d v2.0');
    expect(pushed.output).not.toContain(secret);
  });

  it('pre-push lets through what a commit records as a bypass, naming commit, reason and findings', () => {
    const box = sandbox();
    const secret = liveKey();
    const print = fingerprint('stripe-live-secret-key', 'test/fixtures/pay.js', secret);
    const trailers = formatBypassTrailers('fixture key, revoked at Stripe', [print]).join('\n');
    const commit = box.seed({ 'test/fixtures/pay.js': `const k = "${secret}";\n` }, `Add fixture\n\n${trailers}\n`);
    const pushed = box.git('push', 'origin', 'main');
    expect(pushed.status, pushed.output).toBe(0);
    expect(flat(pushed)).toContain(
      `commit ${commit.slice(0, 10)} (Add fixture) records a bypass: "fixture key, revoked at Stripe". Let through as recorded: stripe-live-secret-key in test/fixtures/pay.js:1.`,
    );
    expect(pushed.output).not.toContain(secret);

    // The trailer covers what it lists: another key in the next commit, and the same key at another path, block.
    const other = liveKey();
    const next = box.seed(
      { 'src/pay.js': `const k = "${other}";\n`, 'src/copy.js': `const k = "${secret}";\n` },
      `Use the key\n\n${trailers}\n`,
    );
    const blocked = box.git('push', 'origin', 'main');
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain(`commit ${next.slice(0, 10)}  Use the key`);
    expect(blocked.output).toContain('src/pay.js:1');
    expect(blocked.output).toContain('src/copy.js:1');
  });
});
