// `npm run bench`: builds the scenarios (cached under bench/.cache/), times secret-hook and, when a gitleaks
// binary is available, gitleaks on each, prints the table and, after a full run, writes docs/benchmark-results.md.
//
//   BENCH_ONLY=typical-commit,engine   run a subset (names: see bench/lib/settings.ts)
//   BENCH_QUICK=1                      tiny sizes, one run: proves the harness works, measures nothing
//   BENCH_RUNS=N                       runs per command in every scenario
//   BENCH_BIG_MB=N                     extra pack volume of the big repository (default 500)
//   BENCH_CORPUS_MB=N                  engine corpus size (default 80)
//   BENCH_MONOREPO=N,M                 index entries of the generated monorepos (default 300000,1000000)
//   GITLEAKS_BIN=path                  gitleaks to compare with (default bench/.peers/usr/bin/gitleaks)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childEnv } from './lib/git.js';
import { describeGitleaks } from './lib/gitleaks.js';
import { machineDescription, resultsMarkdown, resultsTable, type Report } from './lib/report.js';
import type { Context, Row, Scenario } from './lib/scenario.js';
import { readSettings } from './lib/settings.js';
import { snapshotPackage } from './lib/snapshot.js';
import { bigRepoCommit } from './scenarios/big-repo-commit.js';
import { bigStaged } from './scenarios/big-staged.js';
import { engine } from './scenarios/engine.js';
import { history } from './scenarios/history.js';
import { preReceive } from './scenarios/pre-receive.js';
import { huskyCommit } from './scenarios/husky-commit.js';
import { monorepoCommit } from './scenarios/monorepo-commit.js';
import { typicalCommit } from './scenarios/typical-commit.js';

const SCENARIOS: Scenario[] = [
  typicalCommit,
  huskyCommit,
  bigRepoCommit,
  monorepoCommit,
  bigStaged,
  history,
  preReceive,
  engine,
];

const settings = readSettings();
if (!fs.existsSync(path.join(settings.root, 'dist', 'cli.cjs'))) {
  throw new Error('dist/ is missing: run the benchmark with `npm run bench`, which builds first');
}
const gitleaks = settings.gitleaks ? describeGitleaks(settings.gitleaks) : null;
const context: Context = {
  settings,
  env: childEnv(settings.cacheDir),
  gitleaks,
  packageDir: snapshotPackage(settings),
  log: (message) => console.log(`  ${message}`),
};
const machine = machineDescription(gitleaks, settings.gnuTime);
console.log(machine.join('\n'));
if (!gitleaks) {
  console.log(
    'gitleaks: no binary, its columns are skipped. To compare: bash ../shared/tools/get-peers.sh bench/.peers ' +
      '(or set GITLEAKS_BIN).',
  );
}
if (!settings.gnuTime) console.log('GNU time (/usr/bin/time) is absent: peak memory is not measured.');
if (settings.quick) console.log('BENCH_QUICK=1: tiny sizes and one run — a smoke test, not a measurement.');

const report: Report = {
  machine,
  descriptions: [],
  rows: [],
  details: [],
  runsFast: settings.runsFast,
  runsSlow: settings.runsSlow,
  warmup: settings.warmup,
};
for (const scenario of SCENARIOS) {
  if (settings.only && !settings.only.has(scenario.name)) continue;
  console.log(`\n▶ ${scenario.name}`);
  const started = performance.now();
  const result = await scenario.run(context);
  console.log(`  ${result.description}`);
  console.log(indent(resultsTable(result.rows)));
  for (const line of result.details ?? []) console.log(`  ${line}`);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  report.descriptions.push([scenario.name, result.description]);
  report.rows.push(...result.rows);
  if (result.details) report.details.push(...result.details);
}

console.log(`\n${resultsTable(report.rows)}\n`);
for (const line of report.details) console.log(line);
console.log(`\n${summary(report.rows)}`);

if (!settings.quick && !settings.only) {
  const file = path.join(settings.root, 'docs', 'benchmark-results.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, resultsMarkdown(report));
  console.log(`Results written to ${path.relative(settings.root, file)}.`);
} else {
  console.log('Partial or quick run: docs/benchmark-results.md is left as it was.');
}

function summary(rows: Row[]): string {
  const targets = rows.filter((row) => row.met !== undefined);
  const count = (met: boolean | null) => targets.filter((row) => row.met === met).length;
  return `Targets: ${count(true)} met, ${count(false)} missed, ${count(null)} not checked (of ${targets.length}).`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
