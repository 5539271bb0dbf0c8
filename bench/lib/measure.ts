// Wall-clock time and peak memory of whole child processes, run in alternation so that drifts of the machine
// (page cache, CPU frequency, neighbours) fall on every tool alike.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Command {
  label: string;
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Standard input (a hook's ref lines); none when absent. */
  input?: string;
  /** Exit codes that mean "the tool worked" (a scanner exits 1 when it finds something). */
  okCodes?: number[];
  /** Untimed steps around each run, e.g. putting HEAD back after a measured `git commit`. */
  before?: () => void;
  after?: () => void;
}

export interface Stats {
  /** Milliseconds. */
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Peak resident set size over all runs, in bytes; null when it could not be measured. */
  peakRss: number | null;
}

export interface MeasureOptions {
  runs: number;
  warmup: number;
  /** GNU time: `-f %M` is the child's peak RSS (ru_maxrss of the waited-for process tree, in KB). */
  gnuTime: string | null;
}

/** Runs each command `warmup` times, then `runs` rounds of one run of each command, and summarises. */
export function measureAlternating(commands: Command[], options: MeasureOptions): Map<string, Stats> {
  const samples = new Map<string, { times: number[]; rss: number[] }>(
    commands.map((c) => [c.label, { times: [], rss: [] }]),
  );
  for (let i = 0; i < options.warmup; i++) for (const command of commands) runOnce(command, options.gnuTime);
  for (let round = 0; round < options.runs; round++) {
    for (const command of commands) {
      const { ms, rss } = runOnce(command, options.gnuTime);
      samples.get(command.label)!.times.push(ms);
      if (rss !== null) samples.get(command.label)!.rss.push(rss);
    }
  }
  return new Map(
    [...samples].map(([label, { times, rss }]) => [label, summarise(times, rss.length > 0 ? Math.max(...rss) : null)]),
  );
}

export function summarise(times: number[], peakRss: number | null = null): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length, peakRss };
}

const rssFile = path.join(os.tmpdir(), `secret-hook-bench-rss-${process.pid}`);
process.on('exit', () => fs.rmSync(rssFile, { force: true }));

function runOnce(command: Command, gnuTime: string | null): { ms: number; rss: number | null } {
  command.before?.();
  // GNU time adds one fork/exec (about a millisecond) to every command alike, the `node -e 0` baseline included.
  const [file, args] = gnuTime
    ? [gnuTime, ['-f', '%M', '-o', rssFile, command.file, ...command.args]]
    : [command.file, command.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: command.cwd,
    env: command.env,
    stdio: [command.input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    ...(command.input === undefined ? {} : { input: command.input }),
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  const ok = command.okCodes ?? [0];
  if (!ok.includes(result.status ?? -1)) {
    throw new Error(
      `${command.label}: ${command.file} ${command.args.join(' ')} exited ${result.status ?? result.signal}\n` +
        result.stderr.toString().slice(-2000),
    );
  }
  command.after?.();
  let rss: number | null = null;
  if (gnuTime) {
    // The last line holds %M; a line before it may say the command was signalled.
    const kb = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rss = Number.isFinite(kb) ? kb * 1024 : null;
  }
  return { ms, rss };
}
