// The plan of `secret-hook fix`: for each finding, whether its line can be rewritten (the report's own decision,
// report/fix-hint.ts autoFixable, so that what the report shows after `→` is what is written), where in the
// working-tree file that line is now, where its value goes, and the bytes of every file to write. Nothing is written
// here; apply.ts writes the plan once it is confirmed.
import type { Rule } from '../../../rules/schema.js';
import { autoFixable, fixFor, fixInputOf, type FileFix, type FileKind } from '../../report/fix-hint.js';
import type {
  FixPlan,
  FixRefusal,
  LeftFinding,
  LineChange,
  PlannedFile,
  PlannedFinding,
} from '../../report/fix-plan.js';
import { applyEdits, type Edit, type EnvRead } from '../../report/rewrite.js';
import type { ReportedFinding } from '../../result.js';
import { EXAMPLE_FILES, envDirectory, envLine, envValues, join } from './env-file.js';
import { importNeeded, inGoConstBlock, type Insertion } from './imports.js';
import {
  asBytes,
  dominantEol,
  joinLines,
  readWorkingFile,
  splitLines,
  type FileRead,
  type Line,
  type WriteArea,
} from './working-file.js';

/** One file's findings, as the scan found them. */
export interface FileFindings {
  path: string;
  /** Every finding in it (those that warn too: a line with two secrets is not rewritten). */
  findings: readonly ReportedFinding[];
  /** The staged copy the findings' line numbers refer to; null when they refer to the working-tree file itself. */
  staged: Buffer | null;
}

export interface PlanContext {
  area: WriteArea;
  rules: ReadonlyMap<string, Rule>;
  /** Whether git tracks a repository path (the index has an entry for it). */
  tracked: (repoPath: string) => boolean;
  /** The repository paths git's ignore rules cover. */
  ignored: (repoPaths: readonly string[]) => Set<string>;
  /** Whether a repository path exists in the working tree. */
  exists: (repoPath: string) => boolean;
}

/** A file to write, with what it held when the plan was made (checked again just before writing). */
export interface FileWrite {
  planned: PlannedFile;
  real: string;
  before: Buffer | null;
  after: Buffer;
  mode: number;
}

export interface Plan extends FixPlan {
  writes: readonly FileWrite[];
  /** Source files and whether their working-tree copy equalled the staged one before the fix (`git add` is enough). */
  sources: readonly { path: string; sameAsStaged: boolean | null }[];
}

/** A finding whose line can be rewritten, located in the working-tree file. */
interface Candidate {
  finding: ReportedFinding;
  index: number;
  fix: FileFix;
  edits: readonly Edit[];
  reads: readonly EnvRead[];
}

interface SourceState {
  path: string;
  read: Extract<FileRead, { kind: 'file' }>;
  lines: Line[];
  kind: FileKind;
  accepted: Candidate[];
  insertion: Insertion | null;
  secrets: string[];
  sameAsStaged: boolean | null;
}

/** An env file (or a template, or .gitignore) the plan appends to. */
interface AppendTarget {
  path: string;
  real: string;
  before: Buffer | null;
  mode: number;
  lines: Line[];
  values: Map<string, string | undefined>;
  added: Map<string, string>;
  secrets: string[];
}

const NEW_ENV_MODE = 0o600;
const NEW_FILE_MODE = 0o644;

export function planFixes(files: readonly FileFindings[], context: PlanContext): Plan {
  const left: LeftFinding[] = [];
  const fixed: PlannedFinding[] = [];
  const sources: SourceState[] = [];
  const leave = (finding: ReportedFinding, why: FixRefusal, fix?: FileFix) =>
    left.push({
      path: finding.path,
      line: finding.line,
      ruleId: finding.ruleId,
      title: finding.title,
      secret: finding.secret,
      fix: fix ?? reportedFix(finding, files, context.rules),
      why,
    });

  const candidates: { source: SourceState; candidate: Candidate }[] = [];
  for (const file of files) {
    // The report's own verdict first, from the finding's line: what it cannot fix is left whatever the file holds.
    const fixable: ReportedFinding[] = [];
    for (const finding of file.findings.filter((f) => f.action === 'block').sort((a, b) => a.line - b.line)) {
      const reported = fixFor(inputOf(finding, finding.lineText, finding.secret, file.findings, context.rules));
      if (autoFixable(reported)) fixable.push(finding);
      else leave(finding, { kind: 'rewrite', why: reported.rewrite.ok ? 'kind' : reported.rewrite.why }, reported);
    }
    if (fixable.length === 0) continue;
    const read = readWorkingFile(context.area, file.path, false);
    const unreadable = refusalOf(read);
    if (unreadable) {
      for (const f of fixable) leave(f, unreadable);
      continue;
    }
    const current = read as Extract<FileRead, { kind: 'file' }>;
    if (!isPlainText(current.bytes)) {
      for (const f of fixable) leave(f, { kind: 'encoding' });
      continue;
    }
    const lines = splitLines(current.bytes);
    const stagedLines = file.staged ? splitLines(file.staged).map((l) => l.text) : null;
    const source: SourceState = {
      path: file.path,
      read: current,
      lines,
      kind: 'other',
      accepted: [],
      insertion: null,
      secrets: file.findings.map((f) => f.secret),
      sameAsStaged: file.staged ? file.staged.equals(current.bytes) : null,
    };
    const inFile: Candidate[] = [];
    for (const finding of fixable) {
      const index = stagedLines ? locate(lines, stagedLines, finding.line) : finding.line - 1;
      const secret = asBytes(finding.secret);
      if (index === null || !(lines[index]?.text.includes(secret.split(':')[0]!) ?? false)) {
        leave(finding, { kind: 'changed', stagedLine: finding.line });
        continue;
      }
      const fix = fixFor(inputOf(finding, lines[index]!.text, secret, file.findings, context.rules));
      if (!autoFixable(fix) || !fix.rewrite.ok) {
        leave(finding, { kind: 'rewrite', why: fix.rewrite.ok ? 'kind' : fix.rewrite.why });
        continue;
      }
      if (fix.kind === 'go' && inGoConstBlock(lines, index)) {
        leave(finding, { kind: 'const-block' });
        continue;
      }
      source.kind = fix.kind;
      inFile.push({ finding, index, fix, edits: fix.rewrite.edits, reads: fix.rewrite.reads });
    }
    if (inFile.length === 0) continue;
    const need = importNeeded(source.kind, lines, Math.min(...inFile.map((c) => c.index)));
    if (need.kind === 'unplaceable') {
      for (const c of inFile) leave(c.finding, { kind: 'import', module: need.module });
      continue;
    }
    if (need.kind === 'insert') source.insertion = need.insertion;
    sources.push(source);
    for (const candidate of inFile) candidates.push({ source, candidate });
  }

  // Where the values go: the env file of each finding's project, checked for each value before anything is kept.
  const homes = new Map<string, { env: AppendTarget; example: AppendTarget } | FixRefusal>();
  for (const { source, candidate } of candidates) {
    const { finding, fix, reads } = candidate;
    if (fix.kind === 'github-actions') {
      source.accepted.push(candidate);
      fixed.push(planned(finding, candidate, { kind: 'actions', names: reads.map((r) => r.env) }));
      continue;
    }
    const { dir, names } = envDirectory(fix.kind, source.path, context.exists);
    let home = homes.get(dir);
    if (!home) {
      home = envHome(dir, names, context);
      homes.set(dir, home);
    }
    if ('kind' in home) {
      leave(finding, home);
      continue;
    }
    const problem = checkValues(home.env, reads);
    if (problem) {
      leave(finding, problem);
      continue;
    }
    for (const read of reads) {
      if (!home.env.values.has(read.env) && !home.env.added.has(read.env)) {
        home.env.added.set(read.env, envLine(read.env, read.value)!);
        home.env.secrets.push(read.value);
      }
      if (!home.example.values.has(read.env) && !home.example.added.has(read.env)) {
        home.example.added.set(read.env, `${read.env}=`);
      }
    }
    source.accepted.push(candidate);
    fixed.push(planned(finding, candidate, { kind: 'env-file', path: home.env.path, names: reads.map((r) => r.env) }));
  }

  const envTargets = [...homes.values()].filter(
    (h): h is { env: AppendTarget; example: AppendTarget } => !('kind' in h),
  );
  const writes: FileWrite[] = [];
  const used = envTargets.filter((h) => h.env.added.size > 0 || h.example.added.size > 0);
  for (const home of used) if (home.env.added.size > 0) writes.push(appendWrite(home.env, 'env', NEW_ENV_MODE));
  for (const home of used)
    if (home.example.added.size > 0) writes.push(appendWrite(home.example, 'example', NEW_FILE_MODE));
  const gitignore = gitignoreWrite(
    envTargets.filter((h) => fixed.some((f) => f.home.kind === 'env-file' && f.home.path === h.env.path)),
    context,
  );
  if (gitignore) writes.push(gitignore);
  for (const source of sources) if (source.accepted.length > 0) writes.push(sourceWrite(source));

  return {
    files: writes.map((w) => w.planned),
    fixed,
    left: left.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line),
    writes,
    sources: sources.filter((s) => s.accepted.length > 0).map((s) => ({ path: s.path, sameAsStaged: s.sameAsStaged })),
  };
}

function refusalOf(read: FileRead): FixRefusal | null {
  switch (read.kind) {
    case 'file':
      return null;
    case 'absent':
      return { kind: 'missing' };
    case 'symlink':
      return { kind: 'not-a-file', symlink: true };
    case 'not-a-file':
      return { kind: 'not-a-file', symlink: false };
    case 'outside':
      return { kind: 'outside' };
  }
}

/** UTF-8 (or ASCII, or Latin-1) text: no NUL, no UTF-16 or UTF-32 byte-order mark. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.subarray(0, 8000).includes(0)) return false;
  return !((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/**
 * Where the staged line `line` (1-based) stands in the working-tree file: the same line number when it reads the
 * same, else the one working-tree line that reads the same; null when there is none, or more than one.
 */
function locate(lines: readonly Line[], staged: readonly string[], line: number): number | null {
  const wanted = staged[line - 1];
  if (wanted === undefined) return null;
  if (lines[line - 1]?.text === wanted) return line - 1;
  let found: number | null = null;
  for (const [i, l] of lines.entries()) {
    if (l.text !== wanted) continue;
    if (found !== null) return null;
    found = i;
  }
  return found;
}

function inputOf(
  finding: ReportedFinding,
  lineText: string,
  secret: string,
  all: readonly ReportedFinding[],
  rules: ReadonlyMap<string, Rule>,
) {
  const othersOnLine = all.some((other) => other !== finding && other.line === finding.line);
  return fixInputOf(finding, rules.get(finding.ruleId), othersOnLine, { lineText, secret });
}

/** The fix as the report shows it, from the finding's own line: the manual steps of a finding left as it is. */
function reportedFix(finding: ReportedFinding, files: readonly FileFindings[], rules: ReadonlyMap<string, Rule>) {
  const all = files.find((f) => f.path === finding.path)?.findings ?? [finding];
  return fixFor(inputOf(finding, finding.lineText, finding.secret, all, rules));
}

function planned(finding: ReportedFinding, candidate: Candidate, home: PlannedFinding['home']): PlannedFinding {
  return {
    path: finding.path,
    line: candidate.index + 1,
    ruleId: finding.ruleId,
    title: finding.title,
    fix: candidate.fix,
    home,
  };
}

/** The env file (and its template) a directory's values go to; or why none can be written. */
function envHome(
  dir: string,
  names: readonly string[],
  context: PlanContext,
): { env: AppendTarget; example: AppendTarget } | FixRefusal {
  let trackedOne: string | null = null;
  let env: AppendTarget | null = null;
  for (const name of names) {
    const file = join(dir, name);
    const read = readWorkingFile(context.area, file, true);
    if (read.kind === 'absent') continue;
    if (read.kind !== 'file') return { kind: 'unsafe-target', file };
    if (context.tracked(file) || context.tracked(repoPathOf(context.area, read.real))) {
      trackedOne ??= file;
      continue;
    }
    env = appendTarget(file, read);
    break;
  }
  if (!env) {
    if (trackedOne !== null) return { kind: 'env-tracked', file: trackedOne };
    const file = join(dir, '.env');
    const read = readWorkingFile(context.area, file, true);
    if (read.kind !== 'absent') return { kind: 'unsafe-target', file };
    env = appendTarget(file, read);
  }
  let example: AppendTarget | null = null;
  for (const name of EXAMPLE_FILES) {
    const file = join(dir, name);
    const read = readWorkingFile(context.area, file, true);
    if (read.kind === 'absent') continue;
    if (read.kind !== 'file') return { kind: 'unsafe-target', file };
    example = appendTarget(file, read);
    break;
  }
  if (!example) {
    const file = join(dir, EXAMPLE_FILES[0]!);
    const read = readWorkingFile(context.area, file, true);
    if (read.kind !== 'absent') return { kind: 'unsafe-target', file };
    example = appendTarget(file, read);
  }
  const gitignore = readWorkingFile(context.area, '.gitignore', true);
  if (gitignore.kind !== 'file' && gitignore.kind !== 'absent') return { kind: 'unsafe-target', file: '.gitignore' };
  return { env, example };
}

function repoPathOf(area: WriteArea, real: string): string {
  return real
    .slice(area.realWorkTree.length + 1)
    .split(/[\\/]/)
    .join('/');
}

function appendTarget(file: string, read: FileRead & { kind: 'file' | 'absent' }): AppendTarget {
  const bytes = read.kind === 'file' ? read.bytes : null;
  const lines = bytes ? splitLines(bytes) : [];
  return {
    path: file,
    real: read.real,
    before: bytes,
    mode: read.kind === 'file' ? read.mode : -1,
    lines,
    values: envValues(bytes ? bytes.toString('latin1') : ''),
    added: new Map(),
    secrets: [],
  };
}

/** A value that cannot be kept there: the name is set to something else, or the value cannot be written exactly. */
function checkValues(env: AppendTarget, reads: readonly EnvRead[]): FixRefusal | null {
  for (const read of reads) {
    if (env.values.has(read.env)) {
      if (env.values.get(read.env) !== read.value) return { kind: 'env-conflict', file: env.path, env: read.env };
      continue;
    }
    const planned = env.added.get(read.env);
    if (planned !== undefined) {
      if (planned !== envLine(read.env, read.value)) return { kind: 'env-conflict', file: env.path, env: read.env };
      continue;
    }
    if (envLine(read.env, read.value) === null) return { kind: 'env-value', env: read.env };
  }
  return null;
}

/** Lines appended at the end of a file; a last line without a newline gets one first. */
function appendWrite(target: AppendTarget, role: 'env' | 'example' | 'gitignore', newMode: number): FileWrite {
  const added = [...target.added.values()];
  const eol = dominantEol(target.lines);
  const lines = target.lines.map((l) => ({ ...l }));
  const last = lines[lines.length - 1];
  if (last && last.eol === '') last.eol = eol;
  for (const text of added) lines.push({ text, eol });
  return {
    planned: {
      path: target.path,
      role,
      created: target.before === null,
      oldLines: target.lines.map((l) => l.text),
      changes: [{ at: target.lines.length, remove: 0, add: added }],
      secrets: target.secrets,
    },
    real: target.real,
    before: target.before,
    after: joinLines(lines),
    mode: target.mode === -1 ? newMode : target.mode,
  };
}

/** The root .gitignore gains an anchored line for each env file git does not ignore yet. */
function gitignoreWrite(homes: readonly { env: AppendTarget }[], context: PlanContext): FileWrite | null {
  const paths = homes.map((h) => h.env.path);
  const ignored = context.ignored(paths);
  const missing = paths.filter((p) => !ignored.has(p));
  if (missing.length === 0) return null;
  const read = readWorkingFile(context.area, '.gitignore', true);
  if (read.kind !== 'file' && read.kind !== 'absent') return null; // refused for each finding already (envHome)
  const target = appendTarget('.gitignore', read);
  for (const p of missing) target.added.set(p, `/${p}`);
  return appendWrite(target, 'gitignore', NEW_FILE_MODE);
}

/** A source file with its rewritten lines, and the import they need. */
function sourceWrite(source: SourceState): FileWrite {
  const changes: LineChange[] = source.accepted.map((c) => ({
    at: c.index,
    remove: 1,
    add: [applyEdits(source.lines[c.index]!.text, c.edits)],
  }));
  if (source.insertion) changes.push({ at: source.insertion.at, remove: 0, add: source.insertion.lines });
  changes.sort((a, b) => a.at - b.at || a.remove - b.remove);
  return {
    planned: {
      path: source.path,
      role: 'source',
      created: false,
      oldLines: source.lines.map((l) => l.text),
      changes,
      secrets: source.secrets,
    },
    real: source.read.real,
    before: source.read.bytes,
    after: joinLines(changed(source.lines, changes)),
    mode: source.read.mode,
  };
}

/** The lines with the changes made: a replaced line keeps its ending; an inserted one takes the file's. */
export function changed(lines: readonly Line[], changes: readonly LineChange[]): Line[] {
  const eol = dominantEol(lines);
  const out: Line[] = [];
  let at = 0;
  for (const change of changes) {
    for (; at < change.at; at++) out.push({ ...lines[at]! });
    if (change.remove === 0) {
      // After a last line without a newline, that line needs one first.
      if (at === lines.length && out.length > 0 && out[out.length - 1]!.eol === '') out[out.length - 1]!.eol = eol;
      for (const text of change.add) out.push({ text, eol });
      continue;
    }
    const replaced = lines.slice(at, at + change.remove);
    change.add.forEach((text, i) => out.push({ text, eol: i === change.add.length - 1 ? replaced.at(-1)!.eol : eol }));
    at += change.remove;
  }
  for (; at < lines.length; at++) out.push({ ...lines[at]! });
  return out;
}
