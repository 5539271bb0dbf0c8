// `npm run bench:scope-agreement`: every scope must report the same findings for the same added text. On the real
// code of `npm run bench:real-code` (run that first: this reads its tree and its findings.json), each line that
// `check --all` reports is taken out of its file in a scratch repository, committed, and staged back alone: the
// staged scan (what the pre-commit hook runs) must report the same rules with the same fingerprints on that line.
// And a seeded sample of lines with credential words that `--all` does not report, staged back the same way, must
// give nothing. A finding whose secret spans lines (a private key) is left out: staging one of its lines back is a
// change to a secret already committed, which added-lines scans do not report again.
//
//   REAL_CODE_DIR=<dir>       where bench:real-code left its tree (default bench/.real-code)
//   AGREEMENT_SAMPLE=<n>      lines without findings to stage back (default 300)
//
// Exit 1 when a line disagrees.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childEnv, git, initRepo } from '../lib/git.js';
import { packageRoot } from '../lib/package-root.js';

interface CliFinding {
  ruleId: string;
  file: string;
  line: number;
  fingerprint: string;
}

const root = packageRoot();
const cacheDir = path.resolve(process.env['REAL_CODE_DIR'] ?? path.join(root, 'bench', '.real-code'));
const tree = path.join(cacheDir, 'tree');
const findingsFile = path.join(cacheDir, 'findings.json');
const sampleSize = Number(process.env['AGREEMENT_SAMPLE'] ?? 300);
const cli = path.join(root, 'bin', 'secret-hook.cjs');
if (!fs.existsSync(findingsFile)) throw new Error(`${findingsFile} is missing: run npm run bench:real-code first`);

const env = childEnv(cacheDir);
const all = (JSON.parse(fs.readFileSync(findingsFile, 'utf8')) as { findings: CliFinding[] }).findings;
const byLine = new Map<string, CliFinding[]>();
for (const f of all) byLine.set(`${f.file}:${f.line}`, [...(byLine.get(`${f.file}:${f.line}`) ?? []), f]);

const scratch = fs.mkdtempSync(path.join(cacheDir, 'agreement-'));
initRepo(scratch, env);
git(scratch, env, 'config', 'core.hooksPath', '/dev/null');
git(scratch, env, 'commit', '-q', '--allow-empty', '-m', 'start');

/** The staged scan's findings on `line` when `file` gets that line back. */
function stagedBack(file: string, line: number): CliFinding[] {
  const text = fs.readFileSync(path.join(tree, file), 'utf8');
  const lines = text.split('\n');
  const target = path.join(scratch, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, [...lines.slice(0, line - 1), ...lines.slice(line)].join('\n'));
  git(scratch, env, 'add', '-A');
  git(scratch, env, 'commit', '-q', '-m', 'without the line');
  fs.writeFileSync(target, text);
  git(scratch, env, 'add', '-A');
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json'], { cwd: scratch, env, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
  const found = (JSON.parse(run.stdout) as { findings: CliFinding[] }).findings.filter((f) => f.line === line);
  fs.rmSync(target);
  git(scratch, env, 'add', '-A');
  git(scratch, env, 'commit', '-q', '-m', 'clean');
  return found;
}

const same = (a: CliFinding, b: CliFinding) => a.ruleId === b.ruleId && a.fingerprint === b.fingerprint;
const problems: string[] = [];
let positives = 0;
for (const [place, wanted] of byLine) {
  const { file, line } = wanted[0]!;
  const text = fs.readFileSync(path.join(tree, file), 'utf8').split('\n')[line - 1] ?? '';
  // A multi-line secret's first line (its armour) is all a finding's line holds of it.
  if (/-----BEGIN /.test(text)) continue;
  positives++;
  const got = stagedBack(file, line);
  for (const w of wanted) if (!got.some((g) => same(g, w))) problems.push(`missed ${w.ruleId} at ${place}`);
  for (const g of got) if (!wanted.some((w) => same(g, w))) problems.push(`extra ${g.ruleId} at ${place}`);
}

// Lines with credential words and an assignment, picked by a seeded generator so that runs compare.
const files = git(tree, env, 'ls-files', '-z').split('\0').filter(Boolean);
let seed = 20261207;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const WORDS = /password|passwd|secret|token|api_?key|credential/i;
let negatives = 0;
for (let tries = 0; negatives < sampleSize && tries < 100 * sampleSize; tries++) {
  const file = files[Math.floor(random() * files.length)]!;
  const full = path.join(tree, file);
  if (fs.statSync(full).size > 256 * 1024) continue;
  const text = fs.readFileSync(full, 'utf8');
  if (text.includes('\0')) continue;
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > 0 && WORDS.test(l) && /[:=]/.test(l) && !byLine.has(`${file}:${i + 1}`));
  if (line < 0) continue;
  negatives++;
  for (const g of stagedBack(file, line + 1)) problems.push(`extra ${g.ruleId} at ${file}:${line + 1} (--all: none)`);
}

fs.rmSync(scratch, { recursive: true, force: true });
console.log(`${positives} reported lines and ${negatives} unreported lines with credential words, staged back alone`);
for (const problem of problems) console.log(`  ${problem}`);
console.log(problems.length === 0 ? 'every line: the same findings as --all' : `${problems.length} disagreements`);
process.exitCode = problems.length === 0 ? 0 : 1;
