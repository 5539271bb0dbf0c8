// The commit-msg hook and the bypass with a reason, through real `git commit` (-m, -F, -v with its scissors line,
// -a, <path>) in repositories with the packed package and husky installed as a user has them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBypassTrailers } from '../../src/commands/bypass-trailer.js';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox } from '../helpers/sandbox.js';

const keys = new FakeKeys(1717);
const sandboxes: Sandbox[] = [];
afterEach(() => {
  while (sandboxes.length) sandboxes.pop()!.cleanup();
});

function seeded(options?: ConstructorParameters<typeof Sandbox>[0]): Sandbox {
  const box = new Sandbox(options);
  sandboxes.push(box);
  box.seed({ 'README.md': '# app\n', 'src/app.js': 'export const port = 8080;\n' });
  return box;
}

/** The output with its line breaks as spaces: sentences are wrapped to the terminal's width. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function liveKey(): string {
  return `sk_live_${keys.chars('base62', 40)}`;
}

/** An "editor" for GIT_EDITOR: a shell command that puts `lines` first in the message file. */
function editorWriting(box: Sandbox, lines: string): string {
  const script = path.join(box.root, `editor-${Math.random().toString(36).slice(2)}.sh`);
  const text = path.join(box.root, `${path.basename(script)}.txt`);
  fs.writeFileSync(text, lines);
  fs.writeFileSync(script, `#!/bin/sh\n{ cat '${text}'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"\n`, {
    mode: 0o755,
  });
  return script;
}

/** The fingerprints `check` gives for what is staged now: what a bypass must record. */
function stagedFingerprints(box: Sandbox, args: string[] = []): string[] {
  const json = JSON.parse(box.secretHook(['check', ...args, '--format', 'json']).stdout) as {
    findings: { fingerprint: string }[];
  };
  return json.findings.map((f) => f.fingerprint).sort();
}

describe('commit-msg: a secret in the message stops the commit', () => {
  it('git commit -m', () => {
    const box = seeded();
    const secret = liveKey();
    const head = box.head();
    const result = box.git('commit', '-q', '--allow-empty', '-m', `Rotate payments\n\nold key was ${secret}`);
    expect(result.status).not.toBe(0);
    expect(flat(result.output)).toContain('secret-hook: 1 secret found in the commit message. The commit was stopped.');
    expect(flat(result.output)).toContain('Stripe live secret key [stripe-live-secret-key]');
    expect(flat(result.output)).toContain('line 3:13');
    expect(flat(result.output)).toContain('git commit -v -e -F .git/COMMIT_EDITMSG');
    expect(result.output).not.toContain(secret);
    expect(box.head()).toBe(head);
    // A clean message passes.
    expect(box.git('commit', '-q', '--allow-empty', '-m', 'Rotate payments').status).toBe(0);
  });

  it('git commit -F: a comment line is kept by git without an editor, so it is scanned', () => {
    const box = seeded();
    const secret = liveKey();
    const file = path.join(box.root, 'message.txt');
    fs.writeFileSync(file, `Subject\n\n# ${secret}\n`);
    const result = box.git('commit', '-q', '--allow-empty', '-F', file);
    expect(result.status).not.toBe(0);
    expect(flat(result.output)).toContain('found in the commit message');
    expect(result.output).not.toContain(secret);
    // Which is right: git commits that line as it stands.
    box.gitOk('commit', '-q', '--allow-empty', '--no-verify', '-F', file);
    expect(box.gitOk('log', '-1', '--format=%B')).toContain(`# ${secret}`);
  });

  it('git commit -v: the scissors line and the diff below it are not the message; comment lines are dropped', () => {
    const box = seeded();
    // The staged file holds a key the configuration accepts for that path, so pre-commit passes, and the diff
    // that `commit -v` puts below the scissors line holds it too.
    box.write('secret-hook.config.json', JSON.stringify({ ignorePaths: ['fixtures/**'] }));
    box.gitOk('add', 'secret-hook.config.json');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'config');
    const inDiff = liveKey();
    box.write('fixtures/payment.env', `STRIPE_KEY=${inDiff}\n`);
    box.gitOk('add', 'fixtures/payment.env');
    const inComment = liveKey();
    const editor = editorWriting(box, `Add a payment fixture\n# note to self: ${inComment}\n`);
    const result = box.run('git', ['commit', '-q', '-v'], { env: { GIT_EDITOR: editor } });
    expect(result.status, result.output).toBe(0);
    const message = box.gitOk('log', '-1', '--format=%B');
    expect(message.trim()).toBe('Add a payment fixture');

    // A key in the message itself, with -v: stopped.
    box.write('src/app.js', 'export const port = 8081;\n');
    box.gitOk('add', 'src/app.js');
    const inSubject = liveKey();
    const head = box.head();
    const blocked = box.run('git', ['commit', '-q', '-v'], {
      env: { GIT_EDITOR: editorWriting(box, `Use ${inSubject}\n`) },
    });
    expect(blocked.status).not.toBe(0);
    expect(flat(blocked.output)).toContain('found in the commit message');
    expect(flat(blocked.output)).toContain('line 1:5');
    expect(box.head()).toBe(head);
    // The fix it names: the kept message reopened with -v -e -F, the key taken out by the "editor".
    const reopened = box.run('git', ['commit', '-q', '-v', '-e', '-F', '.git/COMMIT_EDITMSG'], {
      env: { GIT_EDITOR: `sed -i 's/Use sk_live_[A-Za-z0-9]*/Use the key from the environment/'` },
    });
    expect(reopened.status, reopened.output).toBe(0);
    expect(box.gitOk('log', '-1', '--format=%B').trim()).toBe('Use the key from the environment');
  });

  it('SKIP=secret-hook skips it, and says so', () => {
    const box = seeded();
    const secret = liveKey();
    const result = box.run('git', ['commit', '-q', '--allow-empty', '-m', `token ${secret}`], {
      env: { SKIP: 'secret-hook' },
    });
    expect(result.status).toBe(0);
    expect(flat(result.output)).toContain('the commit message was not scanned');
  });
});

describe('SECRET_HOOK_BYPASS: a bypass with a reason, recorded in the commit', () => {
  it('lets the commit through, loudly, and records the reason, rule ids and fingerprints as trailers', () => {
    const box = seeded();
    const secret = liveKey();
    box.write('test/fixtures/payments.env', `STRIPE_SECRET_KEY=${secret}\n`);
    box.gitOk('add', 'test/fixtures/payments.env');
    const expected = stagedFingerprints(box);
    expect(expected).toHaveLength(1);
    const result = box.run('git', ['commit', '-q', '-m', 'Add the payments fixture'], {
      env: { SECRET_HOOK_BYPASS: 'test fixture, key revoked at Stripe' },
    });
    expect(result.status, result.output).toBe(0);
    expect(flat(result.output)).toContain(
      'secret-hook: BYPASS. SECRET_HOOK_BYPASS is set, so this commit goes through',
    );
    expect(flat(result.output)).toContain('bypass recorded in the commit message');
    expect(result.output).not.toContain(secret);
    const message = box.gitOk('log', '-1', '--format=%B');
    expect(message).not.toContain(secret);
    expect(
      message.startsWith('Add the payments fixture\n\nSecret-Hook-Bypass: test fixture, key revoked at Stripe\n'),
    ).toBe(true);
    const record = parseBypassTrailers(message);
    expect(record?.reason).toBe('test fixture, key revoked at Stripe');
    expect([...record!.fingerprints].sort()).toEqual(expected);
    expect(message).toContain(
      `Secret-Hook-Bypass-Finding: stripe-live-secret-key ${expected[0]!.split(':').pop()} "test/fixtures/payments.env"`,
    );
  });

  it('git commit -a and git commit <path>: the findings of the index git commits (GIT_INDEX_FILE)', () => {
    const box = seeded();
    const inApp = liveKey();
    const inOther = liveKey();
    box.seed({ 'src/other.js': 'export const other = 1;\n' }, 'other');
    box.write('src/app.js', `export const key = "${inApp}";\n`);
    box.write('src/other.js', `export const key = "${inOther}";\n`);
    // commit <path>: only src/app.js is committed (git builds a temporary index for it).
    box.gitOk('add', 'src/app.js');
    const appOnly = stagedFingerprints(box);
    box.gitOk('reset', '-q', 'src/app.js');
    expect(appOnly).toHaveLength(1);
    const only = box.run('git', ['commit', '-q', '-m', 'app only', 'src/app.js'], {
      env: { SECRET_HOOK_BYPASS: 'fixture' },
    });
    expect(only.status, only.output).toBe(0);
    expect([...parseBypassTrailers(box.gitOk('log', '-1', '--format=%B'))!.fingerprints]).toEqual(appOnly);
    // commit -a: src/other.js, never staged, is committed and recorded.
    box.gitOk('add', 'src/other.js');
    const otherPrint = stagedFingerprints(box);
    box.gitOk('reset', '-q', 'src/other.js');
    const all = box.run('git', ['commit', '-q', '-a', '-m', 'the rest'], { env: { SECRET_HOOK_BYPASS: 'fixture' } });
    expect(all.status, all.output).toBe(0);
    expect([...parseBypassTrailers(box.gitOk('log', '-1', '--format=%B'))!.fingerprints]).toEqual(otherPrint);
  });

  it('records a secret in the message itself, and a commit -v: trailers before the template and the scissors line', () => {
    const box = seeded();
    const secret = liveKey();
    box.write('src/app.js', 'export const port = 8081;\n');
    box.gitOk('add', 'src/app.js');
    const result = box.run('git', ['commit', '-q', '-v'], {
      env: {
        SECRET_HOOK_BYPASS: 'pasted on purpose: revoked',
        GIT_EDITOR: editorWriting(box, `Document the old key\n\nIt was ${secret}\n`),
      },
    });
    expect(result.status, result.output).toBe(0);
    const message = box.gitOk('log', '-1', '--format=%B');
    const record = parseBypassTrailers(message);
    expect(record?.reason).toBe('pasted on purpose: revoked');
    expect([...record!.fingerprints][0]).toMatch(/^stripe-live-secret-key:\(commit message\):[0-9a-f]{20}$/);
    // The trailer names the secret by its hash only; the message holds it because the user kept it there.
    expect(
      message
        .split('\n')
        .filter((l) => l.startsWith('Secret-Hook-Bypass'))
        .join('\n'),
    ).not.toContain(secret);
    expect(message).not.toContain('diff --git');
    expect(message).not.toContain('# Please enter');
  });

  it('stops the commit when no commit-msg hook would record the bypass, or when the reason is empty', () => {
    const box = seeded({ husky: true, install: false });
    box.write('.husky/pre-commit', 'secret-hook pre-commit\n');
    const secret = liveKey();
    box.write('pay.js', `const k = "${secret}";\n`);
    box.gitOk('add', 'pay.js');
    const head = box.head();
    const unrecorded = box.run('git', ['commit', '-q', '-m', 'pay'], { env: { SECRET_HOOK_BYPASS: 'fixture' } });
    expect(unrecorded.status).not.toBe(0);
    expect(flat(unrecorded.output)).toContain('no commit-msg hook in this repository runs secret-hook');
    expect(box.head()).toBe(head);
    box.write('.husky/commit-msg', 'secret-hook commit-msg "$1"\n');
    const empty = box.run('git', ['commit', '-q', '-m', 'pay'], { env: { SECRET_HOOK_BYPASS: '  ' } });
    expect(empty.status).not.toBe(0);
    expect(flat(empty.output)).toContain('SECRET_HOOK_BYPASS is set but empty. A bypass needs a reason');
    expect(box.head()).toBe(head);
    const recorded = box.run('git', ['commit', '-q', '-m', 'pay'], { env: { SECRET_HOOK_BYPASS: 'fixture' } });
    expect(recorded.status, recorded.output).toBe(0);
    expect(parseBypassTrailers(box.gitOk('log', '-1', '--format=%B'))?.reason).toBe('fixture');
  });
});
