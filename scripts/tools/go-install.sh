# Shared by the scripts that `go install` a pinned tool from the Go module proxy into a cache
# dir outside the repo (sourced, not run). go_install_pinned prints the binary's path; it
# reuses the binary when it is there and answers the check command.
#   go_install_pinned NAME VERSION PACKAGE CHECK_ARG...
#     NAME     binary name (also the cache dir: go-release-gate-tools/NAME-VERSION)
#     PACKAGE  the main package to install at VERSION
#     CHECK    arguments that make the binary print its version (exit 0)
go_install_pinned() {
  local name="$1" version="$2" pkg="$3"
  shift 3
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-tools/${name}-${version}"
  local bin="$dir/$name"
  if [ -x "$bin" ] && "$bin" "$@" >/dev/null 2>&1; then
    echo "$bin"
    return 0
  fi
  command -v go >/dev/null 2>&1 || PATH="/usr/local/go/bin:$PATH"
  command -v go >/dev/null 2>&1 || { echo "Go is required to build $name" >&2; return 1; }
  mkdir -p "$dir"
  local tmp
  tmp="$(mktemp -d "$dir.tmp.XXXXXX")"
  echo "building $name ${version} into $dir (takes a few minutes)" >&2
  if ! CGO_ENABLED=0 GOTOOLCHAIN=local GOBIN="$tmp" go install -trimpath "${pkg}@${version}" >&2; then
    rm -rf "$tmp"
    return 1
  fi
  mv -f "$tmp/$name" "$bin"
  rm -rf "$tmp"
  echo "$bin"
}
