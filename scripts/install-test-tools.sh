#!/usr/bin/env bash
# Installs the tools some tests need beyond the machine's own: the pre-commit framework (Debian's package for its
# dependencies, and Debian 13's pre-commit 4.x in .tools/pre-commit for the current stage names), and, into .tools/ (git-ignored), a git new enough for reftable repositories (git >= 2.45;
# `git init --ref-format=reftable`), for test/e2e/git-formats.test.ts and the reftable unit tests. SHA-256
# repositories need only git >= 2.29, which the machine has. Tests never install anything themselves.
#
# Debian 12's git is 2.39, and Debian 13's binary package needs a newer C library, so git is built from Debian 13's
# source package (about 1.5 minutes on 2 cores) with the compiler, make and zlib that the machine has.
# Idempotent: does nothing when a new enough git is already there. Never fails the caller: when git cannot be
# had it says why and exits 0, and the tests that need it are skipped with that reason.
# Usage: scripts/install-test-tools.sh   (tests then find .tools/git/bin/git; SECRET_HOOK_TEST_GIT overrides)
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/.tools/git"
needed=2.45
say() { echo "install-test-tools: $*"; }
give_up() {
  say "$* — tests that need git >= $needed (reftable) will be skipped."
  exit 0
}

# The pre-commit framework, from Debian's packages, when missing and we may (root, as on CI).
if ! command -v pre-commit >/dev/null 2>&1; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian's pre-commit (the pre-commit framework, for the integration tests)"
    apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null 2>&1 ||
      say "could not install pre-commit — the pre-commit framework test will say so."
  else
    say "pre-commit is not installed and cannot be installed here — the pre-commit framework test will say so."
  fi
fi

# The pre-commit framework's current stage names (pre-commit, pre-push), which our .pre-commit-hooks.yaml uses, need
# pre-commit >= 3.2; Debian 12 ships 3.0.4. Debian 13's package (pure Python, its dependencies the same as the ones
# Debian 12's package brought in) goes into a virtual environment under .tools/pre-commit that sees the system's
# packages: the hooks the framework installs run that environment's python, so they run 4.x too.
install_pre_commit() {
  local dir="$root/.tools/pre-commit" python=/usr/bin/python3 work
  if [[ -x $dir/bin/pre-commit ]] && "$dir/bin/pre-commit" --version >/dev/null 2>&1; then
    say "$("$dir/bin/pre-commit" --version) is already in .tools/pre-commit; nothing to do."
    return
  fi
  [[ -x $python ]] && "$python" -c 'import cfgv, identify, virtualenv, yaml' 2>/dev/null ||
    { say "the pre-commit framework's Python dependencies are missing — the pre-commit framework test will say so."; return; }
  local uri
  uri=$(grep -hoE '^(URIs:|deb) +[^ ]+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    grep -v security | awk 'NR==1{print $2}')
  [[ -n $uri ]] || { say "no Debian archive is configured: pre-commit >= 3.2 cannot be had."; return; }
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/deb"
  echo "deb $uri trixie main" >"$work/sources.list"
  local apt=(-oDir::Etc::SourceList="$work/sources.list" -oDir::Etc::SourceParts=/dev/null
    -oDir::State::Lists="$work/lists" -oDir::Cache::Archives="$work/archives" -oAPT::Sandbox::User=root)
  say "downloading the pre-commit framework from Debian 13 (trixie)"
  if apt-get "${apt[@]}" -qq update >"$work/apt.log" 2>&1 &&
    (cd "$work/deb" && apt-get "${apt[@]}" -qq download pre-commit) >>"$work/apt.log" 2>&1 &&
    dpkg-deb -x "$work"/deb/pre-commit_*.deb "$work/x" &&
    rm -rf "$dir" && "$python" -m virtualenv -q --system-site-packages --no-pip --no-setuptools --no-wheel \
      "$dir/venv" >>"$work/apt.log" 2>&1; then
    local site
    site=$("$dir/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    cp -r "$work"/x/usr/lib/python3/dist-packages/pre_commit* "$site/"
    mkdir -p "$dir/bin"
    printf '#!/bin/sh\nexec "%s" -m pre_commit "$@"\n' "$dir/venv/bin/python" >"$dir/bin/pre-commit"
    chmod +x "$dir/bin/pre-commit"
    say "$("$dir/bin/pre-commit" --version) is in .tools/pre-commit/bin."
  else
    say "could not install pre-commit >= 3.2 ($(tail -n1 "$work/apt.log")) — the pre-commit framework test will say so."
    rm -rf "$dir"
  fi
  rm -rf "$work"
}
install_pre_commit

# The version of a git binary ("2.47.3"), or nothing.
version_of() { "$1" --version 2>/dev/null | awk '{print $3}'; }
# Whether version $1 is at least $needed.
new_enough() { [[ -n $1 && $(printf '%s\n%s\n' "$needed" "$1" | sort -V | head -n1) == "$needed" ]]; }

have=$(version_of "$dest/bin/git")
if new_enough "$have"; then
  say "git $have is already in .tools/git; nothing to do."
  exit 0
fi
system=$(version_of git)
if new_enough "$system"; then
  say "the git on PATH ($system) reads reftable repositories; nothing to install."
  exit 0
fi

for tool in cc make tar xz apt-get; do
  command -v "$tool" >/dev/null || give_up "$tool is not installed, so git $needed+ cannot be built here"
done
if [[ ! -f /usr/include/zlib.h ]]; then
  if [[ $(id -u) == 0 ]]; then
    say "installing Debian's zlib1g-dev (zlib headers, needed to build git)"
    apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zlib1g-dev >/dev/null 2>&1
  fi
  [[ -f /usr/include/zlib.h ]] || give_up "zlib's headers (Debian: zlib1g-dev) are missing"
fi

# The Debian archive this machine already uses; only the suite (trixie: Debian 13, git 2.47) and the kind
# (source) change, in a private apt configuration that leaves the machine's own lists alone.
uri=$(grep -hoE '^(URIs:|deb) +[^ ]+' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
  grep -v security | awk 'NR==1{print $2}')
[[ -n $uri ]] || give_up "no Debian archive is configured on this machine"

started=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/src"
echo "deb-src $uri trixie main" >"$work/sources.list"
apt_options=(-oDir::Etc::SourceList="$work/sources.list" -oDir::Etc::SourceParts=/dev/null
  -oDir::State::Lists="$work/lists" -oDir::Cache::Archives="$work/archives" -oAPT::Sandbox::User=root)
say "downloading git's source package from Debian 13 (trixie)"
apt-get "${apt_options[@]}" -qq update >"$work/apt.log" 2>&1 || give_up "apt-get update failed ($(tail -n1 "$work/apt.log"))"
# apt-get checks the files against the archive's signed index.
(cd "$work/src" && apt-get "${apt_options[@]}" -qq source --download-only git) >>"$work/apt.log" 2>&1 ||
  give_up "apt-get source git failed ($(tail -n1 "$work/apt.log"))"
tarball=$(ls "$work"/src/git_*.orig.tar.* 2>/dev/null | head -n1)
[[ -n $tarball ]] || give_up "the source package holds no upstream tarball"
tar -xf "$tarball" -C "$work/src" || give_up "cannot unpack $tarball"
source_dir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'git-*' | head -n1)
[[ -n $source_dir ]] || give_up "unexpected layout in $tarball"

say "building $(basename "$source_dir") into .tools/git (a minute or two)"
rm -rf "$dest"
# Without gettext, Tcl/Tk, Perl, Python, curl, expat and OpenSSL: local repositories and pushes to a path need none.
if ! make -C "$source_dir" -j"$(nproc)" prefix="$dest" NO_GETTEXT=1 NO_TCLTK=1 NO_PERL=1 NO_PYTHON=1 \
  NO_CURL=1 NO_EXPAT=1 NO_OPENSSL=1 INSTALL_SYMLINKS=1 install >"$work/build.log" 2>&1; then
  tail -n 20 "$work/build.log"
  rm -rf "$dest"
  give_up "building git failed (last lines above)"
fi

built=$(version_of "$dest/bin/git")
probe="$work/probe"
if ! new_enough "$built" || ! "$dest/bin/git" init -q --ref-format=reftable "$probe" >/dev/null 2>&1; then
  rm -rf "$dest"
  give_up "the git built ($built) cannot make a reftable repository"
fi
say "git $built is in .tools/git/bin ($((SECONDS - started)) s)."
