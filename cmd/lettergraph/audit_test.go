package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestGraphQLOverHTTPAudit runs the GraphQL-over-HTTP audit suite (npm graphql-http's
// auditServer, scripts/http-audit) against a real server: every MUST audit passes.
// The server runs in development mode: two of the MUST audits ask __type, which
// production mode refuses with the rest of introspection.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node := nodeWith(t, "graphql-http")
	neo4jtest.Store(t)
	url := serve(t, build(t), "--mode", "development", "--rate-limit", "0")
	out, err := exec.Command(node, filepath.Join(nodeDir, "audit.mjs"), url+"/graphql").CombinedOutput()
	if err != nil {
		t.Fatalf("audit: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// nodeDir is the npm project of the Node.js clients that the tests run against a
// server (audit.mjs, subscribe.mjs).
var nodeDir = filepath.Join("..", "..", "scripts", "http-audit")

// nodeWith returns the path of Node.js, once nodeDir's node_modules holds every
// package named. Without them the test fails in CI and is skipped elsewhere.
func nodeWith(tb testing.TB, packages ...string) string {
	tb.Helper()
	node, err := exec.LookPath("node")
	for _, p := range packages {
		if err == nil {
			_, err = os.Stat(filepath.Join(nodeDir, "node_modules", p))
		}
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("the test needs Node.js and `npm ci --prefix scripts/http-audit` (scripts/test.sh runs it): %v", err)
		}
		tb.Skipf("no Node.js or no scripts/http-audit/node_modules: %v", err)
	}
	return node
}
