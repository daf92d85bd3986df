#!/usr/bin/env bash
# Builds the pinned govulncheck (the reachability tests run it) from the Go module proxy
# into a cache dir outside the repo and prints its path. Reuses the binary when it is there.
# The gate builds the same pin itself (src/scan/reach-run.ts); tests use this one through govulncheck-path.
set -euo pipefail
GOVULNCHECK_VERSION="${GOVULNCHECK_VERSION:-v1.9.0}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/govulncheck-${GOVULNCHECK_VERSION}"
bin="$dir/govulncheck"
if [ -x "$bin" ] && "$bin" -version >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi
command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
mkdir -p "$dir"
tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
echo "building govulncheck ${GOVULNCHECK_VERSION} into $dir (takes several minutes)" >&2
CGO_ENABLED=0 GOTOOLCHAIN=local GOBIN="$tmp" go install -trimpath "golang.org/x/vuln/cmd/govulncheck@${GOVULNCHECK_VERSION}" >&2
mv -f "$tmp/govulncheck" "$bin"
echo "$bin"
