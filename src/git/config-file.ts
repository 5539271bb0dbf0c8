// Reads the few settings of a repository's own config file that decide how it is read (core.worktree, core.bare,
// extensions.*) and which remotes it has (remote.<name>.url, pushed-changes.ts), without starting git: finding the
// repository is on every commit's path.
// Syntax: https://git-scm.com/docs/git-config#_syntax. Sections and keys are case-insensitive; a subsection is
// case-sensitive; values may be quoted and hold escapes; `#` and `;` start comments outside quotes. `include`
// directives are not followed: the settings read here are written by git itself into the repository's own file.
import * as path from 'node:path';
import { readOnlyFs } from './read-only-fs.js';

/** Settings as `section.key` or `section.subsection.key` (section and key lowercased); the last value wins. */
export type ConfigValues = ReadonlyMap<string, string>;

export function readConfigFile(file: string): ConfigValues {
  let text: string;
  try {
    text = readOnlyFs.readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  return parseConfig(text);
}

export function parseConfig(text: string): ConfigValues {
  const values = new Map<string, string>();
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    // A value ending in an odd number of backslashes goes on on the next line.
    while (continues(raw) && i + 1 < lines.length) raw = raw.slice(0, -1) + lines[++i]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
      if (!header) {
        section = '';
        continue;
      }
      const name = header[1]!.toLowerCase();
      section = header[2] === undefined ? name : `${name}.${header[2].replace(/\\(.)/g, '$1')}`;
      // A value may follow the header on the same line: "[core] bare = true".
      const rest = line.slice(header[0].length).trim();
      if (rest !== '') addEntry(values, section, rest);
      continue;
    }
    if (section !== '') addEntry(values, section, line);
  }
  return values;
}

function continues(line: string): boolean {
  let backslashes = 0;
  while (backslashes < line.length && line[line.length - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function addEntry(values: Map<string, string>, section: string, line: string): void {
  const match = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
  if (!match) return;
  // A key without "=" is a boolean true.
  values.set(`${section}.${match[1]!.toLowerCase()}`, match[2] === undefined ? 'true' : unquote(match[2]));
}

function unquote(value: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '"') quoted = !quoted;
    else if (char === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : next;
    } else if (!quoted && (char === '#' || char === ';')) break;
    else out += char;
  }
  return quoted ? out : out.trimEnd();
}

/** git's boolean values: true/yes/on/1 and false/no/off/0/empty. */
export function configBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(lower)) return true;
  if (['false', 'no', 'off', '0', ''].includes(lower)) return false;
  return undefined;
}

/** The repository's settings: the common config, then this worktree's own (extensions.worktreeConfig). */
export function repositoryConfig(gitDir: string, commonDir: string): ConfigValues {
  const common = readConfigFile(path.join(commonDir, 'config'));
  if (configBoolean(common.get('extensions.worktreeconfig')) !== true) return common;
  const own = readConfigFile(path.join(gitDir, 'config.worktree'));
  return own.size === 0 ? common : new Map([...common, ...own]);
}
