// Where objects are read from when the environment says so, as git reads them: GIT_OBJECT_DIRECTORY takes the place
// of <common git dir>/objects, and GIT_ALTERNATE_OBJECT_DIRECTORIES adds directories to search (each with its own
// info/alternates). git's receive-pack sets both for the pre-receive hook: the pushed objects wait in a quarantine
// directory (GIT_QUARANTINE_PATH, the same directory as GIT_OBJECT_DIRECTORY) with the repository's own objects as
// the alternate, and are moved in only when the hooks accept the push. A reader that ignored the variables would
// not find what is pushed. Neither directory is ever written: the store reads through read-only-fs.
// https://git-scm.com/docs/git#Documentation/git.txt-codeGITOBJECTDIRECTORYcode
// https://git-scm.com/docs/git-receive-pack#_quarantine_environment
import * as path from 'node:path';

export interface ObjectDatabase {
  /** The primary objects directory: GIT_OBJECT_DIRECTORY, or <common git dir>/objects. */
  objectsDir: string;
  /** GIT_ALTERNATE_OBJECT_DIRECTORIES, in order, absolute. */
  alternates: string[];
}

type Env = Record<string, string | undefined>;

/** The separator git uses in GIT_ALTERNATE_OBJECT_DIRECTORIES (PATH_SEP: `;` on Windows). */
const SEPARATOR = path.delimiter;

/** Relative values are relative to `cwd`, the directory the variables were set for (git resolves them so). */
export function objectDatabase(commonDir: string, env: Env, cwd: string): ObjectDatabase {
  const own = env['GIT_OBJECT_DIRECTORY'];
  return {
    objectsDir: own ? path.resolve(cwd, own) : path.join(commonDir, 'objects'),
    alternates: splitAlternates(env['GIT_ALTERNATE_OBJECT_DIRECTORIES'] ?? '').map((dir) => path.resolve(cwd, dir)),
  };
}

/**
 * The entries of GIT_ALTERNATE_OBJECT_DIRECTORIES: separated by `:`, and an entry that starts with a double quote
 * is a C-style quoted string (so that it may hold the separator), as git's own parser reads it (object-file.c,
 * parse_alt_odb_entry).
 */
export function splitAlternates(value: string): string[] {
  const entries: string[] = [];
  let at = 0;
  while (at < value.length) {
    if (value[at] === '"') {
      const quoted = unquoteC(value, at);
      if (quoted !== null) {
        entries.push(quoted.text);
        at = quoted.end;
        if (value[at] === SEPARATOR) at++;
        continue;
      }
    }
    let end = value.indexOf(SEPARATOR, at);
    if (end === -1) end = value.length;
    const entry = value.slice(at, end);
    if (entry !== '') entries.push(entry);
    at = end + 1;
  }
  return entries;
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A C-quoted string starting at `start` (the opening quote), or null when it is not one (no closing quote). */
function unquoteC(value: string, start: number): { text: string; end: number } | null {
  const bytes: number[] = [];
  for (let i = start + 1; i < value.length; i++) {
    const char = value[i]!;
    if (char === '"') return { text: Buffer.from(bytes).toString('utf8'), end: i + 1 };
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = value[++i];
    if (next === undefined) return null;
    if (/[0-3]/.test(next) && /^[0-7]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(...Buffer.from(ESCAPES[next] ?? next, 'utf8'));
  }
  return null;
}

/**
 * The environment with the object variables made absolute: git processes we start run in another directory than the
 * one the variables were set for. The same object when nothing needs changing (receive-pack sets absolute paths).
 */
export function withAbsoluteObjectPaths(env: Env, cwd: string): Env {
  const changes: Record<string, string> = {};
  for (const key of ['GIT_OBJECT_DIRECTORY', 'GIT_QUARANTINE_PATH'] as const) {
    const value = env[key];
    if (value && !path.isAbsolute(value)) changes[key] = path.resolve(cwd, value);
  }
  const alternates = env['GIT_ALTERNATE_OBJECT_DIRECTORIES'];
  if (alternates) {
    const entries = splitAlternates(alternates);
    if (entries.some((entry) => !path.isAbsolute(entry))) {
      changes['GIT_ALTERNATE_OBJECT_DIRECTORIES'] = entries
        .map((entry) => path.resolve(cwd, entry))
        .map((entry) => (entry.includes(SEPARATOR) || entry.startsWith('"') ? JSON.stringify(entry) : entry))
        .join(SEPARATOR);
    }
  }
  return Object.keys(changes).length === 0 ? env : { ...env, ...changes };
}
