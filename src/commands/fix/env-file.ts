// Where a secret goes when it leaves the code, and how it is written there. The .env file is the one the project
// already uses (`.env`, `.env.local`, `.dev.vars`) in the directory of the nearest project file (package.json,
// pyproject.toml, go.mod, …), or a new `.env` there; docker compose reads `.env` beside the compose file. A value is
// written so that the common readers give it back exactly: Node's and motdotenv's parsers, python-dotenv, the Ruby
// and Go dotenv libraries, docker compose, and a shell sourcing the file (`set -a; . ./.env`).
import * as path from 'node:path';
import type { FileKind } from '../../report/fix-hint.js';

/** Files that mark the root of a project (its .env lives there). */
const PROJECT_FILES = [
  'package.json',
  'pyproject.toml',
  'setup.py',
  'setup.cfg',
  'requirements.txt',
  'Pipfile',
  'go.mod',
  'Gemfile',
  'Cargo.toml',
  'composer.json',
  'pom.xml',
  'build.gradle',
  'build.gradle.kts',
  'wrangler.toml',
  'deno.json',
];

/** The env files a project may already use, in order of preference. */
const ENV_FILES = ['.env', '.env.local', '.dev.vars'];
/** Committed templates of an env file, in order of preference. */
export const EXAMPLE_FILES = ['.env.example', '.env.sample', '.env.template', '.env.dist'];

/**
 * The directory (repository path, '' for the root) whose env file a finding's values go to, and the names that
 * file may have there. `exists` says whether a repository path exists in the working tree.
 */
export function envDirectory(
  kind: FileKind,
  filePath: string,
  exists: (repoPath: string) => boolean,
): { dir: string; names: readonly string[] } {
  const dir = path.posix.dirname(filePath) === '.' ? '' : path.posix.dirname(filePath);
  // docker compose reads .env in the project directory: the compose file's own.
  if (kind === 'docker-compose') return { dir, names: ['.env'] };
  for (let at = dir; ; at = path.posix.dirname(at) === '.' ? '' : path.posix.dirname(at)) {
    if (PROJECT_FILES.some((name) => exists(join(at, name)))) return { dir: at, names: ENV_FILES };
    if (at === '') return { dir: '', names: ENV_FILES };
  }
}

export function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/**
 * `NAME=value` as every common reader reads it back: unquoted when the value is plain; in single quotes (no escapes
 * in any reader) otherwise; null when it holds a single quote, a backslash, a line break or a `$`, which the readers
 * take differently (python-dotenv expands `${…}` even in single quotes, and the dotenv-expand of Next.js and Vite
 * expands `$NAME`).
 */
export function envLine(name: string, value: string): string | null {
  if (/^[A-Za-z0-9_./+:@%,-][A-Za-z0-9_./+:@%,=-]*$/.test(value)) return `${name}=${value}`;
  if (value === '' || /['\\$\u0000-\u001f\u007f]/.test(value)) return null;
  return `${name}='${value}'`;
}

/** The value an env file gives a name, read the way envLine writes it (and the plain forms around it); or null. */
export function envValues(text: string): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const rest = match[2]!;
    const single = /^'([^']*)'\s*(?:#.*)?$/.exec(rest);
    const double = /^"([^"\\$`]*)"\s*(?:#.*)?$/.exec(rest);
    const plain = /^([^\s'"#`$\\]*)\s*(?:#.*)?$/.exec(rest);
    // A value read some other way (escapes, expansion, a multi-line value) is known to be set, not what it is.
    values.set(match[1]!, (single ?? double ?? plain)?.[1]);
  }
  return values;
}
