#!/usr/bin/env bash
# import-rate.sh - the end-to-end import rate: generates N letters (default 100000) as
# canonical NDJSON, imports them into a throwaway local Neo4j (its own temporary data
# folder and free port), imports them a second time (every letter unchanged), and
# prints a table. Usage: scripts/import-rate.sh [N] [BATCH]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
N="${1:-100000}"
BATCH="${2:-500}"

mkdir -p bin
go build -o bin/lettergraph ./cmd/lettergraph
source scripts/throwaway-neo4j.sh
throwaway_neo4j rate
export NEO4J_URI="bolt://127.0.0.1:$PORT" NEO4J_USER="" LOG_LEVEL=warn

CORPUS="$DATA/corpus.ndjson"
bin/lettergraph gen -n "$N" -o "$CORPUS" 2>/dev/null
bin/lettergraph migrate >/dev/null 2>&1

run() {
    local label=$1
    local start end out
    start=$(date +%s.%N)
    out=$(bin/lettergraph import --batch-size "$BATCH" "$CORPUS" 2>/dev/null | tail -1)
    end=$(date +%s.%N)
    awk -v l="$label" -v n="$N" -v a="$start" -v b="$end" -v o="$out" \
        'BEGIN { s = b - a; printf "| %-18s | %9d | %8.1f | %10.0f | %s\n", l, n, s, n / s, o }'
}

echo "| run                | letters   | seconds  | letters/s  | summary"
echo "|--------------------|-----------|----------|------------|--------"
run "first import"
run "again (unchanged)"
echo
echo "corpus: $(du -h "$CORPUS" | cut -f1) NDJSON, batch $BATCH; Neo4j $(ls neo4j-local/target/lib | grep -o 'neo4j-kernel-[0-9.]*' | head -1); $(nproc) cores"
