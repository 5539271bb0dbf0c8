// What `secret-hook fix` refuses, and how it asks: a tracked .env, front-end code, a construct it cannot rewrite
// with certainty, a private-key file, a working-tree copy that moved on since it was staged, a .env that links out
// of the repository. Each leaves every file as it was, says why, and prints no secret. Then the question: on a
// terminal y/N, without one the plan only (exit 3); and the bytes of CRLF files and files without a final newline.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox } from '../helpers/sandbox.js';
import { inTerminal } from '../helpers/terminal-screen.js';

const keys = new FakeKeys(1604);
const key = `sk_live_${keys.chars('base62', 40)}`;
const other = `sk_live_${keys.chars('base62', 40)}`;

const sandboxes: Sandbox[] = [];
const outside: string[] = [];
afterEach(() => {
  while (sandboxes.length) sandboxes.pop()!.cleanup();
  while (outside.length) fs.rmSync(outside.pop()!, { recursive: true, force: true });
});

function repo(files: Record<string, string> = {}): Sandbox {
  const box = new Sandbox({ husky: false, install: false });
  sandboxes.push(box);
  box.seed({ 'README.md': '# app\n', 'package.json': '{ "name": "app" }\n', ...files });
  return box;
}

const read = (box: Sandbox, file: string) => fs.readFileSync(path.join(box.dir, file), 'utf8');
const exists = (box: Sandbox, file: string) => fs.existsSync(path.join(box.dir, file));

/** Stages the files, runs fix, and checks what every run must keep: the index, HEAD, and no secret printed. */
function fixStaged(box: Sandbox, files: Record<string, string>, args = ['--yes'], env: Record<string, string> = {}) {
  for (const [file, text] of Object.entries(files)) box.write(file, text);
  if (Object.keys(files).length > 0) box.gitOk('add', ...Object.keys(files));
  const index = box.indexBytes();
  const head = box.head();
  const result = box.secretHook(['fix', ...args], { env: { COLUMNS: '300', ...env } });
  expect(box.indexBytes()).toEqual(index);
  expect(box.head()).toBe(head);
  expect(result.output).not.toContain(key);
  expect(result.output).not.toContain(other);
  return result;
}

const payJs = (secret: string) => `const Stripe = require("stripe");\nconst stripe = new Stripe("${secret}");\n`;

describe('secret-hook fix refuses, says why, and leaves the files as they were', () => {
  it('a tracked .env: the value would be committed', () => {
    const box = repo({ '.env': 'APP_NAME=demo\n' });
    const result = fixStaged(box, { 'server/pay.js': payJs(key) });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('the value would go to .env, which git tracks');
    expect(result.output).toContain('git rm --cached .env');
    expect(read(box, 'server/pay.js')).toBe(payJs(key));
    expect(read(box, '.env')).toBe('APP_NAME=demo\n');
    expect(exists(box, '.env.example')).toBe(false);
  });

  it('but an untracked .env.local beside the tracked .env is the one it uses', () => {
    const box = repo({ '.env': 'APP_NAME=demo\n' });
    box.write('.env.local', 'DEBUG=1');
    const result = fixStaged(box, { 'server/pay.js': payJs(key) });
    expect(result.status, result.output).toBe(0);
    // Appended after a last line without a newline: the line gets one first.
    expect(read(box, '.env.local')).toBe(`DEBUG=1\nSTRIPE_SECRET_KEY=${key}\n`);
    expect(read(box, '.env')).toBe('APP_NAME=demo\n');
  });

  it('front-end code: the key has to move to a server; no process.env in a browser bundle', () => {
    const box = repo();
    const tsx = `export function Checkout() {\n  const stripe = new Stripe("${key}");\n  return null;\n}\n`;
    const result = fixStaged(box, { 'src/components/Checkout.tsx': tsx });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('this is browser code');
    expect(result.output).toContain('server endpoint');
    expect(result.output).toContain('none can be moved out automatically');
    expect(result.output).toContain('Nothing was changed');
    expect(read(box, 'src/components/Checkout.tsx')).toBe(tsx);
    expect(exists(box, '.env')).toBe(false);
  });

  it('a construct it cannot rewrite with certainty: the secret inside a longer string', () => {
    const box = repo();
    const js = `fetch(url, { headers: { Authorization: "Bearer ${key}" } });\n`;
    const result = fixStaged(box, { 'server/call.js': js });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('not a string of its own');
    expect(read(box, 'server/call.js')).toBe(js);
  });

  it('a Go constant in a const ( … ) block', () => {
    const box = repo({ 'go.mod': 'module x\n\ngo 1.19\n' });
    const go = `package billing\n\nconst (\n\tstripeKey = "${key}"\n)\n`;
    const result = fixStaged(box, { 'billing/keys.go': go });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('const ( … ) block');
    expect(read(box, 'billing/keys.go')).toBe(go);
  });

  it('a private-key file: moved out of the repository, never rewritten', () => {
    const box = repo();
    const pem = `${keys.pem('OPENSSH PRIVATE KEY')}\n`;
    box.write('deploy/id_ed25519', pem);
    box.gitOk('add', 'deploy/id_ed25519');
    const index = box.indexBytes();
    const result = box.secretHook(['fix', '--yes'], { env: { COLUMNS: '300' } });
    expect(box.indexBytes()).toEqual(index);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('deploy/id_ed25519 is a private key: move it out of the repository');
    expect(result.output).toContain('git restore --staged deploy/id_ed25519');
    expect(result.output).not.toContain(pem.split('\n')[1]!);
    expect(read(box, 'deploy/id_ed25519')).toBe(pem);
    expect(exists(box, '.env')).toBe(false);
  });

  it('the working-tree copy differs from the staged one at the line: a rewrite would be a guess', () => {
    const box = repo();
    box.write('server/pay.js', payJs(key));
    box.gitOk('add', 'server/pay.js');
    const edited = payJs(key).replace('new Stripe(', 'Stripe.create(');
    box.write('server/pay.js', edited);
    const result = fixStaged(box, {});
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('differs from the staged copy at line 2');
    expect(read(box, 'server/pay.js')).toBe(edited);
  });

  it('a .env that links out of the repository is not written through', () => {
    const box = repo();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-outside-'));
    outside.push(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'shared.env'), 'SHARED=1\n');
    fs.symlinkSync(path.join(elsewhere, 'shared.env'), path.join(box.dir, '.env'));
    const result = fixStaged(box, { 'server/pay.js': payJs(key) });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('.env is a link out of the working tree');
    expect(fs.readFileSync(path.join(elsewhere, 'shared.env'), 'utf8')).toBe('SHARED=1\n');
    expect(read(box, 'server/pay.js')).toBe(payJs(key));
  });
});

describe('links', () => {
  it('a staged file whose working-tree directory now links out of the repository is not written', () => {
    const box = repo();
    box.write('server/pay.js', payJs(key));
    box.gitOk('add', 'server/pay.js');
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-outside-'));
    outside.push(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'pay.js'), payJs(key));
    fs.rmSync(path.join(box.dir, 'server'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(box.dir, 'server'));
    const result = fixStaged(box, {});
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('server/pay.js lies outside the working tree');
    expect(fs.readFileSync(path.join(elsewhere, 'pay.js'), 'utf8')).toBe(payJs(key));
    expect(exists(box, '.env')).toBe(false);
  });

  it('a working-tree file that is a symbolic link is not edited through it', () => {
    const box = repo();
    box.write('server/pay.js', payJs(key));
    box.gitOk('add', 'server/pay.js');
    box.write('server/real.js', payJs(key));
    fs.rmSync(path.join(box.dir, 'server/pay.js'));
    fs.symlinkSync('real.js', path.join(box.dir, 'server/pay.js'));
    const result = fixStaged(box, {});
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain('server/pay.js is a symbolic link in the working tree');
    expect(read(box, 'server/real.js')).toBe(payJs(key));
  });
});

describe('it changes the working tree only when told to', () => {
  it('without a terminal and without --yes: the plan, exit 3, nothing changed', () => {
    const box = repo();
    const result = fixStaged(box, { 'server/pay.js': payJs(key) }, []);
    expect(result.status, result.output).toBe(3);
    expect(result.stdout).toContain('+const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);');
    expect(result.stdout).toContain('-const stripe = new Stripe("sk_live_****');
    expect(result.stdout).toContain('Nothing was changed. Run npx secret-hook fix --yes');
    expect(read(box, 'server/pay.js')).toBe(payJs(key));
    expect(exists(box, '.env')).toBe(false);
  });

  it('--dry-run: the plan, nothing changed', () => {
    const box = repo();
    const result = fixStaged(box, { 'server/pay.js': payJs(key) }, ['--dry-run']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('Nothing was changed (--dry-run).');
    expect(read(box, 'server/pay.js')).toBe(payJs(key));
  });

  it.each([
    ['y', 0, true],
    ['n', 3, false],
    ['', 3, false],
  ] as const)('on a terminal, answering "%s"', (answer, status, changed) => {
    const box = repo();
    box.write('server/pay.js', payJs(key));
    box.gitOk('add', 'server/pay.js');
    const index = box.indexBytes();
    const result = box.run('script', inTerminal('node_modules/.bin/secret-hook fix --no-color', 200), {
      input: `${answer}\n`,
      timeout: 60_000,
    });
    expect(box.indexBytes()).toEqual(index);
    expect(result.output).toContain('Make these changes in the working tree? [y/N]');
    expect(result.output).not.toContain(key);
    expect(result.status, result.output).toBe(status);
    expect(read(box, 'server/pay.js')).toBe(
      changed ? payJs('').replace('""', 'process.env.STRIPE_SECRET_KEY') : payJs(key),
    );
    expect(exists(box, '.env')).toBe(changed);
  });
});

describe('byte for byte', () => {
  it('a CRLF file without a final newline stays so; only the literal changes', () => {
    const box = repo();
    const before = `const Stripe = require("stripe");\r\n\r\nconst stripe = new Stripe("${key}");\r\nmodule.exports = stripe;`;
    const result = fixStaged(box, { 'server/pay.js': before });
    expect(result.status, result.output).toBe(0);
    const after = fs.readFileSync(path.join(box.dir, 'server/pay.js'));
    expect(after.equals(Buffer.from(before.replace(`"${key}"`, 'process.env.STRIPE_SECRET_KEY')))).toBe(true);
  });

  it('Python: import os in a CRLF file takes its line ending; UTF-8 around the literal is kept', () => {
    const box = repo({ 'pyproject.toml': '[project]\nname = "x"\n' });
    const before = `# -*- coding: utf-8 -*-\r\nimport stripe\r\n\r\nstripe.api_key = "${key}"  # clé\r\n`;
    const result = fixStaged(box, { 'app/pay.py': before });
    expect(result.status, result.output).toBe(0);
    expect(fs.readFileSync(path.join(box.dir, 'app/pay.py'), 'utf8')).toBe(
      `# -*- coding: utf-8 -*-\r\nimport os\r\nimport stripe\r\n\r\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]  # clé\r\n`,
    );
  });

  it('keeps the file mode (an executable script stays executable)', () => {
    const box = repo();
    box.write('deploy.sh', `#!/bin/sh\ncurl -u "${key}:" https://api.stripe.com/v1/charges\n`);
    fs.chmodSync(path.join(box.dir, 'deploy.sh'), 0o755);
    const result = fixStaged(box, { 'deploy.sh': read(box, 'deploy.sh') });
    expect(result.status, result.output).toBe(0);
    expect(fs.statSync(path.join(box.dir, 'deploy.sh')).mode & 0o777).toBe(0o755);
  });
});

describe('what it fixes and what it leaves, together', () => {
  it('fixes what it can, lists the rest with the manual step, and says what to stage', () => {
    const box = repo();
    box.write('server/pay.js', payJs(key));
    box.gitOk('add', 'server/pay.js');
    // Unstaged changes elsewhere in the file: the staged line is found where it now stands.
    box.write('server/pay.js', `// billing\n${payJs(key)}`);
    const result = fixStaged(box, { 'web/Checkout.jsx': `const k = "${other}";\n` });
    expect(result.status, result.output).toBe(1);
    expect(read(box, 'server/pay.js')).toBe(
      `// billing\nconst Stripe = require("stripe");\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n`,
    );
    expect(result.output).toContain('1 can be moved out of the code as shown below, the others by hand');
    expect(result.output).toContain('git add -p server/pay.js');
    expect(result.output).toContain('Until you stage the fix, the staged copy still holds the secret');
    expect(read(box, 'web/Checkout.jsx')).toBe(`const k = "${other}";\n`);
  });

  it('fix <path>: the working-tree file, staged or not', () => {
    const box = repo();
    box.write('server/pay.js', payJs(key));
    const result = box.secretHook(['fix', '--yes', 'server/pay.js'], { env: { COLUMNS: '300' } });
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toContain(key);
    expect(read(box, 'server/pay.js')).toContain('new Stripe(process.env.STRIPE_SECRET_KEY)');
    expect(read(box, '.env')).toBe(`STRIPE_SECRET_KEY=${key}\n`);
    expect(result.output).not.toContain('staged copy');
  });

  it('nothing staged: says so, and how to name files after git commit -a', () => {
    const box = repo();
    const result = box.secretHook(['fix']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain('no secret found in the staged changes');
    expect(result.stdout).toContain('secret-hook fix <file>');
  });
});
