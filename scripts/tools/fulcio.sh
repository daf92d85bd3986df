#!/usr/bin/env bash
# Installs a pinned Fulcio (Sigstore's certificate authority) into a cache dir outside the repo
# and prints its path. The keyless signing tests run it on loopback with an ephemeral CA.
#   scripts/tools/fulcio.sh          -> prints /path/to/fulcio
# Tests find it via FULCIO_BIN or the same path (test/support/sigstore.ts).
set -euo pipefail
FULCIO_VERSION="${FULCIO_VERSION:-v1.8.8}"   # builds with Go 1.26
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/fulcio-${FULCIO_VERSION}"
bin="$dir/fulcio"
if [ -x "$bin" ] && "$bin" version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "Go is required to build fulcio" >&2; exit 1; }
mkdir -p "$dir"
tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "building fulcio ${FULCIO_VERSION} into $dir (takes a few minutes)" >&2
CGO_ENABLED=0 GOTOOLCHAIN=local GOBIN="$tmp" go install "github.com/sigstore/fulcio@${FULCIO_VERSION}" >&2
mv -f "$tmp/fulcio" "$bin"
echo "$bin"
