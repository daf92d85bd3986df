#!/usr/bin/env bash
# Builds the pinned goreleaser (the peer the benchmarks compare with) from the Go module proxy
# into a cache dir outside the repo and prints its path. Reuses the binary when it is there.
# Only bench/peer.mjs needs it; the test suite does not.
set -euo pipefail
. "$(dirname "$0")/go-install.sh"
GORELEASER_VERSION="${GORELEASER_VERSION:-v2.15.1}"
go_install_pinned goreleaser "$GORELEASER_VERSION" github.com/goreleaser/goreleaser/v2 --version
