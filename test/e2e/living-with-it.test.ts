// Configuration, suppressions, baseline, output formats and integrations, through real git in real repositories.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FakeKeys } from '../helpers/examples.js';
import { type Sandbox, sandboxesCleanedAfterEach, type SandboxOptions, seededSandbox } from '../helpers/sandbox.js';
import { inTerminal } from '../helpers/terminal-screen.js';
import { preCommitProgram } from '../helpers/pre-commit-program.js';

const root = path.resolve(import.meta.dirname, '../..');
const keys = new FakeKeys(99);
const sandboxes = sandboxesCleanedAfterEach();

function seeded(options?: SandboxOptions): Sandbox {
  return seededSandbox(sandboxes, undefined, options);
}

const liveKey = () => `sk_live_${keys.chars('base62', 40)}`;

function commitFile(box: Sandbox, file: string, content: string) {
  box.write(file, content);
  box.gitOk('add', file);
  return box.git('commit', '-m', `change ${file}`);
}

describe('configuration', () => {
  it('turns a rule off, ignores paths, allows values and changes the test-key policy', () => {
    const box = seeded();
    const allowed = liveKey();
    box.write(
      'secret-hook.config.json',
      JSON.stringify({
        rules: { 'aws-access-key-id': 'off' },
        ignorePaths: ['fixtures/'],
        allow: { values: [allowed] },
        testKeys: 'block',
      }),
    );
    expect(commitFile(box, 'a.sh', `export AWS_ACCESS_KEY_ID=AKIA${keys.chars('base32', 16)}\n`).status).toBe(0);
    expect(commitFile(box, 'fixtures/keys.js', `const k = "${liveKey()}";\n`).status).toBe(0);
    expect(commitFile(box, 'demo.js', `const k = "${allowed}";\n`).status).toBe(0);
    const testKey = commitFile(box, 'test.js', `const k = "sk_test_${keys.chars('base62', 30)}";\n`);
    expect(testKey.status).not.toBe(0);
    expect(testKey.output).toContain('Stripe test-mode secret key');
  });

  it('blocks the commit on an invalid configuration, naming the file and the key', () => {
    const box = seeded();
    box.write('secret-hook.config.yaml', 'ignorePaths: fixtures/**\n');
    const headBefore = box.head();
    const result = commitFile(box, 'clean.txt', 'nothing secret\n');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('secret-hook.config.yaml at ignorePaths');
    expect(result.output).toContain('expected an array of strings');
    expect(result.output).toContain('git commit --no-verify');
    expect(box.head()).toBe(headBefore);
    expect(box.secretHook(['pre-commit']).status).toBe(2);
  });

  it('applies a custom rule from package.json', () => {
    const box = seeded();
    box.write(
      'package.json',
      JSON.stringify({
        name: 'app',
        'secret-hook': {
          customRules: [
            {
              id: 'acme-api-key',
              title: 'Acme API key',
              keywords: ['acme_'],
              pattern: '(?<![a-z0-9])(?<secret>acme_[a-z0-9]{20})(?![a-z0-9])',
              examples: ['ACME=acme_q8w7e6r5t4y3u2i1o9p0'],
              fix: { env: 'ACME_API_KEY', provider: 'Acme' },
            },
          ],
        },
      }),
    );
    const result = commitFile(box, 'acme.py', `ACME = "acme_${keys.chars('lower', 20)}"\n`);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('Acme API key');
    expect(result.output).toContain('os.environ["ACME_API_KEY"]');
  });
});

describe('a project that commits its dependencies', () => {
  it('commits node_modules with secret-hook in it: its own rules and data are not reported, a key there still is', () => {
    const box = seeded();
    // A real copy of the installed package (the sandbox's node_modules is a link, which git would add as a link).
    const installed = fs.realpathSync(path.join(box.dir, 'node_modules', 'secret-hook'));
    fs.cpSync(installed, path.join(box.dir, 'deps', 'node_modules', 'secret-hook'), { recursive: true });
    box.gitOk('add', '-f', 'deps');
    const committed = box.git('commit', '-m', 'vendor the dependencies');
    expect(committed.status, committed.output).toBe(0);
    expect(box.gitOk('ls-files', 'deps')).toContain('deps/node_modules/secret-hook/dist/detection.json');
    // A prefixed key in a vendored file is still a key.
    box.write('deps/node_modules/acme/config.js', `module.exports = '${liveKey()}';\n`);
    box.gitOk('add', '-f', 'deps');
    const blocked = box.git('commit', '-m', 'vendor acme');
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain('Stripe live secret key');
  });
});

describe('suppressions', () => {
  const syntaxes: [string, (line: string) => string, (line: string) => string][] = [
    ['app.js', (l) => `${l} // secret-hook:allow`, (l) => `// secret-hook:allow-next-line\n${l}`],
    ['app.py', (l) => `${l}  # secret-hook:allow`, (l) => `# secret-hook:allow-next-line\n${l}`],
    [
      'page.html',
      (l) => `<!-- ${l} --> <!-- secret-hook:allow -->`,
      (l) => `<!-- secret-hook:allow-next-line -->\n<!-- ${l} -->`,
    ],
    ['style.css', (l) => `/* ${l} */ /* secret-hook:allow */`, (l) => `/* secret-hook:allow-next-line */\n/* ${l} */`],
    [
      'query.sql',
      (l) => `SELECT '${l}'; -- secret-hook:allow`,
      (l) => `-- secret-hook:allow-next-line\nSELECT '${l}';`,
    ],
    ['app.ini', (l) => `key=${l} ; secret-hook:allow`, (l) => `; secret-hook:allow-next-line\nkey=${l}`],
    ['run.bat', (l) => `set KEY=${l} & REM secret-hook:allow`, (l) => `REM secret-hook:allow-next-line\nset KEY=${l}`],
    [
      'doc.tex',
      (l) => `\\newcommand{\\key}{${l}} % secret-hook:allow`,
      (l) => `% secret-hook:allow-next-line\n\\newcommand{\\key}{${l}}`,
    ],
    [
      'mod.vb',
      (l) => `Const Key = "${l}" ' gitleaks:allow`,
      (l) => `' secret-hook:allow-next-line\nConst Key = "${l}"`,
    ],
    ['conf.yaml', (l) => `key: ${l}  # pragma: allowlist secret`, (l) => `# secret-hook:allow-next-line\nkey: ${l}`],
  ];

  it.each(syntaxes)('honours allow comments in %s', (file, sameLine, nextLine) => {
    const box = seeded();
    const secret = liveKey();
    expect(commitFile(box, file, `${sameLine(secret)}\n`).status).toBe(0);
    expect(commitFile(box, `next-${file}`, `${nextLine(liveKey())}\n`).status).toBe(0);
    const unmarked = commitFile(
      box,
      `plain-${file}`,
      `${sameLine(liveKey()).replace(/secret-hook:allow|gitleaks:allow|pragma: allowlist secret/, 'note')}\n`,
    );
    expect(unmarked.status).not.toBe(0);
  });

  it('reports allow comments that silence nothing any more with check --all', () => {
    const box = seeded();
    box.seed({ 'old.js': 'const key = process.env.KEY; // secret-hook:allow\nconst b = 2;\n' });
    const result = box.secretHook(['check', '--all']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('stale allow comment: old.js:1');
  });

  it('honours SKIP=secret-hook, visibly', () => {
    const box = seeded();
    box.write('k.js', `const k = "${liveKey()}";\n`);
    box.gitOk('add', 'k.js');
    const result = box.run('git', ['commit', '-m', 'skip'], { env: { SKIP: 'lint,secret-hook' } });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('skipped because SKIP includes secret-hook');
  });
});

describe('baseline', () => {
  it('accepts existing findings; a new secret still blocks and moved code does not churn', () => {
    const box = seeded();
    const old = liveKey();
    box.seed({ 'legacy/config.js': `const a = 1;\nconst key = "${old}";\n` }, 'legacy');
    expect(box.secretHook(['check', '--all']).status).toBe(1);
    const baseline = box.secretHook(['baseline']);
    expect(baseline.status, baseline.output).toBe(0);
    expect(baseline.stdout).toContain('added 1 finding');
    const ignore = fs.readFileSync(path.join(box.dir, '.secret-hook-ignore'), 'utf8');
    expect(ignore).toContain('stripe-live-secret-key:legacy/config.js:');
    expect(ignore).not.toContain(old);
    expect(box.secretHook(['baseline']).stdout).toContain('nothing new');
    expect(commitFile(box, '.secret-hook-ignore', ignore).status).toBe(0);
    expect(box.secretHook(['check', '--all']).status).toBe(0);
    expect(box.secretHook(['check', '--history']).status).toBe(0);
    // The old secret moves down a line: same fingerprint, still accepted.
    expect(commitFile(box, 'legacy/config.js', `const a = 1;\nconst b = 2;\nconst key = "${old}";\n`).status).toBe(0);
    // The same key in another file, or a new key, blocks.
    expect(commitFile(box, 'copy.js', `const key = "${old}";\n`).status).not.toBe(0);
    expect(commitFile(box, 'legacy/new.js', `const key = "${liveKey()}";\n`).status).not.toBe(0);
  });

  it('a key accepted alone stays accepted when the other half of its pair is added (a Customer.io Site ID)', () => {
    const box = seeded();
    const key = keys.chars('hex', 20);
    box.seed({ 'app/.env': `# Customer.io\nCUSTOMERIO_API_KEY=${key}\n` }, 'track key');
    expect(box.secretHook(['baseline']).stdout).toContain('added 1 finding');
    box.gitOk('add', '.secret-hook-ignore');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'baseline');
    const withSite = `# Customer.io\nCUSTOMERIO_SITE_ID=${keys.chars('hex', 20)}\nCUSTOMERIO_API_KEY=${key}\n`;
    expect(commitFile(box, 'app/.env', withSite).status).toBe(0);
    // The pair is reported under its own fingerprint, which the baseline does not hold: the key's accepts it.
    const all = box.secretHook(['check', '--all', '--format', 'json']);
    expect(all.status, all.output).toBe(0);
    expect(box.secretHook(['check', '--history']).status).toBe(0);
    // A new key beside the same Site ID is not accepted.
    const replaced = withSite.replace(key, keys.chars('hex', 20));
    expect(commitFile(box, 'app/.env', replaced).status).not.toBe(0);
  });

  it('a pair accepted by baseline stays accepted when its Site ID is removed, and records no whole value', () => {
    const box = seeded();
    const [site, key] = [keys.chars('hex', 20), keys.chars('hex', 20)];
    box.seed({ 'app/.env': `# Customer.io\nCUSTOMERIO_SITE_ID=${site}\nCUSTOMERIO_API_KEY=${key}\n` }, 'pair');
    expect(box.secretHook(['check', '--all']).status).toBe(1);
    expect(box.secretHook(['baseline']).stdout).toContain('added 1 finding');
    const ignore = fs.readFileSync(path.join(box.dir, '.secret-hook-ignore'), 'utf8');
    expect(ignore).not.toContain(key);
    expect(ignore).not.toContain(site);
    expect(box.secretHook(['check', '--all']).status).toBe(0);
    box.gitOk('add', '.secret-hook-ignore');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'baseline');
    expect(commitFile(box, 'app/.env', `# Customer.io\nCUSTOMERIO_API_KEY=${key}\n`).status).toBe(0);
    const all = box.secretHook(['check', '--all']);
    expect(all.status, all.output).toBe(0);
  });
});

describe('output formats', () => {
  it('prints SARIF 2.1.0 that validates against the schema, and GitHub annotations, all redacted', () => {
    const box = seeded();
    const secret = liveKey();
    box.write('pay.js', `const k = "${secret}";\n`);
    box.gitOk('add', 'pay.js');
    const sarif = box.secretHook(['check', '--format', 'sarif']);
    expect(sarif.status).toBe(1);
    expect(sarif.stdout).not.toContain(secret);
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/sarif-2.1.0.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(sarif.stdout)), JSON.stringify(validate.errors)).toBe(true);
    const github = box.secretHook(['check', '--format', 'github']);
    expect(github.stdout).toMatch(/^::error file=pay\.js,line=1,col=\d+,title=Stripe live secret key::/m);
    expect(github.stdout).not.toContain(secret);
    const shown = box.secretHook(['check', '--format', 'json', '--show-secrets']);
    expect(shown.stdout).toContain(secret);
  });
});

describe('integrations', () => {
  it('runs through lint-staged with the staged paths', () => {
    const box = seeded({ husky: true, install: false });
    box.write('package.json', JSON.stringify({ name: 'app', 'lint-staged': { '*': 'secret-hook check' } }));
    box.write('.husky/pre-commit', 'lint-staged\n');
    box.gitOk('add', 'package.json', '.husky/pre-commit');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'lint-staged');
    expect(commitFile(box, 'clean.js', 'export const a = 1;\n').status).toBe(0);
    const secret = liveKey();
    const blocked = commitFile(box, 'pay.js', `const k = "${secret}";\n`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.output).toContain('Stripe live secret key');
    expect(blocked.output).not.toContain(secret);
  });

  it('runs as a pre-commit framework hook, for commits and pushes', () => {
    const program = preCommitProgram();
    const box = seeded({ husky: false, install: false });
    // A release as scripts/release-pre-commit.sh makes it, from the working copy's files: a tag whose commit holds a
    // built dist/ with its dependencies bundled in (node_modules only lends the build its tools; it is not committed).
    const hookRepo = path.join(box.root, 'hook-repo');
    execFileSync('git', ['clone', '-q', root, hookRepo]);
    for (const file of [
      '.pre-commit-hooks.yaml',
      'scripts/pre-commit-framework.sh',
      'scripts/release-pre-commit.sh',
      'scripts/build.mjs',
    ]) {
      fs.copyFileSync(path.join(root, file), path.join(hookRepo, file));
    }
    const inHookRepo = {
      cwd: hookRepo,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.invalid',
      },
    };
    execFileSync('git', ['commit', '-q', '--allow-empty', '-am', 'hooks'], inHookRepo);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(hookRepo, 'node_modules'));
    execFileSync('bash', ['scripts/release-pre-commit.sh', 'v9.9.9'], { ...inHookRepo, stdio: 'pipe' });
    const shipped = execFileSync('git', ['ls-tree', '-r', '--name-only', 'v9.9.9'], inHookRepo).toString();
    expect(shipped).toContain('dist/vendor/isomorphic-git.cjs');
    expect(shipped).not.toContain('node_modules');
    box.write(
      '.pre-commit-config.yaml',
      `repos:\n  - repo: ${hookRepo}\n    rev: v9.9.9\n    hooks:\n      - id: secret-hook\n      - id: secret-hook-commit-msg\n      - id: secret-hook-push\n`,
    );
    box.gitOk('add', '.pre-commit-config.yaml');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'pre-commit config');
    const installed = box.run(program, [
      'install',
      '--hook-type',
      'pre-commit',
      '--hook-type',
      'commit-msg',
      '--hook-type',
      'pre-push',
    ]);
    expect(installed.status, installed.output).toBe(0);
    // The first commit runs the shipped build at once: nothing is installed or built in the framework's cache.
    box.write('clean.js', 'export const a = 1;\n');
    box.gitOk('add', 'clean.js');
    const first = box.run('script', inTerminal("git commit -q -m 'change clean.js'", 100));
    expect(first.status, first.output).toBe(0);
    expect(first.stdout).not.toContain('first run');
    expect(first.stdout).not.toMatch(/deprecated stage names/);
    expect(commitFile(box, 'clean2.js', 'export const b = 2;\n').output).not.toContain('first run');
    const secret = liveKey();
    const blocked = commitFile(box, 'pay.js', `const k = "${secret}";\n`);
    expect(blocked.status, blocked.output).not.toBe(0);
    expect(blocked.output).toContain('Stripe live secret key');
    expect(blocked.output).not.toContain(secret);
    // The commit-msg stage: a key in the message.
    box.gitOk('reset', '-q', 'pay.js');
    const inMessage = liveKey();
    const message = box.git('commit', '-q', '--allow-empty', '-m', `use ${inMessage}`);
    expect(message.status, message.output).not.toBe(0);
    expect(message.output).toContain('found in the commit message');
    expect(message.output).not.toContain(inMessage);
    box.gitOk('add', 'pay.js');
    box.gitOk('commit', '-q', '--no-verify', '-m', 'sneak it in');
    const push = box.git('push', 'origin', 'main');
    expect(push.status, push.output).not.toBe(0);
    expect(push.output).toContain('The push was stopped');
    expect(push.output).toContain('Stripe live secret key');
    expect(push.output).toContain('sneak it in');
    expect(push.output).not.toContain(secret);
  }, 600_000);

  it('ships a GitHub Actions workflow whose scan command works on a pull request range, and uploads no SARIF of a failed scan', () => {
    type Step = {
      run?: string;
      uses?: string;
      if?: string;
      env?: Record<string, string>;
      with?: Record<string, string>;
    };
    const workflow = parseYaml(fs.readFileSync(path.join(root, 'examples/github-actions/secret-hook.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { if?: string; steps: Step[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    // Pull requests and pushes to the default branch.
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(Object.values(workflow.jobs)[0]!.if).toContain('github.event.repository.default_branch');
    expect(workflow.permissions).toMatchObject({ actions: 'read', 'security-events': 'write' });
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.if).toContain("steps.scan.outputs.status == '0'");
    const scanStep = steps.find((s) => s.run?.includes('secret-hook check'))!;
    expect(scanStep.run).toContain('--format sarif');
    expect(scanStep.env!['BASE']).toContain('github.event.pull_request.base.sha');
    expect(scanStep.env!['HEAD']).toContain('github.event.pull_request.head.sha');
    // The same command, with a pull request's base and head, in a real repository.
    const box = seeded();
    const base = box.head();
    box.seed({ 'pay.js': `const k = "${liveKey()}";\n` }, 'feature');
    const command = scanStep.run!.replace(
      /npx --no-install secret-hook/g,
      `'${path.join(box.dir, 'node_modules/.bin/secret-hook')}'`,
    );
    const output = path.join(box.root, 'github-output');
    const run = () => box.run('sh', ['-c', command], { env: { BASE: base, HEAD: box.head(), GITHUB_OUTPUT: output } });
    const result = run();
    expect(result.status, result.output).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toBe('status=1\n');
    const sarif = JSON.parse(fs.readFileSync(path.join(box.dir, 'secret-hook.sarif'), 'utf8')) as {
      runs: { results: unknown[] }[];
    };
    expect(sarif.runs[0]!.results).toHaveLength(1);
    // A scan that fails writes no SARIF: nothing empty or stale is uploaded.
    fs.rmSync(path.join(box.dir, 'secret-hook.sarif'));
    fs.rmSync(output);
    box.write('secret-hook.config.json', '{ "rules": ');
    const failed = run();
    expect(failed.status).not.toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toBe('status=2\n');
    expect(fs.existsSync(path.join(box.dir, 'secret-hook.sarif'))).toBe(false);
  });

  it('uninstalls exactly what install added (plain git hooks)', () => {
    const box = seeded({ husky: false });
    const hooks = path.join(box.dir, '.git/hooks');
    expect(fs.existsSync(path.join(hooks, 'pre-commit'))).toBe(true);
    expect(fs.existsSync(path.join(hooks, 'pre-push'))).toBe(true);
    const before = fs.readdirSync(hooks).filter((f) => f.endsWith('.sample'));
    expect(box.secretHook(['uninstall']).status).toBe(0);
    expect(fs.existsSync(path.join(hooks, 'pre-commit'))).toBe(false);
    expect(fs.existsSync(path.join(hooks, 'pre-push'))).toBe(false);
    expect(fs.readdirSync(hooks).filter((f) => f.endsWith('.sample'))).toEqual(before);
  });
});
