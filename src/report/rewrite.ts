// How one line is rewritten to read its secret from the environment, per language: the one place that decides it.
// The report's `→` line is this rewrite of the user's own line, and `secret-hook fix` writes exactly these edits, so
// the two never disagree. A rewrite replaces the secret's string literal (with its quotes) by an expression of the
// same type and touches nothing else on the line; where that cannot be done with certainty from the line alone, it
// says why, and the report falls back to a statement while `fix` prints the manual steps.
//
// It lives beside the report because the report may import only its own area (test/unit/architecture.test.ts);
// `secret-hook fix` (src/commands/fix/) imports it from here. Nothing in it is a sentence.
import type { FileKind } from './fix-hint.js';

/** One replacement in a line: characters [start, end) become `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A value the rewritten line now reads from the environment. Internal: `value` is the secret. */
export interface EnvRead {
  env: string;
  value: string;
}

export type Rewrite =
  | {
      ok: true;
      /** In line order, not overlapping. */
      edits: readonly Edit[];
      /** The whole line after the edits (indentation kept). */
      line: string;
      reads: readonly EnvRead[];
    }
  | { ok: false; why: RewriteRefusal };

/** Why a line is not rewritten: facts, put in words by messages/fix.ts. */
export type RewriteRefusal =
  /** The file's kind has no rewrite (a whole file, front-end code, documentation, or a kind `fix` does not edit). */
  | 'kind'
  /** A private key: read from a file by path, never put in a variable. */
  | 'private-key'
  /** The line shown is an excerpt of a longer line. */
  | 'excerpt'
  /** Other secrets stand on the same line. */
  | 'others-on-line'
  /** The secret is not a string literal of its own (part of a longer string, a comment, a name). */
  | 'not-a-literal'
  /** The literal is bytes, a tagged template, or holds escapes or interpolation: its value is not the text. */
  | 'not-plain-text'
  /** The secret stands more than once on the line. */
  | 'repeated'
  /** A constant, a static, an annotation or a case label: it needs a value known when the code is compiled. */
  | 'constant'
  /** Shell: inside a single-quoted string with other text, where no variable expands. */
  | 'single-quoted'
  /** YAML: a plain value inside a flow collection (`{ … }`, `[ … ]`), where `${…}` cannot stand unquoted. */
  | 'flow-collection'
  /** Kubernetes: not an `env` entry's `value:` line. */
  | 'not-an-env-value'
  /** The rewritten line would be too long to show and to read. */
  | 'too-long';

/** What the rewrite of one line needs. */
export interface RewriteInput {
  kind: FileKind;
  path: string;
  /** The whole line, without its line ending. */
  line: string;
  secret: string;
  env: string;
  /** A paired rule (`id:key`): the variable for the first half. */
  pairEnv?: string;
}

/** Longest rewritten line (trimmed): past it, a statement is clearer than the user's line. */
export const MAX_REWRITTEN = 120;

/** How a programming language reads a variable in place of a string literal, and what its literals look like. */
interface Language {
  read: (env: string) => string;
  /** The expression binds tighter than any operator around it (a call, a member); otherwise it is parenthesised
   *  unless it stands alone (after `=`, `(`, `,` and before `)`, `,`, `;` or the end). */
  atomic: boolean;
  quotes: string;
  /** Letters allowed right before the opening quote (a raw-string prefix), kept in the replaced span. */
  prefix?: RegExp;
  lineComments: readonly string[];
  blockComments: boolean;
  /** Whether the language reads this literal's text as something else than itself (interpolation). */
  special?: (value: string, prefix: string, quote: string) => boolean;
  /** The literal stands where a compile-time value is required. */
  constant?: (before: string, line: string) => boolean;
}

const C_LIKE = { lineComments: ['//'], blockComments: true } as const;

const LANGUAGES: Partial<Record<FileKind, Language>> = {
  javascript: {
    read: (env) => `process.env.${env}`,
    atomic: true,
    quotes: `"'\``,
    ...C_LIKE,
    special: (value, _prefix, quote) => quote === '`' && value.includes('${'),
  },
  python: {
    read: (env) => `os.environ["${env}"]`,
    atomic: true,
    quotes: `"'`,
    prefix: /^(?:[rRuU]|[fF][rR]?|[rR][fF])$/,
    lineComments: ['#'],
    blockComments: false,
    special: (value, prefix) => /f/i.test(prefix) && /[{}]/.test(value),
  },
  ruby: {
    read: (env) => `ENV.fetch("${env}")`,
    atomic: true,
    quotes: `"'`,
    lineComments: ['#'],
    blockComments: false,
    special: (value, _prefix, quote) => quote === '"' && value.includes('#{'),
  },
  go: {
    read: (env) => `os.Getenv("${env}")`,
    atomic: true,
    quotes: '"`',
    ...C_LIKE,
    constant: (_before, line) => /^\s*const\b/.test(line),
  },
  java: {
    read: (env) => `System.getenv("${env}")`,
    atomic: true,
    quotes: '"',
    ...C_LIKE,
    constant: (before) => /@[\w.]+\s*\(/.test(before) || /\bcase\s*$/.test(before),
  },
  kotlin: {
    // System.getenv is `String?` in Kotlin: the elvis keeps the type `String`, and fails at once when it is unset.
    read: (env) => `System.getenv("${env}") ?: error("${env} is not set")`,
    atomic: false,
    quotes: '"',
    ...C_LIKE,
    special: (value) => value.includes('$'),
    constant: (before, line) => /\bconst\s+val\b/.test(line) || /@[\w.:]+\s*\(/.test(before),
  },
  php: {
    read: (env) => `getenv('${env}')`,
    atomic: true,
    quotes: `"'`,
    lineComments: ['//', '#'],
    blockComments: true,
    special: (value, _prefix, quote) => quote === '"' && value.includes('$'),
    // Class constants, property defaults, `const` and parameter defaults take constant expressions only.
    constant: (before, line) =>
      /^\s*(?:const\b|(?:(?:public|private|protected|var|static|readonly|final|abstract)\s+)+)/.test(line) ||
      /\bfunction\b[^)]*$/.test(before),
  },
  rust: {
    // A `&str` like the literal it replaces (the String lives to the end of the enclosing block or statement).
    read: (env) => `&*std::env::var("${env}").expect("${env} is not set")`,
    atomic: false,
    quotes: '"',
    prefix: /^r$/,
    ...C_LIKE,
    // A const or static item, and the format string of a formatting macro, must be literals.
    constant: (before, line) =>
      /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const|static)\b/.test(line) ||
      /\b(?:format|print|println|eprint|eprintln|write|writeln|panic|format_args)!\s*\(\s*$/.test(before),
  },
  // Languages the report rewrites but `fix` does not edit.
  scala: { read: (env) => `sys.env("${env}")`, atomic: true, quotes: '"', ...C_LIKE },
  groovy: {
    read: (env) => `System.getenv('${env}')`,
    atomic: true,
    quotes: `"'`,
    ...C_LIKE,
    special: (value, _prefix, quote) => quote === '"' && value.includes('$'),
  },
  csharp: {
    read: (env) => `Environment.GetEnvironmentVariable("${env}")`,
    atomic: true,
    quotes: '"',
    ...C_LIKE,
    constant: (before, line) => /\bconst\b/.test(line) || /\[\w+\s*\(/.test(before) || /\bcase\s*$/.test(before),
  },
  powershell: { read: (env) => `$env:${env}`, atomic: true, quotes: `"'`, lineComments: ['#'], blockComments: false },
};

/** Kinds whose fix keeps the quotes and puts a reference in place of the value (`${NAME}`). */
const REFERENCES: Partial<Record<FileKind, (env: string) => string>> = {
  'docker-compose': (env) => `\${${env}}`,
  'github-actions': (env) => `\${{ secrets.${actionsSecretName(env)} }}`,
  'gitlab-ci': (env) => `$${env}`,
  properties: (env) => `\${${env}}`,
  xml: (env) => `\${env:${env}}`,
  config: (env) => `\${${env}}`,
  npmrc: (env) => `\${${env}}`,
  'env-example': () => '',
};

const YAML_KINDS: ReadonlySet<FileKind> = new Set(['docker-compose', 'github-actions', 'gitlab-ci', 'config']);

/** The kinds `secret-hook fix` edits (and the report offers it for). */
export const FIXABLE_KINDS: ReadonlySet<FileKind> = new Set([
  'javascript',
  'python',
  'ruby',
  'go',
  'java',
  'kotlin',
  'php',
  'rust',
  'shell',
  'docker-compose',
  'github-actions',
  'kubernetes',
]);

/**
 * GitHub refuses Actions secrets named GITHUB_*; and `secrets.GITHUB_TOKEN` is the workflow's own token, not the
 * user's: a personal token found in a workflow must not silently turn into it.
 */
export function actionsSecretName(env: string): string {
  return env.startsWith('GITHUB_') ? `GH_${env.slice('GITHUB_'.length)}` : env;
}

/** The Secret a Kubernetes manifest's `secretKeyRef` names: the variable's name as a DNS label. */
export function kubernetesSecretName(env: string): string {
  return env.toLowerCase().replace(/_/g, '-');
}

export function rewriteLine(input: RewriteInput): Rewrite {
  const pair = input.pairEnv ? pairOf(input.secret) : null;
  const values = pair ?? [input.secret];
  const envs = pair ? [input.pairEnv!, input.env] : [input.env];
  const reads = values.map((value, i) => ({ env: envs[i]!, value }));
  const edits: Edit[] = [];
  for (const read of reads) {
    const edit = editFor(input, read.value, read.env);
    if ('why' in edit) return { ok: false, why: edit.why };
    edits.push(edit);
  }
  edits.sort((a, b) => a.start - b.start);
  for (let i = 1; i < edits.length; i++) if (edits[i]!.start < edits[i - 1]!.end) return refuse('repeated');
  const line = applyEdits(input.line, edits);
  if (line.trim().length > MAX_REWRITTEN) return refuse('too-long');
  const shownReads =
    input.kind === 'github-actions' ? reads.map((r) => ({ ...r, env: actionsSecretName(r.env) })) : reads;
  return { ok: true, edits, line, reads: shownReads };
}

export function applyEdits(line: string, edits: readonly Edit[]): string {
  let out = '';
  let done = 0;
  for (const edit of edits) {
    out += line.slice(done, edit.start) + edit.text;
    done = edit.end;
  }
  return out + line.slice(done);
}

function refuse(why: RewriteRefusal): { ok: false; why: RewriteRefusal } {
  return { ok: false, why };
}

type EditOrRefusal = Edit | { why: RewriteRefusal };

function editFor(input: RewriteInput, value: string, env: string): EditOrRefusal {
  const at = onlyOccurrence(input.line, value);
  if (typeof at !== 'number') return at;
  if (input.kind === 'shell') return shellEdit(input.line, value, at, env);
  if (input.kind === 'kubernetes') return kubernetesEdit(input.line, value, at, env);
  const reference = REFERENCES[input.kind];
  if (reference) return referenceEdit(input.kind, input.line, value, at, reference(env));
  const language = LANGUAGES[input.kind];
  if (!language) return { why: 'kind' };
  return literalEdit(language, input.line, value, at, env);
}

function onlyOccurrence(line: string, value: string): number | { why: RewriteRefusal } {
  const at = line.indexOf(value);
  if (at === -1) return { why: 'not-a-literal' };
  if (line.indexOf(value, at + 1) !== -1) return { why: 'repeated' };
  return at;
}

/** A string literal that is exactly `value`, outside any other string or comment, replaced by the expression. */
function literalEdit(language: Language, line: string, value: string, at: number, env: string): EditOrRefusal {
  const quote = line[at - 1];
  const end = at + value.length;
  if (quote === undefined || !language.quotes.includes(quote) || line[end] !== quote) return { why: 'not-a-literal' };
  // `"""…"""`, `''…''`: a longer quote than the literal's own.
  if (line[at - 2] === quote || line[end + 1] === quote) return { why: 'not-a-literal' };
  if (/[\\\r\n]/.test(value) || value.includes(quote)) return { why: 'not-plain-text' };
  let start = at - 1;
  const letters = /[A-Za-z0-9_$]+$/.exec(line.slice(0, start))?.[0];
  if (letters) {
    // A prefix of the literal (`r"…"`), or a name right before it: bytes (`b"…"`), a tagged template (sql`…`).
    if (!language.prefix?.test(letters)) return { why: 'not-plain-text' };
    start -= letters.length;
  }
  if (language.special?.(value, letters ?? '', quote)) return { why: 'not-plain-text' };
  if (!outsideStringsAndComments(line, start, language)) return { why: 'not-a-literal' };
  const before = line.slice(0, start);
  if (language.constant?.(before, line)) return { why: 'constant' };
  const expression = language.read(env);
  const text = language.atomic || standsAlone(before, line.slice(end + 1)) ? expression : `(${expression})`;
  return { start, end: end + 1, text };
}

/** Whether `at` is outside every string literal and comment of the line (read from its start). */
function outsideStringsAndComments(line: string, at: number, language: Language): boolean {
  let i = 0;
  while (i < at) {
    const char = line[i]!;
    if (language.lineComments.some((c) => line.startsWith(c, i))) return false;
    if (language.blockComments && line.startsWith('/*', i)) {
      const close = line.indexOf('*/', i + 2);
      if (close === -1 || close + 2 > at) return false;
      i = close + 2;
      continue;
    }
    if (language.quotes.includes(char)) {
      let j = i + 1;
      while (j < line.length && line[j] !== char) j += line[j] === '\\' && char !== '`' ? 2 : 1;
      if (j >= at) return false;
      i = j + 1;
      continue;
    }
    i++;
  }
  return true;
}

/** The literal is a whole operand: nothing that binds tighter than the expression stands beside it. */
function standsAlone(before: string, after: string): boolean {
  const left = before.trimEnd();
  const right = after.trimStart();
  const aloneBefore = left === '' || /(?:(?<![=!<>])=|[(,[{:]|=>|->|\breturn)$/.test(left);
  const aloneAfter = right === '' || /^(?:[),;\]}]|\/\/|#|\/\*)/.test(right);
  return aloneBefore && aloneAfter;
}

/**
 * Shell: the value becomes `${NAME}` where a shell expands it. Inside double quotes the quotes stay; a value of its
 * own (unquoted, or a whole single-quoted string) becomes `"${NAME}"`; inside a longer single-quoted string nothing
 * expands, so it is not rewritten. An assignment of the very variable (`export NAME=…`) keeps the name and fails at
 * once when the environment does not set it.
 */
function shellEdit(line: string, value: string, at: number, env: string): EditOrRefusal {
  const end = at + value.length;
  const state = shellQuoteState(line, at);
  if (state === 'comment') return { why: 'not-a-literal' };
  // A backslash, `$` or backquote outside single quotes: the shell reads the text as something else.
  if (/[\\\r\n]/.test(value) || (state !== 'single' && /[$`]/.test(value))) return { why: 'not-plain-text' };
  const selfAssignment = new RegExp(
    `^\\s*(?:(?:export|local|readonly|declare(?:\\s+-\\w+)*)\\s+)?${env}=["']?${escapeRegExp(value)}["']?\\s*(?:[;#].*)?$`,
  ).test(line);
  const variable = selfAssignment ? `\${${env}:?set ${env} in the environment}` : `\${${env}}`;
  if (state === 'single') {
    if (line[at - 1] === "'" && line[end] === "'") return { start: at - 1, end: end + 1, text: `"${variable}"` };
    return { why: 'single-quoted' };
  }
  if (state === 'double') return { start: at, end, text: variable };
  return { start: at, end, text: `"${variable}"` };
}

/** Where `at` stands in a shell line: inside single quotes, double quotes, a comment, or none. */
function shellQuoteState(line: string, at: number): 'single' | 'double' | 'comment' | 'none' {
  let state: 'single' | 'double' | 'none' = 'none';
  for (let i = 0; i < at; i++) {
    const char = line[i]!;
    if (state === 'single') {
      if (char === "'") state = 'none';
    } else if (state === 'double') {
      if (char === '\\') i++;
      else if (char === '"') state = 'none';
    } else if (char === '\\') i++;
    else if (char === "'") state = 'single';
    else if (char === '"') state = 'double';
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return 'comment';
  }
  return state;
}

/** Configuration: the value is replaced where it stands, its quotes kept. */
function referenceEdit(kind: FileKind, line: string, value: string, at: number, reference: string): EditOrRefusal {
  if (YAML_KINDS.has(kind)) {
    const state = yamlState(line, at);
    if (state === 'comment') return { why: 'not-a-literal' };
    if (state === 'plain-in-flow' && /[{}[\],]/.test(reference)) return { why: 'flow-collection' };
    if (state === 'double' && /[\\"]/.test(value)) return { why: 'not-plain-text' };
  }
  return { start: at, end: at + value.length, text: reference };
}

/** Where `at` stands in a YAML line: quoted, a comment, a plain scalar inside a flow collection, or plain. */
function yamlState(line: string, at: number): 'single' | 'double' | 'comment' | 'plain-in-flow' | 'plain' {
  let state: 'single' | 'double' | 'none' = 'none';
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const char = line[i]!;
    if (state === 'single') {
      if (char === "'") {
        if (line[i + 1] === "'") i++;
        else state = 'none';
      }
    } else if (state === 'double') {
      if (char === '\\') i++;
      else if (char === '"') state = 'none';
    } else if (char === "'") state = 'single';
    else if (char === '"') state = 'double';
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return 'comment';
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && depth > 0) depth--;
  }
  if (state !== 'none') return state;
  return depth > 0 ? 'plain-in-flow' : 'plain';
}

/**
 * Kubernetes: an env entry's `value: <secret>` becomes `valueFrom: { secretKeyRef: … }`, which names a Secret
 * created outside git; the key `value` itself has to change, so the edit spans from it to the end of the value.
 */
function kubernetesEdit(line: string, value: string, at: number, env: string): EditOrRefusal {
  const match = /^(\s*(?:-\s+)?)value:[ \t]+(["']?)/.exec(line);
  if (!match || match[0].length !== at) return { why: 'not-an-env-value' };
  const quote = match[2]!;
  const end = at + value.length;
  if (quote !== '' && line[end] !== quote) return { why: 'not-a-literal' };
  const after = line.slice(end + quote.length);
  if (!/^\s*(?:#.*)?$/.test(after)) return { why: 'not-a-literal' };
  if (/[\\'"]/.test(value)) return { why: 'not-plain-text' };
  const start = match[1]!.length;
  const reference = `valueFrom: { secretKeyRef: { name: ${kubernetesSecretName(env)}, key: ${env} } }`;
  return { start, end: end + quote.length, text: reference };
}

/** Both halves of a paired rule's secret (Customer.io's Site ID and key, shown as `id:key`), or null. */
export function pairOf(secret: string): [string, string] | null {
  const parts = secret.split(':');
  return parts.length === 2 && parts.every((p) => p.length >= 8) ? [parts[0]!, parts[1]!] : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
