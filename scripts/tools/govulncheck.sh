#!/usr/bin/env bash
# Builds the pinned govulncheck (the reachability tests run it) from the Go module proxy
# into a cache dir outside the repo and prints its path. Reuses the binary when it is there.
# The gate builds the same pin itself (src/scan/reach-run.ts); tests use this one through govulncheck-path.
set -euo pipefail
. "$(dirname "$0")/go-install.sh"
GOVULNCHECK_VERSION="${GOVULNCHECK_VERSION:-v1.9.0}"
go_install_pinned govulncheck "$GOVULNCHECK_VERSION" golang.org/x/vuln/cmd/govulncheck -version
