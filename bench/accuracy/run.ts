// `npm run bench:accuracy`: builds the labelled corpus, scans every file with the built-in catalog, prints recall
// and precision per provider family. A benchmark, not a test: it always exits 0.
//   ACCURACY_FILES=<n>   corpus size (default 3000)
//   ACCURACY_SEED=<n>    corpus seed (default 1)
//   ACCURACY_DUMP=<dir>  also write the corpus (files + labels.json) to <dir> for inspection
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { compileCatalog } from '../../src/engine/compile.js';
import { buildCorpus, DEFAULT_FILES, DEFAULT_SEED } from './corpus.js';
import { formatReport, scoreCorpus } from './score.js';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${name} must be a non-negative integer, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const files = envInt('ACCURACY_FILES', DEFAULT_FILES);
const seed = envInt('ACCURACY_SEED', DEFAULT_SEED);

const started = performance.now();
const corpus = buildCorpus({ files, seed });
const buildMs = performance.now() - started;

const dump = process.env['ACCURACY_DUMP'];
if (dump) {
  const root = path.resolve(dump);
  for (const file of corpus) {
    const target = path.join(root, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  const labels = corpus.map(({ path: p, format, secrets, lookalikes, tolerated }) => ({
    path: p,
    format,
    secrets,
    lookalikes,
    tolerated,
  }));
  fs.writeFileSync(path.join(root, 'labels.json'), JSON.stringify(labels, null, 1));
  console.log(`corpus written to ${root} (${corpus.length} files + labels.json)\n`);
}

const catalog = compileCatalog(builtinRules);
const score = scoreCorpus(catalog, corpus);
console.log(formatReport(score, { seed, buildMs }));
process.exitCode = 0;
