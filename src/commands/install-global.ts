// `secret-hook install --global` / `uninstall --global`: one install for every repository on the machine.
// install writes the hooks directory (global-hooks.ts), appends core.hooksPath to the global git configuration and
// a block to husky's startup file, and keeps what it appended, byte for byte, in a state file. uninstall takes out
// exactly those bytes: the files are as they were before, including "core.hooksPath was not set" (appended lines are
// never edited in place, so the user's own lines are never touched). Lines changed since are left alone, and said.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../errors.js';
import { configEntriesAnywhere } from '../git/config-entries.js';
import * as say from '../report/messages/global-install.js';
import {
  configBlock,
  dispatcherScript,
  GIT_HOOKS,
  GLOBAL_MARKER,
  globalPaths,
  HUSKY_CHECK,
  huskyCheckScript,
  huskyInitBlock,
  type GlobalPaths,
} from './global-hooks.js';
import { outcome, type CommandOutcome } from './outcome.js';

export interface GlobalInstallOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** The program's launcher as this process was started (bin/secret-hook.cjs). */
  binPath: string;
}

/** What install appended to a file: enough to take exactly that back out. */
interface Appended {
  file: string;
  /** The file did not exist before. */
  created: boolean;
  /** The bytes appended (base64: a path may hold any byte). */
  added: string;
}

interface State {
  version: 1;
  hooksDir: string;
  gitConfig: Appended;
  /** The global (or system) core.hooksPath before, expanded; null when it was not set. */
  previous: string | null;
  husky: (Appended & { createdDir: boolean }) | null;
  /** The outermost directory install created for its own files (e.g. ~/.config), removed again when empty. */
  createdDirs?: string | null;
}

export function runInstallGlobal(options: GlobalInstallOptions): CommandOutcome {
  const paths = pathsFor(options.env);
  const lines: string[] = [];
  const state = readState(paths);
  const installed = state !== null && contains(state.gitConfig);

  const createdDirs = fs.mkdirSync(paths.hooksDir, { recursive: true }) ?? null;
  const program = { bin: realBin(options.binPath, options.cwd), node: process.execPath };
  const script = dispatcherScript(program, paths.hooksDir);
  for (const hook of GIT_HOOKS) writeExecutable(path.join(paths.hooksDir, hook), script);
  writeExecutable(path.join(paths.hooksDir, HUSKY_CHECK), huskyCheckScript(paths.hooksDir));
  if (installed) {
    lines.push(say.refreshedHooks(paths.hooksDir), say.program(program.bin));
    return outcome(0, `${lines.join('\n')}\n`);
  }
  lines.push(say.wroteHooks(paths.hooksDir, GIT_HOOKS.length), say.program(program.bin));

  const previous = effectiveHooksPath(options, paths);
  const gitConfig = append(paths.gitConfig, configBlock(paths.hooksDir));
  const now = effectiveHooksPath(options, paths);
  if (now === null || !samePlace(now, paths.hooksDir)) {
    takeBack(gitConfig);
    throw new UsageError(say.notEffective(paths.gitConfig, now));
  }
  lines.push(say.setHooksPath(paths.gitConfig, previous));

  let husky: State['husky'] = null;
  const huskyText = readOrNull(paths.huskyInit);
  if (huskyText === null || !huskyText.includes(huskyInitBlock(paths.hooksDir))) {
    const dir = path.dirname(paths.huskyInit);
    const createdDir = !fs.existsSync(dir);
    fs.mkdirSync(dir, { recursive: true });
    husky = { ...append(paths.huskyInit, huskyInitBlock(paths.hooksDir)), createdDir };
    lines.push(say.addedHuskyBlock(paths.huskyInit));
  }
  const written: State = { version: 1, hooksDir: paths.hooksDir, gitConfig, previous, husky, createdDirs };
  fs.writeFileSync(paths.stateFile, `${JSON.stringify(written, null, 2)}\n`);
  lines.push('', say.shadowNote());
  return outcome(0, `${lines.join('\n')}\n`);
}

export function runUninstallGlobal(options: Omit<GlobalInstallOptions, 'binPath'>): CommandOutcome {
  const paths = pathsFor(options.env);
  const state = readState(paths);
  const lines: string[] = [];
  if (state !== null) {
    if (contains(state.gitConfig)) {
      const removedFile = takeBack(state.gitConfig);
      lines.push(
        removedFile
          ? say.removedConfigFile(state.gitConfig.file)
          : say.removedHooksPath(state.gitConfig.file, state.previous),
      );
    } else lines.push(say.configChangedSince(state.gitConfig.file));
    if (state.husky) {
      if (contains(state.husky)) {
        const removedFile = takeBack(state.husky);
        if (removedFile && state.husky.createdDir) removeIfEmpty(path.dirname(state.husky.file));
        lines.push(say.removedHuskyBlock(state.husky.file, removedFile));
      } else lines.push(say.huskyChangedSince(state.husky.file));
    }
    fs.rmSync(paths.stateFile);
  }
  if (removeOurHooks(paths.hooksDir)) lines.push(say.removedHooks(paths.hooksDir));
  removeIfEmpty(paths.home);
  // The directories install created above its own (XDG_CONFIG_HOME when it did not exist), when empty again.
  if (state?.createdDirs) {
    for (let dir = path.dirname(paths.home); isWithin(dir, state.createdDirs); dir = path.dirname(dir))
      removeIfEmpty(dir);
  }
  return outcome(0, `${lines.length > 0 ? lines.join('\n') : say.nothingToUninstall()}\n`);
}

function pathsFor(env: Record<string, string | undefined>): GlobalPaths {
  if (!env['HOME']) throw new UsageError(say.needsHome());
  return globalPaths(env, (file) => fs.existsSync(file));
}

/** The core.hooksPath git reads from its system and global configuration (the last wins), expanded; or null. */
function effectiveHooksPath(options: { env: Record<string, string | undefined> }, paths: GlobalPaths): string | null {
  // Run where no repository can add its own value: the state directory (created by now).
  const entries = configEntriesAnywhere(paths.home, options.env, { keys: '^core\\.hookspath$', type: 'path' });
  const outside = entries.filter((e) => e.scope === 'system' || e.scope === 'global');
  return outside.length > 0 ? (outside[outside.length - 1]!.value ?? '') : null;
}

function samePlace(a: string, b: string): boolean {
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

function realBin(binPath: string, cwd: string): string {
  const absolute = path.resolve(cwd, binPath);
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}

function writeExecutable(file: string, content: string): void {
  fs.writeFileSync(file, content);
  fs.chmodSync(file, 0o755);
}

/** Appends `text` on lines of its own; returns what was appended, exactly. */
function append(file: string, text: string): Appended {
  const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
  const separator = before !== null && before.length > 0 && before[before.length - 1] !== 0x0a ? '\n' : '';
  const added = Buffer.from(`${separator}${text}`, 'utf8');
  fs.appendFileSync(file, added);
  return { file, created: before === null, added: added.toString('base64') };
}

function contains(appended: Appended): boolean {
  const text = fs.existsSync(appended.file) ? fs.readFileSync(appended.file) : null;
  return text !== null && text.lastIndexOf(Buffer.from(appended.added, 'base64')) !== -1;
}

/** Takes the appended bytes out again; returns true when that left a file install had created empty, and removed it. */
function takeBack(appended: Appended): boolean {
  const text = fs.readFileSync(appended.file);
  const added = Buffer.from(appended.added, 'base64');
  const at = text.lastIndexOf(added);
  if (at === -1) return false;
  const rest = Buffer.concat([text.subarray(0, at), text.subarray(at + added.length)]);
  if (rest.length === 0 && appended.created) {
    fs.rmSync(appended.file);
    return true;
  }
  fs.writeFileSync(appended.file, rest);
  return false;
}

function readState(paths: GlobalPaths): State | null {
  const text = readOrNull(paths.stateFile);
  if (text === null) return null;
  try {
    const state = JSON.parse(text) as State;
    return state.version === 1 && typeof state.gitConfig?.added === 'string' ? state : null;
  } catch {
    return null; // damaged: as if not installed
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Removes the files install wrote (they carry its marker), and the directory when that empties it. */
function removeOurHooks(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  let removed = false;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const text = readOrNull(file);
    if (text !== null && text.includes(GLOBAL_MARKER)) {
      fs.rmSync(file);
      removed = true;
    }
  }
  removeIfEmpty(dir);
  return removed;
}

function isWithin(dir: string, top: string): boolean {
  const relative = path.relative(top, dir);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function removeIfEmpty(dir: string): void {
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // gone already, or not ours to judge
  }
}
