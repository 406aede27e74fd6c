#!/usr/bin/env bash
# abuse-load.sh - a bounded security load run on loopback: a throwaway Neo4j (no
# authentication, a free port, a temporary data folder) with a generated corpus and
# the sample letter; lettergraph serving it in production mode with ANONYMOUS_ROLE=none,
# API keys made for the run and the default limits, on 127.0.0.1; then bench/abuse
# sending legitimate and abusive requests for DURATION. Prints the Markdown table and
# exits with bench/abuse's status: 1 if any answer was not the expected one. Stops and
# removes everything, whatever the outcome. A minute on 2 cores, two and a bit when
# other work shares them: most of it is the import.
#
# Usage: scripts/abuse-load.sh [DURATION]      (default 20s)
# Then phases of PHASE (15s) each: the legitimate traffic alone, and beside each
# attack on a channel issue #14 bounded (a socket flood, slow export readers, nested
# plain lists, paths from a hub, forged X-Forwarded-For), with the server's memory.
# Environment: CONCURRENCY (16 workers), FLOOD (4 of them flooding from one key),
# LETTERS (5000 generated letters: 25-85 s to import on 2 cores, twice that for 10000)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
DURATION="${1:-20s}"
PHASE="${PHASE:-15s}"
LETTERS="${LETTERS:-5000}"
start=$(date +%s)

source "$REPO/scripts/throwaway-neo4j.sh" # free_port

WORK="$(mktemp -d "${TMPDIR:-/tmp}/lettergraph-abuse.XXXXXX")"
DATA="$WORK/neo4j"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    scripts/neo4j-local.sh stop --data "$DATA" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# The binaries go to the run's own folder: nothing of the repository's bin/ changes.
go build -o "$WORK/lettergraph" ./cmd/lettergraph
go build -o "$WORK/bench-abuse" ./bench/abuse
LG="$WORK/lettergraph"
scripts/neo4j-local.sh build
mkdir -p "$DATA"
NEO4J_PORT="$(free_port)"
scripts/neo4j-local.sh start --no-auth --port "$NEO4J_PORT" --data "$DATA" >/dev/null
export NEO4J_URI="bolt://127.0.0.1:$NEO4J_PORT" NEO4J_USER="" NEO4J_PASSWORD="" LOG_LEVEL=warn

"$LG" gen -n "$LETTERS" -o "$WORK/corpus.ndjson" 2>/dev/null
import_start=$(date +%s)
quietly() { # COMMAND...: its output only if it fails
    "$@" >"$WORK/out" 2>&1 || { echo "abuse-load: $* failed:" >&2; tail -20 "$WORK/out" >&2; return 1; }
}
# An import that fails (a document refused, Neo4j too busy) is shown and run once
# more: it writes what is missing and leaves the rest alone.
quietly "$LG" import "$WORK/corpus.ndjson" || quietly "$LG" import "$WORK/corpus.ndjson"
quietly "$LG" seed
import_took=$(( $(date +%s) - import_start ))

# A key for each caller bench/abuse plays; the server gets their hashes.
entries=()
while read -r name role; do
    out="$("$LG" apikey --name "$name" --role "$role")"
    echo "$name $(sed -n 's/^key: //p' <<<"$out")" >>"$WORK/keys"
    entries+=("$(sed -n 's/^entry: //p' <<<"$out")")
done < <("$WORK/bench-abuse" -print-keys)
chmod 600 "$WORK/keys"

PORT="$(free_port)"
# Production mode, no anonymous access, every limit at its default.
env -u RATE_LIMIT -u RATE_BURST -u MAX_BODY_BYTES -u MAX_ALIASES -u MAX_DEPTH -u MAX_COMPLEXITY -u MAX_TOKENS \
    -u CORS_ORIGINS -u TRUST_PROXY -u JWT_HS256_SECRET -u JWT_JWKS \
    MODE=production ANONYMOUS_ROLE=none API_KEYS="$(IFS=,; echo "${entries[*]}")" \
    "$LG" serve --listen "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/readyz" 2>/dev/null && break
    sleep 0.5
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/readyz"

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1 /proc/loadavg); $(go version | cut -d' ' -f3);" \
    "Neo4j $(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' neo4j-local/pom.xml) embedded; commit $(git describe --always --dirty 2>/dev/null || echo unknown)"
echo "Corpus: $LETTERS generated letters and the sample, imported in $import_took s." \
    "Server: production mode, ANONYMOUS_ROLE=none, ${#entries[@]} API keys, every limit at its default."
echo "Run: $DURATION, ${CONCURRENCY:-16} workers, ${FLOOD:-4} of them flooding from one key; then phases of $PHASE: quiet, and each attack."
echo
status=0
"$WORK/bench-abuse" -url "http://127.0.0.1:$PORT" -keys "$WORK/keys" -duration "$DURATION" \
    -concurrency "${CONCURRENCY:-16}" -flood "${FLOOD:-4}" -phase "$PHASE" -server-pid "$SERVER_PID" || status=$?

# What the server logged at warn and above (LOG_LEVEL=warn): an INTERNAL, a panic.
if grep -q 'level=\(WARN\|ERROR\)' "$WORK/server.log"; then
    echo
    echo "Server log, warnings and errors ($(grep -c 'level=\(WARN\|ERROR\)' "$WORK/server.log")), the first ten:"
    grep 'level=\(WARN\|ERROR\)' "$WORK/server.log" | head -10
fi
echo
echo "abuse-load: $(( $(date +%s) - start )) s in all"
exit $status
