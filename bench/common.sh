# bench/common.sh - sourced by bench/run.sh and bench/compare.sh: waiting for a
# server, a Neo4j with a generated corpus for each size, and stopping everything
# they started (PIDS, DATA) when the script exits.

source "$REPO/scripts/throwaway-neo4j.sh" # free_port

wait_http() { # URL: until it answers, at most a minute
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null -X POST -H 'content-type: application/json' -d '{"query":"{ __typename }"}' "$1" 2>/dev/null && return 0
        sleep 0.5
    done
    echo "bench: $1 did not answer" >&2
    return 1
}

PIDS=()
DATA=""
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    stop_corpus
}
trap cleanup EXIT

# corpus N: a throwaway local Neo4j (DATA, PORT, and NEO4J_URI with the settings the
# servers under test take) holding N generated letters imported by bin/lettergraph.
corpus() {
    DATA="$(mktemp -d "${TMPDIR:-/tmp}/lettergraph-bench.XXXXXX")"
    PORT="$(free_port)"
    scripts/neo4j-local.sh start --no-auth --port "$PORT" --data "$DATA" >/dev/null
    # RATE_LIMIT=0: the benchmark measures the server, all its load from one client;
    # the peer has no authentication, so neither has lettergraph here (f writes).
    export NEO4J_URI="bolt://127.0.0.1:$PORT" NEO4J_USER="" NEO4J_PASSWORD="" LOG_LEVEL=warn RATE_LIMIT=0 \
        ANONYMOUS_ROLE=editor
    bin/lettergraph gen -n "$1" -o "$DATA/corpus.ndjson" 2>/dev/null
    local start
    start=$(date +%s)
    bin/lettergraph import "$DATA/corpus.ndjson" >/dev/null 2>&1
    echo "Corpus: $1 generated letters, imported in $(( $(date +%s) - start )) s"
    echo
}

# stop_corpus stops the servers in PIDS and the corpus's Neo4j, and removes its data.
stop_corpus() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    PIDS=()
    if [ -n "$DATA" ]; then
        scripts/neo4j-local.sh stop --data "$DATA" >/dev/null 2>&1 || true
        rm -rf "$DATA"
    fi
    DATA=""
}
