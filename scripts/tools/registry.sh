#!/usr/bin/env bash
# Builds a pinned OCI registry (go-containerregistry's in-memory cmd/registry) from source into a
# cache dir outside the repo and prints its path. The Trivy DB tests serve the fixture DB from it
# on loopback, as Trivy's DB artifact. Reuses the binary when it is already there.
#   REGISTRY_VERSION  pinned go-containerregistry version (default below)
#   XDG_CACHE_HOME    cache root (default $HOME/.cache)
# The module zip is downloaded exactly (verified by the go command and, for the default pin,
# against the h1 digest below) and cmd/registry is built inside it with its own go.mod/go.sum,
# as trivy.sh does (no version-list query).
set -euo pipefail
default_ver=v0.22.1
default_sum='h1:RZuuSYhTvlDvtsK+NkutoCZ//C0X2ebLK8X8l3ULs84='
ver="${REGISTRY_VERSION:-$default_ver}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/registry-${ver}"
bin="${dir}/registry"
if [ -x "$bin" ] && [ -f "${dir}/.complete" ]; then
  echo "$bin"
  exit 0
fi
go_cmd=go
command -v go >/dev/null 2>&1 || go_cmd=/usr/local/go/bin/go
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS='-mod=readonly -buildvcs=false'
mkdir -p "$dir"
tmp="$(mktemp -d "${dir}/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
info="$(cd "$tmp" && "$go_cmd" mod download -json "github.com/google/go-containerregistry@${ver}")"
src="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
sum="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p')"
[ -n "$src" ] && [ -d "$src" ] || { echo "go-containerregistry ${ver}: module download failed" >&2; printf '%s\n' "$info" >&2; exit 1; }
if [ "$ver" = "$default_ver" ] && [ "$sum" != "$default_sum" ]; then
  echo "go-containerregistry ${ver}: module digest $sum does not match the pinned $default_sum" >&2
  exit 1
fi
echo "building the registry of go-containerregistry ${ver} from $src ..." >&2
"$go_cmd" build -C "$src" -trimpath -ldflags "-s -w" -o "$tmp/registry" ./cmd/registry
mv -f "$tmp/registry" "$bin"
touch "${dir}/.complete"
echo "$bin"
