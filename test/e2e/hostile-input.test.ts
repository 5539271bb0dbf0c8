// A repository written to attack the hook itself: a configuration whose custom rule would backtrack for minutes or
// crash the keyword automaton, and file names, lines, commit subjects and authors full of terminal escapes that
// would erase the report. Real git, the packed package installed with husky.
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox, sandboxesCleanedAfterEach, seededSandbox } from '../helpers/sandbox.js';

const keys = new FakeKeys(1111);
const sandboxes = sandboxesCleanedAfterEach();

function seeded(): Sandbox {
  return seededSandbox(sandboxes);
}

// Far above what a rejected configuration needs (well under a second), far below what the hostile rule would take
// to run if it were accepted: a regression fails the test instead of hanging the suite.
const HANG_GUARD_MS = 30_000;

function customRule(fields: Record<string, unknown>) {
  return {
    id: 'acme-api-key',
    title: 'Acme API key',
    keywords: ['aaaa'],
    pattern: '(?<secret>a{1,100}a{1,100}a{1,100}b)',
    examples: ['aaab'],
    ...fields,
  };
}

describe('a configuration that would hang or crash the hook', () => {
  it('stops the commit with the configuration error when a custom rule could backtrack polynomially', () => {
    const box = seeded();
    box.write('secret-hook.config.json', JSON.stringify({ customRules: [customRule({})] }));
    // What the rule would take hours over: 20 KB of `a` and no `b`.
    box.write('data.txt', `${'a'.repeat(20_000)}\n`);
    box.gitOk('add', 'data.txt', 'secret-hook.config.json');
    const headBefore = box.head();

    const hook = box.secretHook(['pre-commit'], { timeout: HANG_GUARD_MS });
    expect(hook.status).toBe(2);
    expect(hook.stderr).toContain(
      'invalid configuration in secret-hook.config.json at customRules[0].pattern: expected a linear-time pattern ' +
        '("a{1,100}" at 10 and "a{1,100}" at 18 are variable parts next to each other that can match the same characters',
    );
    expect(hook.stderr).toContain('found string "(?<secret>a{1,100}a{1,100}a{1,100}b)"');
    expect(hook.stderr).toContain('nothing was scanned');

    const commit = box.git('commit', '-m', 'data');
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain(
      'secret-hook.config.json at customRules[0].pattern: expected a linear-time pattern',
    );
    expect(commit.stderr).toContain('git commit --no-verify');
    expect(box.head()).toBe(headBefore);
  });

  it('stops the commit with the configuration error when a custom rule has an empty keyword', () => {
    const box = seeded();
    const rule = customRule({
      keywords: [''],
      pattern: '(?<![a-z0-9])(?<secret>acme_[a-z0-9]{20})(?![a-z0-9])',
      examples: ['ACME=acme_q8w7e6r5t4y3u2i1o9p0'],
    });
    box.write('secret-hook.config.json', JSON.stringify({ customRules: [rule] }));
    box.write('clean.txt', 'nothing secret\n');
    box.gitOk('add', 'clean.txt', 'secret-hook.config.json');
    const headBefore = box.head();

    const hook = box.secretHook(['pre-commit'], { timeout: HANG_GUARD_MS });
    expect(hook.status).toBe(2);
    const error =
      'invalid configuration in secret-hook.config.json at customRules[0].keywords[0]: expected a keyword with at ' +
      'least one character other than a space, found string ""';
    expect(hook.stderr).toContain(error);

    const commit = box.git('commit', '-m', 'clean');
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain(error);
    expect(box.head()).toBe(headBefore);
  });
});

// What no output may carry raw: C0 controls but newlines, DEL, C1 controls, bidirectional controls.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectNoRawControls(output: string): void {
  const at = output.search(RAW_CONTROL);
  expect(at, `raw control character in: ${JSON.stringify(output.slice(Math.max(0, at - 30), at + 30))}`).toBe(-1);
}

describe('terminal escapes in what is committed', () => {
  // ESC sequences (colour, OSC window title), BEL, a right-to-left override: all in one file name.
  const file = 'src/\x1b[31mred\x1b]0;pwned\x07\u202egpj.js';
  const shownFile = 'src/\\x1b[31mred\\x1b]0;pwned\\x07\\u202egpj.js';

  it('shows the finding with the escapes visible when a file name and its line carry them', () => {
    const box = seeded();
    const secret = `sk_live_${keys.chars('base62', 32)}`;
    // Clear the screen, retitle the terminal, return to the start of the line and print a verdict.
    box.write(file, `const k = "${secret}"; // \x1b[2J\x1b]0;title\x07\rNo secrets found.\n`);
    box.gitOk('add', '--', file);
    const headBefore = box.head();

    // Wide enough that no escape is moved to a line of its own: what is checked here is visibility.
    const commit = box.run('git', ['commit', '-m', 'escapes'], { env: { NO_COLOR: '1', COLUMNS: '300' } });
    expect(commit.status).not.toBe(0);
    expectNoRawControls(commit.stderr);
    expect(commit.stderr).toContain('Stripe live secret key [stripe-live-secret-key]');
    expect(commit.stderr).toContain(`  ${shownFile}:1:12  sk_live_`);
    expect(commit.stderr).toContain('// \\x1b[2J\\x1b]0;title\\x07\\rNo secrets found.');
    // The fix is the line itself, fixed, with its escapes visible too.
    expect(commit.stderr).toContain(
      '→ const k = process.env.STRIPE_SECRET_KEY; // \\x1b[2J\\x1b]0;title\\x07\\rNo secrets found.',
    );
    // Quoted for the shell, as a command.
    expect(commit.stderr).toContain(`git add '${shownFile}'`);
    expect(commit.stderr).not.toContain(secret);
    expect(box.head()).toBe(headBefore);
  });

  it('names the hooks it wrote with the escapes visible when core.hooksPath carries them', () => {
    const box = new Sandbox({ husky: false, install: false });
    sandboxes.push(box);
    box.gitOk('config', 'core.hooksPath', 'ho\rok\x1b[2Js');
    const install = box.secretHook(['install']);
    expect(install.status).toBe(0);
    expectNoRawControls(install.stdout);
    expect(install.stdout).toContain('wrote ho\\rok\\x1b[2Js/pre-commit');
  });

  it('shows a pushed commit whose subject and author carry them with the escapes visible', () => {
    const box = seeded();
    const secret = `sk_live_${keys.chars('base62', 32)}`;
    box.write(file, `const k = "${secret}";\n`);
    box.gitOk('add', '--', file);
    box.gitOk(
      'commit',
      '-q',
      '--no-verify',
      '-m',
      'fix\x1b[2J\x1b[H\rNo secrets found.',
      '--author',
      'Mal\x1b]0;x\x07lory <mallory@example.invalid>',
    );

    const push = box.run('git', ['push', 'origin', 'main'], { env: { NO_COLOR: '1', COLUMNS: '300' } });
    expect(push.status).not.toBe(0);
    expectNoRawControls(push.stderr);
    expect(push.stderr).toContain('fix\\x1b[2J\\x1b[H\\rNo secrets found.');
    expect(push.stderr).toContain('Mal\\x1b]0;x\\x07lory');
    expect(push.stderr).toContain(`  ${shownFile}:1:12  sk_live_`);

    // The same in the manual formats: JSON keeps the exact name for tools, as ASCII escapes.
    const json = box.secretHook(['check', '--history', '--format', 'json']);
    expect(json.status).toBe(1);
    expectNoRawControls(json.stdout);
    expect(JSON.parse(json.stdout).findings[0].file).toBe(file);
    const github = box.secretHook(['check', '--history', '--format', 'github']);
    expectNoRawControls(github.stdout);
    expect(github.stdout).toMatch(/^::error file=src\/\\x1b\[31mred\\x1b\]0;pwned\\x07\\u202egpj\.js,line=1/);
  });
});
