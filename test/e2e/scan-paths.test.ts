// `secret-hook scan <paths…>` and `secret-hook scan -`: files as they are on disk, inside a repository (git's own
// list: tracked, and untracked but not ignored) and outside one, and standard input; text, JSON (validated against
// schema/output.schema.json) and SARIF (against the SARIF 2.1.0 schema). The packed package, as installed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeKeys } from '../helpers/examples.js';
import { Sandbox } from '../helpers/sandbox.js';

const root = path.resolve(import.meta.dirname, '../..');
const keys = new FakeKeys(1818);
const sandboxes: Sandbox[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (sandboxes.length) sandboxes.pop()!.cleanup();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

const liveKey = () => `sk_live_${keys.chars('base62', 40)}`;

function validator(file: string, strict: boolean) {
  const ajv = new Ajv2020({ strict, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')));
}
const validateJson = validator('schema/output.schema.json', true);
const validateSarif = validator('test/fixtures/sarif-2.1.0.schema.json', false);

interface Report {
  scope: string;
  findings: { file: string; ruleId: string; secret: string; line: number; fingerprint: string }[];
  skipped: { file: string; kind: string }[];
  notices: string[];
  stats: { files: number };
}

function json(result: { stdout: string }): Report {
  const parsed = JSON.parse(result.stdout) as Report;
  expect(validateJson(parsed), JSON.stringify(validateJson.errors)).toBe(true);
  return parsed;
}

/** A repository whose work tree holds a key in every kind of place `scan` treats differently. */
function repositoryWithKeys() {
  const box = new Sandbox({ husky: false, install: false });
  sandboxes.push(box);
  const outside = path.join(box.root, 'outside');
  fs.mkdirSync(outside);
  const secrets = {
    tracked: liveKey(),
    untracked: liveKey(),
    ignored: liveKey(),
    outsideFile: liveKey(),
    outsideDir: liveKey(),
    binary: liveKey(),
    configIgnored: liveKey(),
  };
  fs.writeFileSync(path.join(outside, 'key.js'), `const k = "${secrets.outsideFile}";\n`);
  fs.mkdirSync(path.join(outside, 'dir'));
  fs.writeFileSync(path.join(outside, 'dir/key.js'), `const k = "${secrets.outsideDir}";\n`);
  box.write('.gitignore', 'node_modules\ndist/\n*.log\n');
  box.write('secret-hook.config.json', JSON.stringify({ ignorePaths: ['vendor/**'], maxFileSize: '64KB' }));
  box.seed({ 'src/tracked.js': `export const key = "${secrets.tracked}";\n` }, 'tracked');
  box.write('src/untracked.js', `export const key = "${secrets.untracked}";\n`);
  box.write('src/debug.log', `key=${secrets.ignored}\n`);
  box.write('dist/bundle.js', `var k="${secrets.ignored}";\n`);
  box.write('vendor/lib.js', `var k="${secrets.configIgnored}";\n`);
  box.write(
    'assets/blob.bin',
    Buffer.concat([Buffer.from([0, 1, 2, 3, 0, 0, 7]), Buffer.from(`\n${secrets.binary}\n`), Buffer.alloc(64)]),
  );
  box.write('big.txt', 'x'.repeat(70 * 1024));
  fs.symlinkSync(path.join(outside, 'key.js'), path.join(box.dir, 'src/link.js'));
  fs.symlinkSync(path.join(outside, 'dir'), path.join(box.dir, 'src/linked-dir'));
  return { box, secrets };
}

describe('scan <paths>', () => {
  it('inside a repository: what git lists, ignorePaths, no symbolic link followed, binary and oversized files as every scope', () => {
    const { box, secrets } = repositoryWithKeys();
    const result = box.secretHook(['scan', '.', '--format', 'json']);
    expect(result.status, result.stderr).toBe(1);
    const report = json(result);
    expect(report.scope).toBe('files');
    expect(report.findings.map((f) => f.file).sort()).toEqual([
      'assets/blob.bin',
      'src/tracked.js',
      'src/untracked.js',
    ]);
    for (const secret of Object.values(secrets)) expect(result.stdout).not.toContain(secret);
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.file, s.kind]));
    expect(skipped).toMatchObject({
      'src/link.js': 'symlink',
      'src/linked-dir': 'symlink',
      'vendor/lib.js': 'ignored-by-config',
      'big.txt': 'too-large',
      'assets/blob.bin': 'binary',
    });
    // Ignored by .gitignore: not listed at all; node_modules (the installed package) neither.
    expect(JSON.stringify(report)).not.toMatch(/debug\.log|dist\/|node_modules/);
    // The same fingerprints as the other scopes for the same file (here: the tracked one, as check --all reads it).
    const all = JSON.parse(box.secretHook(['check', '--all', '--format', 'json']).stdout) as Report;
    const tracked = (r: Report) => r.findings.find((f) => f.file === 'src/tracked.js')!.fingerprint;
    expect(tracked(report)).toBe(tracked(all));
  });

  it('scans a file or a directory that git ignores when it is named, and says so for the directory', () => {
    const { box } = repositoryWithKeys();
    const named = json(box.secretHook(['scan', 'src/debug.log', 'dist', '--format', 'json']));
    expect(named.findings.map((f) => f.file).sort()).toEqual(['dist/bundle.js', 'src/debug.log']);
    expect(named.notices).toEqual([
      'secret-hook: git ignores dist (.gitignore), but it was named, so every file in it was scanned.',
    ]);
    // Paths relative to where it runs; a path that does not exist is an error, never a clean result.
    const fromSrc = box.secretHook(['scan', 'tracked.js', '--format', 'json'], { cwd: path.join(box.dir, 'src') });
    expect(json(fromSrc).findings.map((f) => f.file)).toEqual(['src/tracked.js']);
    const missing = box.secretHook(['scan', 'nope.js']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('"nope.js" does not exist, so nothing was scanned');
  });

  it('text and SARIF', () => {
    const { box, secrets } = repositoryWithKeys();
    const text = box.secretHook(['scan', 'src']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('secret-hook: 2 secrets found in the files scanned.');
    expect(text.stdout).toContain('src/tracked.js:1:21');
    expect(text.stdout).toMatch(/Scanned 2 files/);
    expect(text.stdout).not.toContain(secrets.tracked);
    const sarif = box.secretHook(['scan', 'src', '--format', 'sarif']);
    expect(sarif.status).toBe(1);
    const parsed = JSON.parse(sarif.stdout) as { runs: { results: { locations: unknown[] }[] }[] };
    expect(validateSarif(parsed), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(parsed.runs[0]!.results).toHaveLength(2);
    expect(sarif.stdout).not.toContain(secrets.tracked);
    const clean = box.secretHook(['scan', '.gitignore']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('No secrets found.');
  });

  it('outside a repository: every file but .git, no symbolic link followed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-hook-scan-'));
    dirs.push(dir);
    const box = new Sandbox({ husky: false, install: false });
    sandboxes.push(box);
    const artefact = path.join(dir, 'artefact');
    fs.mkdirSync(path.join(artefact, 'nested/.git'), { recursive: true });
    const secret = liveKey();
    fs.writeFileSync(path.join(artefact, 'app.env'), `STRIPE_KEY=${secret}\n`);
    fs.writeFileSync(path.join(artefact, 'nested/.git/config'), `key=${liveKey()}\n`);
    fs.writeFileSync(path.join(dir, 'elsewhere.js'), `const k = "${liveKey()}";\n`);
    fs.symlinkSync(path.join(dir, 'elsewhere.js'), path.join(artefact, 'link.js'));
    const result = box.secretHook(['scan', 'artefact', '--format', 'json'], {
      cwd: dir,
      env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) },
    });
    const report = json(result);
    expect(report.findings.map((f) => f.file)).toEqual(['artefact/app.env']);
    expect(report.skipped).toEqual([
      { file: 'artefact/link.js', kind: 'symlink', reason: 'symbolic link: its target is a path, not content' },
    ]);
    expect(result.stdout).not.toContain(secret);
  });
});

describe('scan -', () => {
  it('scans standard input under the name --path-hint gives it, or (stdin)', () => {
    const box = new Sandbox({ husky: false, install: false });
    sandboxes.push(box);
    const secret = liveKey();
    const input = `2026-01-01 INFO payment client ready\n2026-01-01 DEBUG using key ${secret}\n`;
    const plain = box.secretHook(['scan', '-', '--format', 'json'], { input });
    expect(plain.status).toBe(1);
    expect(json(plain).findings.map((f) => [f.file, f.line])).toEqual([['(stdin)', 2]]);
    const hinted = box.secretHook(['scan', '-', '--path-hint', 'app.env'], { input: `STRIPE_SECRET_KEY=${secret}\n` });
    expect(hinted.status).toBe(1);
    expect(hinted.stdout).toContain('app.env:1:19');
    expect(hinted.stdout).not.toContain(secret);
    const sarif = box.secretHook(['scan', '-', '--format', 'sarif'], { input });
    expect(validateSarif(JSON.parse(sarif.stdout)), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(box.secretHook(['scan', '-'], { input: 'nothing here\n' }).status).toBe(0);
    const hintAlone = box.secretHook(['scan', 'README.md', '--path-hint', 'x.env']);
    expect(hintAlone.status).toBe(2);
    expect(hintAlone.stderr).toContain('--path-hint names standard input');
  });
});
