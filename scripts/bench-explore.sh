#!/usr/bin/env bash
# bench-explore.sh - the exploration benchmark: a throwaway local Neo4j, N generated
# letters (default 100000), each query measured through the HTTP handler; prints a
# table of median and p99 latency and Cypher round trips.
# Usage: scripts/bench-explore.sh [LETTERS] [RUNS]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/throwaway-neo4j.sh
throwaway_neo4j bench
NEO4J_URI="bolt://127.0.0.1:$PORT" NEO4J_USER="" go run ./bench/explore -letters "${1:-100000}" -runs "${2:-50}"
