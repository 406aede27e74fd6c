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
	dir := filepath.Join("..", "..", "scripts", "http-audit")
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "node_modules", "graphql-http"))
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the audit needs Node.js and `npm ci --prefix scripts/http-audit` (scripts/test.sh runs it): %v", err)
		}
		t.Skipf("no Node.js or no scripts/http-audit/node_modules: %v", err)
	}
	neo4jtest.Store(t)
	url := serve(t, build(t), "--mode", "development", "--rate-limit", "0")
	out, err := exec.Command(node, filepath.Join(dir, "audit.mjs"), url+"/graphql").CombinedOutput()
	if err != nil {
		t.Fatalf("audit: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
