#!/usr/bin/env bash
# bench-reader-all.sh - what hiding restricted material costs readers: one throwaway
# local Neo4j with N generated letters (default 100000), the exploration benchmark
# (bench/explore) asked five times in turn as a reader and as a caller who sees all
# (RESTRICTED_ROLE=reader): reader, all, reader, all, reader, RUNS runs each. Prints
# each round's table; compare the last two reader rounds with the two all rounds (the
# first follows the import). Run it at two commits to compare them.
# Usage: scripts/bench-reader-all.sh [LETTERS] [RUNS]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/throwaway-neo4j.sh
throwaway_neo4j bench-reader-all
export NEO4J_URI="bolt://127.0.0.1:$PORT" NEO4J_USER=""
bin="$(mktemp -d)/explore"
go build -o "$bin" ./bench/explore
echo "== reader, round 1 (after the import)"
env -u RESTRICTED_ROLE "$bin" -letters "${1:-100000}" -runs "${2:-30}"
for round in 1 2; do
    echo "== all, round $round"
    RESTRICTED_ROLE=reader "$bin" -runs "${2:-30}"
    echo "== reader, round $((round + 1))"
    env -u RESTRICTED_ROLE "$bin" -runs "${2:-30}"
done
