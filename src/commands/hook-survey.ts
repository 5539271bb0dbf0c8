// Which hooks git will run in a repository, and whether secret-hook runs in them: where git looks for hooks
// (core.hooksPath from whichever configuration sets it last, else the repository's hooks directory), what manages
// each hook file (husky, lefthook, the pre-commit framework, secret-hook's own install, the global install), and
// what shadows what. Facts only: `doctor` words them (report/messages/doctor.ts), and the pre-commit hook asks it
// whether a bypass will be recorded by a commit-msg hook.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configEntries, type ConfigEntry } from '../git/config-entries.js';
import type { Repository } from '../git/repo.js';
import {
  CHECKED_HOOKS,
  GIT_HOOKS,
  isGlobalHooksDir,
  globalPaths,
  huskyInitBlock,
  type CheckedHook,
} from './global-hooks.js';

export type Manager = 'husky' | 'husky-8' | 'lefthook' | 'pre-commit' | 'secret-hook' | 'other';

export interface HookFile {
  /** The file git runs (absolute). */
  file: string;
  state: 'missing' | 'not-executable' | 'present';
  manager: Manager | null;
  /** Where the hook's commands are when that is another file (husky 9: .husky/<hook>); null otherwise. */
  script: string | null;
  scriptExists: boolean;
  /** secret-hook runs in it, as far as its text and its manager's configuration tell. */
  runsSecretHook: boolean;
}

export interface HookRoute {
  hook: CheckedHook;
  /** The global hooks run secret-hook first, then the repository's own hook (`own`). */
  viaGlobal: boolean;
  /** husky's startup file runs secret-hook first (install --global), then husky runs `own`'s script. */
  viaHuskyStartup: boolean;
  /** The repository's own hook: the one git runs, or the one the global hooks pass on to. */
  own: HookFile;
  /** secret-hook checks this hook's moment in this repository. */
  covered: boolean;
}

export interface HookSurvey {
  /** The directory git runs hooks from, and the setting that chose it (null: the default). */
  hooksDir: string;
  setting: ConfigEntry | null;
  /** The hooks directory is secret-hook's global one. */
  global: boolean;
  /** The repository's own hooks directory: `hooksDir`, or for the global hooks the one they pass on to. */
  ownDir: string;
  /** `install --global`'s core.hooksPath, which a repository-level setting takes precedence over here. */
  shadowedGlobal: ConfigEntry | null;
  /** A global or system core.hooksPath that is not secret-hook's: git ignores the repository's hooks directory. */
  foreignGlobal: ConfigEntry | null;
  /** The default hooks directory (<common git dir>/hooks), and which of secret-hook's hooks it holds. */
  defaultDir: string;
  ignoredDefaultHooks: CheckedHook[];
  /** The hooks directory does not exist. */
  hooksDirMissing: boolean;
  husky: { version: 8 | 9; dir: string } | null;
  /** install --global's block is in husky's startup file. */
  huskyStartup: boolean;
  lefthookConfig: string | null;
  preCommitConfig: string | null;
  /** The hooks for which the pre-commit framework's and lefthook's configurations run secret-hook. */
  preCommitListed: CheckedHook[];
  lefthookListed: CheckedHook[];
  routes: HookRoute[];
  /** Other hooks that will run (names). */
  otherHooks: string[];
  /** HUSKY=0 in the environment: husky runs no script of the repository's. */
  huskyDisabled: boolean;
  /** SKIP includes secret-hook. */
  skipped: boolean;
}

const LEFTHOOK_FILES = [
  'lefthook.yml',
  '.lefthook.yml',
  'lefthook.yaml',
  '.lefthook.yaml',
  'lefthook.toml',
  '.lefthook.toml',
  'lefthook.json',
  '.lefthook.json',
  'lefthook-local.yml',
  '.lefthook-local.yml',
];
const PRE_COMMIT_ID: Record<CheckedHook, RegExp> = {
  'pre-commit': /\bid:\s*['"]?secret-hook['"]?\s*$/m,
  'commit-msg': /\bid:\s*['"]?secret-hook-commit-msg['"]?\s*$/m,
  'pre-push': /\bid:\s*['"]?secret-hook-push['"]?\s*$/m,
};
/** Written by `secret-hook install` into plain git hooks (install.ts). */
const INSTALL_MARKER = '# secret-hook: written by `secret-hook install`';

export function surveyHooks(repo: Repository, env: Record<string, string | undefined>): HookSurvey {
  const base = repo.workTree ?? repo.gitDir;
  const entries = configEntries(repo, { keys: '^core\\.hookspath$', type: 'path' }).filter((e) => e.value !== null);
  const ours = env['HOME'] ? globalPaths(env, (f) => fs.existsSync(f)).hooksDir : null;
  const isOurs = (dir: string) => (ours !== null && samePlace(dir, ours)) || isGlobalHooksDir(dir);
  const resolve = (entry: ConfigEntry) => path.resolve(base, entry.value!);
  const defaultDir = path.join(repo.commonDir, 'hooks');

  const setting = entries.length > 0 ? entries[entries.length - 1]! : null;
  const hooksDir = setting ? resolve(setting) : defaultDir;
  const global = setting !== null && isOurs(hooksDir);
  let ownDir = hooksDir;
  if (global) {
    const others = entries.filter((e) => !isOurs(resolve(e)));
    ownDir = others.length > 0 ? resolve(others[others.length - 1]!) : defaultDir;
  }
  const repositoryLevel = setting !== null && ['local', 'worktree', 'command'].includes(setting.scope);
  const shadowedGlobal =
    !global && repositoryLevel
      ? (entries.find((e) => (e.scope === 'global' || e.scope === 'system') && isOurs(resolve(e))) ?? null)
      : null;
  const foreignGlobal = setting !== null && !global && !repositoryLevel ? setting : null;

  const huskyStartupFile = env['HOME'] ? globalPaths(env, (f) => fs.existsSync(f)).huskyInit : null;
  const huskyStartup =
    ours !== null && huskyStartupFile !== null && (read(huskyStartupFile) ?? '').includes(huskyInitBlock(ours));
  const husky = huskyOf(ownDir);
  const lefthookConfig = repo.workTree ? firstExisting(repo.workTree, LEFTHOOK_FILES) : null;
  const preCommitConfig = repo.workTree ? firstExisting(repo.workTree, ['.pre-commit-config.yaml']) : null;
  const context = { lefthook: lefthookConfig ? (read(lefthookConfig) ?? '') : '', preCommit: read(preCommitConfig) };

  const routes = CHECKED_HOOKS.map((hook): HookRoute => {
    const own = hookFile(path.join(ownDir, hook), hook, context);
    const viaHuskyStartup = huskyStartup && own.manager === 'husky' && own.state === 'present' && own.scriptExists;
    // HUSKY=0: husky's runner stops after its startup file, before the repository's script.
    const huskyOff = env['HUSKY'] === '0' && (own.manager === 'husky' || own.manager === 'husky-8');
    const ownRuns = own.state === 'present' && own.runsSecretHook && !huskyOff;
    return { hook, viaGlobal: global, viaHuskyStartup, own, covered: global || viaHuskyStartup || ownRuns };
  });
  const otherHooks = GIT_HOOKS.filter((h) => !(CHECKED_HOOKS as readonly string[]).includes(h)).filter((h) => {
    const file = hookFile(path.join(ownDir, h), h, context);
    return file.state === 'present' && (file.manager !== 'husky' || file.scriptExists);
  });
  const ignoredDefaultHooks =
    setting !== null && !samePlace(ownDir, defaultDir)
      ? CHECKED_HOOKS.filter((h) => hookFile(path.join(defaultDir, h), h, context).runsSecretHook)
      : [];
  return {
    hooksDir,
    setting,
    global,
    ownDir,
    shadowedGlobal,
    foreignGlobal,
    defaultDir,
    ignoredDefaultHooks,
    hooksDirMissing: !fs.existsSync(hooksDir),
    husky,
    huskyStartup,
    lefthookConfig,
    preCommitConfig,
    preCommitListed: CHECKED_HOOKS.filter(
      (h) => context.preCommit !== null && PRE_COMMIT_ID[h].test(context.preCommit),
    ),
    lefthookListed: CHECKED_HOOKS.filter((h) => lefthookRuns(context.lefthook, h)),
    routes,
    otherHooks,
    huskyDisabled: env['HUSKY'] === '0',
    skipped: (env['SKIP'] ?? '').split(',').some((id) => id.trim() === 'secret-hook'),
  };
}

/** The file git will run for `hook`, what manages it, and whether secret-hook runs in it. */
function hookFile(file: string, hook: string, context: { lefthook: string; preCommit: string | null }): HookFile {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch {
    // missing
  }
  if (stat === null || !stat.isFile()) {
    return { file, state: 'missing', manager: null, script: null, scriptExists: false, runsSecretHook: false };
  }
  const state = (stat.mode & 0o111) === 0 ? 'not-executable' : 'present';
  const text = read(file) ?? '';
  const inHuskyDir =
    path.basename(path.dirname(file)) === '_' && path.basename(path.dirname(path.dirname(file))) === '.husky';
  if (inHuskyDir || /\/h"\s*$/m.test(text)) {
    // husky 9: .husky/_/<hook> runs .husky/<hook> through husky's runner (h).
    const script = path.join(path.dirname(path.dirname(file)), hook);
    const scriptText = read(script);
    return {
      file,
      state,
      manager: 'husky',
      script,
      scriptExists: scriptText !== null,
      runsSecretHook: scriptText !== null && mentionsSecretHook(scriptText),
    };
  }
  const manager: Manager = text.includes('_/husky.sh')
    ? 'husky-8'
    : text.includes(INSTALL_MARKER)
      ? 'secret-hook'
      : /File generated by pre-commit/.test(text)
        ? 'pre-commit'
        : /\blefthook\b/.test(text)
          ? 'lefthook'
          : 'other';
  const runs =
    manager === 'secret-hook'
      ? true
      : manager === 'pre-commit'
        ? context.preCommit !== null &&
          hook in PRE_COMMIT_ID &&
          PRE_COMMIT_ID[hook as CheckedHook].test(context.preCommit)
        : manager === 'lefthook'
          ? lefthookRuns(context.lefthook, hook)
          : mentionsSecretHook(text);
  return { file, state, manager, script: null, scriptExists: false, runsSecretHook: runs };
}

/** lefthook's configuration has a section for the hook and runs secret-hook (read as text, not parsed). */
function lefthookRuns(config: string, hook: string): boolean {
  const section = new RegExp(`^(['"]?${hook}['"]?\\s*:|\\[${hook}[\\].]|\\s*"${hook}"\\s*:)`, 'm');
  return section.test(config) && mentionsSecretHook(config);
}

/** A line that is not a comment and names the program (secret-hook, or its launcher secret-hook.cjs). */
function mentionsSecretHook(text: string): boolean {
  return text.split('\n').some((line) => !/^\s*#/.test(line) && /(^|[^\w-])secret-hook(\.cjs)?([^\w-]|$)/.test(line));
}

function huskyOf(dir: string): HookSurvey['husky'] {
  if (fs.existsSync(path.join(dir, 'h')) && path.basename(dir) === '_') return { version: 9, dir: path.dirname(dir) };
  if (fs.existsSync(path.join(dir, '_', 'husky.sh')) && !fs.existsSync(path.join(dir, '_', 'h')))
    return { version: 8, dir };
  return null;
}

function firstExisting(dir: string, names: readonly string[]): string | null {
  for (const name of names) if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  return null;
}

function read(file: string | null): string | null {
  if (file === null) return null;
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function samePlace(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
