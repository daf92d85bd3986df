#!/usr/bin/env bash
# Installs a pinned cosign into a cache dir outside the repo and prints its path.
# Reuses the binary when it is already there, so a rerun costs nothing.
#   scripts/tools/cosign.sh          -> prints /path/to/cosign
# Tests find it via COSIGN_BIN or the same path (test/support/cosign.ts).
set -euo pipefail
COSIGN_VERSION="${COSIGN_VERSION:-v3.1.3}"   # go.mod: go 1.26.0
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/cosign-${COSIGN_VERSION}"
bin="$dir/cosign"
if [ -x "$bin" ] && "$bin" version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "Go is required to build cosign" >&2; exit 1; }
mkdir -p "$dir"
tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
module="github.com/sigstore/cosign/v3/cmd/cosign"
case "$COSIGN_VERSION" in v2.*) module="github.com/sigstore/cosign/v2/cmd/cosign" ;; esac
echo "building cosign ${COSIGN_VERSION} into $dir (takes a few minutes)" >&2
CGO_ENABLED=0 GOTOOLCHAIN=local GOBIN="$tmp" go install "${module}@${COSIGN_VERSION}" >&2
mv -f "$tmp/cosign" "$bin"
echo "$bin"
