// Writes a confirmed plan to the working tree: first every file is checked to still hold what the plan was made
// from (a file edited while the question was on the screen is not overwritten: nothing is written then), then the
// values' homes are written before the code that stops holding them, each file atomically. The index, HEAD and refs
// are never touched: staging the fix is the user's step.
import * as fs from 'node:fs';
import type { FileWrite } from './plan.js';
import { writeAtomically } from './working-file.js';

export type ApplyResult =
  | { kind: 'written'; files: readonly string[] }
  /** A file changed after the plan was made: nothing was written. */
  | { kind: 'stale'; file: string }
  /** Writing failed part way: what was written, and the error of the file that was not. */
  | { kind: 'failed'; written: readonly string[]; file: string; error: string };

export function applyPlan(writes: readonly FileWrite[]): ApplyResult {
  for (const write of writes) {
    if (!unchanged(write)) return { kind: 'stale', file: write.planned.path };
  }
  const written: string[] = [];
  for (const write of writes) {
    try {
      writeAtomically(write.real, write.after, write.mode);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return { kind: 'failed', written, file: write.planned.path, error: code };
    }
    written.push(write.planned.path);
  }
  return { kind: 'written', files: written };
}

function unchanged(write: FileWrite): boolean {
  let now: Buffer | null;
  try {
    now = fs.readFileSync(write.real);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    now = null;
  }
  return write.before === null ? now === null : now !== null && now.equals(write.before);
}
