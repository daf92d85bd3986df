#!/usr/bin/env bash
# Installs a pinned cosign into a cache dir outside the repo and prints its path.
# Reuses the binary when it is already there, so a rerun costs nothing.
#   scripts/tools/cosign.sh          -> prints /path/to/cosign
# Tests find it via COSIGN_BIN or the same path (test/support/cosign.ts).
set -euo pipefail
. "$(dirname "$0")/go-install.sh"
COSIGN_VERSION="${COSIGN_VERSION:-v3.1.3}"   # go.mod: go 1.26.0
module="github.com/sigstore/cosign/v3/cmd/cosign"
case "$COSIGN_VERSION" in v2.*) module="github.com/sigstore/cosign/v2/cmd/cosign" ;; esac
go_install_pinned cosign "$COSIGN_VERSION" "$module" version
