#!/usr/bin/env bash
# Builds the pinned goreleaser (the peer the benchmarks compare with) from the Go module proxy
# into a cache dir outside the repo and prints its path. Reuses the binary when it is there.
# Only bench/peer.mjs needs it; the test suite does not.
set -euo pipefail
GORELEASER_VERSION="${GORELEASER_VERSION:-v2.15.1}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/goreleaser-${GORELEASER_VERSION}"
bin="$dir/goreleaser"
if [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
mkdir -p "$dir"
tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "building goreleaser ${GORELEASER_VERSION} into $dir (takes several minutes)" >&2
CGO_ENABLED=0 GOTOOLCHAIN=local GOBIN="$tmp" go install -trimpath "github.com/goreleaser/goreleaser/v2@${GORELEASER_VERSION}" >&2
mv -f "$tmp/goreleaser" "$bin"
echo "$bin"
