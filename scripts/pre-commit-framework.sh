#!/bin/sh
# Entry point for the pre-commit framework (.pre-commit-hooks.yaml). The framework clones this repository into
# its cache. A release tag (scripts/release-pre-commit.sh) holds a built dist/ with its dependencies bundled in: it
# runs at once. Any other commit is built there once, on the first run (its dependencies, then dist/).
# Why not `language: node`: pre-commit before 3.8 reads the tarball name from `npm pack`'s output, which npm 10+
# mixes with the lifecycle scripts' output, and the install fails.
# The framework shows a hook's output only when the hook fails, so what the first run is doing (it takes a while)
# is written to the terminal itself when there is one.
here=$(cd "$(dirname "$0")/.." && pwd)
built="$here/dist/.built-for-pre-commit"
say() {
  { printf '%s\n' "$1" >/dev/tty; } 2>/dev/null || printf '%s\n' "$1" >&2
}
if [ ! -f "$here/dist/vendor/isomorphic-git.cjs" ] && [ ! -f "$built" ]; then
  say "secret-hook: first run from the pre-commit framework: installing and building secret-hook in its cache (once, about 15 s; a release tag comes built)…"
  if (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null &&
    node scripts/build.mjs --no-types >/dev/null) && touch "$built"; then
    say "secret-hook: built; scanning."
  else
    echo "secret-hook: could not install secret-hook in the pre-commit framework's cache ($here). The scan did not run; to go ahead without it deliberately, use --no-verify." >&2
    exit 2
  fi
fi
exec node "$here/bin/secret-hook.cjs" "$@"
