// The results table (Markdown, padded so it reads the same in a terminal) and the machine it was measured on.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Gitleaks } from './gitleaks.js';
import { formatBytes, formatMs, type Row } from './scenario.js';

const HEADER = ['scenario', 'tool', 'median', 'min–max', 'peak RSS', 'vs gitleaks', 'target', 'measured', 'met'];

export function resultsTable(rows: Row[]): string {
  const cells = rows.map((row) => [
    row.scenario,
    row.tool,
    row.stats ? formatMs(row.stats.median) : '',
    row.stats && row.stats.runs > 1 ? `${formatMs(row.stats.min)}–${formatMs(row.stats.max)}` : '',
    row.stats?.peakRss ? formatBytes(row.stats.peakRss) : '',
    row.ratio !== undefined ? `${row.ratio.toFixed(3)}×` : '',
    row.target ?? '',
    row.measured ?? '',
    row.met === undefined ? '' : row.met === null ? 'n/a' : row.met ? 'yes' : '**NO**',
  ]);
  const widths = HEADER.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(HEADER), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export function machineDescription(gitleaks: Gitleaks | null, gnuTime: string | null): string[] {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const release = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
  const system = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1] ?? os.type();
  return [
    `CPU: ${cpu}, ${os.cpus().length} cores`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `System: ${system}, kernel ${os.release()}`,
    `Node: ${process.version}`,
    `Git: ${execFileSync('git', ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^git version /, '')}`,
    `gitleaks: ${gitleaks ? gitleaks.version : 'not available'}`,
    `Peak memory: ${gnuTime ? `GNU time (${gnuTime} -f %M)` : 'not measured (GNU time absent)'}`,
    // Other work on the machine shows here: the run measures wall-clock time.
    `Load average at start (1/5/15 min): ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')}`,
    `Date: ${new Date().toISOString()}`,
  ];
}

export interface Report {
  machine: string[];
  descriptions: [string, string][];
  rows: Row[];
  details: string[];
  runsFast: number;
  runsSlow: number;
  warmup: number;
}

export function resultsMarkdown(report: Report): string {
  return `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) at the end of a full run; re-run it rather than editing this file.

## Machine

${report.machine.map((line) => `- ${line}`).join('\n')}

## Scenarios

${report.descriptions.map(([name, text]) => `- **${name}**: ${text}`).join('\n')}

## Results

${resultsTable(report.rows)}

${report.details.join('\n')}

## Method

- Every time is the wall-clock time of a whole process (node start-up included), as a user's hook pays it.
- Within a scenario the commands run in alternation (one of each per round) after ${report.warmup === 1 ? 'one warm-up round' : `${report.warmup} warm-up rounds`}:
  ${report.runsFast} rounds for one-commit scenarios, ${report.runsSlow} for the big change and the history; the
  table gives the median and the range.
- "vs gitleaks" is secret-hook's median divided by gitleaks' median in the same scenario of the same run.
- Peak RSS is the largest over the runs, from GNU time's \`%M\` (the peak of the process tree it waited for).
- The engine runs in the benchmark's own process on one core; MB/s is corpus bytes (2^20 per MB) per second of
  the median pass. Per-rule figures compile a catalog of that rule alone.
- All material is built without a network from the installed node_modules packages and seeded generators
  (bench/lib/corpus.ts), and cached under bench/.cache/. Histories written with \`git fast-import\` are then
  repacked as \`git gc\` would (bench/lib/git.ts), so that reading them costs what it costs in a real clone.
`;
}
