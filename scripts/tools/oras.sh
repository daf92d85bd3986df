#!/usr/bin/env bash
# Builds a pinned oras (the OCI artifact client) from source into a cache dir outside the repo
# and prints its path. The Trivy DB tests push the fixture DB with it as Trivy's DB artifact
# (media type application/vnd.aquasec.trivy.db.layer.v1.tar+gzip). Reuses the binary when it is
# already there.
#   ORAS_VERSION    pinned version (default below)
#   XDG_CACHE_HOME  cache root (default $HOME/.cache)
# Built from the exact module zip (verified by the go command and, for the default pin, against
# the h1 digest below) with its own go.mod/go.sum, as trivy.sh does.
set -euo pipefail
default_ver=v1.3.6
default_sum='h1:Lhsfr2tQLjsu/+CJZp6vYatwKT+62fbIUTlp4lUrfOA='
ver="${ORAS_VERSION:-$default_ver}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/oras-${ver}"
bin="${dir}/oras"
if [ -x "$bin" ] && "$bin" version 2>/dev/null | grep -q "Version: *${ver#v}"; then
  echo "$bin"
  exit 0
fi
go_cmd=go
command -v go >/dev/null 2>&1 || go_cmd=/usr/local/go/bin/go
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS='-mod=readonly -buildvcs=false'
mkdir -p "$dir"
tmp="$(mktemp -d "${dir}/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
info="$(cd "$tmp" && "$go_cmd" mod download -json "oras.land/oras@${ver}")"
src="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
sum="$(printf '%s\n' "$info" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p')"
[ -n "$src" ] && [ -d "$src" ] || { echo "oras ${ver}: module download failed" >&2; printf '%s\n' "$info" >&2; exit 1; }
if [ "$ver" = "$default_ver" ] && [ "$sum" != "$default_sum" ]; then
  echo "oras ${ver}: module digest $sum does not match the pinned $default_sum" >&2
  exit 1
fi
echo "building oras ${ver} from $src ..." >&2
"$go_cmd" build -C "$src" -trimpath \
  -ldflags "-s -w" \
  -o "$tmp/oras" ./cmd/oras
"$tmp/oras" version >&2
mv -f "$tmp/oras" "$bin"
echo "$bin"
