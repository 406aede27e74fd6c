#!/usr/bin/env bash
# export-rate.sh - the export rates: generates N letters (default 100000) and imports
# them into a throwaway local Neo4j (its own temporary data folder and free port), has
# networkx read their GraphML and GEXF exports and compare the counts with the
# database's (cmd/lettergraph's TestExportReadByNetworkx at that size), then times
# `lettergraph export` in every format and prints a table: seconds, letters/s, MB,
# and the most resident memory of the export process (/usr/bin/time).
# Usage: scripts/export-rate.sh [N]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
N="${1:-100000}"

mkdir -p bin
go build -o bin/lettergraph ./cmd/lettergraph
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r scripts/export-check/requirements.txt
source scripts/throwaway-neo4j.sh
throwaway_neo4j export-rate

# Generates and imports the corpus, exports its network, reads it with networkx and
# compares; the corpus stays in the database for the timings below.
echo "networkx against the database, $N letters:"
NEO4J_TEST_URI="bolt://127.0.0.1:$PORT" EXPORT_CHECK_LETTERS="$N" \
    go test -count=1 -timeout 90m -run '^TestExportReadByNetworkx$' -v ./cmd/lettergraph/ |
    grep -E 'networkx,|^(--- |ok|FAIL)' | sed -e 's/^ *export_test.go:[0-9]*: //'
echo

export NEO4J_URI="bolt://127.0.0.1:$PORT" NEO4J_USER="" LOG_LEVEL=warn
OUT="$DATA/out"
mkdir -p "$OUT"
echo "| format  | seconds | letters/s |       MB | peak RSS MB | summary"
echo "|---------|---------|-----------|----------|-------------|--------"
for f in graphml gexf cmif ndjson csv; do
    target="$OUT/export.$f"
    [[ $f == csv ]] && target="$OUT/csv"
    /usr/bin/time -f '%e %M' -o "$OUT/time" bin/lettergraph export --format "$f" -o "$target" 2>"$OUT/summary"
    read -r secs kb <"$OUT/time"
    bytes=$(du -sb "$target" | cut -f1)
    awk -v f="$f" -v n="$N" -v s="$secs" -v b="$bytes" -v kb="$kb" -v o="$(tail -1 "$OUT/summary")" \
        'BEGIN { printf "| %-7s | %7.1f | %9.0f | %8.1f | %11.1f | %s\n", f, s, n / s, b / 1e6, kb / 1024, o }'
done
echo
echo "corpus: $N generated letters; Neo4j $(ls neo4j-local/target/lib | grep -o 'neo4j-kernel-[0-9.]*' | head -1); $(nproc) cores; commit $(git rev-parse --short HEAD)"
