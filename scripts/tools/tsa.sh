#!/usr/bin/env bash
# Installs a pinned Sigstore timestamp authority (timestamp-server) into a cache dir outside the
# repo and prints its path. The keyless signing tests run it on loopback with an in-memory signer,
# so verification rests on a signed timestamp instead of a transparency log.
#   scripts/tools/tsa.sh             -> prints /path/to/timestamp-server
# Tests find it via TSA_BIN or the same path (test/support/sigstore.ts).
set -euo pipefail
TSA_VERSION="${TSA_VERSION:-v1.2.9}"   # builds with Go 1.26
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/timestamp-server-${TSA_VERSION}"
bin="$dir/timestamp-server"
if [ -x "$bin" ] && "$bin" version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
command -v go >/dev/null 2>&1 || { echo "Go is required to build timestamp-server" >&2; exit 1; }
mkdir -p "$dir"
tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "building timestamp-server ${TSA_VERSION} into $dir (takes a few minutes)" >&2
CGO_ENABLED=0 GOTOOLCHAIN=local GOBIN="$tmp" go install "github.com/sigstore/timestamp-authority/cmd/timestamp-server@${TSA_VERSION}" >&2
mv -f "$tmp/timestamp-server" "$bin"
echo "$bin"
