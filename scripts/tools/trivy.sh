#!/usr/bin/env bash
# Builds a pinned Trivy from source into a cache dir outside the repo and prints its path.
# Reuses the binary when it is already there. Needs only Go and the Go module proxy.
#   TRIVY_VERSION   pinned version (default below; v0.71..v0.74 need go >= 1.26.3, later main needs 1.27)
#   XDG_CACHE_HOME  cache root (default $HOME/.cache)
#
# Why not `go install ...@vX`: that also asks the proxy for the module's version list (deprecation
# check), which some mirrors refuse (403). We download the exact module zip instead (verified by
# the go command against sum.golang.org and, for the default pin, against the h1 digest below) and
# build ./cmd/trivy inside it with its own go.mod/go.sum: the same build `go install` would do.
set -euo pipefail
default_ver=0.74.0
default_sum='h1:B2/h1Aehsq/zykg0jxpWUlOX7e3UXpbxjZZs/0vNlC4='
ver="${TRIVY_VERSION:-$default_ver}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/trivy-${ver}"
bin="${dir}/trivy"
if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "Version: ${ver}"; then
  echo "$bin"
  exit 0
fi
go_cmd=go
command -v go >/dev/null 2>&1 || go_cmd=/usr/local/go/bin/go
export GOTOOLCHAIN=local CGO_ENABLED=0 GOEXPERIMENT=jsonv2 GOFLAGS='-mod=readonly -buildvcs=false'
mkdir -p "$dir"
tmp="$(mktemp -d "${dir}/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
info="$(cd "$tmp" && "$go_cmd" mod download -json "github.com/aquasecurity/trivy@v${ver}")"
src="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
sum="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p')"
[ -n "$src" ] && [ -d "$src" ] || { echo "trivy v${ver}: module download failed" >&2; printf '%s\n' "$info" >&2; exit 1; }
if [ "$ver" = "$default_ver" ] && [ "$sum" != "$default_sum" ]; then
  echo "trivy v${ver}: module digest $sum does not match the pinned $default_sum" >&2
  exit 1
fi
echo "building trivy v${ver} from $src (takes several minutes cold) ..." >&2
"$go_cmd" build -C "$src" -trimpath \
  -ldflags "-s -w -X github.com/aquasecurity/trivy/pkg/version/app.ver=${ver}" \
  -o "$tmp/trivy" ./cmd/trivy
"$tmp/trivy" --version >&2
mv -f "$tmp/trivy" "$bin"
echo "$bin"
