// `secret-hook fix` as text: the plan (each finding fixed with where its value goes, each file's change as a unified
// diff with the secrets masked, the findings left with the reason and the manual steps), and what happened once it
// was applied. Prose is fitted to the terminal's width; diff lines are never broken (they are what is written).
import pc from 'picocolors';
import type { FixPlan, LeftFinding } from './fix-plan.js';
import { unifiedDiff } from './fix-plan.js';
import * as say from './messages/fix.js';
import { redact } from './redact.js';
import { wrap } from './wrap.js';

export interface FixFormatOptions {
  color: boolean;
  width: number;
}

export function formatPlan(plan: FixPlan, source: say.FixSource, options: FixFormatOptions): string {
  const c = pc.createColors(options.color);
  const width = Math.max(40, options.width);
  const out: string[] = [];
  const prose = (text: string, first = '', rest = first, paint = (s: string) => s) => {
    for (const line of wrap(text, width, first, rest)) out.push(paint(line));
  };
  prose(say.headline(source, plan.fixed.length + plan.left.length, plan.fixed.length), '', '', c.bold);
  for (const f of plan.fixed) {
    out.push('');
    prose(say.findingLine(f), '', '  ', c.bold);
    prose(say.homeLine(f), '  → ', '    ');
  }
  // The code first, then where the values go (written in the other order: see FixPlan.files).
  const order = { source: 0, env: 1, example: 2, gitignore: 3 } as const;
  for (const file of [...plan.files].sort((a, b) => order[a.role] - order[b.role])) {
    out.push('');
    prose(say.diffHeading(file.path, file.role, file.created), '', '', c.bold);
    for (const line of unifiedDiff(file)) out.push(paintDiff(line, c));
  }
  if (plan.left.length > 0) {
    out.push('');
    prose(say.leftHeading(plan.left.length, plan.fixed.length > 0), '', '', c.bold);
    for (const f of plan.left) out.push(...leftLines(f, width, c));
  }
  return out.join('\n');
}

function leftLines(f: LeftFinding, width: number, c: ReturnType<typeof pc.createColors>): string[] {
  const out: string[] = [];
  const { why, manual } = say.leftText(f);
  out.push(...wrap(`${say.findingLine(f)}  ${redact(f.secret)}`, width, '  ', '    '));
  out.push(...wrap(why, width, '    ', '    '));
  if (manual !== null) out.push(...wrap(manual, width, '    → ', '      ').map((l) => c.green(l)));
  return out;
}

function paintDiff(line: string, c: ReturnType<typeof pc.createColors>): string {
  if (line.startsWith('---') || line.startsWith('+++')) return c.bold(line);
  if (line.startsWith('@@')) return c.cyan(line);
  if (line.startsWith('-')) return c.red(line);
  if (line.startsWith('+')) return c.green(line);
  return line;
}

/** One message on its own, fitted to the width (commands kept whole). */
export function formatMessage(text: string, options: FixFormatOptions): string {
  return wrap(text, Math.max(40, options.width)).join('\n');
}

/** After the plan was written: what changed, how to stage it, what is left, how the values reach the code. */
export interface Done {
  written: readonly string[];
  sources: readonly { path: string; sameAsStaged: boolean | null }[];
  /** Templates and .gitignore, to commit with the fix. */
  toCommit: readonly string[];
  staged: boolean;
  /** Blocking findings still in the fixed files' working-tree copies. */
  leftInFixed: readonly { path: string; line: number; title: string; ruleId: string; secret: string }[];
  /** Findings that were not fixed (listed in the plan). */
  leftCount: number;
}

export function formatDone(plan: FixPlan, done: Done, options: FixFormatOptions): string {
  const c = pc.createColors(options.color);
  const width = Math.max(40, options.width);
  const out: string[] = [];
  const prose = (text: string, first = '', rest = first, paint = (s: string) => s) => {
    for (const line of wrap(text, width, first, rest)) out.push(paint(line));
  };
  prose(say.written(done.written), '', '', c.bold);
  const stage = say.stageSteps(done.sources, done.toCommit, done.staged);
  prose(stage.lead);
  for (const command of stage.commands) prose(command, '  ', '    ');
  out.push('');
  prose(say.leftAfter(done.leftInFixed.length));
  for (const f of done.leftInFixed) prose(`${say.findingLine(f)}  ${redact(f.secret)}`, '  ', '    ');
  for (const note of say.loadingNotes(plan.fixed)) {
    out.push('');
    prose(note);
  }
  out.push('');
  if (done.staged && done.leftInFixed.length === 0 && done.leftCount === 0) prose(say.retryCommit());
  prose(say.rotation([...new Set(plan.fixed.map((f) => f.ruleId))]));
  return out.join('\n');
}
