#!/usr/bin/env bash
# test.sh - the whole test suite: starts a throwaway Neo4j (no authentication, a free
# loopback port, a temporary data folder), runs every Go test against it, and stops and
# removes it, whatever the outcome. Extra arguments go to `go test`
# (e.g. scripts/test.sh -run TestSeed ./internal/neo4jstore/).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
start=$(date +%s)

source scripts/throwaway-neo4j.sh
throwaway_neo4j test-neo4j
echo "test: Neo4j at bolt://127.0.0.1:$PORT"

# The GraphQL-over-HTTP audit suite (cmd/lettergraph's TestGraphQLOverHTTPAudit).
npm ci --prefix scripts/http-audit --no-audit --no-fund --loglevel=error >/dev/null
# The explorer's browser test (TestExplorerInChromium): playwright-core, which drives
# the system's Chromium and downloads no browser.
npm ci --prefix scripts/browser-test --no-audit --no-fund --loglevel=error >/dev/null
# networkx, which reads the GraphML and GEXF exports (TestExportReadByNetworkx).
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r scripts/export-check/requirements.txt

# The pages' pure functions (web/src/**/*.test.ts, Vitest): the playground's CSV
# and its examples. Their built files are committed; these test the sources.
status=0
npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
npm test --prefix web --silent || status=$?

export NEO4J_TEST_URI="bolt://127.0.0.1:$PORT"
# -p 1: the packages that use Neo4j share the one database and empty it per test.
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(./...)
events="$(mktemp)" # the test events, for the skip check (no trap: Neo4j's stop has it)
# -timeout: cmd/lettergraph (Chromium, Neo4j killed and restarted) takes 4 to 7
# minutes on 2 cores, and go test's default of 10 leaves too little room on a busy one.
go run gotest.tools/gotestsum@v1.13.0 --format pkgname-and-test-fails --jsonfile "$events" -- -p 1 -count=1 -timeout 25m "${args[@]}" || status=$?
# No test may skip unless scripts/skipcheck/allowed.go says why; in CI none may.
go run ./scripts/skipcheck "$events" || status=$?
rm -f "$events"
echo "test suite: $(( $(date +%s) - start ))s in all (Neo4j start included)"
exit $status
