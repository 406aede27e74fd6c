#!/usr/bin/env bash
# bench-explore.sh - the exploration benchmark: a throwaway local Neo4j, N generated
# letters (default 100000), each query measured through the HTTP handler; prints a
# table of median and p99 latency and Cypher round trips.
# Usage: scripts/bench-explore.sh [LETTERS] [RUNS]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
scripts/neo4j-local.sh build
DATA="$(mktemp -d "${TMPDIR:-/tmp}/lettergraph-bench.XXXXXX")"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cleanup() {
    scripts/neo4j-local.sh stop --data "$DATA" >/dev/null 2>&1 || true
    rm -rf "$DATA"
}
trap cleanup EXIT
scripts/neo4j-local.sh start --no-auth --port "$PORT" --data "$DATA" >/dev/null
NEO4J_URI="bolt://127.0.0.1:$PORT" NEO4J_USER="" go run ./bench/explore -letters "${1:-100000}" -runs "${2:-50}"
