// Which formats a repository is stored in, from the `[extensions]` of its config file (in the common git dir):
// - extensions.objectFormat: `sha1` (the default) or `sha256` (`git init --object-format=sha256`, git >= 2.29);
// - extensions.refStorage: `files` (the default: loose refs and packed-refs) or `reftable`
//   (`git init --ref-format=reftable`, git >= 2.45; the planned default of git 3).
// git reads these two keys from this one file, without includes, and only in format version 1 repositories
// (setup.c, read_repository_format); their values are case-sensitive, their names are not.
// https://git-scm.com/docs/git-config#Documentation/git-config.txt-extensionsobjectFormat
import * as path from 'node:path';
import { RepositoryError } from '../errors.js';
import type { ObjectFormat } from './object-id.js';
import { readOnlyFs } from './read-only-fs.js';

export type RefStorage = 'files' | 'reftable';

export interface RepositoryFormat {
  objectFormat: ObjectFormat;
  refStorage: RefStorage;
}

export function readRepositoryFormat(commonDir: string): RepositoryFormat {
  const file = path.join(commonDir, 'config');
  let text: string;
  try {
    text = readOnlyFs.readFileSync(file, 'utf8');
  } catch {
    return { objectFormat: 'sha1', refStorage: 'files' }; // no config: git's defaults
  }
  const extensions = readExtensions(text);
  const objectFormat = extensions.get('objectformat') ?? 'sha1';
  if (objectFormat !== 'sha1' && objectFormat !== 'sha256') {
    throw new RepositoryError(`${file} sets extensions.objectFormat = ${objectFormat}, an object format unknown here`, {
      hint: 'secret-hook reads repositories whose objects are named by sha1 or sha256.',
    });
  }
  const refStorage = extensions.get('refstorage') ?? 'files';
  if (refStorage !== 'files' && refStorage !== 'reftable') {
    throw new RepositoryError(`${file} sets extensions.refStorage = ${refStorage}, a ref storage unknown here`, {
      hint: 'secret-hook reads refs stored as files or as reftable.',
    });
  }
  return { objectFormat, refStorage };
}

/**
 * The variables of the `[extensions]` section, names lowercased, the last value of each. A small reading of
 * git's config syntax (https://git-scm.com/docs/git-config#_syntax): `#`/`;` comments, quoted values with
 * backslash escapes, a trailing backslash continuing the line, a variable on the section header's line.
 */
export function readExtensions(text: string): Map<string, string> {
  const found = new Map<string, string>();
  let inExtensions = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const header = /^\s*\[([^\]]*)\]/.exec(line);
    if (header) {
      // `[extensions]` only: a subsection (`[extensions "x"]`, `[extensions.x]`) is another section.
      inExtensions = header[1]!.trim().toLowerCase() === 'extensions';
      line = line.slice(header[0].length);
    }
    if (!inExtensions) continue;
    const variable = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(=?)(.*)$/.exec(line);
    if (!variable) continue;
    let raw = variable[3]!;
    while (continues(raw) && i + 1 < lines.length) raw = raw.slice(0, -1) + lines[++i]!;
    found.set(variable[1]!.toLowerCase(), variable[2] === '=' ? configValue(raw) : 'true');
  }
  return found;
}

/** An odd number of backslashes at the end: the value goes on on the next line. */
function continues(raw: string): boolean {
  let n = 0;
  while (n < raw.length && raw[raw.length - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

/** A value as git reads it: unquoted, escapes resolved, comments and surrounding blanks removed. */
function configValue(raw: string): string {
  let value = '';
  let pendingSpace = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (!quoted && (c === '#' || c === ';')) break;
    if (c === '"') {
      quoted = !quoted;
      continue;
    }
    if (c === '\\') {
      const next = raw[++i] ?? '';
      value += pendingSpace + ({ n: '\n', t: '\t', b: '\b' }[next] ?? next);
      pendingSpace = '';
      continue;
    }
    if (!quoted && (c === ' ' || c === '\t' || c === '\r')) {
      if (value !== '') pendingSpace += c;
      continue;
    }
    value += pendingSpace + c;
    pendingSpace = '';
  }
  return value;
}
