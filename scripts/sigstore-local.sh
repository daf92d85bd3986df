#!/usr/bin/env bash
# A private Sigstore on loopback for trying keyless signing by hand, the same one the tests use:
# Fulcio (ephemeral CA) trusting a stand-in for the runner's OIDC token service, the timestamp
# authority (in-memory signer) and a trusted root for both. Every server listens on 127.0.0.1
# (except the metrics listeners Fulcio and timestamp-server open on every interface, see
# test/support/sigstore.ts). Needs the pinned builds: scripts/tools/{cosign,fulcio,tsa}.sh.
# timestamp-server always takes port 2112 for its metrics, so one runs per machine: while this one
# is up, the keyless tests wait for it (and `up` waits for a running test's).
#   scripts/sigstore-local.sh up      start in the background, print the environment and inputs
#   scripts/sigstore-local.sh down    stop it
#   scripts/sigstore-local.sh env     print the environment and inputs again
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="${XDG_CACHE_HOME:-$HOME/.cache}/go-release-gate-test/sigstore-local.json"
node="$root/node_modules/node/bin/node"
[ -x "$node" ] || node=node
show() { "$node" -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).text + "\n")' "$state"; }
pid_of() { "$node" -e 'process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).pid))' "$state"; }
case "${1:-}" in
  up)
    if [ -f "$state" ] && kill -0 "$(pid_of)" 2>/dev/null; then show; exit 0; fi
    mkdir -p "$(dirname "$state")"
    rm -f "$state"
    for t in cosign fulcio tsa; do bash "$root/scripts/tools/$t.sh" >/dev/null; done
    log="$(mktemp "${TMPDIR:-/tmp}/sigstore-local.XXXXXX")"
    NODE_NO_WARNINGS=1 nohup "$node" "$root/scripts/sigstore-local.mjs" serve "$state" >"$log" 2>&1 &
    # Bounded wait for the state file (the servers start in a few seconds).
    for _ in $(seq 1 240); do
      [ -f "$state" ] && { show; exit 0; }
      kill -0 $! 2>/dev/null || { cat "$log" >&2; exit 1; }
      sleep 0.5
    done
    echo "the loopback Sigstore did not start within 2 minutes; see $log" >&2
    exit 1
    ;;
  down)
    [ -f "$state" ] || { echo "not running"; exit 0; }
    pid="$(pid_of)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$state"
    echo "stopped"
    ;;
  env)
    [ -f "$state" ] || { echo "not running: scripts/sigstore-local.sh up" >&2; exit 1; }
    show
    ;;
  *)
    echo "usage: scripts/sigstore-local.sh up|down|env" >&2
    exit 2
    ;;
esac
