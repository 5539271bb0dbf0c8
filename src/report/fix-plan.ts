// What `secret-hook fix` is about to do, as facts the command gathers (src/commands/fix/) and the report renders:
// each file it writes with its changed lines, the findings it fixes, and those it leaves with the reason. This file
// also draws a change as a unified diff, every secret masked: the `-` lines of the code and the `+` lines of the
// .env file hold it. The sentences around the diffs are in messages/fix.ts.
import type { FileFix } from './fix-hint.js';
import { redact } from './redact.js';
import type { RewriteRefusal } from './rewrite.js';
import { visible } from './visible.js';

/** Lines `remove` lines from old line `at` (0-based) are replaced by `add` (`remove` 0: inserted before `at`). */
export interface LineChange {
  at: number;
  remove: number;
  add: readonly string[];
}

export type PlannedRole = 'source' | 'env' | 'example' | 'gitignore';

/** One file `fix` writes. Line texts hold the file's bytes one character per byte (Latin-1), without line ends. */
export interface PlannedFile {
  /** Repository path ('/' separated), as shown. */
  path: string;
  role: PlannedRole;
  /** The file does not exist yet. */
  created: boolean;
  /** Its lines before the change (empty when created). */
  oldLines: readonly string[];
  /** In line order. */
  changes: readonly LineChange[];
  /** The secrets its lines hold, before or after: masked wherever the change is shown. */
  secrets: readonly string[];
}

/** A finding `fix` moves out of the code. */
export interface PlannedFinding {
  path: string;
  /** 1-based, in the working-tree file. */
  line: number;
  ruleId: string;
  title: string;
  fix: FileFix;
  /** Where its values go: a .env file (repository path), or GitHub's Actions secrets. */
  home: { kind: 'env-file'; path: string; names: readonly string[] } | { kind: 'actions'; names: readonly string[] };
}

/** Why a finding is left as it is: facts, put in words by messages/fix.ts. */
export type FixRefusal =
  /** The line cannot be rewritten with certainty (rewrite.ts), or its kind of file is not edited. */
  | { kind: 'rewrite'; why: RewriteRefusal }
  /** The Go constant sits in a `const ( … )` block: it needs a value known when the code is compiled. */
  | { kind: 'const-block' }
  /** The working-tree file is not there any more. */
  | { kind: 'missing' }
  /** The working-tree file is a symbolic link (or a directory, a socket): `fix` edits regular files only. */
  | { kind: 'not-a-file'; symlink: boolean }
  /** The file lies outside the working tree (a directory on its path links out). */
  | { kind: 'outside' }
  /** UTF-16, UTF-32 or binary content: its lines are not edited byte for byte. */
  | { kind: 'encoding' }
  /** The working-tree copy differs from the staged copy at the finding's line. */
  | { kind: 'changed'; stagedLine: number }
  /** The import the new code needs could not be added with certainty (`import os`, `"os"`). */
  | { kind: 'import'; module: string }
  /** The .env file the value would go to is tracked by git. */
  | { kind: 'env-tracked'; file: string }
  /** A file `fix` would write (.env, .env.example, .gitignore) is a link out of the working tree. */
  | { kind: 'unsafe-target'; file: string }
  /** The .env file already sets this variable to another value. */
  | { kind: 'env-conflict'; file: string; env: string }
  /** The value holds characters (a quote with a backslash, a line break) that dotenv readers do not agree on. */
  | { kind: 'env-value'; env: string };

/** A finding `fix` leaves as it is, with the reason and the manual fix (the report's `→`). */
export interface LeftFinding {
  path: string;
  line: number;
  ruleId: string;
  title: string;
  secret: string;
  fix: FileFix;
  why: FixRefusal;
}

export interface FixPlan {
  /** Written in this order: the values' homes first, so that no value is lost if a later write fails. */
  files: readonly PlannedFile[];
  fixed: readonly PlannedFinding[];
  left: readonly LeftFinding[];
}

const CONTEXT = 3;

/** A planned file as a unified diff (`git apply` reads the same format), every secret masked, every line visible. */
export function unifiedDiff(file: PlannedFile): string[] {
  const show = (line: string) => visible(maskSecrets(latin1ToText(line), file.secrets));
  const name = visible(file.path);
  const out = [file.created ? '--- /dev/null' : `--- a/${name}`, `+++ b/${name}`];
  for (const hunk of hunks(file.changes, file.oldLines.length)) {
    const body: string[] = [];
    let at = hunk.from;
    let added = 0;
    let removed = 0;
    for (const change of hunk.changes) {
      for (; at < change.at; at++) body.push(` ${show(file.oldLines[at]!)}`);
      for (let i = 0; i < change.remove; i++) body.push(`-${show(file.oldLines[at + i]!)}`);
      for (const line of change.add) body.push(`+${show(line)}`);
      at += change.remove;
      removed += change.remove;
      added += change.add.length;
    }
    for (; at < hunk.to; at++) body.push(` ${show(file.oldLines[at]!)}`);
    const oldCount = hunk.to - hunk.from;
    const newCount = oldCount - removed + added;
    out.push(`@@ -${range(hunk.from, oldCount)} +${range(hunk.from + hunk.shift, newCount)} @@`, ...body);
  }
  return out;
}

/** Changes grouped into hunks with their context; `shift` is how far earlier hunks moved the new line numbers. */
function hunks(
  changes: readonly LineChange[],
  lineCount: number,
): { from: number; to: number; shift: number; changes: LineChange[] }[] {
  const out: { from: number; to: number; shift: number; changes: LineChange[] }[] = [];
  let shift = 0;
  for (const change of changes) {
    const from = Math.max(0, change.at - CONTEXT);
    const to = Math.min(lineCount, change.at + change.remove + CONTEXT);
    const last = out[out.length - 1];
    if (last && from <= last.to) {
      last.to = Math.max(last.to, to);
      last.changes.push(change);
    } else out.push({ from, to, shift, changes: [change] });
    shift += change.add.length - change.remove;
  }
  return out;
}

/** `start,count` of a hunk header, 1-based; an empty range names the line before it. */
function range(from: number, count: number): string {
  return count === 0 ? `${from},0` : `${from + 1},${count}`;
}

/** Every secret (and each half of a pair) masked where it stands; the rest of the line, indentation too, kept. */
function maskSecrets(line: string, secrets: readonly string[]): string {
  let out = line;
  const halves = secrets.flatMap((s) => (s.includes(':') ? s.split(':').filter((p) => p.length >= 8) : []));
  for (const part of [...secrets.filter((s) => s !== ''), ...halves].sort((a, b) => b.length - a.length)) {
    if (out.includes(part)) out = out.split(part).join(redact(part));
  }
  return out;
}

/** A line held as bytes (Latin-1) shown as the UTF-8 text it is, when it is UTF-8. */
function latin1ToText(line: string): string {
  return /[\u0080-\u00ff]/.test(line) ? Buffer.from(line, 'latin1').toString('utf8') : line;
}
