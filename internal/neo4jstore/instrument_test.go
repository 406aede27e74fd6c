package neo4jstore_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// recorder is a neo4jstore.Metrics that keeps what it is told.
type recorder struct {
	mu           sync.Mutex
	queries      map[string]int // by mode
	transactions map[string]int // by mode and outcome
}

func (r *recorder) ObserveQuery(mode string, took time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.queries == nil {
		r.queries = map[string]int{}
	}
	r.queries[mode]++
}

func (r *recorder) ObserveTransaction(mode, outcome string, took time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.transactions == nil {
		r.transactions = map[string]int{}
	}
	r.transactions[mode+" "+outcome]++
}

func (r *recorder) counts() (queries, transactions map[string]int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	q, tx := map[string]int{}, map[string]int{}
	for k, v := range r.queries {
		q[k] = v
	}
	for k, v := range r.transactions {
		tx[k] = v
	}
	return q, tx
}

func openWith(tb testing.TB, m neo4jstore.Metrics, tp *trace.TracerProvider) *neo4jstore.Store {
	tb.Helper()
	cfg := neo4jtest.Config(tb)
	cfg.Metrics = m
	if tp != nil {
		cfg.Tracer = tp.Tracer("test")
	}
	s, err := neo4jstore.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

// TestStoreMetricsArePerStore: each store reports its own queries and transactions
// to its own Metrics, so that two in one process keep their figures apart; a failed
// transaction reports its code.
func TestStoreMetricsArePerStore(t *testing.T) {
	neo4jtest.Store(t)
	var a, b recorder
	sa, sb := openWith(t, &a, nil), openWith(t, &b, nil)
	ctx := neo4jtest.Context()
	if _, err := sa.CountLetters(ctx, domain.LetterFilter{}); err != nil {
		t.Fatal(err)
	}
	if err := sb.ReadCypher(ctx, "RETURN nope"); err == nil {
		t.Fatal("a bad query: no error")
	}
	aq, atx := a.counts()
	bq, btx := b.counts()
	tests := []struct {
		name      string
		got, want int
	}{
		{"store a: read queries", aq["read"], 1},
		{"store a: write queries", aq["write"], 0},
		{"store a: read transactions ok", atx["read ok"], 1},
		{"store b: read queries", bq["read"], 1},
		{"store b: read transactions ok", btx["read ok"], 0},
		{"store b: read transactions INTERNAL", btx["read INTERNAL"], 1},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, tc.got, tc.want)
		}
	}
}

// TestInFlightAndBreaker: a transaction under way counts in InFlight while it runs;
// the breaker of a store that reaches Neo4j is closed.
func TestInFlightAndBreaker(t *testing.T) {
	neo4jtest.Store(t)
	s := openWith(t, nil, nil)
	if r, w := s.InFlight(); r != 0 || w != 0 {
		t.Errorf("idle: in flight %d, %d; want 0, 0", r, w)
	}
	done := make(chan error, 1)
	go func() {
		done <- s.ReadCypher(neo4jtest.Context(), `UNWIND range(1, 20000000) AS i WITH i WHERE i < 0 RETURN count(i)`)
	}()
	seen := false
	for deadline := time.Now().Add(5 * time.Second); !seen && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		r, w := s.InFlight()
		seen = r == 1 && w == 0
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !seen {
		t.Error("a read under way: never seen in flight")
	}
	if r, w := s.InFlight(); r != 0 || w != 0 {
		t.Errorf("after: in flight %d, %d; want 0, 0", r, w)
	}
	if got := s.BreakerState(); got != 0 {
		t.Errorf("breaker state: got %d, want 0 (closed)", got)
	}
}

// TestCloseWaitsForWorkUnderWay: Close lets a transaction under way finish rather
// than closing the driver under it, and the store refuses work after it, as
// UNAVAILABLE.
func TestCloseWaitsForWorkUnderWay(t *testing.T) {
	neo4jtest.Store(t)
	s := openWith(t, nil, nil)
	done := make(chan error, 1)
	go func() {
		done <- s.ReadCypher(neo4jtest.Context(), `UNWIND range(1, 20000000) AS i WITH i WHERE i < 0 RETURN count(i)`)
	}()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if r, _ := s.InFlight(); r == 1 {
			break
		}
	}
	if err := s.Close(context.Background()); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the read under way at Close: %v, want it finished", err)
		}
	default:
		t.Error("Close returned before the read under way ended")
	}
	err := s.ReadCypher(neo4jtest.Context(), `RETURN 1`)
	if got := domain.ErrorCode(err); got != domain.CodeUnavailable {
		t.Errorf("a read after Close: code %q (%v), want %q", got, err, domain.CodeUnavailable)
	}
	if got := domain.ErrorCode(s.Ping(context.Background())); got != domain.CodeUnavailable {
		t.Errorf("Ping after Close: code %q, want %q", got, domain.CodeUnavailable)
	}
}

// TestQuerySpans: a query run within a recording span is a child span with the
// statement and no parameter; a query outside any span makes none.
func TestQuerySpans(t *testing.T) {
	neo4jtest.Store(t)
	exp := tracetest.NewInMemoryExporter()
	tp := trace.NewTracerProvider(trace.WithSyncer(exp))
	s := openWith(t, nil, tp)
	ctx := neo4jtest.Context()
	if _, err := s.Search(ctx, "secret-word-17", nil, 5); err != nil {
		t.Fatal(err)
	}
	if n := len(exp.GetSpans()); n != 0 {
		t.Errorf("spans of a query outside any span: got %d, want 0", n)
	}
	ctx, parent := tp.Tracer("test").Start(ctx, "operation")
	if _, err := s.Search(ctx, "secret-word-17", nil, 5); err != nil {
		t.Fatal(err)
	}
	parent.End()
	var queries int
	for _, sp := range exp.GetSpans() {
		if sp.Name == "operation" {
			continue
		}
		queries++
		if sp.Name != "neo4j read" || sp.Parent.SpanID() != parent.SpanContext().SpanID() {
			t.Errorf("span %q with parent %s: want neo4j read under the operation", sp.Name, sp.Parent.SpanID())
		}
		for _, kv := range sp.Attributes {
			if strings.Contains(kv.Value.Emit(), "secret-word-17") {
				t.Errorf("attribute %s carries a parameter", kv.Key)
			}
		}
	}
	if queries == 0 {
		t.Error("no span for the query within the operation")
	}
}
