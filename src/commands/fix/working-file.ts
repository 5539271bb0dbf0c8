// The working-tree files `secret-hook fix` reads and writes, handled byte for byte: a file is held as Latin-1 (one
// character per byte), split into lines that keep their own ending (`\n`, `\r\n`, or none on a last line), and put
// back together exactly, so that a CRLF file stays CRLF and a file without a final newline stays without one.
// Writes go to a temporary file beside the target, which is renamed over it: a reader never sees half a file, and
// the file keeps its mode. Nothing is written through a symbolic link that leads out of the working tree, nor into
// the git directory.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Line {
  /** The line's bytes as Latin-1, without its ending. */
  text: string;
  eol: '\n' | '\r\n' | '';
}

/** A file's lines: joining `text + eol` of every line gives back its bytes. */
export function splitLines(bytes: Buffer): Line[] {
  const text = bytes.toString('latin1');
  const lines: Line[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', start)) {
    const crlf = at > start && text[at - 1] === '\r';
    lines.push({ text: text.slice(start, crlf ? at - 1 : at), eol: crlf ? '\r\n' : '\n' });
    start = at + 1;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function joinLines(lines: readonly Line[]): Buffer {
  return Buffer.from(lines.map((l) => l.text + l.eol).join(''), 'latin1');
}

/** The line ending a file uses most (new lines are written with it); `\n` for an empty file. */
export function dominantEol(lines: readonly Line[]): '\n' | '\r\n' {
  const crlf = lines.filter((l) => l.eol === '\r\n').length;
  return crlf > 0 && crlf >= lines.filter((l) => l.eol === '\n').length ? '\r\n' : '\n';
}

/** Text (UTF-8) as the Latin-1 characters of its bytes, to find it in a line held as bytes. */
export function asBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** A working-tree file as it is now. */
export type FileRead =
  | { kind: 'file'; bytes: Buffer; mode: number; real: string }
  | { kind: 'absent'; real: string }
  | { kind: 'symlink' }
  | { kind: 'not-a-file' }
  | { kind: 'outside' };

/** Where writes may go: the working tree, and not its git directories. */
export interface WriteArea {
  workTree: string;
  /** Real paths (symbolic links resolved). */
  realWorkTree: string;
  realGitDirs: readonly string[];
}

export function writeArea(workTree: string, gitDirs: readonly string[]): WriteArea {
  return {
    workTree,
    realWorkTree: fs.realpathSync(workTree),
    realGitDirs: gitDirs.map((dir) => fs.realpathSync(dir)),
  };
}

function inside(area: WriteArea, real: string): boolean {
  const within = (dir: string) => real === dir || real.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
  return real !== area.realWorkTree && within(area.realWorkTree) && !area.realGitDirs.some(within);
}

/**
 * Reads a working-tree file by repository path. `followLink`: a symbolic link whose target lies in the working tree
 * is read (and later written) at its target; without it, a link is reported as one.
 */
export function readWorkingFile(area: WriteArea, repoPath: string, followLink: boolean): FileRead {
  const absolute = path.join(area.workTree, ...repoPath.split('/'));
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const real = realParent(absolute);
    if (real === null || !inside(area, real)) return { kind: 'outside' };
    return { kind: 'absent', real };
  }
  let real: string | null;
  if (stat.isSymbolicLink()) {
    if (!followLink) return { kind: 'symlink' };
    try {
      real = fs.realpathSync(absolute);
    } catch {
      return { kind: 'outside' }; // a link to nothing: writing would create a file wherever it points
    }
    stat = fs.statSync(real);
  } else real = realParent(absolute);
  if (real === null || !inside(area, real)) return { kind: 'outside' };
  if (!stat.isFile()) return { kind: 'not-a-file' };
  return { kind: 'file', bytes: fs.readFileSync(real), mode: stat.mode & 0o7777, real };
}

/** The real path of a file: its directory's real path and its own name; null when the directory does not exist. */
function realParent(absolute: string): string | null {
  try {
    return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return null;
  }
}

/** Writes `bytes` to `real` through a temporary file in the same directory, renamed over it; the mode is `mode`. */
export function writeAtomically(real: string, bytes: Buffer, mode: number): void {
  const temporary = path.join(
    path.dirname(real),
    `.${path.basename(real)}.secret-hook-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const fd = fs.openSync(temporary, 'wx', mode);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(temporary, mode); // the umask may have narrowed it
    fs.renameSync(temporary, real);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
