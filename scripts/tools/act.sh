#!/usr/bin/env bash
# Builds the pinned nektos/act (a real workflow runner for the e2e workflow test) from the Go
# module proxy into a cache dir outside the repo and prints its path. Reuses the binary when it
# is already there, so a rerun costs nothing.
#   scripts/tools/act.sh          -> prints /path/to/act
# Tests find it via ACT_BIN or the same path (test/support/act.ts).
set -euo pipefail
. "$(dirname "$0")/go-install.sh"
ACT_VERSION="${ACT_VERSION:-v0.2.89}"
# act checks for a newer release on start unless told not to.
export ACT_DISABLE_VERSION_CHECK=1
go_install_pinned act "$ACT_VERSION" github.com/nektos/act --version
