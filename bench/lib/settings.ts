// What one benchmark run does, read once from the environment: which scenarios, how many runs, how big.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SCENARIO_NAMES = [
  'typical-commit',
  'husky-commit',
  'big-repo-commit',
  'big-staged',
  'history',
  'pre-receive',
  'engine',
  'monorepo-commit',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Sizes of the generated material. Quick mode shrinks all of them to prove the harness, not to measure. */
export interface Sizes {
  /** Tracked text files of the "real-sized" application repository, its history and its binary assets. */
  appFiles: number;
  appCommits: number;
  appAssets: number;
  appAssetBytes: number;
  /** Extra pack volume of the big repository, in MB (BENCH_BIG_MB). */
  bigMb: number;
  bigBlobBytes: number;
  stagedFiles: number;
  stagedBytes: number;
  minifiedFiles: number;
  minifiedBytes: number;
  historyCommits: number;
  /** New commits in the measured push of the pre-receive scenario. */
  pushedCommits: number;
  historyAddedBytes: number;
  corpusBytes: number;
  /** Index entries of the generated monorepos (BENCH_MONOREPO=300000,1000000). */
  monorepoEntries: number[];
}

export interface Settings {
  root: string;
  cacheDir: string;
  quick: boolean;
  only: Set<ScenarioName> | null;
  /** Timed runs per command: fast scenarios (one commit) and slow ones (whole histories, big changes). */
  runsFast: number;
  runsSlow: number;
  warmup: number;
  sizes: Sizes;
  gitleaks: string | null;
  /** GNU time, for the peak RSS of a child process; null when absent (peak memory is then not reported). */
  gnuTime: string | null;
}

const MB = 1024 * 1024;

export function readSettings(env = process.env): Settings {
  const root = findRoot();
  const quick = env['BENCH_QUICK'] === '1';
  const only = env['BENCH_ONLY'] ? parseOnly(env['BENCH_ONLY']) : null;
  const runs = env['BENCH_RUNS'] ? positiveInt('BENCH_RUNS', env['BENCH_RUNS']) : null;
  const bigMb = env['BENCH_BIG_MB'] ? positiveInt('BENCH_BIG_MB', env['BENCH_BIG_MB']) : quick ? 8 : 500;
  const sizes: Sizes = quick
    ? {
        appFiles: 60,
        appCommits: 20,
        appAssets: 2,
        appAssetBytes: 64 * 1024,
        bigMb,
        bigBlobBytes: MB,
        stagedFiles: 200,
        stagedBytes: 2 * MB,
        minifiedFiles: 1,
        minifiedBytes: 200 * 1024,
        historyCommits: 200,
        pushedCommits: 50,
        historyAddedBytes: MB / 2,
        corpusBytes: 4 * MB,
        monorepoEntries: [3000, 10_000],
      }
    : {
        appFiles: 690,
        appCommits: 300,
        appAssets: 10,
        appAssetBytes: 1.5 * MB,
        bigMb,
        bigBlobBytes: 4 * MB,
        stagedFiles: 6000,
        stagedBytes: 47 * MB,
        minifiedFiles: 5,
        minifiedBytes: MB,
        historyCommits: 7000,
        pushedCommits: 1000,
        historyAddedBytes: 17 * MB,
        corpusBytes: (env['BENCH_CORPUS_MB'] ? positiveInt('BENCH_CORPUS_MB', env['BENCH_CORPUS_MB']) : 80) * MB,
        monorepoEntries: env['BENCH_MONOREPO']
          ? env['BENCH_MONOREPO'].split(',').map((n) => positiveInt('BENCH_MONOREPO', n.trim()))
          : [300_000, 1_000_000],
      };
  return {
    root,
    cacheDir: path.join(root, 'bench', '.cache'),
    quick,
    only,
    // A commit takes ~100 ms and this machine's runs vary by a few ms: 21 rounds give a median that a stray slow
    // run does not move.
    runsFast: runs ?? (quick ? 1 : 21),
    runsSlow: runs ?? (quick ? 1 : 5),
    warmup: quick ? 0 : 2,
    sizes,
    gitleaks: findGitleaks(root, env),
    gnuTime: fs.existsSync('/usr/bin/time') && isGnuTime('/usr/bin/time') ? '/usr/bin/time' : null,
  };
}

// run-ts bundles this file into a temporary directory, so import.meta points there: the entry's path does not.
function findRoot(): string {
  for (let dir = path.dirname(path.resolve(process.argv[1] ?? '.')); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'secret-hook') return dir;
    if (path.dirname(dir) === dir) throw new Error('bench: cannot find the secret-hook package root');
  }
}

function parseOnly(value: string): Set<ScenarioName> {
  const names = value.split(/[\s,]+/).filter(Boolean);
  for (const name of names) {
    if (!(SCENARIO_NAMES as readonly string[]).includes(name)) {
      throw new Error(`BENCH_ONLY: unknown scenario "${name}" (known: ${SCENARIO_NAMES.join(', ')})`);
    }
  }
  return new Set(names as ScenarioName[]);
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

function findGitleaks(root: string, env: NodeJS.ProcessEnv): string | null {
  const given = env['GITLEAKS_BIN'];
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`GITLEAKS_BIN=${given} does not exist`);
    return path.resolve(given);
  }
  const peer = path.join(root, 'bench', '.peers', 'usr', 'bin', 'gitleaks');
  return fs.existsSync(peer) ? peer : null;
}

function isGnuTime(file: string): boolean {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).includes('GNU');
  } catch {
    return false;
  }
}
