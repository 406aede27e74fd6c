#!/usr/bin/env bash
# mutation.sh - mutation testing of the pure core: gremlins changes the code one
# operator at a time (a < for a <=, a + for a -, a condition negated, ...) and runs
# the package's tests against each change; a change no test notices "lived". It
# prints each package's score; docs/security.md (Mutation testing) keeps the last
# one and argues the mutants left alive. Not part of `make test`: it runs the tests
# once per mutant, which takes a while (internal/domain: about 10 minutes on 2 cores).
#
# Usage: scripts/mutation.sh [PACKAGE...]   (default: the domain and the parsers)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
pkgs=("$@")
[[ ${#pkgs[@]} -gt 0 ]] || pkgs=(./internal/domain ./internal/ingest/text ./internal/ingest/email
    ./internal/ingest/cmif ./internal/ingest/canonical ./internal/ingest/textdate)
out="$(mktemp -d)"
for p in "${pkgs[@]}"; do
    name="$(basename "$p")"
    # The timeout is the package's test time times the coefficient: generous, so that
    # a slow machine does not count a mutant as killed by a time-out.
    go run github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0 unleash --workers 2 \
        --timeout-coefficient 10 --output "$out/$name.json" "$p" > "$out/$name.log" 2>&1 || true
    echo "== $p"
    grep -E "^ *(LIVED|NOT COVERED|TIMED OUT)" "$out/$name.log" || true
    grep -E "Killed:|Test efficacy|Mutator coverage" "$out/$name.log" || tail -5 "$out/$name.log"
done
echo "logs and JSON reports: $out"
