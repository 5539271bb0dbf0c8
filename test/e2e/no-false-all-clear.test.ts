// Ways a real secret got committed or pushed with no warning, each reproduced the way a user would meet it, with
// the packed package installed through husky, real `git commit` and real `git push` to a bare repository.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { cleanEnv, Sandbox, sandboxesCleanedAfterEach } from '../helpers/sandbox.js';
import { preCommitProgram } from '../helpers/pre-commit-program.js';

const root = path.resolve(import.meta.dirname, '../..');
const keys = new FakeKeys(1010);
const sandboxes = sandboxesCleanedAfterEach();

function seeded(options?: ConstructorParameters<typeof Sandbox>[0]): Sandbox {
  const box = new Sandbox(options);
  sandboxes.push(box);
  box.seed({ 'README.md': '# app\n', 'src/app.js': 'export const port = 8080;\n' }, 'initial');
  return box;
}

const liveKey = () => `sk_live_${keys.chars('base62', 40)}`;

function commit(box: Sandbox, files: Record<string, string | Buffer>, message = 'change') {
  for (const [file, content] of Object.entries(files)) box.write(file, content);
  box.gitOk('add', '--', ...Object.keys(files));
  return box.git('commit', '-m', message);
}

function expectStopped(result: { status: number; output: string }, secret: string, title = 'Stripe live secret key') {
  expect(result.status, result.output).not.toBe(0);
  expect(result.output).toContain(title);
  expect(result.output).not.toContain(secret);
}

function remoteRefs(box: Sandbox, remote = box.remote): string {
  return execFileSync('git', ['for-each-ref', '--format=%(refname) %(objectname)'], {
    cwd: remote,
    env: cleanEnv(box.home),
    encoding: 'utf8',
  });
}

describe('private keys between committed armour lines', () => {
  const sshKey = (box: Sandbox, name: string) => {
    const file = path.join(box.root, name);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'deploy', '-f', file]);
    return fs.readFileSync(file, 'utf8');
  };
  const bodyOf = (pem: string) => pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));

  it('rotating an SSH key file is blocked at commit, at push and in the history', () => {
    const box = seeded();
    box.seed({ 'deploy/id_ed25519': sshKey(box, 'old-key') }, 'deploy key');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
    const fresh = sshKey(box, 'new-key');
    // Two ed25519 keys share their armour lines, and their first body line too: only body lines are added.
    box.write('deploy/id_ed25519', fresh);
    box.gitOk('add', 'deploy/id_ed25519');
    const secretLine = bodyOf(fresh)[2]!;
    const commit = box.git('commit', '-m', 'rotate deploy key');
    expectStopped(commit, secretLine, 'Private key');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'rotate deploy key');
    expectStopped(box.git('push', 'origin', 'main'), secretLine, 'Private key');
    const history = box.secretHook(['check', '--history']);
    expectStopped(history, secretLine, 'Private key');
  });

  it('a key body pasted between the armour lines of a committed template is blocked', () => {
    const box = seeded();
    const template = (body: string[]) =>
      [
        'tls:',
        '  key: |',
        '    -----BEGIN PRIVATE KEY-----',
        ...body.map((l) => `    ${l}`),
        '    -----END PRIVATE KEY-----',
        '',
      ].join('\n');
    box.seed(
      {
        'chart/values.yaml': template([]),
        'certs/deploy.pem': '-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n',
      },
      'templates',
    );
    const body = keys.derBody('pkcs8').split('\n');
    expectStopped(commit(box, { 'chart/values.yaml': template(body) }), body[3]!, 'Private key');
    const rsa = keys.derBody('pkcs1').split('\n');
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${rsa.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
    expectStopped(commit(box, { 'certs/deploy.pem': pem }), rsa[3]!, 'Private key');
  });

  it('a key body alone, without armour, is blocked', () => {
    const box = seeded();
    const body = keys.derBody('sec1').replace(/\n/g, '');
    expectStopped(commit(box, { '.env': `SIGNING_KEY=${body}\n` }), body, 'Private key');
  });
});

describe('a value added inside a committed structure that names it', () => {
  it('a default added to a committed Terraform secret variable is blocked at commit, at push and in the history', () => {
    const box = seeded();
    const head = 'variable "nextauth_secret" {\n  type        = string\n  description = "NextAuth signing secret"\n';
    box.seed({ 'infra/variables.tf': `${head}}\n` }, 'variables');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
    const secret = keys.chars('base62', 32);
    const title = 'Secret as the default of a Terraform variable';
    const result = commit(box, { 'infra/variables.tf': `${head}  default     = "${secret}"\n}\n` });
    expectStopped(result, secret, title);
    box.gitOk('commit', '-q', '--no-verify', '-m', 'default');
    expectStopped(box.git('push', 'origin', 'main'), secret, title);
    expectStopped(box.secretHook(['check', '--history']), secret, title);
  });

  it("a value appended to a Secret's data far below its kind is blocked", () => {
    const box = seeded();
    const labels = Array.from({ length: 14 }, (_, i) => `    label-${i}: shop`).join('\n');
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  labels:\n${labels}\ntype: Opaque\ndata:\n  DB_USER: c2hvcA==\n`;
    box.seed({ 'k8s/secret.yaml': manifest }, 'secret manifest');
    const value = Buffer.from(`${keys.chars('base62', 18)}\n`).toString('base64');
    expectStopped(
      commit(box, { 'k8s/secret.yaml': `${manifest}  DB_PASSWORD: ${value}\n` }),
      value,
      'Kubernetes Secret',
    );
  });
});

describe('pushing to a second remote', () => {
  it('pushing commits already on origin to a new remote scans them: that is the open-sourcing moment', () => {
    const box = seeded();
    box.gitOk('push', '-q', 'origin', 'main');
    const secret = liveKey();
    box.seed({ 'src/pay.js': `const key = "${secret}";\n` }, 'payments');
    // Published on origin without the hook, and origin's tracking ref knows it.
    box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
    const publicRemote = path.join(box.root, 'public.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', publicRemote], { env: cleanEnv(box.home) });
    box.gitOk('remote', 'add', 'public', publicRemote);
    const before = remoteRefs(box, publicRemote);
    const push = box.git('push', 'public', 'main');
    expectStopped(push, secret);
    expect(push.output).toContain('payments');
    expect(remoteRefs(box, publicRemote)).toBe(before);
  });

  it('pushing to a URL that is not a configured remote scans everything it publishes', () => {
    const box = seeded();
    const secret = liveKey();
    box.seed({ 'src/pay.js': `const key = "${secret}";\n` }, 'payments');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
    const elsewhere = path.join(box.root, 'elsewhere.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', elsewhere], { env: cleanEnv(box.home) });
    expectStopped(box.git('push', elsewhere, 'main'), secret);
  });

  it('pushing to origin again stays quiet about what origin already has', () => {
    const box = seeded();
    box.seed({ 'src/pay.js': `const key = "${liveKey()}";\n` }, 'payments');
    box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
    box.seed({ 'docs.md': 'docs\n' }, 'docs');
    const push = box.git('push', 'origin', 'main');
    expect(push.status, push.output).toBe(0);
  });
});

describe('ranges and history read content, not .gitattributes', () => {
  it('a file marked -diff is still scanned by check <range> and check --history', () => {
    const box = seeded();
    const base = box.head();
    box.seed({ '.gitattributes': '*.env -diff\n' }, 'attributes');
    const secret = liveKey();
    box.seed({ 'prod.env': `STRIPE_SECRET_KEY=${secret}\n` }, 'add env');
    const range = box.secretHook(['check', `${base}..HEAD`]);
    expectStopped(range, secret);
    expectStopped(box.secretHook(['check', '--history']), secret);
  });
});

describe('GIT_DIR without GIT_WORK_TREE', () => {
  it("committing inside a submodule honours the submodule's own configuration", () => {
    const box = seeded();
    const sub = path.join(box.root, 'sub-origin');
    fs.mkdirSync(sub);
    const env = cleanEnv(box.home);
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' });
    git(sub, 'init', '-q', '-b', 'main');
    git(sub, 'config', 'user.name', 'Sub');
    git(sub, 'config', 'user.email', 'sub@example.invalid');
    // A custom rule only the submodule's configuration knows.
    const acme = `acme_${keys.chars('lower', 20)}`;
    fs.writeFileSync(
      path.join(sub, 'secret-hook.config.json'),
      JSON.stringify({
        customRules: [
          {
            id: 'acme-api-key',
            title: 'Acme API key',
            keywords: ['acme_'],
            pattern: '(?<![a-z0-9])(?<secret>acme_[a-z0-9]{20})(?![a-z0-9])',
            examples: [`ACME_KEY=acme_${'q8w7e6r5t4y3u2i1o9p0'}`],
            negativeExamples: ['acme_short'],
          },
        ],
      }),
    );
    git(sub, 'add', '.');
    git(sub, 'commit', '-q', '-m', 'config');
    box.gitOk('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub');
    const subDir = path.join(box.dir, 'vendor/sub');
    git(subDir, 'config', 'user.name', 'Sub');
    git(subDir, 'config', 'user.email', 'sub@example.invalid');
    // The submodule's hooks live in the superproject's .git/modules/vendor/sub/hooks.
    fs.symlinkSync(path.join(box.dir, 'node_modules'), path.join(subDir, 'node_modules'));
    const installed = box.secretHook(['install'], { cwd: subDir });
    expect(installed.status, installed.output).toBe(0);
    fs.writeFileSync(path.join(subDir, 'keys.txt'), `ACME_KEY=${acme}\n`);
    git(subDir, 'add', 'keys.txt');
    expectStopped(box.run('git', ['commit', '-m', 'key'], { cwd: subDir }), acme, 'Acme API key');
  });
});

describe('one verdict per path', () => {
  it('the same bytes at an ignored path and at a real path in one push: the real path is scanned', () => {
    const box = seeded();
    box.seed({ 'secret-hook.config.json': JSON.stringify({ ignorePaths: ['fixtures/'] }) }, 'config');
    box.gitOk('push', '-q', 'origin', 'main');
    const secret = liveKey();
    const content = `STRIPE_SECRET_KEY=${secret}\n`;
    box.seed({ 'fixtures/a.env': content, 'src/prod.env': content }, 'same bytes twice');
    const push = box.git('push', 'origin', 'main');
    expectStopped(push, secret);
    expect(push.output).toContain('src/prod.env');
  });
});

describe('files named .secret-hook-ignore', () => {
  it('a nested .secret-hook-ignore is scanned like any file', () => {
    const box = seeded();
    const secret = liveKey();
    expectStopped(commit(box, { 'docs/.secret-hook-ignore': `${secret}\n` }), secret);
  });

  it('a raw key pasted into the root ignore file is found, not obeyed', () => {
    const box = seeded();
    const secret = liveKey();
    expectStopped(commit(box, { '.secret-hook-ignore': `# accepted\n${secret}\n` }), secret);
  });

  it("the root ignore file's own fingerprints and comments, as baseline writes them, pass", () => {
    const box = seeded();
    box.seed({ 'legacy.js': `const key = "${liveKey()}";\n` }, 'legacy');
    expect(box.secretHook(['baseline']).status).toBe(0);
    box.gitOk('add', '.secret-hook-ignore');
    const result = box.git('commit', '-m', 'baseline');
    expect(result.status, result.output).toBe(0);
  });
});

describe('type changes', () => {
  it('replacing a symlink with a regular file holding the same text is scanned', () => {
    const box = seeded();
    const secret = liveKey();
    const text = `sk=${secret}`;
    fs.symlinkSync(text, path.join(box.dir, 'key-link'));
    box.gitOk('add', 'key-link');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'a symlink whose target looks like a key');
    fs.rmSync(path.join(box.dir, 'key-link'));
    box.write('key-link', text);
    box.gitOk('add', 'key-link');
    expectStopped(box.git('commit', '-m', 'now a file'), secret);
  });
});

describe('content that is text in all but name', () => {
  const withKey = (secret: string) => `STRIPE_SECRET_KEY=${secret}\n`;

  it('a key after a stray NUL byte is found', () => {
    const box = seeded();
    const secret = liveKey();
    const data = Buffer.concat([
      Buffer.from('header'),
      Buffer.from([0]),
      Buffer.from(`\n${'x = 1\n'.repeat(40)}${withKey(secret)}`),
    ]);
    expectStopped(commit(box, { 'config.txt': data }), secret);
  });

  it('UTF-16 without a byte-order mark and UTF-32 are read', () => {
    const box = seeded();
    const a = liveKey();
    expectStopped(commit(box, { 'a.env': Buffer.from(withKey(a), 'utf16le') }), a);
    const b = liveKey();
    const text = withKey(b);
    const utf32 = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) utf32.writeUInt32LE(text.charCodeAt(i), i * 4);
    expectStopped(commit(box, { 'b.env': utf32 }), b);
  });

  it('a file that starts like a Git LFS pointer but is not one is scanned', () => {
    const box = seeded();
    const secret = liveKey();
    expectStopped(commit(box, { 'big.bin': `version https://git-lfs.github.com/spec/v1\n${withKey(secret)}` }), secret);
  });

  it('a key inside a binary file is found in its printable text, and the binary is listed', () => {
    const box = seeded();
    const secret = liveKey();
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.alloc(300, 1),
      Buffer.from(`tEXtkey ${secret}`),
      Buffer.alloc(300, 2),
    ]);
    expectStopped(commit(box, { 'logo.png': png }), secret);
  });

  it('a new archive is listed as not scanned, without --verbose', () => {
    const box = seeded();
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    const result = commit(box, { 'release.zip': zip });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('release.zip');
    expect(result.output).toContain('not scanned');
  });
});

describe('baseline and --all', () => {
  it('baseline --history does not accept a key that was only stashed', () => {
    const box = seeded();
    const secret = liveKey();
    box.write('src/pay.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'src/pay.js');
    box.gitOk('stash', '-q');
    const baseline = box.secretHook(['baseline', '--history']);
    expect(baseline.status, baseline.output).toBe(0);
    box.gitOk('stash', 'pop', '-q');
    box.gitOk('add', 'src/pay.js');
    expectStopped(box.git('commit', '-m', 'pay'), secret);
  });

  it('baseline does not accept what is only staged', () => {
    const box = seeded();
    const secret = liveKey();
    box.write('src/pay.js', `const key = "${secret}";\n`);
    box.gitOk('add', 'src/pay.js');
    expect(box.secretHook(['baseline']).status).toBe(0);
    expectStopped(box.git('commit', '-m', 'pay'), secret);
  });

  it('check --all on a file git does not track is an error, not a clean result', () => {
    const box = seeded();
    box.write('untracked.js', `const key = "${liveKey()}";\n`);
    const result = box.secretHook(['check', '--all', 'untracked.js']);
    expect(result.status).toBe(2);
    expect(result.output).toContain('not tracked');
    expect(result.output).not.toContain('No secrets found');
  });
});

describe('integrations are at least as strict as the plain hook', () => {
  it('lint-staged with the documented options passes a symlink turned into a key file to secret-hook', () => {
    const box = seeded({ husky: true, install: false });
    box.write('package.json', JSON.stringify({ name: 'app', 'lint-staged': { '*': 'secret-hook pre-commit' } }));
    box.write('.husky/pre-commit', 'lint-staged --diff-filter=ACMRT\n');
    box.gitOk('add', 'package.json', '.husky/pre-commit');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'lint-staged');
    fs.symlinkSync('README.md', path.join(box.dir, 'settings'));
    box.gitOk('add', 'settings');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'link');
    fs.rmSync(path.join(box.dir, 'settings'));
    const secret = liveKey();
    box.write('settings', `STRIPE_SECRET_KEY=${secret}\n`);
    box.gitOk('add', 'settings');
    expectStopped(box.git('commit', '-m', 'type change'), secret);
  });

  it('secret-hook pre-commit run by lint-staged scans every staged change, whatever files its glob passed', () => {
    const box = seeded({ husky: true, install: false });
    box.write('package.json', JSON.stringify({ name: 'app', 'lint-staged': { '*.js': 'secret-hook pre-commit' } }));
    box.write('.husky/pre-commit', 'lint-staged\n');
    box.gitOk('add', 'package.json', '.husky/pre-commit');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'lint-staged');
    const secret = liveKey();
    expectStopped(
      commit(box, { 'src/util.js': 'export const two = 2;\n', '.env': `STRIPE_SECRET_KEY=${secret}\n` }),
      secret,
    );
  });

  it("a plain pre-push reads git's refs even when PRE_COMMIT=1 is set in the environment", () => {
    const box = seeded();
    box.gitOk('push', '-q', 'origin', 'main');
    // The pushed branch is not the one checked out: only git's ref lines say what is pushed.
    box.gitOk('checkout', '-q', '-b', 'feature');
    const secret = liveKey();
    box.seed({ 'src/pay.js': `const key = "${secret}";\n` }, 'payments');
    box.gitOk('checkout', '-q', 'main');
    const push = box.run('git', ['push', 'origin', 'feature'], { env: { PRE_COMMIT: '1' } });
    expectStopped(push, secret);
  });

  it('the pre-commit framework: --all-files checks tracked files, and a push of a branch that is not HEAD is scanned', () => {
    const program = preCommitProgram();
    const box = seeded({ husky: false, install: false });
    const hookRepo = path.join(box.root, 'hook-repo');
    execFileSync('git', ['clone', '-q', root, hookRepo]);
    // The working copy's hook definitions and entry script, as they will be committed.
    for (const file of ['.pre-commit-hooks.yaml', 'scripts/pre-commit-framework.sh']) {
      fs.copyFileSync(path.join(root, file), path.join(hookRepo, file));
    }
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '--allow-empty', '-am', 'hooks'],
      {
        cwd: hookRepo,
      },
    );
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: hookRepo, encoding: 'utf8' }).trim();
    box.write(
      '.pre-commit-config.yaml',
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: secret-hook\n      - id: secret-hook-push\n`,
    );
    const tracked = liveKey();
    box.seed(
      {
        '.pre-commit-config.yaml': fs.readFileSync(path.join(box.dir, '.pre-commit-config.yaml'), 'utf8'),
        'old.js': `const key = "${tracked}";\n`,
      },
      'config and an old key',
    );
    const installed = box.run(program, ['install', '--hook-type', 'pre-commit', '--hook-type', 'pre-push']);
    expect(installed.status, installed.output).toBe(0);
    const all = box.run(program, ['run', '--all-files', 'secret-hook']);
    expectStopped(all, tracked);
    box.gitOk('push', '-q', '--no-verify', 'origin', 'main');
    // A branch that is not checked out, pushed along with main.
    box.gitOk('checkout', '-q', '-b', 'feature');
    const secret = liveKey();
    box.seed({ 'feature.js': `const key = "${secret}";\n` }, 'feature work');
    box.gitOk('checkout', '-q', 'main');
    box.seed({ 'docs.md': 'docs\n' }, 'docs');
    const push = box.git('push', 'origin', 'main', 'feature');
    expectStopped(push, secret);
    expect(push.output).toContain('feature work');
  }, 600_000);
});
