package neo4jstore_test

import (
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestDeadlineReachesNeo4j: the store's query timeout (QUERY_TIMEOUT, and a request's
// earlier deadline) is sent to Neo4j as the transaction's timeout, so that Neo4j
// itself stops a query that runs past it, and the caller gets LIMIT_EXCEEDED.
func TestDeadlineReachesNeo4j(t *testing.T) {
	cfg := neo4jtest.Config(t)
	cfg.QueryTimeout = 300 * time.Millisecond
	ctx := neo4jtest.Context() // no deadline of its own: only Neo4j can stop the query
	store, err := neo4jstore.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(ctx)
	start := time.Now()
	err = store.ReadCypher(ctx, `UNWIND range(1, 4000000000) AS i WITH i WHERE i < 0 RETURN count(i)`)
	took := time.Since(start)
	if got, want := domain.ErrorCode(err), domain.CodeLimitExceeded; got != want {
		t.Fatalf("a query past the timeout: %v, want %s", err, want)
	}
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) || ne.Code != "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration" {
		t.Errorf("cause: %v, want Neo4j's own TransactionTimedOutClientConfiguration", errors.Unwrap(err))
	}
	t.Logf("stopped by Neo4j after %s (timeout %s)", took.Round(time.Millisecond), cfg.QueryTimeout)
}
