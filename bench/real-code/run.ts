// `npm run bench:real-code`: the false-positive benchmark on real code. It installs pinned public npm packages whose
// code holds no credential (bench/real-code/packages.ts, transitive versions from bench/real-code/package-lock.json)
// into bench/.real-code/ (gitignored), lays them out with this checkout's own node_modules in a scratch git
// repository, and runs the real CLI there, `secret-hook check --all`: every tracked file, whole, as users get it.
// It prints the findings per rule, sets apart those reviewed as real credentials or test keys (reviewed.ts), and
// writes every finding with its line to bench/.real-code/findings.txt (and the CLI's JSON to findings.json).
// A benchmark, not a test: it exits 0 whatever it finds.
//
//   REAL_CODE_DIR=<dir>     the cache directory (default bench/.real-code)
//   REAL_CODE_LOCK=update   re-resolve the packages and rewrite bench/real-code/package-lock.json
//
// Paths: a package's files are scanned under `packages/<name>/…` and this checkout's under `own/…`, with every
// `node_modules` segment renamed `deps`, so that the engine judges the code, not its place: a vendored tree's path
// alone (node_modules/, vendor/) quiets prefix-less rules, and this benchmark is about what the rules do on code
// that reaches them anyway (a vendored SDK copied into src/, a monorepo's packages/).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childEnv, git, initRepo } from '../lib/git.js';
import { packageRoot } from '../lib/package-root.js';
import { REAL_CODE_PACKAGES } from './packages.js';
import { REVIEWED, type ReviewedFinding } from './reviewed.js';

// Bump when the tree's layout changes, so a cached tree of another layout is rebuilt.
const LAYOUT = 1;
const root = packageRoot();
const cacheDir = path.resolve(process.env['REAL_CODE_DIR'] ?? path.join(root, 'bench', '.real-code'));
const lockFile = path.join(root, 'bench', 'real-code', 'package-lock.json');
const cli = path.join(root, 'bin', 'secret-hook.cjs');
if (!fs.existsSync(path.join(root, 'dist', 'cli.cjs'))) {
  throw new Error('dist/ is missing: run the benchmark with `npm run bench:real-code`, which builds first');
}

interface CliFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  secret: string;
  severity: string;
  action: string;
}
interface CliReport {
  findings: CliFinding[];
  skipped: { file: string; reason: string; kind: string }[];
  unlisted?: { file: string; findings: number }[];
  stats: { files: number; bytes: number };
}

fs.mkdirSync(cacheDir, { recursive: true });
const installDir = install();
const tree = buildTree(installDir);
const report = runCheck(tree);
summarize(tree, report);

/** npm ci of the pinned set into <cache>/install (skipped when the lockfile is unchanged since the last install). */
function install(): string {
  const dir = path.join(cacheDir, 'install');
  const manifest = {
    name: 'secret-hook-real-code-benchmark',
    private: true,
    dependencies: Object.fromEntries(REAL_CODE_PACKAGES.map((p) => [p.name, p.version])),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const update = process.env['REAL_CODE_LOCK'] === 'update' || !fs.existsSync(lockFile);
  const stamp = path.join(dir, '.installed');
  const wanted = hash(manifestText, update ? 'update' : fs.readFileSync(lockFile, 'utf8'));
  if (!update && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return dir;

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), manifestText);
  // --ignore-scripts: nothing of these packages runs here; they are text to scan.
  const flags = ['--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
  if (update) {
    console.log(`installing ${REAL_CODE_PACKAGES.length} packages (resolving a new lockfile)…`);
    execFileSync('npm', ['install', ...flags], { cwd: dir, stdio: 'inherit', env: npmEnv() });
    fs.copyFileSync(path.join(dir, 'package-lock.json'), lockFile);
    console.log(`wrote ${path.relative(root, lockFile)}`);
  } else {
    console.log(`installing ${REAL_CODE_PACKAGES.length} packages from ${path.relative(root, lockFile)}…`);
    fs.copyFileSync(lockFile, path.join(dir, 'package-lock.json'));
    execFileSync('npm', ['ci', ...flags], { cwd: dir, stdio: 'inherit', env: npmEnv() });
  }
  fs.writeFileSync(stamp, hash(manifestText, fs.readFileSync(lockFile, 'utf8')));
  return dir;
}

/**
 * The scratch repository: hard links to the installed packages' files (`packages/…`) and to this checkout's
 * node_modules (`own/…`), all added to the index. Rebuilt when either set of packages changes.
 */
function buildTree(installDir: string): string {
  const dir = path.join(cacheDir, 'tree');
  const ownLock = path.join(root, 'package-lock.json');
  const key = hash(
    String(LAYOUT),
    fs.readFileSync(path.join(installDir, '.installed'), 'utf8'),
    fs.existsSync(ownLock) ? fs.readFileSync(ownLock, 'utf8') : '',
  );
  const stamp = path.join(cacheDir, 'tree.key');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key && fs.existsSync(path.join(dir, '.git', 'index')))
    return dir;

  console.log('laying out the packages in a scratch repository…');
  fs.rmSync(stamp, { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  const env = childEnv(cacheDir);
  initRepo(dir, env);
  git(dir, env, 'config', 'core.autocrlf', 'false');
  let files = linkAll(path.join(installDir, 'node_modules'), path.join(dir, 'packages'));
  files += linkAll(path.join(root, 'node_modules'), path.join(dir, 'own'));
  console.log(`  ${files} files; git add…`);
  git(dir, env, 'add', '-A');
  fs.writeFileSync(stamp, key);
  return dir;
}

/** Hard-links every regular file under `from` to `to`, renaming node_modules segments; skips .bin and caches. */
function linkAll(from: string, to: string): number {
  let count = 0;
  const walk = (source: string, target: string) => {
    for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
      if (entry.name === '.bin' || entry.name === '.cache' || entry.name === '.vite' || entry.name === '.git') continue;
      const s = path.join(source, entry.name);
      const t = path.join(target, entry.name === 'node_modules' ? 'deps' : entry.name);
      if (entry.isDirectory()) walk(s, t);
      else if (entry.isFile()) {
        fs.mkdirSync(target, { recursive: true });
        try {
          fs.linkSync(s, t);
        } catch {
          fs.copyFileSync(s, t);
        }
        count++;
      }
    }
  };
  walk(from, to);
  return count;
}

/** The real CLI, `check --all`, with a size limit that lets the big bundles in too. */
function runCheck(tree: string): CliReport {
  const config = path.join(cacheDir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ maxFileSize: '64MB' }));
  const output = path.join(cacheDir, 'findings.json');
  fs.rmSync(output, { force: true });
  console.log('secret-hook check --all …');
  const started = performance.now();
  try {
    execFileSync(
      process.execPath,
      [cli, 'check', '--all', '--format', 'json', '--show-secrets', '--config', config, '--output', output, '--quiet'],
      { cwd: tree, env: childEnv(cacheDir), stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1024 * 1024 * 1024 },
    );
  } catch (error) {
    // Exit 1 means findings that block; anything else is the scan failing.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as CliReport;
  console.log(
    `  ${report.stats.files} files, ${(report.stats.bytes / 1024 / 1024).toFixed(0)} MB in ${seconds.toFixed(1)} s`,
  );
  return report;
}

function summarize(tree: string, report: CliReport): void {
  const reviewedOf = (f: CliFinding) => REVIEWED.find((r) => matchesReview(r, f));
  const byRule = new Map<string, { reviewed: number; unreviewed: number }>();
  const listing: string[] = [];
  for (const f of report.findings) {
    const review = reviewedOf(f);
    const counts = byRule.get(f.ruleId) ?? { reviewed: 0, unreviewed: 0 };
    if (review) counts.reviewed++;
    else counts.unreviewed++;
    byRule.set(f.ruleId, counts);
    listing.push(
      `${review ? 'REVIEWED' : 'NEW     '} ${f.file}:${f.line}:${f.column} [${f.ruleId}] ${f.action}` +
        `${review ? `  (${review.why})` : ''}\n    ${lineAround(tree, f)}`,
    );
  }
  const unlisted = report.unlisted ?? [];
  for (const u of unlisted) listing.push(`UNLISTED ${u.file}: ${u.findings} more findings`);
  fs.writeFileSync(path.join(cacheDir, 'findings.txt'), `${listing.join('\n')}\n`);

  const unreviewed = [...byRule.values()].reduce((n, c) => n + c.unreviewed, 0);
  const reviewed = report.findings.length - unreviewed;
  const notScanned = report.skipped.filter((s) => s.kind !== 'binary');
  console.log('');
  console.log(`${'rule'.padEnd(36)}${'findings'.padStart(9)}${'reviewed'.padStart(10)}`);
  for (const [rule, counts] of [...byRule].sort(
    (a, b) => b[1].unreviewed - a[1].unreviewed || a[0].localeCompare(b[0]),
  ))
    console.log(
      `${rule.padEnd(36)}${String(counts.reviewed + counts.unreviewed).padStart(9)}${String(counts.reviewed).padStart(10)}`,
    );
  console.log(
    `${'total'.padEnd(36)}${String(report.findings.length).padStart(9)}${String(reviewed).padStart(10)}` +
      (unlisted.length > 0 ? `  (+${unlisted.reduce((n, u) => n + u.findings, 0)} unlisted)` : ''),
  );
  console.log('');
  console.log(
    `${unreviewed} findings not reviewed as credentials (the target is 0); ${reviewed} reviewed as real credentials or test keys.`,
  );
  const missing = REVIEWED.filter((r) => !report.findings.some((f) => matchesReview(r, f)));
  if (missing.length > 0)
    console.log(`${missing.length} reviewed findings were not found this time: ${missing.map(describe).join('; ')}`);
  if (notScanned.length > 0)
    console.log(
      `${notScanned.length} files not scanned: ${notScanned
        .slice(0, 5)
        .map((s) => `${s.file} (${s.reason})`)
        .join('; ')}`,
    );
  console.log(`every finding with its line: ${path.relative(process.cwd(), path.join(cacheDir, 'findings.txt'))}`);
}

function matchesReview(review: ReviewedFinding, f: CliFinding): boolean {
  return review.file === f.file && review.ruleId === f.ruleId && (review.line === undefined || review.line === f.line);
}

function describe(review: ReviewedFinding): string {
  return `${review.file}${review.line ? `:${review.line}` : ''} [${review.ruleId}]`;
}

/** The finding's line, at most 240 characters of it around the secret. */
function lineAround(tree: string, f: CliFinding): string {
  try {
    const text = fs.readFileSync(path.join(tree, f.file), 'utf8');
    let start = 0;
    for (let line = 1; line < f.line; line++) start = text.indexOf('\n', start) + 1;
    const end = text.indexOf('\n', start);
    const whole = text.slice(start, end === -1 ? text.length : end);
    const from = Math.max(0, f.column - 1 - 100);
    return whole.slice(from, from + 240);
  } catch {
    return '(line not readable)';
  }
}

function npmEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key.startsWith('npm_')) delete env[key];
  return env;
}

function hash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex');
}
