// Command-line habits: each command's help, "did you mean", unknown options in our words, options that make no
// sense together refused, --output written whole or not at all, --config, --quiet, colours, version, and install
// writing both hooks or neither. Through runCli in real temporary repositories.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliEnvironment } from '../../../src/commands/cli.js';
import { FakeKeys } from '../../helpers/examples.js';
import { TempRepo } from '../../helpers/temp-repo.js';

const keys = new FakeKeys(1403);
const repos: TempRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  r.commit({ 'README.md': '# app\n' }, 'init');
  return r;
}

/** A repository whose index holds a live Stripe key in src/pay.js. */
function repoWithKey(): TempRepo {
  const r = repo();
  r.write('src/pay.js', `const stripe = new Stripe("sk_live_${keys.chars('base62', 40)}");\n`);
  r.git('add', 'src/pay.js');
  return r;
}

function run(argv: string[], cwd: string, extra: Partial<CliEnvironment> & { env?: Record<string, string> } = {}) {
  const { env, ...rest } = extra;
  return runCli(argv, {
    cwd,
    env: { PATH: process.env['PATH'], HOME: cwd, ...env },
    stdoutIsTty: false,
    stderrIsTty: false,
    stdinIsTty: true,
    binPath: 'secret-hook',
    readStdin: async () => '',
    get stderr(): NodeJS.WriteStream {
      throw new Error('no progress without a terminal');
    },
    ...rest,
  });
}

const ESC = '\x1b[';

describe('help and names', () => {
  it('gives each command its own help', async () => {
    const dir = repo().dir;
    for (const command of [
      'check',
      'pre-commit',
      'pre-push',
      'commit-msg',
      'scan',
      'baseline',
      'install',
      'uninstall',
      'doctor',
      'rules',
      'explain',
    ]) {
      const result = await run([command, '--help'], dir);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: secret-hook ${command}\\b`));
    }
    expect((await run(['help', 'check'], dir)).stdout).toMatch(/^Usage: secret-hook check/);
    expect((await run(['--help'], dir)).stdout).toMatch(/^Usage: secret-hook <command>/);
  });

  it('says "did you mean" for a mistyped command, option or rule id', async () => {
    const dir = repo().dir;
    const command = await run(['chek'], dir);
    expect(command.exitCode).toBe(2);
    expect(command.stderr).toContain('there is no command "chek". Did you mean check?');
    const option = await run(['check', '--stagde'], dir);
    expect(option.exitCode).toBe(2);
    expect(option.stderr).toContain('there is no option --stagde. Did you mean --staged?');
    // In our words, not Node's parseArgs text.
    expect(option.stderr).not.toMatch(/Unknown option|positional argument/);
    const rule = await run(['explain', 'stripe-live-secret'], dir);
    expect(rule.exitCode).toBe(2);
    expect(rule.stderr).toContain('stripe-live-secret-key');
  });

  it("explain <provider> lists that provider's rules", async () => {
    const result = await run(['explain', 'stripe'], repo().dir);
    expect(result.exitCode).toBe(2);
    for (const id of [
      'stripe-live-secret-key',
      'stripe-test-secret-key',
      'stripe-live-restricted-key',
      'stripe-webhook-secret',
    ]) {
      expect(result.stderr).toContain(id);
    }
    expect(result.stderr).not.toContain('klaviyo');
  });

  it('prints the version with the version command and --version', async () => {
    const dir = repo().dir;
    const { VERSION } = await import('../../../src/version.js');
    for (const argv of [['version'], ['--version'], ['-v']]) {
      const result = await run(argv, dir);
      expect(result).toEqual({ exitCode: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });
});

describe('options that do not fit', () => {
  it.each([
    [['check', '--staged', '--all'], 'choose one scope'],
    [['check', '--all', '--history'], 'choose one scope'],
    [['check', '--all', 'main..feature'], 'choose one scope'],
    [['rules', '--format', 'sarif'], 'rules prints text or json, not sarif'],
    [['install', '--all'], 'install does not take --all (it is an option of check, baseline)'],
    [['pre-commit', '--output', 'x.txt'], 'pre-commit does not take --output (it is an option of check, scan, rules)'],
    [['check', '--since'], '--since needs a revision'],
    [['check', '--since', '--all'], '--since needs a revision'],
    [['check', '--all=yes'], '--all takes no value'],
    [['check', '--color', '--no-color'], 'choose --color or --no-color'],
    [['check', '--quiet', '--verbose'], 'choose --quiet or --verbose'],
    [['check', '--format', 'xml'], '--format must be text, json, sarif or github'],
    [['rules', 'extra'], 'rules takes no arguments'],
    [['install', '--chain', '--global'], 'choose --chain or --global'],
    [['scan'], 'scan needs files or directories to scan, or - for standard input'],
    [['scan', '-', '-'], 'give - (standard input) once'],
    [['scan', '-', '--path-hint'], '--path-hint needs a file name, e.g. --path-hint app.env'],
    [['scan', 'README.md', '--path-hint', 'a.env'], '--path-hint names standard input'],
    [['commit-msg'], 'commit-msg needs the message file git passes to the hook'],
    [['doctor', 'extra'], 'doctor takes no arguments'],
  ])('%j is refused', async (argv, message) => {
    const result = await run(argv, repo().dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});

describe('--output FILE', () => {
  it('writes the report there, whole, and nothing to stdout', async () => {
    const r = repoWithKey();
    const result = await run(['check', '--format', 'sarif', '--output', 'out/../report.sarif'], r.dir);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    const log = JSON.parse(fs.readFileSync(path.join(r.dir, 'report.sarif'), 'utf8'));
    expect(log.runs[0].results).toHaveLength(1);
    expect(fs.readdirSync(r.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the whole report with --quiet too, when nothing is found', async () => {
    const clean = repo();
    clean.write('a.js', 'export const a = 1;\n');
    clean.git('add', 'a.js');
    const result = await run(['check', '--quiet', '--format', 'sarif', '--output', 'report.sarif'], clean.dir);
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    const log = JSON.parse(fs.readFileSync(path.join(clean.dir, 'report.sarif'), 'utf8'));
    expect(log.runs[0].results).toEqual([]);
  });

  it('writes no file, and leaves an earlier one alone, when the scan fails', async () => {
    const r = repoWithKey();
    r.write('secret-hook.config.json', '{ "rules": ');
    const fresh = await run(['check', '--format', 'json', '--output', 'new.json'], r.dir);
    expect(fresh.exitCode).toBe(2);
    expect(fs.existsSync(path.join(r.dir, 'new.json'))).toBe(false);
    r.write('old.json', '{"kept": true}');
    const over = await run(['check', '--format', 'json', '--output', 'old.json'], r.dir);
    expect(over.exitCode).toBe(2);
    expect(fs.readFileSync(path.join(r.dir, 'old.json'), 'utf8')).toBe('{"kept": true}');
  });

  it('says so, and exits 2, when the file cannot be written', async () => {
    const r = repoWithKey();
    const result = await run(['check', '--output', 'no/such/dir/report.txt'], r.dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('could not write the report to no/such/dir/report.txt (ENOENT)');
  });
});

describe('--config, --quiet, colours, width', () => {
  it("--config FILE is used instead of the repository's configuration", async () => {
    const r = repoWithKey();
    r.write('other/quiet.json', JSON.stringify({ rules: { 'stripe-live-secret-key': 'off' } }));
    expect((await run(['check'], r.dir)).exitCode).toBe(1);
    const configured = await run(['check', '--config', 'other/quiet.json'], r.dir);
    expect(configured.exitCode).toBe(0);
    const missing = await run(['check', '--config', 'nope.json'], r.dir);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });

  it('--quiet prints nothing unless something blocks', async () => {
    const clean = repo();
    clean.write('a.js', 'export const a = 1;\n');
    clean.git('add', 'a.js');
    expect(await run(['check', '--quiet'], clean.dir)).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect((await run(['check'], clean.dir)).stdout).toContain('No secrets found.');
    const blocked = await run(['check', '--quiet'], repoWithKey().dir);
    expect(blocked.exitCode).toBe(1);
    expect(blocked.stdout).toContain('Stripe live secret key');
  });

  it('colours a terminal by default; NO_COLOR, FORCE_COLOR, --color and --no-color are respected', async () => {
    const dir = repoWithKey().dir;
    const colored = async (argv: string[], tty: boolean, env: Record<string, string> = {}) =>
      (await run(['check', ...argv], dir, { stdoutIsTty: tty, env })).stdout.includes(ESC);
    expect(await colored([], true)).toBe(true);
    expect(await colored([], false)).toBe(false);
    expect(await colored([], true, { NO_COLOR: '1' })).toBe(false);
    expect(await colored([], false, { FORCE_COLOR: '1' })).toBe(true);
    expect(await colored([], true, { FORCE_COLOR: '0' })).toBe(false);
    expect(await colored(['--color'], false, { NO_COLOR: '1' })).toBe(true);
    expect(await colored(['--no-color'], true, { FORCE_COLOR: '1' })).toBe(false);
    expect(await colored([], true, { TERM: 'dumb' })).toBe(false);
  });

  it("fits the terminal's width, or COLUMNS, or 80", async () => {
    const dir = repoWithKey().dir;
    const widest = (out: string) => Math.max(...out.split('\n').map((l) => l.length));
    const tty = await run(['check'], dir, { stdoutIsTty: true, env: { NO_COLOR: '1' }, columns: () => 50 });
    expect(widest(tty.stdout)).toBeLessThanOrEqual(50);
    expect(widest((await run(['check'], dir, { env: { COLUMNS: '60' } })).stdout)).toBeLessThanOrEqual(60);
    const unknown = (await run(['check'], dir)).stdout;
    expect(widest(unknown)).toBeLessThanOrEqual(80);
    expect(widest(unknown)).toBeGreaterThan(60);
  });
});

describe('say what happened', () => {
  it('outside a repository, a manual check neither says a commit was stopped nor suggests --no-verify', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-norepo-'));
    dirs.push(dir);
    const result = await run(['check'], dir, { env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('secret-hook could not complete the scan');
    expect(result.stderr).not.toMatch(/stopped|--no-verify/);
  });
});

describe('install', () => {
  it('installs both hooks or neither: a foreign pre-push hook means no pre-commit hook either', async () => {
    const r = repo();
    const hooks = path.join(r.dir, '.git/hooks');
    fs.mkdirSync(hooks, { recursive: true });
    fs.writeFileSync(path.join(hooks, 'pre-push'), '#!/bin/sh\necho mine\n', { mode: 0o755 });
    const refused = await run(['install'], r.dir);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('nothing was installed');
    expect(fs.existsSync(path.join(hooks, 'pre-commit'))).toBe(false);
    expect(fs.readFileSync(path.join(hooks, 'pre-push'), 'utf8')).toBe('#!/bin/sh\necho mine\n');
    const chained = await run(['install', '--chain'], r.dir);
    expect(chained.exitCode).toBe(0);
    expect(fs.existsSync(path.join(hooks, 'pre-commit'))).toBe(true);
    expect(fs.existsSync(path.join(hooks, 'pre-push.before-secret-hook'))).toBe(true);
  });

  it('with husky, says what it did to each hook file: created, added to an empty one, put first before steps', async () => {
    const r = repo();
    const husky = path.join(r.dir, '.husky');
    fs.mkdirSync(husky);
    // husky init's hook with its `npm test` line deleted; a commit-msg hook with a step; no pre-push hook.
    fs.writeFileSync(path.join(husky, 'pre-commit'), '\n');
    fs.writeFileSync(path.join(husky, 'commit-msg'), 'npx commitlint --edit "$1"\n');
    const result = await run(['install'], r.dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('added secret-hook to .husky/pre-commit, which had no steps');
    expect(result.stdout).not.toContain('created .husky/pre-commit');
    expect(result.stdout).toContain('added secret-hook to .husky/commit-msg (first line, before the existing steps)');
    expect(result.stdout).toContain('created .husky/pre-push');
    expect(fs.readFileSync(path.join(husky, 'pre-commit'), 'utf8')).toBe('secret-hook pre-commit\n');
    expect(fs.readFileSync(path.join(husky, 'commit-msg'), 'utf8')).toBe(
      'secret-hook commit-msg "$1"\nnpx commitlint --edit "$1"\n',
    );
    expect(fs.readFileSync(path.join(husky, 'pre-push'), 'utf8')).toBe('secret-hook pre-push "$@"\n');
  });
});
