#!/usr/bin/env bash
# bench/compare.sh - lettergraph at an earlier commit against the working tree, on the
# same Neo4j and data, in one sitting: for each corpus size, a throwaway local Neo4j
# and a generated corpus (imported once), both servers started over it, and bench/load
# driving them in turn, round after round, so that drift of the machine falls on both
# alike. The reads only (a-e; f writes, which would change the data between turns),
# with the bare driver's figures from each turn as a measure of the noise.
#
# Usage: bench/compare.sh REV [SIZE...]   (default sizes: 10000 100000); REV may
# instead be the path of a lettergraph binary built elsewhere (a variant).
# Environment: DURATION (5s a run), ROUNDS (3), CONCURRENCY (1,32), OPS (abcde)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
REV="${1:?usage: bench/compare.sh REV [SIZE...]}"
shift
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)

source "$REPO/bench/common.sh" # wait_http, corpus, stop_corpus

mkdir -p bin
if [ -x "$REV" ] && [ -f "$REV" ]; then
    cp "$REV" bin/lettergraph-before
else
    OLD="$(mktemp -d "${TMPDIR:-/tmp}/lettergraph-old.XXXXXX")"
    git archive "$REV" | tar -x -C "$OLD"
    (cd "$OLD" && go build -o "$REPO/bin/lettergraph-before" ./cmd/lettergraph)
    rm -rf "$OLD"
fi
go build -o bin/lettergraph ./cmd/lettergraph
go build -o bin/bench-load ./bench/load
scripts/neo4j-local.sh build

echo "Before: $( [ -f "$REV" ] && echo "$REV" || git rev-parse --short "$REV"); after: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with changes')"
echo "Runs: ${DURATION:-5s} each, ${ROUNDS:-3} rounds, before and after in turn, concurrency ${CONCURRENCY:-1,32}"
echo

for N in "${SIZES[@]}"; do
    echo "## $N letters"
    echo
    corpus "$N"
    declare -A URL PID
    for side in before after; do
        p="$(free_port)"
        bin_="bin/lettergraph"
        [ "$side" = before ] && bin_="bin/lettergraph-before"
        "$bin_" serve --listen "127.0.0.1:$p" --no-graphiql >/dev/null 2>&1 &
        PID[$side]=$!
        PIDS+=("$!")
        URL[$side]="http://127.0.0.1:$p"
        wait_http "${URL[$side]}/graphql"
    done
    for round in $(seq 1 "${ROUNDS:-3}"); do
        for side in before after; do
            bin/bench-load -label "$N letters, round $round, $side" -neo4j "$NEO4J_URI" -peer "" \
                -lettergraph "${URL[$side]}" -lettergraph-pid "${PID[$side]}" \
                -duration "${DURATION:-5s}" -rounds 1 -concurrency "${CONCURRENCY:-1,32}" -ops "${OPS:-abcde}" 2>/dev/null
            echo
        done
    done

    stop_corpus
done
