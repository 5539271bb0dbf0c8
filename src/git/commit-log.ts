// The commits of a history, a range or a push, each with its tree diff against its first parent, streamed from
// `git log --raw`: git walks and diffs trees in C on one core while we read blobs and scan on the other.
// Only the tree diff comes from git, without rename detection: pairing renames, telling type changes from
// content changes and skipping submodules is done by the same collector the commit hook uses (tree-diff.ts), and
// the added lines by the same function (added-lines.ts). So a history scan, a range, a push and the commit hook
// see the same added text for the same change.
// Raw format: https://git-scm.com/docs/git-diff#_raw_output_format ; with -z, fields end in NUL and paths are not
// quoted.
import { RepositoryError, type GitTask } from '../errors.js';
import type { GitLocation } from './git-process.js';
import { spawnGit } from './git-process.js';

export interface RawEntry {
  oldMode: number;
  newMode: number;
  oldOid: string;
  newOid: string;
  /** A (added), D (deleted), M (modified), T (type changed). */
  status: string;
  path: string;
}

export interface LoggedCommit {
  oid: string;
  parents: string[];
  /** The message as git prints it (`%B`: re-encoded to UTF-8), scanned like a file (scan-message.ts). */
  message: string;
  /** The diff against the first parent (against nothing for a root commit). */
  entries: RawEntry[];
}

export interface LogRequest {
  /** Revision arguments (`--all`, `--exclude=refs/stash`); never user text (that goes through `stdin`). */
  args: readonly string[];
  /** Revisions, one per line, read by `git log --stdin`: commit ids, `^id` to exclude. */
  stdin?: string;
  /** Exactly the commits listed on stdin, in the order given, without walking their parents. */
  noWalk?: boolean;
}

// A commit starts with \x01 and its ids: nothing else in the output can start a record with \x01 (paths follow a
// raw header, and raw headers start with ':'). The message follows the ids, after a NUL, and ends at the NUL git
// writes after the format (-z): a message cannot hold a NUL (git prints it as a C string).
const FORMAT = '%x01%H %P%x00%B';
const LIST_COMMITS: GitTask = { kind: 'list-commits' };

/**
 * Streams the commits newest first (git's order: no waiting for the whole walk, as `--reverse` would), or in the
 * order given with `noWalk`.
 */
export async function* commitLog(repo: GitLocation, request: LogRequest): AsyncGenerator<LoggedCommit> {
  const args = [
    '-c',
    'log.showSignature=false',
    'log',
    ...(request.noWalk ? ['--no-walk=unsorted'] : []),
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    '--no-relative',
    '--no-color',
    '--no-textconv',
    '--no-ext-diff',
    '--diff-merges=first-parent',
    '--ignore-submodules=none',
    `--format=${FORMAT}`,
    ...(request.stdin !== undefined ? ['--stdin'] : []),
    ...request.args,
    '--',
  ];
  const { process: git, finished } = spawnGit(repo, args, LIST_COMMITS);
  if (request.stdin !== undefined) git.stdin.end(request.stdin);
  else git.stdin.end();
  const parser = new RawLogParser();
  try {
    for await (const chunk of git.stdout) yield* parser.feed(chunk as Buffer);
    yield* parser.finish();
  } finally {
    if (git.exitCode === null) git.kill();
  }
  await finished;
}

type ParsedRecord =
  | { kind: 'incomplete' }
  | { kind: 'commit'; commit: LoggedCommit; end: number }
  | { kind: 'entry'; entry: RawEntry; end: number };

/** A byte-level parser of `git log --raw -z --format=%x01%H %P%x00%B`. */
class RawLogParser {
  private pending: Buffer = Buffer.alloc(0);
  private commit: LoggedCommit | null = null;

  *feed(chunk: Buffer): Generator<LoggedCommit> {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let at = 0;
    for (;;) {
      const parsed = this.parseRecord(at);
      if (parsed.kind === 'incomplete') break;
      at = parsed.end;
      if (parsed.kind === 'commit') {
        if (this.commit) yield this.commit;
        this.commit = parsed.commit;
      } else {
        if (!this.commit) throw unexpected(this.pending.toString('latin1', at, at + 80));
        this.commit.entries.push(parsed.entry);
      }
    }
    this.pending = this.pending.subarray(at);
  }

  *finish(): Generator<LoggedCommit> {
    if (this.pending.some((byte) => byte !== 0x0a && byte !== 0x00)) {
      throw new RepositoryError({ kind: 'git-stopped', task: LIST_COMMITS });
    }
    if (this.commit) yield this.commit;
    this.commit = null;
  }

  private parseRecord(start: number): ParsedRecord {
    const data = this.pending;
    let at = start;
    // Separators between records: git ends the header with NUL and a newline.
    while (at < data.length && (data[at] === 0x0a || data[at] === 0x00)) at++;
    if (at >= data.length) return { kind: 'incomplete' };
    if (data[at] === 0x01) {
      const end = data.indexOf(0, at);
      if (end === -1) return { kind: 'incomplete' };
      const messageEnd = data.indexOf(0, end + 1);
      if (messageEnd === -1) return { kind: 'incomplete' };
      const [oid = '', ...parents] = data
        .toString('latin1', at + 1, end)
        .trim()
        .split(' ')
        .filter(Boolean);
      if (!/^[0-9a-f]{40,64}$/.test(oid)) throw unexpected(oid);
      const message = data.toString('utf8', end + 1, messageEnd);
      return { kind: 'commit', commit: { oid, parents, message, entries: [] }, end: messageEnd + 1 };
    }
    if (data[at] !== 0x3a /* : */) throw unexpected(data.toString('latin1', at, at + 80));
    const headerEnd = data.indexOf(0, at);
    if (headerEnd === -1) return { kind: 'incomplete' };
    const pathEnd = data.indexOf(0, headerEnd + 1);
    if (pathEnd === -1) return { kind: 'incomplete' };
    const [oldMode = '', newMode = '', oldOid = '', newOid = '', status = ''] = data
      .toString('latin1', at + 1, headerEnd)
      .split(' ');
    const entry: RawEntry = {
      oldMode: parseInt(oldMode, 8),
      newMode: parseInt(newMode, 8),
      oldOid,
      newOid,
      status: status.slice(0, 1),
      path: data.toString('utf8', headerEnd + 1, pathEnd),
    };
    return { kind: 'entry', entry, end: pathEnd + 1 };
  }
}

/** git log printed `output` where the parser expected a record of the raw format. */
function unexpected(output: string): RepositoryError {
  return new RepositoryError({ kind: 'unexpected-output', task: LIST_COMMITS, output });
}
