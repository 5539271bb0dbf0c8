#!/usr/bin/env bash
# Makes a release of secret-hook for the pre-commit framework: an annotated tag on a commit that holds this commit's
# sources plus a built dist/ whose runtime dependencies are bundled in (dist/vendor/, `build.mjs --vendor`). The
# framework clones the tag and runs it at once: no npm ci, no build, no network on a developer's first commit.
# The release commit's parent is HEAD; the branch, the index and the working tree are left as they were (the files are
# staged in a temporary index). dist/ is left holding the vendored build, which runs the same way.
# Usage: scripts/release-pre-commit.sh v0.2.0   (then: git push origin v0.2.0)
set -euo pipefail
tag=${1:?usage: scripts/release-pre-commit.sh <tag, e.g. v0.2.0>}
root=$(git rev-parse --show-toplevel)
cd "$root"
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
  echo "release-pre-commit: commit or stash your changes first: the release must be the sources of a commit." >&2
  exit 1
fi
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then
  echo "release-pre-commit: the tag $tag exists already." >&2
  exit 1
fi
node scripts/build.mjs --no-types --vendor
index=$(mktemp)
trap 'rm -f "$index"' EXIT
export GIT_INDEX_FILE=$index
git read-tree HEAD
git add -f dist
tree=$(git write-tree)
unset GIT_INDEX_FILE
commit=$(git commit-tree "$tree" -p HEAD -m "secret-hook $tag for the pre-commit framework (built: dist/ with its dependencies)")
git tag -a "$tag" "$commit" -m "secret-hook $tag (built, for the pre-commit framework)"
echo "release-pre-commit: tagged $tag ($commit). Push it with: git push origin $tag"
