// The fix for one finding, in its file's own terms: what kind of file it is (from its path, and for front-end code
// from what the line says), the environment variable to read, and one line of code that reads it. Where the line
// holds the secret as a plain string literal, the code is that very line with the literal replaced (rewrite.ts), so
// the user sees their own code fixed, and `secret-hook fix` writes the same edit; otherwise a statement in the
// file's language. The words beside the code live in messages/fixes.ts.
import type { Rule } from '../../rules/schema.js';
import type { Finding } from '../result.js';
import { FIXABLE_KINDS, kubernetesSecretName, pairOf, rewriteLine, type Rewrite } from './rewrite.js';

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
  /** The name the structure around the value gives it (Finding's `name`), read before the line's own. */
  name?: string;
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
  /** The line rewritten to read the variable (what `code` shows, and what `secret-hook fix` writes), or why not. */
  rewrite: Rewrite;
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

/** How a language reads an environment variable as a statement (in place of a literal: rewrite.ts). */
interface Reader {
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
    statement: (env, n) => `const ${n.camel} = process.env.${env};`,
    keyFile: (env, n) => `const ${n.camel} = fs.readFileSync(process.env.${env}, "utf8");`,
  },
  python: {
    statement: (env, n) => `${n.snake} = os.environ["${env}"]`,
    keyFile: (env, n) => `${n.snake} = open(os.environ["${env}"]).read()`,
  },
  notebook: {
    statement: (env, n) => `import os; ${n.snake} = os.environ["${env}"]`,
    keyFile: (env, n) => `import os; ${n.snake} = open(os.environ["${env}"]).read()`,
  },
  ruby: {
    statement: (env, n) => `${n.snake} = ENV.fetch("${env}")`,
    keyFile: (env, n) => `${n.snake} = File.read(ENV.fetch("${env}"))`,
  },
  go: {
    statement: (env, n) => `${n.camel} := os.Getenv("${env}")`,
    keyFile: (env, n) => `${n.camel}, err := os.ReadFile(os.Getenv("${env}"))`,
  },
  java: {
    statement: (env, n) => `String ${n.camel} = System.getenv("${env}");`,
    keyFile: (env, n) => `String ${n.camel} = Files.readString(Path.of(System.getenv("${env}")));`,
  },
  kotlin: {
    // System.getenv is `String?` in Kotlin: the elvis makes it a String, and fails at once when it is unset.
    statement: (env, n) => `val ${n.camel} = System.getenv("${env}") ?: error("${env} is not set")`,
    keyFile: (env, n) => `val ${n.camel} = File(System.getenv("${env}") ?: error("${env} is not set")).readText()`,
  },
  scala: {
    statement: (env, n) => `val ${n.camel} = sys.env("${env}")`,
  },
  groovy: {
    statement: (env, n) => `def ${n.camel} = System.getenv('${env}')`,
  },
  csharp: {
    statement: (env, n) => `var ${n.camel} = Environment.GetEnvironmentVariable("${env}");`,
    keyFile: (env, n) => `var ${n.camel} = File.ReadAllText(Environment.GetEnvironmentVariable("${env}"));`,
  },
  php: {
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
    statement: (env, n) => `$${n.camel} = $env:${env}`,
  },
};

/** The value fields of structures: `value`, `default`, `defaultValue`. */
const VALUE_FIELD = /^(?:value|default|defaultvalue)$/i;

/**
 * What a fix knows of a finding and its rule, as the report, the server's report and `secret-hook fix` give it: the
 * finding's line and secret (or, for `fix`, the line as it stands in the working tree), whether others share its
 * line, and the rule's names for the value.
 */
export function fixInputOf(
  finding: Finding,
  rule: Rule | undefined,
  othersOnLine: boolean,
  text: { lineText: string; secret: string } = finding,
): FixInput {
  return {
    path: finding.path,
    lineText: text.lineText,
    secret: text.secret,
    excerpt: finding.excerpt !== undefined,
    othersOnLine,
    ruleId: finding.ruleId,
    env: rule?.fix.env ?? 'SECRET',
    ...(rule?.fix.pairEnv ? { pairEnv: rule.fix.pairEnv } : {}),
    generic: rule?.generic === true,
    ...(finding.name ? { name: finding.name } : {}),
  };
}

export function fixFor(input: FixInput): FileFix {
  const kind = fileKind(input.path, input.lineText);
  const wholeFile = isWholeFile(kind);
  const privateKey = input.ruleId === 'private-key' || input.ruleId.startsWith('private-key-');
  const named = input.name ?? assignedName(input.lineText, input.secret);
  // A structure's value field (`value:` of an env entry, `value =` of an SSM parameter, `default =` of a variable)
  // names the field, not the value.
  const own = named !== null && VALUE_FIELD.test(named) ? null : named;
  const env = chooseEnv(own, input, privateKey);
  const buildTime = kind === 'dockerfile' && /^\s*(?:ARG|RUN)\b/i.test(input.lineText);
  const publicVariable = PUBLIC_PREFIX.test(own ?? '') || (kind === 'frontend' && PUBLIC_PREFIX.test(input.lineText));
  const rewrite = rewriteOf(kind, env, input, privateKey || wholeFile);
  const base = { kind, wholeFile, env, privateKey, buildTime, publicVariable, rewrite };
  if (wholeFile || kind === 'frontend' || kind === 'docs') return { ...base, code: null };
  return { ...base, code: codeFor(kind, env, own, input, privateKey, rewrite) };
}

/**
 * Whether `secret-hook fix` can move this finding's secret out by itself: a kind it edits, and a line rewritten
 * with certainty. The report offers the command first when this holds for every finding that blocks; the command
 * edits exactly the findings for which it holds.
 */
export function autoFixable(fix: FileFix): boolean {
  return FIXABLE_KINDS.has(fix.kind) && fix.rewrite.ok;
}

/** The rewrite of the finding's line, or why there is none. */
function rewriteOf(kind: FileKind, env: string, input: FixInput, notCode: boolean): Rewrite {
  if (notCode || kind === 'frontend' || kind === 'docs') {
    return { ok: false, why: input.ruleId.startsWith('private-key') ? 'private-key' : 'kind' };
  }
  if (kind === 'kubernetes' && input.ruleId.startsWith('kubernetes-secret-')) return { ok: false, why: 'kind' };
  if (input.excerpt) return { ok: false, why: 'excerpt' };
  if (input.othersOnLine) return { ok: false, why: 'others-on-line' };
  return rewriteLine({
    kind,
    path: input.path,
    line: input.lineText,
    secret: input.secret,
    env,
    ...(input.pairEnv ? { pairEnv: input.pairEnv } : {}),
  });
}

function codeFor(
  kind: FileKind,
  env: string,
  own: string | null,
  input: FixInput,
  privateKey: boolean,
  rewrite: Rewrite,
): string | null {
  const names = namesFor(own ?? env);
  const pair = input.pairEnv ? pairOf(input.secret) : null;
  const pairEnv = input.pairEnv ?? '';
  if (rewrite.ok) return rewrite.line.trim();
  switch (kind) {
    case 'dockerfile':
      return /^\s*(?:ARG|RUN)\b/i.test(input.lineText)
        ? `RUN --mount=type=secret,id=${env.toLowerCase()},env=${env} <command that needs it>`
        : `docker run -e ${env} <image>`;
    case 'kubernetes':
      return input.ruleId.startsWith('kubernetes-secret-')
        ? `kubectl create secret generic <name> --from-literal=${own ?? env}=<value>`
        : `valueFrom: { secretKeyRef: { name: ${kubernetesSecretName(env)}, key: ${env} } }`;
    case 'helm-values':
      return 'existingSecret: <name of a Secret created outside git>';
    case 'terraform':
      return `variable "${env.toLowerCase()}" { sensitive = true }`;
    case 'tfvars':
      return `export TF_VAR_${env.toLowerCase()}=<value>`;
    case 'dotnet-settings':
      return `dotnet user-secrets set "<Section>:${own ?? env}" "<value>"`;
    case 'shell':
      return `: "\${${env}:?set ${env} in the environment}"`;
    case 'env-example':
      return `${env}=`;
  }
  const reader = READERS[kind];
  if (!reader) return null;
  if (privateKey) return (reader.keyFile ?? reader.statement)(`${env}_PATH`, names);
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
