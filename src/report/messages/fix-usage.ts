// `secret-hook fix --help`: its own file, so that the help of every command (loaded on every run) does not load
// the sentences of fix.
export const FIX_USAGE = `Usage: secret-hook fix [paths…] [--yes | --dry-run]

After a blocked commit, moves each staged secret out of the code: the line is rewritten to read it from the
environment, in the file's own language (as the report shows after →), and the value goes to an untracked .env
(added to .gitignore, its name to .env.example); a GitHub workflow reads it from the Actions secrets instead. With
paths, the working-tree files themselves. The plan is shown as diffs first. Only the working tree is written: the
index, HEAD and refs are not; stage the fix yourself.

Options:
  -y, --yes            make the changes without asking (without a terminal, nothing is changed unless given)
  --dry-run            print the plan only
  --config FILE        the configuration file to use instead of the repository's own
  --color, --no-color  colours on or off

Exit codes: 0 every secret was moved out, 1 some are left to fix by hand, 2 fix failed, 3 nothing was changed
(not confirmed).`;
