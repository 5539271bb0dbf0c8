// What `secret-hook fix` says: what it is about to change and where each value goes, why it leaves a finding as it
// is (with the manual steps the report gives after `→`), the question, and what to do once the working tree is
// fixed: stage the fix, load the values where the code runs, rotate only if the key ever left the machine.
import type { FileFix, FileKind } from '../fix-hint.js';
import type { FixRefusal, LeftFinding, PlannedFinding } from '../fix-plan.js';
import { kubernetesSecretName } from '../rewrite.js';
import { visible } from '../visible.js';
import { keepTogether as keep } from '../wrap.js';
import { fixText } from './fixes.js';
import { SECRET_MANAGERS } from './findings.js';
import { ours } from './our-command.js';

/** Where the findings come from: the staged changes (after a blocked commit), or files named on the command line. */
export type FixSource = { kind: 'staged' } | { kind: 'files'; paths: readonly string[] };

export function headline(source: FixSource, total: number, fixable: number): string {
  const what = total === 1 ? '1 secret' : `${total} secrets`;
  const where = source.kind === 'staged' ? 'in the staged changes' : `in ${source.paths.map(visible).join(', ')}`;
  if (fixable === total) {
    return `secret-hook fix: ${what} ${where}; ${total === 1 ? 'it' : 'each'} can be moved out of the code as shown below.`;
  }
  if (fixable === 0) return `secret-hook fix: ${what} ${where}; none can be moved out automatically.`;
  return `secret-hook fix: ${what} ${where}; ${fixable} can be moved out of the code as shown below, the others by hand.`;
}

/** There is nothing to fix. */
export function nothingFound(source: FixSource): string {
  if (source.kind === 'files') {
    return `secret-hook fix: no secret found in ${source.paths.map(visible).join(', ')}.`;
  }
  return `secret-hook fix: no secret found in the staged changes. After ${keep('git commit -a')} (which stages nothing until the commit succeeds), name the files: ${keep(ours('fix <file>'))}.`;
}

export function needsWorkTree(): string {
  return 'fix needs a working tree to write in; this is a bare repository';
}

/** A path given to `fix` that names no file of the working tree (a usage error: no final period). */
export function pathNotInWorkTree(given: string, why: 'outside' | 'missing' | 'empty'): string {
  const shown = `"${visible(given)}"`;
  if (why === 'outside') return `${shown} is outside this repository's working tree`;
  if (why === 'empty') return `${shown} holds no tracked file; name the files to fix`;
  return `${shown} does not exist in the working tree`;
}

export function findingLine(f: { path: string; line: number; title: string; ruleId: string }): string {
  return `${keep(`${visible(f.path)}:${f.line}`)}  ${visible(f.title)} [${visible(f.ruleId)}]`;
}

/** Where a fixed finding's values go. */
export function homeLine(f: PlannedFinding): string {
  const names = f.home.names.map(visible).join(' and ');
  if (f.home.kind === 'actions') {
    return `the workflow reads ${names} from the repository's Actions secrets; add ${f.home.names.length === 1 ? 'it' : 'them'} with ${f.home.names.map((n) => keep(`gh secret set ${visible(n)}`)).join(' and ')}.`;
  }
  const file = visible(f.home.path);
  if (f.fix.kind === 'kubernetes') {
    return `the manifest reads ${names} from the Secret ${visible(kubernetesSecretName(f.home.names[0]!))}; the value is kept in ${file} for the command below.`;
  }
  return `the code reads ${names} from the environment; the value goes to ${file}.`;
}

export function diffHeading(path: string, role: 'source' | 'env' | 'example' | 'gitignore', created: boolean): string {
  const what =
    role === 'env'
      ? created
        ? ' (new, untracked, readable by you only)'
        : ' (untracked)'
      : role === 'example'
        ? created
          ? ' (new: the names with empty values, to commit)'
          : ' (the names with empty values, to commit)'
        : role === 'gitignore'
          ? ' (keeps the env file out of git)'
          : '';
  return `${visible(path)}${what}:`;
}

export function leftHeading(count: number, fixedAny: boolean): string {
  const what = count === 1 ? '1 secret' : `${count} secrets`;
  return fixedAny ? `Left as ${count === 1 ? 'it is' : 'they are'} (${what}), to fix by hand:` : `To fix by hand:`;
}

/** Why a finding is left as it is, and what to do instead. */
export function leftText(f: LeftFinding): { why: string; manual: string | null } {
  const why = refusal(f.why, f.fix, f.path);
  // Whole files, front-end code and documentation: the reason already says what to do.
  if (f.why.kind === 'rewrite' && (f.fix.wholeFile || f.fix.kind === 'frontend' || f.fix.kind === 'docs')) {
    return { why, manual: null };
  }
  const text = fixText(f.fix, f.path, '');
  const manual = text.code !== null ? `${text.code}${text.note ? `  (${text.note})` : ''}` : text.note || null;
  return { why, manual };
}

function refusal(why: FixRefusal, fix: FileFix, path: string): string {
  const file = visible(path);
  switch (why.kind) {
    case 'rewrite':
      return rewriteRefusal(why.why, fix, path);
    case 'const-block':
      return 'it is declared in a Go const ( … ) block, which needs a value known when the code is compiled: declare it with var, then run secret-hook fix again.';
    case 'missing':
      return `${file} is no longer in the working tree.`;
    case 'not-a-file':
      return why.symlink
        ? `${file} is a symbolic link in the working tree: secret-hook fix edits regular files only.`
        : `${file} is not a regular file in the working tree.`;
    case 'outside':
      return `${file} lies outside the working tree (a directory on its path is a link): it is not written.`;
    case 'encoding':
      return `${file} is not UTF-8 text (UTF-16, UTF-32 or binary): it is not edited byte for byte.`;
    case 'changed':
      return `the working-tree copy of ${file} differs from the staged copy at line ${why.stagedLine}, so the rewrite would be a guess: stage the file (or undo the change), then run secret-hook fix again.`;
    case 'import':
      return `the new code needs ${why.module === 'os' ? 'the os module' : visible(why.module)}, and its import could not be placed with certainty.`;
    case 'env-tracked':
      return `the value would go to ${visible(why.file)}, which git tracks, so it would be committed. Take it out of git (${keep(`git rm --cached ${shellWord(why.file)}`)}, add it to .gitignore) or create an untracked .env.local beside it, then run secret-hook fix again.`;
    case 'unsafe-target':
      return `${visible(why.file)} is a link out of the working tree (or not a regular file): secret-hook fix does not write through it.`;
    case 'env-conflict':
      return `${visible(why.file)} already sets ${visible(why.env)} to another value: choose the name in the code yourself.`;
    case 'env-value':
      return `the value holds a quote, a backslash, a $ or a line break that .env readers read differently: put ${visible(why.env)} in the .env file yourself.`;
  }
}

function rewriteRefusal(why: string, fix: FileFix, path: string): string {
  if (fix.wholeFile || fix.kind === 'frontend' || fix.kind === 'docs') return kindRefusal(fix, path);
  switch (why) {
    case 'kind':
      return kindRefusal(fix, path);
    case 'private-key':
      return 'a private key is kept in a file outside the repository and read by path, never from code or a variable holding it.';
    case 'excerpt':
      return 'the line is too long to rewrite with certainty.';
    case 'others-on-line':
      return 'other secrets stand on the same line.';
    case 'not-a-literal':
      return 'the secret is not a string of its own on its line (it is part of a longer string, a comment or a name).';
    case 'not-plain-text':
      return 'the string is not plain text (bytes, a template, interpolation or escapes): its value is not what the line shows.';
    case 'repeated':
      return 'the secret stands more than once on the line.';
    case 'constant':
      return 'it is a constant (or an annotation, a case label, a format string), which needs a value known when the code is compiled: make it a variable, then run secret-hook fix again.';
    case 'single-quoted':
      return 'it is inside a single-quoted shell string, where no variable expands.';
    case 'flow-collection':
      return 'it is a plain value inside a YAML { … } or [ … ], where ${…} cannot stand unquoted: quote the value, then run secret-hook fix again.';
    case 'not-an-env-value':
      return "it is not an env entry's value: line.";
    case 'too-long':
      return 'the rewritten line would be too long to read.';
    default:
      return 'the line cannot be rewritten with certainty.';
  }
}

function kindRefusal(fix: FileFix, path: string): string {
  const file = visible(path);
  const word = shellWord(path);
  switch (fix.kind) {
    case 'env-file':
    case 'credentials-file':
      return `${file} holds nothing but settings: it is not edited, it leaves git. ${keep(`git restore --staged ${word}`)} (or ${keep(`git rm --cached ${word}`)} once committed), add it to .gitignore${fix.kind === 'env-file' ? ', and commit a .env.example with empty values instead' : ''}.`;
    case 'key-file':
      return `${file} is a private key: move it out of the repository (${keep(`git restore --staged ${word}`)}, then e.g. to ~/.config/), and point the code at it with a variable holding its path.`;
    case 'frontend':
      return `this is browser code: a key here ships to every visitor, and process.env would be inlined by the bundler. Move the call to a server endpoint that reads ${visible(fix.env)}.`;
    case 'docs':
      return 'this is documentation: write a placeholder instead of the key.';
    default:
      return `secret-hook fix does not edit ${KIND_NAMES[fix.kind] ?? 'this kind of file'}.`;
  }
}

const KIND_NAMES: Partial<Record<FileKind, string>> = {
  dockerfile: 'Dockerfiles',
  'gitlab-ci': 'GitLab CI files',
  'helm-values': 'Helm values',
  terraform: 'Terraform files',
  tfvars: 'Terraform variable files',
  'dotnet-settings': '.NET settings',
  npmrc: '.npmrc files',
  properties: 'properties files',
  xml: 'XML files',
  config: 'configuration files',
  notebook: 'notebooks',
  'env-example': 'templates of settings',
  scala: 'Scala',
  groovy: 'Groovy',
  csharp: 'C#',
  swift: 'Swift',
  powershell: 'PowerShell',
  other: 'this kind of file',
};

/** How the values reach the code where it runs, once for each kind of file fixed. */
export function loadingNotes(fixed: readonly PlannedFinding[]): string[] {
  const notes: string[] = [];
  const kinds = new Set(fixed.map((f) => f.fix.kind));
  const envFiles = [...new Set(fixed.flatMap((f) => (f.home.kind === 'env-file' ? [f.home.path] : [])))];
  const shownEnv = envFiles.map(visible).join(', ');
  const loaders = [...kinds].flatMap((kind) => (LOADERS[kind] ? [LOADERS[kind]!] : []));
  if (envFiles.length > 0 && loaders.length > 0) {
    notes.push(
      `Locally, ${shownEnv} holds the values: ${loaders.join('; ')}. In production, set the same variables in your secrets manager (${SECRET_MANAGERS}).`,
    );
  }
  if (kinds.has('docker-compose')) notes.push('docker compose reads the .env beside the compose file by itself.');
  for (const f of fixed.filter((x) => x.fix.kind === 'kubernetes' && x.home.kind === 'env-file')) {
    const secret = kubernetesSecretName(f.home.names[0]!);
    const literals = f.home.names.map((n) => `--from-literal=${n}="$${n}"`).join(' ');
    notes.push(
      `Create the Secret in the cluster (in the manifest's namespace), with ${visible(f.home.kind === 'env-file' ? f.home.path : '.env')} loaded in your shell (${keep(`set -a; . ${shellWord(`./${f.home.kind === 'env-file' ? f.home.path : '.env'}`)}; set +a`)}): ${keep(`kubectl create secret generic ${secret} ${literals}`)}`,
    );
  }
  const actions = fixed.filter((f) => f.home.kind === 'actions');
  if (actions.length > 0) {
    const names = [...new Set(actions.flatMap((f) => f.home.names))];
    notes.push(
      `Add ${names.length === 1 ? 'the secret' : 'the secrets'} to the repository: ${names.map((n) => keep(`gh secret set ${visible(n)}`)).join(', ')} (gh asks for the value; or Settings → Secrets and variables → Actions). Until you stage the fix, the staged copy still holds the value: ${keep(`git show :${visible(actions[0]!.path)}`)}.`,
    );
  }
  return notes;
}

const LOADERS: Partial<Record<FileKind, string>> = {
  javascript: `Node loads it with ${keep('node --env-file=.env')} (20.6 and later) or the dotenv package`,
  python: 'python-dotenv loads it (load_dotenv())',
  ruby: 'the dotenv gem loads it (Rails: dotenv-rails)',
  go: 'godotenv loads it, or export the variables',
  java: 'set the variables in the run configuration, or load the file with a dotenv library',
  kotlin: 'set the variables in the run configuration, or load the file with a dotenv library',
  php: 'vlucas/phpdotenv loads it (Laravel and Symfony do already)',
  rust: 'the dotenvy crate loads it',
  shell: `a shell loads it with ${keep('set -a; . ./.env; set +a')}`,
};

export function question(): string {
  return 'Make these changes in the working tree? [y/N] ';
}

/** No terminal to ask on, and no --yes: the plan only. */
export function notConfirmed(): string {
  return `Nothing was changed. Run ${keep(ours('fix --yes'))} to make these changes (or run it in a terminal to be asked).`;
}

export function declined(): string {
  return 'Nothing was changed.';
}

export function dryRun(): string {
  return 'Nothing was changed (--dry-run).';
}

export function nothingToChange(): string {
  return 'Nothing was changed: no finding can be fixed automatically.';
}

export function stale(file: string): string {
  return `Nothing was changed: ${visible(file)} changed after the plan was made. Run secret-hook fix again.`;
}

export function writeFailed(written: readonly string[], file: string, error: string): string {
  const done =
    written.length > 0
      ? ` ${written.map(visible).join(', ')} ${written.length === 1 ? 'was' : 'were'} written before it.`
      : '';
  return `secret-hook fix: could not write ${visible(file)} (${visible(error)}); it was left as it was.${done} Run secret-hook fix again once the problem is solved.`;
}

/** What was written, and that the index was not. */
export function written(files: readonly string[]): string {
  return `Changed in the working tree: ${files.map((f) => keep(visible(f))).join(', ')}. The index, HEAD and refs were not touched.`;
}

/** How to stage the fix (the staged copies still hold the secrets until then): a sentence, then the commands. */
export function stageSteps(
  sources: readonly { path: string; sameAsStaged: boolean | null }[],
  committed: readonly string[],
  staged: boolean,
): { lead: string; commands: string[] } {
  const whole = sources.filter((s) => s.sameAsStaged !== false).map((s) => s.path);
  const partly = sources.filter((s) => s.sameAsStaged === false).map((s) => s.path);
  const add = [...whole, ...committed];
  const commands: string[] = [];
  if (add.length > 0) commands.push(keep(`git add ${add.map(shellWord).join(' ')}`));
  if (partly.length > 0) commands.push(keep(`git add -p ${partly.map(shellWord).join(' ')}`));
  const still = staged
    ? `Until you stage the fix, the staged ${sources.length === 1 ? 'copy still holds' : 'copies still hold'} the secret. `
    : '';
  const hunks =
    partly.length > 0
      ? ` (${partly.map(visible).join(', ')} ${partly.length === 1 ? 'has' : 'have'} other unstaged changes: with -p, take the hunks shown above)`
      : '';
  return { lead: `${still}Stage it${hunks}:`, commands };
}

/** What the working-tree copies of the fixed files still hold, scanned again. */
export function leftAfter(count: number): string {
  return count === 0
    ? 'Scanned again: no secret is left in the files fixed.'
    : `Scanned again: ${count === 1 ? '1 secret is' : `${count} secrets are`} still in the files fixed:`;
}

export function retryCommit(): string {
  return `Then run ${keep('git commit')} again.`;
}

/** Rotation: only if the key left the machine. */
export function rotation(ruleIds: readonly string[]): string {
  const example = keep(ours(`explain ${visible(ruleIds[0]!)}`));
  return `Rotate a key if it was ever committed, pushed or shared: the provider's steps are in ${example}${ruleIds.length > 1 ? ' (and the other rule ids above)' : ''}.`;
}

/** A file name as a shell word: quoted when it holds anything a shell would read differently. */
function shellWord(path: string): string {
  const shown = visible(path);
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
}
