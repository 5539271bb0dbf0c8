// `secret-hook install` / `uninstall`: wire the hooks into the current repository, and take them out again.
// With husky (a .husky/ directory or core.hooksPath inside it): add one line to .husky/<hook>.
// Otherwise: a plain git hook in the directory git uses (core.hooksPath or <common git dir>/hooks).
// A hook we did not write is never overwritten: we refuse with a clear message, or chain it with --chain.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../errors.js';
import { gitConfigValue } from '../git/git-config.js';
import * as say from '../report/messages/install.js';
import { needsWorkTree } from '../report/messages/usage.js';
import { findRepository } from '../git/repo.js';
import { isGlobalHooksDir } from './global-hooks.js';
import { outcome, type CommandOutcome } from './outcome.js';

export const HOOKS = ['pre-commit', 'commit-msg', 'pre-push'] as const;
export type HookName = (typeof HOOKS)[number];

const MARKER = '# secret-hook: written by `secret-hook install`; `secret-hook uninstall` removes it.';
const CHAINED_SUFFIX = '.before-secret-hook';

export interface InstallOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Absolute path of the installed bin, used when node_modules/.bin is not where the hook runs. */
  binPath: string;
  chain: boolean;
  hooks: readonly HookName[];
}

interface Target {
  kind: 'husky' | 'git';
  dir: string;
}

function findTarget(cwd: string, env: Record<string, string | undefined>): { target: Target; workTree: string } {
  const repo = findRepository(cwd, env);
  if (!repo.workTree) throw new UsageError(needsWorkTree('install'));
  const hooksPath = gitConfigValue(repo, 'core.hooksPath');
  const huskyDir = path.join(repo.workTree, '.husky');
  const resolvedHooksPath = hooksPath ? path.resolve(repo.workTree, hooksPath) : null;
  if (fs.existsSync(huskyDir) || (resolvedHooksPath && resolvedHooksPath.split(path.sep).includes('.husky'))) {
    return { target: { kind: 'husky', dir: huskyDir }, workTree: repo.workTree };
  }
  return {
    target: { kind: 'git', dir: resolvedHooksPath ?? path.join(repo.commonDir, 'hooks') },
    workTree: repo.workTree,
  };
}

export function runInstall(options: InstallOptions): CommandOutcome {
  const { target, workTree } = findTarget(options.cwd, options.env);
  // core.hooksPath names the hooks of `install --global`, which already run secret-hook here: writing into them
  // would replace them for every repository.
  if (target.kind === 'git' && isGlobalHooksDir(target.dir)) return outcome(0, `${say.coveredGlobally(target.dir)}\n`);
  const hooks = options.hooks.map((hook) => {
    const file = path.join(target.dir, hook);
    return { hook, file, shown: path.relative(workTree, file) || file };
  });
  // All hooks or none: every target is checked before anything is written, so a refusal leaves no half install
  // (a pre-commit hook without its pre-push hook lets a key out through a commit made with --no-verify).
  if (target.kind === 'git' && !options.chain) {
    const foreign = hooks.filter((h) => isForeignHook(h.file));
    if (foreign.length > 0) {
      const refusal = say.foreignHooks(
        foreign.map((h) => h.shown),
        foreign.map((h) => h.hook),
      );
      throw new UsageError(refusal.problem, { hint: refusal.hint });
    }
  }
  const lines: string[] = [];
  fs.mkdirSync(target.dir, { recursive: true });
  for (const { hook, file, shown } of hooks) {
    if (target.kind === 'husky') lines.push(installHuskyLine(file, hook, shown));
    else lines.push(installGitHook(file, hook, shown, options));
  }
  return outcome(0, `${lines.join('\n')}\n`);
}

/** A hook file that exists and that secret-hook did not write. */
function isForeignHook(file: string): boolean {
  return fs.existsSync(file) && !fs.readFileSync(file, 'utf8').includes(MARKER);
}

export function runUninstall(options: Omit<InstallOptions, 'binPath' | 'chain'>): CommandOutcome {
  const { target, workTree } = findTarget(options.cwd, options.env);
  if (target.kind === 'git' && isGlobalHooksDir(target.dir)) return outcome(0, `${say.globalNotHere(target.dir)}\n`);
  const lines: string[] = [];
  for (const hook of options.hooks) {
    const file = path.join(target.dir, hook);
    const shown = path.relative(workTree, file) || file;
    if (!fs.existsSync(file)) continue;
    const content = fs.readFileSync(file, 'utf8');
    if (target.kind === 'husky') {
      const kept = content.split('\n').filter((line) => !isOurHuskyLine(line, hook));
      if (kept.length === content.split('\n').length) continue;
      const rest = kept.join('\n');
      if (rest.trim() === '') fs.rmSync(file);
      else fs.writeFileSync(file, rest);
      lines.push(say.removedLine(shown));
    } else if (content.includes(MARKER)) {
      fs.rmSync(file);
      const chained = `${file}${CHAINED_SUFFIX}`;
      const restore = fs.existsSync(chained);
      if (restore) fs.renameSync(chained, file);
      lines.push(say.removedHook(shown, restore));
    }
  }
  return outcome(0, `${lines.length > 0 ? lines.join('\n') : say.nothingToUninstall()}\n`);
}

// husky puts node_modules/.bin on PATH: the line calls the bin directly (say.hookLine), sparing every commit npx's
// start-up.

function isOurHuskyLine(line: string, hook: HookName): boolean {
  return new RegExp(`^\\s*(npx (--no(-install)? )?)?secret-hook ${hook}\\b`).test(line);
}

function installHuskyLine(file: string, hook: HookName, shown: string): string {
  const present = fs.existsSync(file);
  const existing = present ? fs.readFileSync(file, 'utf8') : '';
  if (existing.split('\n').some((line) => isOurHuskyLine(line, hook))) return say.alreadyRuns(shown);
  // First in the hook (after a shebang): it is quick, and a failing step before it (husky init's `npm test`)
  // must not keep the secret scan from running. A file of blank lines (husky init's `npm test` deleted) has no
  // steps to keep.
  const empty = existing.trim() === '';
  const lines = empty ? [] : existing.replace(/\n$/, '').split('\n');
  const at = lines[0]?.startsWith('#!') ? 1 : 0;
  lines.splice(at, 0, say.hookLine(hook));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  fs.chmodSync(file, 0o755);
  return !present ? say.createdHook(shown) : empty ? say.addedToEmptyHook(shown) : say.addedFirstLine(shown);
}

function installGitHook(file: string, hook: HookName, shown: string, options: InstallOptions): string {
  // A hook we did not write is here only with --chain (runInstall refused otherwise): it is kept and run first.
  if (isForeignHook(file)) fs.renameSync(file, `${file}${CHAINED_SUFFIX}`);
  const chained = fs.existsSync(`${file}${CHAINED_SUFFIX}`);
  fs.writeFileSync(file, gitHookScript(hook, options.binPath, chained ? `${file}${CHAINED_SUFFIX}` : null));
  fs.chmodSync(file, 0o755);
  return say.wroteHook(shown, chained);
}

function gitHookScript(hook: HookName, binPath: string, chained: string | null): string {
  const args = hook === 'pre-push' ? ' "$@"' : hook === 'commit-msg' ? ' "$1"' : '';
  const quotedBin = `'${binPath.replace(/'/g, `'"'"'`)}'`;
  const lines = ['#!/bin/sh', MARKER];
  if (chained) {
    const quoted = `'${chained.replace(/'/g, `'"'"'`)}'`;
    // Like git, run the chained hook only if it is executable.
    if (hook === 'pre-push') {
      // Both hooks read the pushed refs from stdin: keep a copy for each.
      lines.push(
        'input=$(cat)',
        `if [ -x ${quoted} ]; then printf '%s\\n' "$input" | ${quoted} "$@" || exit $?; fi`,
        `printf '%s\\n' "$input" | {`,
      );
    } else {
      lines.push(`if [ -x ${quoted} ]; then ${quoted} "$@" || exit $?; fi`);
    }
  }
  const run = [
    `if [ -x ./node_modules/.bin/secret-hook ]; then exec ./node_modules/.bin/secret-hook ${hook}${args}; fi`,
    `if [ -f ${quotedBin} ]; then exec node ${quotedBin} ${hook}${args}; fi`,
    `if command -v secret-hook >/dev/null 2>&1; then exec secret-hook ${hook}${args}; fi`,
    `echo ${shellQuote(say.programNotFound(hook))} >&2`,
    'exit 2',
  ];
  lines.push(...run);
  if (chained && hook === 'pre-push') lines.push('}');
  return `${lines.join('\n')}\n`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}
