#!/usr/bin/env bash
# bench/run.sh - lettergraph against the Neo4j GraphQL Library and the bare driver, on
# the same Neo4j and data: for each corpus size, a throwaway local Neo4j, a generated
# corpus imported with `lettergraph import`, lettergraph and the peer (@neo4j/graphql
# on Node.js, bench/peer) started on loopback, and bench/load driving all three.
# Prints one Markdown table of figures and one of ratios per size.
#
# Usage: bench/run.sh [SIZE...]        (default: 10000 100000; 1000000 for a million)
# Environment: DURATION (5s a run), ROUNDS (2), CONCURRENCY (1,32), OPS (letters a-f;
# z for none), IMPORT (letters lettergraph and raw UNWIND import after the reads; 10000, 0 for
# none), IMPORT_PEER (letters the peer imports; 10000)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)

source "$REPO/bench/common.sh" # wait_http, corpus, stop_corpus

mkdir -p bin
go build -o bin/lettergraph ./cmd/lettergraph
go build -o bin/bench-load ./bench/load
scripts/neo4j-local.sh build
(cd bench/peer && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(go version | cut -d' ' -f3); Node.js $(node --version);" \
    "@neo4j/graphql $(node -p 'require("./bench/peer/node_modules/@neo4j/graphql/package.json").version'); Neo4j $(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' neo4j-local/pom.xml) embedded"
echo "Runs: ${DURATION:-5s} each, ${ROUNDS:-2} rounds interleaved, concurrency ${CONCURRENCY:-1,32}"
echo

for N in "${SIZES[@]}"; do
    corpus "$N"

    LG_PORT="$(free_port)"
    # Traces of the requests bench/load marks (a sampled traceparent) only, sent to
    # bench/load, which checks that the raw driver replays what this server runs.
    OTLP_PORT="$(free_port)"
    OTLP_ENDPOINT="http://127.0.0.1:$OTLP_PORT" OTEL_TRACES_SAMPLER=parentbased_always_off OTEL_BSP_SCHEDULE_DELAY=50 \
        bin/lettergraph serve --listen "127.0.0.1:$LG_PORT" --no-graphiql >/dev/null 2>&1 &
    LG_PID=$!
    PIDS+=("$LG_PID")
    PEER_PORT="$(free_port)"
    PORT="$PEER_PORT" node bench/peer/server.mjs >/dev/null 2>&1 &
    PEER_PID=$!
    PIDS+=("$PEER_PID")
    wait_http "http://127.0.0.1:$LG_PORT/graphql"
    wait_http "http://127.0.0.1:$PEER_PORT/"

    bin/bench-load -label "$N letters" -neo4j "$NEO4J_URI" -otlp-listen "127.0.0.1:$OTLP_PORT" \
        -lettergraph "http://127.0.0.1:$LG_PORT" -lettergraph-pid "$LG_PID" \
        -peer "http://127.0.0.1:$PEER_PORT" -peer-pid "$PEER_PID" \
        -duration "${DURATION:-5s}" -rounds "${ROUNDS:-2}" -concurrency "${CONCURRENCY:-1,32}" -ops "${OPS:-}" \
        -import "${IMPORT:-10000}" -import-peer "${IMPORT_PEER:-10000}" 2>/dev/null
    echo

    stop_corpus
done
