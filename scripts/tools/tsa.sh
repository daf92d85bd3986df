#!/usr/bin/env bash
# Installs a pinned Sigstore timestamp authority (timestamp-server) into a cache dir outside the
# repo and prints its path. The keyless signing tests run it on loopback with an in-memory signer,
# so verification rests on a signed timestamp instead of a transparency log.
#   scripts/tools/tsa.sh             -> prints /path/to/timestamp-server
# Tests find it via TSA_BIN or the same path (test/support/sigstore.ts).
set -euo pipefail
. "$(dirname "$0")/go-install.sh"
TSA_VERSION="${TSA_VERSION:-v1.2.9}"   # builds with Go 1.26
go_install_pinned timestamp-server "$TSA_VERSION" github.com/sigstore/timestamp-authority/cmd/timestamp-server version
