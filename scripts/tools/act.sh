#!/usr/bin/env bash
# Builds the pinned nektos/act (a real workflow runner for the e2e workflow test) from the Go
# module proxy into a cache dir outside the repo and prints its path. Reuses the binary when it
# is already there, so a rerun costs nothing.
#   scripts/tools/act.sh          -> prints /path/to/act
# Tests find it via ACT_BIN or the same path (test/support/act.ts).
set -euo pipefail
ACT_VERSION="${ACT_VERSION:-v0.2.89}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/act-${ACT_VERSION}"
bin="$dir/act"
if [ -x "$bin" ] && ACT_DISABLE_VERSION_CHECK=1 "$bin" --version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "Go is required to build act" >&2; exit 1; }
mkdir -p "$dir"
tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "building act ${ACT_VERSION} into $dir (takes a few minutes)" >&2
CGO_ENABLED=0 GOTOOLCHAIN=local GOBIN="$tmp" go install -trimpath "github.com/nektos/act@${ACT_VERSION}" >&2
mv -f "$tmp/act" "$bin"
echo "$bin"
