// What a scenario module exports and hands back, and the commands most scenarios time.
import * as path from 'node:path';
import type { Gitleaks } from './gitleaks.js';
import type { Command, Stats } from './measure.js';
import type { ScenarioName, Settings } from './settings.js';

export interface Context {
  settings: Settings;
  /** The environment for every child process (see childEnv). */
  env: Record<string, string>;
  gitleaks: Gitleaks | null;
  /** The benchmark's copy of the built package (bin/, dist/): what the scenarios run and pack. */
  packageDir: string;
  log: (message: string) => void;
}

/** One line of the results table. Target columns are filled on the row the target is about. */
export interface Row {
  scenario: string;
  tool: string;
  stats?: Stats;
  /** secret-hook's median over gitleaks' median on the same scenario. */
  ratio?: number;
  target?: string;
  measured?: string;
  /** null: the target could not be checked in this run (e.g. no gitleaks binary). */
  met?: boolean | null;
}

export interface ScenarioResult {
  /** What was measured, with the sizes actually built. */
  description: string;
  rows: Row[];
  /** Extra lines for the report (e.g. the slowest rules). */
  details?: string[];
}

export interface Scenario {
  name: ScenarioName;
  run(context: Context): Promise<ScenarioResult>;
}

/** Node starting and exiting: the floor every JavaScript hook pays, measured on the same machine. */
export function nodeBaseline(cwd: string, env: Record<string, string>): Command {
  return { label: 'node -e 0', file: process.execPath, args: ['-e', '0'], cwd, env };
}

/** The built CLI run with node, as the installed `secret-hook` bin runs it. Exit 1 is a finding, not a failure. */
export function secretHook(context: Context, label: string, args: string[], cwd: string): Command {
  return {
    label,
    file: process.execPath,
    args: [path.join(context.packageDir, 'bin', 'secret-hook.cjs'), ...args],
    cwd,
    env: context.env,
    okCodes: [0, 1],
  };
}

export function formatMs(ms: number): string {
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : `${ms.toFixed(1)} ms`;
}

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${mb.toFixed(0)} MB` : mb >= 1 ? `${mb.toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}
