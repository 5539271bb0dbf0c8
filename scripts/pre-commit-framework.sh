#!/bin/sh
# Entry point for the pre-commit framework (.pre-commit-hooks.yaml). The framework clones this repository into
# its cache; build it there once (npm ci runs `prepare`, which bundles dist/), then run the real program.
# Why not `language: node`: pre-commit before 3.8 reads the tarball name from `npm pack`'s output, which npm 10+
# mixes with the prepare script's banner, and the install fails.
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$here/dist/cli.cjs" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || {
    echo "secret-hook: could not install secret-hook in the pre-commit framework's cache ($here). The scan did not run; to go ahead without it deliberately, use --no-verify." >&2
    exit 2
  }
fi
exec node "$here/bin/secret-hook.cjs" "$@"
