// The engine's cost is linear in its input on every input class, the hostile ones included (STYLE, habit 13): each
// class is scanned at 100 KB, 1 MB and 10 MB, and the cost of each size is compared with the size before. Nothing
// is timed against a clock. Two measures:
// - the work the engine reports through ScanOptions.work (characters given to patterns and read by the checks
//   around each candidate): deterministic, so its bound is tight. It proves that no check re-reads a long line
//   for every key on it, as the engine once did (28 s for a 10 MB line of keywords, out of memory on a 1 MB line of
//   keys).
// - the CPU time of the scan (process.cpuUsage, this process only: other processes on the machine do not count),
//   the best of up to three runs: it catches a super-linear path that the counters do not see. Linear cost gives a
//   ratio near 10 for 10 times the input, quadratic cost near 100; the bound, 15, leaves 50% for the noise of a
//   loaded 2-core machine (larger heaps collect more slowly) and is still far below what a quadratic path costs.
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../../rules/index.js';
import { compileCatalog } from '../../../src/engine/compile.js';
import { scan, scanWith, type ScanWork } from '../../../src/engine/scan.js';
import { ALPHABETS, seededRandom } from '../../helpers/examples.js';

const KB = 1000;
const MB = 1000 * KB;
const SIZES = [100 * KB, MB, 10 * MB];
/** CPU time may grow at most this much when the input grows tenfold. */
const CPU_BOUND = 15;
/** The engine's own count of the characters it handled may grow at most this much (a little over 10: edges). */
const WORK_BOUND = 11;
// Seconds on a quiet machine (the seven classes take about 16 s in all); the margin is for a loaded one.
const TIMEOUT_MS = 180_000;

const label = (size: number) => (size >= MB ? `${size / MB} MB` : `${size / KB} KB`);

const catalog = compileCatalog(builtinRules);
const keywords = [...new Set(builtinRules.flatMap((r) => [...r.keywords, ...(r.near?.words ?? [])]))];

/**
 * Every rule's keywords at the head of a long line: every rule runs over the whole line at every size. Without them,
 * random characters spell more of the 400 keywords the longer the line is, and more rules run over it: a cost that
 * grows with the size until it reaches the catalog's, which a comparison of sizes would take for a super-linear one.
 */
const everyKeyword = `${keywords.join(' ')} `;

/** Units from `next` until `size` characters, cut there. */
function repeat(size: number, next: (i: number) => string): string {
  const parts: string[] = [];
  for (let length = 0, i = 0; length < size; i++) {
    const part = next(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

function randomText(seed: number): (alphabet: keyof typeof ALPHABETS, length: number) => string {
  const random = seededRandom(seed);
  return (alphabet, length) => {
    const chars = ALPHABETS[alphabet];
    let out = '';
    for (let i = 0; i < length; i++) out += chars[Math.floor(random() * chars.length)];
    return out;
  };
}

interface InputClass {
  name: string;
  path: string;
  build(size: number): string;
}

const classes: InputClass[] = [
  {
    // Thousands of findings on one line: every check of every candidate used to read the whole line.
    name: 'one minified line of keys',
    path: 'dist/keys.min.js',
    build: (size) => {
      const chars = randomText(1);
      return repeat(size, (i) =>
        i === 0
          ? everyKeyword
          : i % 2 === 0
            ? `"id${i}":"AKIA${chars('base32', 16)}",`
            : `"sk${i}":"sk_live_${chars('base62', 24)}",`,
      );
    },
  },
  {
    // Every rule is a candidate and every keyword window is the whole text.
    name: 'keyword soup without newlines',
    path: 'soup.txt',
    build: (size) => repeat(size, (i) => keywords[i % keywords.length]!),
  },
  {
    name: 'keyword soup of assignments without newlines',
    path: 'soup.env',
    build: (size) => {
      const chars = randomText(2);
      return repeat(size, (i) => `${keywords[i % keywords.length]}=${chars('base62', 14)} `);
    },
  },
  {
    // A private key's pattern may run 16 KB past each BEGIN line looking for an END line that never comes.
    name: 'unterminated PEM blocks',
    path: 'keys.pem',
    build: (size) => {
      const chars = randomText(3);
      return repeat(size, (i) => (i % 16 === 0 ? '-----BEGIN PRIVATE KEY-----\n' : `${chars('base64', 64)}\n`));
    },
  },
  {
    name: 'deep nesting',
    path: 'deep.json',
    build: (size) => {
      const depth = Math.floor(size / 6);
      return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`.slice(0, size);
    },
  },
  {
    // Many lines, each with a candidate: per-line work must not be per-line times the file.
    name: 'many short lines with password=',
    path: 'app.env',
    build: (size) => {
      const chars = randomText(4);
      return repeat(size, (i) => (i % 8 === 0 ? `password=${chars('base62', 14)}!7\n` : `password=changeme${i}\n`));
    },
  },
  {
    name: 'one long line of base64',
    path: 'blob.txt',
    build: (size) => (everyKeyword + randomText(5)('base64', size)).slice(0, size),
  },
];

interface Cost {
  cpu: number;
  work: number;
}

// A scan that takes less CPU time than this is repeated until it has, and the mean counts: a fraction of a
// millisecond is within the noise of a cache miss or a page fault.
const MIN_CPU_MICROSECONDS = 20_000;

function cost(path: string, text: string): Cost {
  const work: ScanWork = { patternChars: 0, candidates: 0, checkChars: 0 };
  let scans = 0;
  const before = process.cpuUsage();
  let used: NodeJS.CpuUsage;
  do {
    scanWith(catalog, { path, text }, {}, scans === 0 ? { work } : {});
    scans++;
    used = process.cpuUsage(before);
  } while (used.user + used.system < MIN_CPU_MICROSECONDS);
  // The prefilter reads every character once.
  return { cpu: (used.user + used.system) / scans, work: text.length + work.patternChars + work.checkChars };
}

/**
 * The best of up to `runs` scans. Against a base, it stops as soon as the ratio is within the bound (more runs could
 * only lower it) or far beyond it (a super-linear path, which more runs would only make slower to report).
 */
function measure(path: string, text: string, runs: number, base?: Cost): Cost {
  let best = cost(path, text);
  for (let run = 1; run < runs; run++) {
    if (base && (best.cpu <= CPU_BOUND * base.cpu || best.cpu > 3 * CPU_BOUND * base.cpu)) break;
    const next = cost(path, text);
    best = { cpu: Math.min(best.cpu, next.cpu), work: next.work };
  }
  return best;
}

describe('the engine costs the same per megabyte at 100 KB, 1 MB and 10 MB', () => {
  it.each(classes)(
    '$name',
    ({ path, build }) => {
      // Warm up: the first scans run before V8 has optimised the engine.
      scan(catalog, { path, text: build(SIZES[0]!) });
      const costs: Cost[] = [measure(path, build(SIZES[0]!), 3)];
      const problems: string[] = [];
      for (let i = 1; i < SIZES.length; i++) {
        const base = costs[i - 1]!;
        const next = measure(path, build(SIZES[i]!), 3, base);
        costs.push(next);
        const step = `${label(SIZES[i - 1]!)} → ${label(SIZES[i]!)}`;
        const cpuRatio = next.cpu / base.cpu;
        const workRatio = next.work / base.work;
        if (!(workRatio <= WORK_BOUND)) problems.push(`${step}: work ×${workRatio.toFixed(1)} (bound ${WORK_BOUND})`);
        if (!(cpuRatio <= CPU_BOUND)) problems.push(`${step}: CPU time ×${cpuRatio.toFixed(1)} (bound ${CPU_BOUND})`);
        // A step that already failed says enough; the next size would only take long to say it again.
        if (problems.length > 0) break;
      }
      const measured = costs
        .map((c, i) => `${label(SIZES[i]!)}: ${(c.cpu / 1000).toFixed(1)} ms CPU, ${c.work} characters of work`)
        .join('; ');
      expect(problems, measured).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
