// What `secret-hook install --global` writes: one hooks directory for the whole machine (the global
// core.hooksPath points at it), whose hooks run secret-hook's check and then the repository's own hook of the same
// name, so that no existing workflow breaks; and a block in husky's startup file, because a repository with husky
// sets its own core.hooksPath, which git prefers to the global one.
//
// Every hook git may run is there, not only the three secret-hook uses: with core.hooksPath set, git looks for no
// hook anywhere else, so a hook left out would silently stop running in every repository.
// https://git-scm.com/docs/githooks
import * as fs from 'node:fs';
import * as path from 'node:path';
import { programNotFoundGlobal } from '../report/messages/global-install.js';

/** Every hook git runs from the hooks directory (githooks(5), git 2.39 to 2.47). */
export const GIT_HOOKS = [
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-receive',
  'update',
  'proc-receive',
  'post-receive',
  'post-update',
  'reference-transaction',
  'push-to-checkout',
  'pre-auto-gc',
  'post-rewrite',
  'sendemail-validate',
  'fsmonitor-watchman',
  'p4-changelist',
  'p4-prepare-changelist',
  'p4-post-changelist',
  'p4-pre-submit',
  'post-index-change',
] as const;

/** The hooks in which secret-hook checks something; the others are only passed on. */
export const CHECKED_HOOKS = ['pre-commit', 'commit-msg', 'pre-push'] as const;
export type CheckedHook = (typeof CHECKED_HOOKS)[number];

/** The first lines of every file `install --global` writes: how doctor and uninstall recognise them. */
export const GLOBAL_MARKER =
  '# secret-hook global hook: written by `secret-hook install --global`; `secret-hook uninstall --global` removes it.';
const HUSKY_BLOCK_START =
  '# >>> secret-hook: added by `secret-hook install --global`; `secret-hook uninstall --global` removes this block.';
const HUSKY_BLOCK_END = '# <<< secret-hook';
const CONFIG_MARKER =
  '# secret-hook: added by `secret-hook install --global`; `secret-hook uninstall --global` removes these lines.';

/** The sourced file husky's block runs (in the hooks directory, beside the hooks). */
export const HUSKY_CHECK = '_husky-check';

export interface GlobalPaths {
  /** $XDG_CONFIG_HOME/secret-hook, or ~/.config/secret-hook. */
  home: string;
  /** The hooks directory the global core.hooksPath names. */
  hooksDir: string;
  /** What install wrote and changed, for uninstall to take back exactly. */
  stateFile: string;
  /** The file `git config --global` writes (GIT_CONFIG_GLOBAL, ~/.gitconfig, or the XDG file when only it exists). */
  gitConfig: string;
  /** husky's startup file, sourced before every hook of every husky (v9) repository. */
  huskyInit: string;
}

/** Where things go, from the environment only (HOME, XDG_CONFIG_HOME, GIT_CONFIG_GLOBAL), as git and husky decide. */
export function globalPaths(env: Record<string, string | undefined>, exists: (file: string) => boolean): GlobalPaths {
  const home = env['HOME'] ?? '';
  const configHome = env['XDG_CONFIG_HOME'] || path.join(home, '.config');
  const ours = path.join(configHome, 'secret-hook');
  const userFile = path.join(home, '.gitconfig');
  const xdgFile = path.join(configHome, 'git', 'config');
  // git's rule for `git config --global` (builtin/config.c): ~/.gitconfig, unless it does not exist and the XDG
  // file does.
  const gitConfig = env['GIT_CONFIG_GLOBAL'] || (!exists(userFile) && exists(xdgFile) ? xdgFile : userFile);
  return {
    home: ours,
    hooksDir: path.join(ours, 'hooks'),
    stateFile: path.join(ours, 'global-install.json'),
    gitConfig,
    huskyInit: path.join(configHome, 'husky', 'init.sh'),
  };
}

/** A string as one single-quoted shell word. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'"'"'`)}'`;
}

/**
 * The script behind every hook name. `bin`: the program's launcher (bin/secret-hook.cjs) as installed; `node`: the
 * node that ran install, used when none is on PATH (a GUI git client's).
 */
export function dispatcherScript(program: { bin: string; node: string }, hooksDir: string): string {
  const bin = shellQuote(program.bin);
  const node = shellQuote(program.node);
  const ours = shellQuote(hooksDir);
  return `#!/bin/sh
${GLOBAL_MARKER}
# git runs this file for every hook of every repository that has no core.hooksPath of its own. For pre-commit,
# commit-msg and pre-push it runs secret-hook first; then, for every hook, the repository's own hook of the same name,
# from the directory git would have used without this one: a core.hooksPath set before this install (system or
# global), else the repository's hooks directory (.git/hooks). SECRET_HOOK_GLOBAL_CHECK_ONLY=1 (husky's startup
# file) runs only the check.
hook=\${0##*/}

secret_hook() {
  if [ -f ${bin} ]; then
    if command -v node >/dev/null 2>&1; then node ${bin} "$@"; else ${node} ${bin} "$@"; fi
  elif command -v secret-hook >/dev/null 2>&1; then
    secret-hook "$@"
  else
    echo ${shellQuote(programNotFoundGlobal())} >&2
    return 2
  fi
}

case "$hook" in
pre-commit) secret_hook pre-commit || exit $? ;;
commit-msg) secret_hook commit-msg "$1" || exit $? ;;
pre-push)
  # The pushed refs come on stdin, for secret-hook and then for the repository's own hook.
  refs=$(mktemp "\${TMPDIR:-/tmp}/secret-hook-push.XXXXXX") || exit 2
  cat >"$refs"
  secret_hook pre-push "$@" <"$refs" || { status=$?; rm -f "$refs"; exit $status; }
  exec <"$refs"
  rm -f "$refs"
  ;;
esac
[ -n "\${SECRET_HOOK_GLOBAL_CHECK_ONLY-}" ] && exit 0

# The directory git would have used: the last core.hooksPath that is not this one, else the repository's own.
# Cheap first (some hooks run on every ref update): a string compare, and .git found without starting git.
previous=
values=$(git config --type=path --get-all core.hooksPath 2>/dev/null) || values=
if [ -n "$values" ] && [ "$values" != ${ours} ]; then
  previous=$(printf '%s\n' "$values" | {
    here=$(cd "\${0%/*}" && pwd -P)
    last=
    while IFS= read -r dir; do
      [ "$dir" = ${ours} ] || [ "$(cd "$dir" 2>/dev/null && pwd -P)" = "$here" ] || last=$dir
    done
    printf '%s' "$last"
  })
fi
if [ -n "$previous" ]; then
  own="$previous/$hook"
elif [ -z "\${GIT_DIR-}" ] && [ -d .git ] && [ ! -e .git/commondir ]; then
  # git runs a hook at the top of the work tree: .git there is this repository's (a main worktree's) git dir.
  own=".git/hooks/$hook"
else
  own="$(git rev-parse --git-common-dir)/hooks/$hook" || exit 2
fi
# Like git, run it only if it is executable; never this file again.
if [ -f "$own" ] && [ -x "$own" ] && ! [ "$own" -ef "$0" ]; then exec "$own" "$@"; fi

case "$hook" in
push-to-checkout)
  # This hook replaces git's own update of a checked-out branch (receive.denyCurrentBranch=updateInstead) merely by
  # existing: without a hook of the repository's own, do what git does, as its push-to-checkout.sample does.
  git update-index -q --ignore-submodules --refresh || { echo "Up-to-date check failed" >&2; exit 1; }
  git diff-files --quiet --ignore-submodules -- || { echo "Working directory has unstaged changes" >&2; exit 1; }
  if git cat-file -e HEAD 2>/dev/null; then head=HEAD; else head=$(git hash-object -t tree --stdin </dev/null); fi
  git diff-index --quiet --cached --ignore-submodules "$head" -- || { echo "Working directory has staged changes" >&2; exit 1; }
  git read-tree -u -m "$1" || { echo "Could not update working tree to new HEAD" >&2; exit 1; }
  ;;
proc-receive)
  # Called only for refs in receive.procReceiveRefs, which need a hook: as git does without one, refuse.
  echo "error: cannot find hook 'proc-receive'" >&2
  exit 1
  ;;
esac
exit 0
`;
}

/**
 * Sourced by husky's startup file in husky's own hook runner (.husky/_/h), where $n is the hook's name and "$@" its
 * arguments. Runs only the check; husky runs the repository's .husky/<hook> afterwards.
 */
export function huskyCheckScript(hooksDir: string): string {
  const hook = (name: string) => shellQuote(path.join(hooksDir, name));
  return `${GLOBAL_MARKER}
# Sourced by husky's startup file before each hook of a husky repository ($n is the hook's name).
if [ "$n" = pre-push ]; then
  secret_hook_refs=$(mktemp "\${TMPDIR:-/tmp}/secret-hook-push.XXXXXX") || exit 2
  cat >"$secret_hook_refs"
  SECRET_HOOK_GLOBAL_CHECK_ONLY=1 ${hook('pre-push')} "$@" <"$secret_hook_refs" ||
    { secret_hook_status=$?; rm -f "$secret_hook_refs"; exit $secret_hook_status; }
  exec <"$secret_hook_refs"
  rm -f "$secret_hook_refs"
else
  SECRET_HOOK_GLOBAL_CHECK_ONLY=1 ${shellQuote(`${hooksDir}/`)}"$n" "$@" || exit $?
fi
`;
}

/** The block added to husky's startup file: runs the check for secret-hook's hooks, sourced in husky's shell. */
export function huskyInitBlock(hooksDir: string): string {
  const check = shellQuote(path.join(hooksDir, HUSKY_CHECK));
  return `${HUSKY_BLOCK_START}
case "\${n-}" in
pre-commit | commit-msg | pre-push) [ -f ${check} ] && . ${check} ;;
esac
${HUSKY_BLOCK_END}
`;
}

/** The lines added to the global git configuration. */
export function configBlock(hooksDir: string): string {
  const quoted = hooksDir.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `${CONFIG_MARKER}\n[core]\n\thooksPath = "${quoted}"\n`;
}

/** A hooks directory that `install --global` wrote (its hooks carry the marker). */
export function isGlobalHooksDir(dir: string): boolean {
  try {
    return fs.readFileSync(path.join(dir, 'pre-commit'), 'utf8').includes(GLOBAL_MARKER);
  } catch {
    return false;
  }
}
