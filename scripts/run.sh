#!/usr/bin/env bash
# run.sh - the quick start: builds everything, starts the local Neo4j (data kept in
# .neo4j/data), and runs the API in the foreground with the sample letter loaded into
# an empty database. Ctrl-C stops the server, then Neo4j.
#
# Environment: NEO4J_PASSWORD (default lettergraph-dev), NEO4J_PORT (default 7687),
# LISTEN_ADDR (default 127.0.0.1:8080), and every setting of `bin/lettergraph --help`.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

export NEO4J_PASSWORD="${NEO4J_PASSWORD:-lettergraph-dev}"
export NEO4J_USER="${NEO4J_USER:-neo4j}"
NEO4J_PORT="${NEO4J_PORT:-7687}"
export NEO4J_URI="bolt://127.0.0.1:$NEO4J_PORT"
# The local quick start: GraphiQL, introspection and field suggestions on.
export MODE="${MODE:-development}"

echo "run: building the API"
mkdir -p bin
go build -o bin/lettergraph ./cmd/lettergraph
echo "run: starting Neo4j on 127.0.0.1:$NEO4J_PORT (data in .neo4j/data)"
scripts/neo4j-local.sh start --port "$NEO4J_PORT"
trap 'echo "run: stopping Neo4j"; scripts/neo4j-local.sh stop' EXIT

# Anyone on this machine may read; writing (GraphiQL's headers, or curl) takes the
# admin key made afresh for this run.
export ANONYMOUS_ROLE="${ANONYMOUS_ROLE:-reader}"
KEY_OUTPUT="$(bin/lettergraph apikey --name dev --role admin)"
export API_KEYS="${API_KEYS:+$API_KEYS,}$(sed -n 's/^entry: //p' <<<"$KEY_OUTPUT")"
echo "run: admin key for this run (header Authorization: Bearer <key>): $(sed -n 's/^key: //p' <<<"$KEY_OUTPUT")"

bin/lettergraph serve --seed-if-empty
