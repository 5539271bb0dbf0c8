// `secret-hook fix`: from a blocked commit to a fixed one. It reads the findings the commit hook would report (or
// those of the files named), plans for each one the rewrite the report shows after `→` and where its value goes,
// shows the plan as diffs, and writes it to the working tree once confirmed (a question on a terminal, or --yes).
// It never writes the index, HEAD or refs: the user stages the fix.
// Exit: 0 every secret was moved out (or there was none); 1 some are left to fix by hand; 2 fix failed;
// 3 nothing was changed because the changes were not confirmed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../errors.js';
import { ignoredPaths } from '../../git/ignored-paths.js';
import { wholeIndex } from '../../git/staged-changes.js';
import { formatDone, formatMessage, formatPlan } from '../../report/fix-format.js';
import { failureParagraph } from '../../report/messages/failures.js';
import * as say from '../../report/messages/fix.js';
import type { Progress } from '../../report/progress.js';
import { outcome, type CommandOutcome } from '../outcome.js';
import { openSession, type Session } from '../session.js';
import { applyPlan } from './apply.js';
import { scanWorkingFile, stagedFindings, workingTreeFindings } from './fix-findings.js';
import { planFixes } from './plan.js';
import { writeArea } from './working-file.js';

export interface FixOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  progress: (label: string, unit: string) => Progress;
  /** Files (or directories) to fix in the working tree; none: the staged findings. */
  paths: readonly string[];
  /** Make the changes without asking. */
  yes: boolean;
  /** Print the plan only. */
  dryRun: boolean;
  color: boolean;
  width: number;
  configFile?: string | undefined;
  /** On a terminal: prints the text and reads the answer (one line). Absent: there is no one to ask. */
  ask?: ((text: string) => Promise<string>) | undefined;
}

export async function runFix(options: FixOptions): Promise<CommandOutcome> {
  let session: Session | undefined;
  try {
    session = await openSession(options);
    return await fix(session, options);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return outcome(2, '', `${failureParagraph(error, 'staged', false)}\n`);
  } finally {
    session?.close();
  }
}

async function fix(session: Session, options: FixOptions): Promise<CommandOutcome> {
  const workTree = session.repo.workTree;
  if (workTree === null) throw new UsageError(say.needsWorkTree());
  const source: say.FixSource = options.paths.length > 0 ? { kind: 'files', paths: options.paths } : { kind: 'staged' };
  const files =
    source.kind === 'files'
      ? workingTreeFindings(session, options.paths, options.cwd)
      : await stagedFindings(session, { cwd: options.cwd, progress: options.progress });
  const format = { color: options.color, width: options.width };
  const line = (text: string) => `${formatMessage(text, format)}\n`;
  if (!files.some((f) => f.findings.some((x) => x.action === 'block')))
    return outcome(0, line(say.nothingFound(source)));
  const rules = await session.loadRules();
  const tracked = new Set(wholeIndex(session.repo).entries.map((e) => e.path));
  const repo = session.repo;
  const plan = planFixes(files, {
    area: writeArea(workTree, [repo.gitDir, repo.commonDir]),
    rules,
    tracked: (p) => tracked.has(p),
    ignored: (paths) => ignoredPaths(repo, paths),
    exists: (p) => fs.existsSync(path.join(workTree, ...p.split('/'))),
  });
  const shown = `${formatPlan(plan, source, format)}\n\n`;
  if (plan.writes.length === 0) return outcome(1, `${shown}${line(say.nothingToChange())}`);
  if (options.dryRun) return outcome(plan.left.length > 0 ? 1 : 0, `${shown}${line(say.dryRun())}`);
  let printed = '';
  if (!options.yes) {
    if (!options.ask) return outcome(3, `${shown}${line(say.notConfirmed())}`);
    const answer = await options.ask(`${shown}${say.question()}`);
    if (!/^\s*y(?:es)?\s*$/i.test(answer)) return outcome(3, line(say.declined()));
  } else printed = shown;

  const applied = applyPlan(plan.writes);
  if (applied.kind === 'stale') return outcome(3, `${printed}${line(say.stale(applied.file))}`);
  if (applied.kind === 'failed') {
    return outcome(2, printed, line(say.writeFailed(applied.written, applied.file, applied.error)));
  }
  // What the fixed files still hold, as the working tree has them now.
  const leftInFixed = plan.sources.flatMap((s) => scanWorkingFile(session, s.path).filter((f) => f.action === 'block'));
  const done = formatDone(
    plan,
    {
      written: applied.files,
      sources: plan.sources,
      toCommit: plan.files.filter((f) => f.role === 'example' || f.role === 'gitignore').map((f) => f.path),
      staged: source.kind === 'staged',
      leftInFixed,
      leftCount: plan.left.length,
    },
    format,
  );
  return outcome(leftInFixed.length === 0 && plan.left.length === 0 ? 0 : 1, `${printed}${done}\n`);
}
