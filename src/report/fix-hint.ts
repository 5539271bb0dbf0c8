// The fix for one finding, in its file's own terms: what kind of file it is (from its path, and for front-end code
// from what the line says), the environment variable to read, and one line of code that reads it. Where the line
// holds the secret as a plain string literal, the code is that very line with the literal replaced, so the user
// sees their own code fixed; otherwise a statement in the file's language. The words beside the code live in
// messages/fixes.ts.

/** What kind of file a finding is in: it decides the fix. */
export type FileKind =
  // The file holds nothing but settings or a key: it leaves the commit whole, it is not edited.
  | 'env-file'
  | 'key-file'
  | 'credentials-file'
  // A template of settings that is meant to be committed, with empty values.
  | 'env-example'
  | 'frontend'
  | 'javascript'
  | 'python'
  | 'notebook'
  | 'ruby'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'scala'
  | 'groovy'
  | 'csharp'
  | 'dotnet-settings'
  | 'php'
  | 'rust'
  | 'swift'
  | 'shell'
  | 'powershell'
  | 'docker-compose'
  | 'dockerfile'
  | 'github-actions'
  | 'gitlab-ci'
  | 'kubernetes'
  | 'helm-values'
  | 'terraform'
  | 'tfvars'
  | 'npmrc'
  | 'properties'
  | 'xml'
  | 'config'
  | 'docs'
  | 'other';

const WHOLE_FILE: ReadonlySet<FileKind> = new Set(['env-file', 'key-file', 'credentials-file']);

export function isWholeFile(kind: FileKind): boolean {
  return WHOLE_FILE.has(kind);
}

/** What the fix of one finding needs to know. */
export interface FixInput {
  path: string;
  /** The line (or the excerpt of a long line) that holds the secret: internal, never printed as it is. */
  lineText: string;
  secret: string;
  /** `lineText` is an excerpt of a longer line: it is not rewritten. */
  excerpt: boolean;
  /** Other secrets stand on the same line: rewriting it would show them, so it is not rewritten. */
  othersOnLine: boolean;
  ruleId: string;
  /** The rule's suggested variable name (`STRIPE_SECRET_KEY`). */
  env: string;
  /** For a paired rule's finding (`id:key`): the variable for the first value (`CUSTOMERIO_SITE_ID`). */
  pairEnv?: string;
  /** A rule with no provider of its own (`password = …`): the user's own name for the value is the better one. */
  generic: boolean;
}

export interface FileFix {
  kind: FileKind;
  wholeFile: boolean;
  /** The environment variable the fix reads. */
  env: string;
  /** One line of code, or null when the fix is not a line of code (a whole file, a front-end file). */
  code: string | null;
  /** A private key (its fix reads a file by path, never the key itself from a variable). */
  privateKey: boolean;
  /** The dockerfile instruction kind: a build-time secret (`ARG`, `RUN`) or a run-time one (`ENV`, others). */
  buildTime: boolean;
  /** The variable's name makes a bundler ship it to the browser (`VITE_`, `NEXT_PUBLIC_`, …). */
  publicVariable: boolean;
}

// A bundler inlines variables with these prefixes into the code it ships to the browser.
const PUBLIC_PREFIX =
  /\b(?:VITE|NEXT_PUBLIC|REACT_APP|NUXT_PUBLIC|EXPO_PUBLIC|GATSBY|PUBLIC|VUE_APP|STORYBOOK)_[A-Z0-9_]*/;
const BROWSER_ENV = /\bimport\.meta\.env\b/;

export function fileKind(path: string, lineText = ''): FileKind {
  const lower = path.toLowerCase();
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  const dirs = lower.split('/').slice(0, -1);
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';

  if (/^\.env\.(?:example|sample|template|dist|defaults)$|^env\.(?:example|sample|template)$/.test(name)) {
    return 'env-example';
  }
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'env-file';
  if (KEY_FILES.has(name) || KEY_EXTENSIONS.has(extension)) return 'key-file';
  if (CREDENTIAL_FILES.has(name) || /^(?:client_secret|service[-_]?account)[\w.-]*\.json$/.test(name)) {
    return 'credentials-file';
  }
  if (name === '.npmrc' || name === '.yarnrc.yml') return 'npmrc';
  if (
    name === 'dockerfile' ||
    name === 'containerfile' ||
    name.startsWith('dockerfile.') ||
    extension === '.dockerfile'
  )
    return 'dockerfile';
  if (/^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/.test(name)) return 'docker-compose';
  const yaml = extension === '.yml' || extension === '.yaml';
  if (yaml && (lower.includes('.github/workflows/') || name === 'action.yml' || name === 'action.yaml'))
    return 'github-actions';
  if (name === '.gitlab-ci.yml' || (yaml && dirs.includes('.gitlab'))) return 'gitlab-ci';
  if (yaml && /^values(?:[.-][\w.-]+)?\.ya?ml$/.test(name)) return 'helm-values';
  if (yaml && (dirs.some((d) => KUBERNETES_DIRS.has(d)) || KUBERNETES_NAME.test(name))) return 'kubernetes';
  if (extension === '.tf' || extension === '.hcl' || name.endsWith('.tf.json')) return 'terraform';
  if (extension === '.tfvars' || name.endsWith('.tfvars.json')) return 'tfvars';
  if (/^appsettings(?:\.[\w-]+)?\.json$/.test(name)) return 'dotnet-settings';

  const frontendPlace = dirs.includes('public') || dirs.includes('static');
  const frontendLine = PUBLIC_PREFIX.test(lineText) || BROWSER_ENV.test(lineText);
  if (FRONTEND_EXTENSIONS.has(extension)) return 'frontend';
  if (JS_EXTENSIONS.has(extension)) return frontendPlace || frontendLine ? 'frontend' : 'javascript';
  if (extension === '.html' || extension === '.htm') return 'frontend';
  const byExtension = LANGUAGES_BY_EXTENSION[extension];
  if (byExtension) return byExtension;
  if (name === 'gemfile' || name === 'rakefile' || name === 'config.ru') return 'ruby';
  if (yaml || CONFIG_EXTENSIONS.has(extension)) return 'config';
  return 'other';
}

const KEY_FILES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk']);
const KEY_EXTENSIONS = new Set(['.pem', '.key', '.p8', '.p12', '.pfx', '.jks', '.keystore', '.ppk', '.der']);
const CREDENTIAL_FILES = new Set([
  'credentials',
  'credentials.json',
  'credentials.yml',
  'credentials.yaml',
  '.netrc',
  '_netrc',
  '.pgpass',
  '.git-credentials',
  '.htpasswd',
  '.pypirc',
  '.dockercfg',
  'kubeconfig',
  'secrets.json',
  'secrets.yml',
  'secrets.yaml',
  'secrets.toml',
]);
const KUBERNETES_DIRS = new Set(['k8s', 'kube', 'kubernetes', 'manifests', 'kustomize', 'overlays', 'templates']);
const KUBERNETES_NAME =
  /^(?:[\w.-]+[-_.])?(?:deployment|statefulset|daemonset|cronjob|job|pod|secret|secrets|configmap|kustomization)\.ya?ml$/;
const FRONTEND_EXTENSIONS = new Set(['.jsx', '.tsx', '.vue', '.svelte', '.astro']);
const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);
const CONFIG_EXTENSIONS = new Set(['.json', '.toml', '.ini', '.cfg', '.conf', '.env', '.yml', '.yaml']);
const LANGUAGES_BY_EXTENSION: Record<string, FileKind> = {
  '.py': 'python',
  '.pyw': 'python',
  '.ipynb': 'notebook',
  '.rb': 'ruby',
  '.rake': 'ruby',
  '.gemspec': 'ruby',
  '.go': 'go',
  '.java': 'java',
  '.kt': 'kotlin',
  '.kts': 'kotlin',
  '.scala': 'scala',
  '.sc': 'scala',
  '.groovy': 'groovy',
  '.gradle': 'groovy',
  '.cs': 'csharp',
  '.csx': 'csharp',
  '.php': 'php',
  '.rs': 'rust',
  '.swift': 'swift',
  '.sh': 'shell',
  '.bash': 'shell',
  '.zsh': 'shell',
  '.ksh': 'shell',
  '.ps1': 'powershell',
  '.psm1': 'powershell',
  '.properties': 'properties',
  '.xml': 'xml',
  '.config': 'xml',
  '.md': 'docs',
  '.mdx': 'docs',
  '.txt': 'docs',
  '.rst': 'docs',
  '.adoc': 'docs',
};

/** How a language reads an environment variable: in place of a string literal, and as a statement. */
interface Reader {
  /** An expression that can stand where the string literal stood, or none (no drop-in string). */
  expression?: (env: string) => string;
  statement: (env: string, name: Names) => string;
  /** A private key read from the file an environment variable names. */
  keyFile?: (env: string, name: Names) => string;
}

interface Names {
  camel: string;
  snake: string;
}

const READERS: Partial<Record<FileKind, Reader>> = {
  javascript: {
    expression: (env) => `process.env.${env}`,
    statement: (env, n) => `const ${n.camel} = process.env.${env};`,
    keyFile: (env, n) => `const ${n.camel} = fs.readFileSync(process.env.${env}, "utf8");`,
  },
  python: {
    expression: (env) => `os.environ["${env}"]`,
    statement: (env, n) => `${n.snake} = os.environ["${env}"]`,
    keyFile: (env, n) => `${n.snake} = open(os.environ["${env}"]).read()`,
  },
  notebook: {
    statement: (env, n) => `import os; ${n.snake} = os.environ["${env}"]`,
    keyFile: (env, n) => `import os; ${n.snake} = open(os.environ["${env}"]).read()`,
  },
  ruby: {
    expression: (env) => `ENV.fetch("${env}")`,
    statement: (env, n) => `${n.snake} = ENV.fetch("${env}")`,
    keyFile: (env, n) => `${n.snake} = File.read(ENV.fetch("${env}"))`,
  },
  go: {
    expression: (env) => `os.Getenv("${env}")`,
    statement: (env, n) => `${n.camel} := os.Getenv("${env}")`,
    keyFile: (env, n) => `${n.camel}, err := os.ReadFile(os.Getenv("${env}"))`,
  },
  java: {
    expression: (env) => `System.getenv("${env}")`,
    statement: (env, n) => `String ${n.camel} = System.getenv("${env}");`,
    keyFile: (env, n) => `String ${n.camel} = Files.readString(Path.of(System.getenv("${env}")));`,
  },
  kotlin: {
    // System.getenv is `String?` in Kotlin: not a drop-in for a String literal, so always a statement.
    statement: (env, n) => `val ${n.camel} = System.getenv("${env}") ?: error("${env} is not set")`,
    keyFile: (env, n) => `val ${n.camel} = File(System.getenv("${env}") ?: error("${env} is not set")).readText()`,
  },
  scala: {
    expression: (env) => `sys.env("${env}")`,
    statement: (env, n) => `val ${n.camel} = sys.env("${env}")`,
  },
  groovy: {
    expression: (env) => `System.getenv('${env}')`,
    statement: (env, n) => `def ${n.camel} = System.getenv('${env}')`,
  },
  csharp: {
    expression: (env) => `Environment.GetEnvironmentVariable("${env}")`,
    statement: (env, n) => `var ${n.camel} = Environment.GetEnvironmentVariable("${env}");`,
    keyFile: (env, n) => `var ${n.camel} = File.ReadAllText(Environment.GetEnvironmentVariable("${env}"));`,
  },
  php: {
    expression: (env) => `getenv('${env}')`,
    statement: (env, n) => `$${n.camel} = getenv('${env}');`,
    keyFile: (env, n) => `$${n.camel} = file_get_contents(getenv('${env}'));`,
  },
  rust: {
    statement: (env, n) => `let ${n.snake} = std::env::var("${env}").expect("${env} is not set");`,
    keyFile: (env, n) => `let ${n.snake} = std::fs::read_to_string(std::env::var("${env}")?)?;`,
  },
  swift: {
    statement: (env, n) => `let ${n.camel} = ProcessInfo.processInfo.environment["${env}"]`,
  },
  shell: {
    statement: (env) => `: "\${${env}:?set ${env} in the environment}"`,
  },
  powershell: {
    expression: (env) => `$env:${env}`,
    statement: (env, n) => `$${n.camel} = $env:${env}`,
  },
};

/** Kinds whose fix keeps the quotes and puts a reference in place of the value (`${NAME}`). */
const REFERENCES: Partial<Record<FileKind, (env: string) => string>> = {
  'docker-compose': (env) => `\${${env}}`,
  'github-actions': (env) => `\${{ secrets.${env} }}`,
  'gitlab-ci': (env) => `$${env}`,
  properties: (env) => `\${${env}}`,
  xml: (env) => `\${env:${env}}`,
  config: (env) => `\${${env}}`,
  npmrc: (env) => `\${${env}}`,
  'env-example': () => '',
};

/** Longest rewritten line shown: past it, a statement is clearer than the user's line. */
const MAX_REWRITTEN = 120;

export function fixFor(input: FixInput): FileFix {
  const kind = fileKind(input.path, input.lineText);
  const wholeFile = isWholeFile(kind);
  const privateKey = input.ruleId === 'private-key' || input.ruleId.startsWith('private-key-');
  const own = assignedName(input.lineText, input.secret);
  const env = chooseEnv(own, input, privateKey);
  const buildTime = kind === 'dockerfile' && /^\s*(?:ARG|RUN)\b/i.test(input.lineText);
  const publicVariable = PUBLIC_PREFIX.test(own ?? '') || (kind === 'frontend' && PUBLIC_PREFIX.test(input.lineText));
  const base = { kind, wholeFile, env, privateKey, buildTime, publicVariable };
  if (wholeFile || kind === 'frontend' || kind === 'docs') return { ...base, code: null };
  return { ...base, code: codeFor(kind, env, own, input, privateKey) };
}

function codeFor(kind: FileKind, env: string, own: string | null, input: FixInput, privateKey: boolean): string | null {
  const names = namesFor(own ?? env);
  const canRewrite = !input.excerpt && !input.othersOnLine && !privateKey;
  const pair = input.pairEnv ? pairOf(input.secret) : null;
  const pairEnv = input.pairEnv ?? '';
  switch (kind) {
    case 'dockerfile':
      return /^\s*(?:ARG|RUN)\b/i.test(input.lineText)
        ? `RUN --mount=type=secret,id=${env.toLowerCase()},env=${env} <command that needs it>`
        : `docker run -e ${env} <image>`;
    case 'kubernetes':
      return input.ruleId === 'kubernetes-secret-data'
        ? `kubectl create secret generic <name> --from-literal=${own ?? env}=<value>`
        : `valueFrom: { secretKeyRef: { name: <secret name>, key: ${env} } }`;
    case 'helm-values':
      return 'existingSecret: <name of a Secret created outside git>';
    case 'terraform':
      return `variable "${env.toLowerCase()}" { sensitive = true }`;
    case 'tfvars':
      return `export TF_VAR_${env.toLowerCase()}=<value>`;
    case 'dotnet-settings':
      return `dotnet user-secrets set "<Section>:${own ?? env}" "<value>"`;
    case 'shell':
      // An assignment of the secret goes away (the caller's environment sets it); a use of it reads the variable.
      if (canRewrite && !/^\s*(?:export\s+|local\s+|readonly\s+)?[A-Za-z_][A-Za-z0-9_]*=/.test(input.lineText)) {
        const rewritten = replaceValue(input.lineText, input.secret, `\${${env}}`);
        if (rewritten !== null && !inSingleQuotes(input.lineText, input.secret)) return rewritten;
      }
      return `: "\${${env}:?set ${env} in the environment}"`;
  }
  const reference = REFERENCES[kind];
  if (reference) {
    if (canRewrite) {
      const rewritten = pair
        ? replaceValues(input.lineText, pair, [reference(pairEnv), reference(env)])
        : replaceValues(input.lineText, [input.secret], [reference(env)]);
      if (rewritten !== null) return rewritten;
    }
    return kind === 'env-example' ? `${env}=` : null;
  }
  const reader = READERS[kind];
  if (!reader) return null;
  if (privateKey) return (reader.keyFile ?? reader.statement)(`${env}_PATH`, names);
  if (canRewrite && reader.expression) {
    const rewritten = pair
      ? replaceLiterals(input.lineText, pair, [reader.expression(pairEnv), reader.expression(env)])
      : replaceLiterals(input.lineText, [input.secret], [reader.expression(env)]);
    if (rewritten !== null) return rewritten;
  }
  if (pair) return `${reader.statement(pairEnv, namesFor(pairEnv))} ${reader.statement(env, names)}`;
  return reader.statement(env, names);
}

/**
 * The variable the fix reads: the user's own name when it already is an environment variable's (`KLAVIYO_KEY`), a
 * generic rule's name made one (`clientSecret` → `CLIENT_SECRET`), otherwise the rule's suggestion.
 */
function chooseEnv(own: string | null, input: FixInput, privateKey: boolean): string {
  if (own !== null && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(own)) return own;
  if (input.generic && own !== null && !privateKey) {
    const env = toEnvName(own);
    if (env.length >= 3) return env;
  }
  return input.env;
}

/** The name the line gives the value just before it: `NAME=`, `name: `, `"name": "`, `$name = '`, `:name => "`. */
export function assignedName(lineText: string, secret: string): string | null {
  const first = secret.split(':')[0]!;
  const at = lineText.indexOf(first.length >= 8 ? first : secret);
  if (at <= 0) return null;
  const before = lineText.slice(Math.max(0, at - 120), at);
  const match = /([A-Za-z_][A-Za-z0-9_-]*)["'\]]?\s*(?::=|=>|\?\?=|[:=])\s*(?:["'`]|[rbuf]{1,2}["']|@")?$/.exec(before);
  return match ? match[1]! : null;
}

function toEnvName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

function namesFor(name: string): Names {
  const snake = toEnvName(name).toLowerCase() || 'secret';
  const camel = snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  return { camel: /^[0-9]/.test(camel) ? `_${camel}` : camel, snake: /^[0-9]/.test(snake) ? `_${snake}` : snake };
}

/** Both halves of a paired rule's secret (Customer.io's Site ID and key, shown as `id:key`), or null. */
function pairOf(secret: string): [string, string] | null {
  const parts = secret.split(':');
  return parts.length === 2 && parts.every((p) => p.length >= 8) ? [parts[0]!, parts[1]!] : null;
}

/** The line with each string literal that is exactly one of `values` replaced by its expression. */
function replaceLiterals(lineText: string, values: readonly string[], expressions: readonly string[]): string | null {
  let line = lineText;
  for (const [i, value] of values.entries()) {
    const found = new RegExp(`(["'\`])${escape(value)}\\1`).exec(line);
    if (!found) return null;
    line = line.slice(0, found.index) + expressions[i]! + line.slice(found.index + found[0].length);
  }
  return tidy(line);
}

/** The line with each of `values` replaced by its reference, quotes kept (configuration files). */
function replaceValues(lineText: string, values: readonly string[], references: readonly string[]): string | null {
  let line = lineText;
  for (const [i, value] of values.entries()) {
    const at = line.indexOf(value);
    if (at === -1) return null;
    line = line.slice(0, at) + references[i]! + line.slice(at + value.length);
  }
  return tidy(line);
}

function replaceValue(lineText: string, secret: string, reference: string): string | null {
  return replaceValues(lineText, [secret], [reference]);
}

/** Whether the secret stands inside single quotes, where a shell does not expand a variable. */
function inSingleQuotes(lineText: string, secret: string): boolean {
  const before = lineText.slice(0, lineText.indexOf(secret));
  return (before.match(/'/g) ?? []).length % 2 === 1;
}

function tidy(line: string): string | null {
  const trimmed = line.trim();
  return trimmed.length > MAX_REWRITTEN ? null : trimmed;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
