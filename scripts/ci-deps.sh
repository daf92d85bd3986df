#!/usr/bin/env bash
# System packages the test suite uses (readelf from binutils, tar, zstd, unzip, git, and musl-gcc
# from musl-tools for the musl-linked builds the run-on tests check against Alpine).
# Installs only what is missing, so a rerun on a prepared machine costs nothing.
set -euo pipefail
missing=()
for pair in readelf:binutils zstd:zstd unzip:unzip git:git tar:tar dpkg-deb:dpkg musl-gcc:musl-tools; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "missing system packages: ${missing[*]} (install them, then rerun)" >&2
    exit 1
  fi
fi
command -v go >/dev/null 2>&1 || [ -x /usr/local/go/bin/go ] || { echo "Go is required at /usr/local/go or on PATH" >&2; exit 1; }
