#!/usr/bin/env bash
# Installs a pinned Fulcio (Sigstore's certificate authority) into a cache dir outside the repo
# and prints its path. The keyless signing tests run it on loopback with an ephemeral CA.
#   scripts/tools/fulcio.sh          -> prints /path/to/fulcio
# Tests find it via FULCIO_BIN or the same path (test/support/sigstore.ts).
set -euo pipefail
. "$(dirname "$0")/go-install.sh"
FULCIO_VERSION="${FULCIO_VERSION:-v1.8.8}"   # builds with Go 1.26
go_install_pinned fulcio "$FULCIO_VERSION" github.com/sigstore/fulcio version
