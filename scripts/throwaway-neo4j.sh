# throwaway-neo4j.sh - sourced, not run, by the scripts that need a Neo4j of their own:
#
#   source "$REPO/scripts/throwaway-neo4j.sh"
#   throwaway_neo4j NAME
#
# builds the local Neo4j if needed and starts one without authentication on a free
# loopback port with a temporary data folder (DATA and PORT say which), and stops and
# removes it when the script exits. free_port prints a free loopback port.

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

throwaway_neo4j() {
    "$REPO/scripts/neo4j-local.sh" build
    DATA="$(mktemp -d "${TMPDIR:-/tmp}/lettergraph-$1.XXXXXX")"
    PORT="$(free_port)"
    trap stop_throwaway_neo4j EXIT
    "$REPO/scripts/neo4j-local.sh" start --no-auth --port "$PORT" --data "$DATA" >/dev/null
}

stop_throwaway_neo4j() {
    "$REPO/scripts/neo4j-local.sh" stop --data "$DATA" >/dev/null 2>&1 || true
    rm -rf "$DATA"
}
