// History scans of thousands of commits stream `git log -p` from the git that runs us: git reads, inflates and
// diffs objects in C on one core while we parse and scan on the other (measured: README, docs/benchmark-results.md).
// Read-only: `git log` writes nothing. Merges come as dense combined diffs (`--cc`): a line counts as added only
// when it is in none of the parents, which is what a conflict resolution or an "evil merge" introduced.
// Format: https://git-scm.com/docs/git-diff#_combined_diff_format
import { spawn } from 'node:child_process';
import { RepositoryError } from '../errors.js';

export interface LogCommit {
  oid: string;
  parents: string[];
  author: string;
  /** Author time, seconds since the epoch. */
  time: number;
  subject: string;
}

export type LogEvent =
  | {
      kind: 'file';
      commit: LogCommit;
      path: string;
      text: string;
      lineNumbers: number[];
      context: { text: string; firstLine: number } | null;
    }
  | { kind: 'binary'; commit: LogCommit; path: string }
  | { kind: 'commit'; commit: LogCommit };

// A NUL starts each commit header line: it cannot appear in git's diff output otherwise.
const FORMAT = '%x00%H %P%x00%an%x00%at%x00%s';
const CONTEXT_LINES = 3;

/** Streams the commits of `revisions` (e.g. ['--all'] or ['^A', 'B']), oldest first, with their added lines. */
export async function* streamLog(cwd: string, revisions: readonly string[]): AsyncGenerator<LogEvent> {
  const args = [
    '-c',
    'core.quotePath=false',
    'log',
    '--reverse',
    '-p',
    `-U${CONTEXT_LINES}`,
    '--cc',
    '-M',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    `--format=${FORMAT}`,
    ...revisions,
    '--',
  ];
  const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const parser = new LogParser();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let rest = '';
  try {
    for await (const chunk of child.stdout) {
      const text = rest + decoder.decode(chunk as Buffer, { stream: true });
      const lastNewline = text.lastIndexOf('\n');
      if (lastNewline === -1) {
        rest = text;
        continue;
      }
      rest = text.slice(lastNewline + 1);
      yield* parser.feed(text.slice(0, lastNewline).split('\n'));
    }
    yield* parser.feed((rest + decoder.decode()).split('\n'));
    yield* parser.finish();
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0) {
    throw new RepositoryError(
      `git log failed (exit ${code}): ${Buffer.concat(stderr).toString('utf8').trim().split('\n')[0]}`,
    );
  }
}

interface FileState {
  path: string | null;
  /** Number of parents the hunks are combined over (1 for a plain diff). */
  parents: number;
  newLine: number;
  added: string[];
  addedLines: number[];
  /** Lines of the new file seen in hunks (added or context), by line number; gaps are unknown lines. */
  seen: Map<number, string>;
  binary: boolean;
}

/** A line-at-a-time parser of `git log -p --cc` output. Exported for its unit tests. */
export class LogParser {
  private commit: LogCommit | null = null;
  private file: FileState | null = null;

  private events: LogEvent[] = [];

  /** Parses whole lines; returns the events they complete. */
  feed(lines: string[]): LogEvent[] {
    for (const line of lines) this.line(line);
    const events = this.events;
    this.events = [];
    return events;
  }

  finish(): LogEvent[] {
    this.flushFile();
    return this.feed([]);
  }

  private line(line: string): void {
    if (line.startsWith('\0')) {
      this.flushFile();
      const [, ids = '', author = '', time = '0', subject = ''] = line.split('\0');
      const [oid = '', ...parents] = ids.trim().split(' ').filter(Boolean);
      this.commit = { oid, parents, author, time: Number(time), subject };
      this.events.push({ kind: 'commit', commit: this.commit });
      return;
    }
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      this.flushFile();
      const combined = !line.startsWith('diff --git ');
      this.file = {
        path: combined ? unquote(line.slice(line.indexOf(' ', 5) + 1)) : null,
        parents: combined ? Math.max(2, this.commit?.parents.length ?? 2) : 1,
        newLine: 0,
        added: [],
        addedLines: [],
        seen: new Map(),
        binary: false,
      };
      return;
    }
    const file = this.file;
    if (!file) return;
    if (file.newLine === 0) {
      // Extended headers, up to the first hunk.
      if (line.startsWith('+++ ')) {
        // git ends the name with a tab when it holds a space.
        const target = line.slice(4).replace(/\t$/, '');
        file.path = target === '/dev/null' ? null : stripPrefix(unquote(target));
      } else if (line.startsWith('Binary files ')) {
        // "Binary files a/x and b/x differ" (there is no +++ line for binary files).
        file.binary = true;
        const target = / and (.*) differ$/.exec(line)?.[1];
        if (target && target !== '/dev/null') file.path = stripPrefix(unquote(target));
      } else if (line.startsWith('@@')) {
        file.newLine = hunkStart(line);
      }
      return;
    }
    if (line.startsWith('@@')) {
      file.newLine = hunkStart(line);
      return;
    }
    if (line.startsWith('\\')) return; // "\ No newline at end of file"
    // Every hunk line carries one column per parent; an empty line separates commits.
    if (line.length < file.parents) return;
    const columns = line.slice(0, file.parents);
    const content = line.slice(file.parents);
    if (columns.includes('-')) return; // not in the new file
    if (!columns.includes(' ') && columns.length === file.parents) {
      // '+' in every column: in none of the parents.
      file.added.push(content);
      file.addedLines.push(file.newLine);
    }
    file.seen.set(file.newLine, content);
    file.newLine++;
  }

  private flushFile(): void {
    const file = this.file;
    this.file = null;
    if (!file || !file.path || !this.commit) return;
    if (file.binary) {
      this.events.push({ kind: 'binary', commit: this.commit, path: file.path });
      return;
    }
    if (file.added.length === 0) return;
    this.events.push({
      kind: 'file',
      commit: this.commit,
      path: file.path,
      text: file.added.join('\n'),
      lineNumbers: file.addedLines,
      context: contextOf(file.seen),
    });
  }
}

/** The lines seen in the hunks as one text from the first to the last, unknown lines left empty. */
function contextOf(seen: Map<number, string>): { text: string; firstLine: number } | null {
  if (seen.size === 0) return null;
  const numbers = [...seen.keys()];
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const lines: string[] = [];
  for (let n = first; n <= last; n++) lines.push(seen.get(n) ?? '');
  return { text: lines.join('\n'), firstLine: first };
}

/** The new file's first line number from `@@ -a,b +c,d @@` or a combined `@@@ -a,b -c,d +e,f @@@`. */
function hunkStart(header: string): number {
  const match = / \+(\d+)(?:,\d+)? @@/.exec(header);
  const start = match ? Number(match[1]) : 1;
  // A hunk of a deletion-only change at line 0 has no new lines; start numbering at 1 regardless.
  return Math.max(1, start);
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

/** git's C-style quoting of unusual paths: "a/tab\there", octal escapes for bytes. */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
