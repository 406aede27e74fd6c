package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/server"
	"github.com/lettergraph/lettergraph/internal/telemetry"
)

// BenchmarkObservability measures what metrics and tracing add to a request served
// in process (no network), over the test Neo4j: an operation that reads nothing
// ({ __typename }) and one that reads Neo4j once. Compare ns/op and, steadier on a
// busy machine, B/op and allocs/op across the variants:
//
//	go test ./internal/server/ -run '^$' -bench Observability -benchmem -count 5
func BenchmarkObservability(b *testing.B) {
	variants := []struct {
		name             string
		metrics, tracing bool
	}{
		{"off", false, false},
		{"metrics", true, false},
		{"metrics+tracing", true, true},
	}
	queries := []struct {
		name, body string
	}{
		{"typename", `{"query":"query T { __typename }"}`},
		{"statistics", `{"query":"query S { statistics { letters } }"}`},
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, q := range queries {
		if os.Getenv("NEO4J_TEST_URI") == "" {
			b.Skip("NEO4J_TEST_URI is not set")
		}
		for _, v := range variants {
			b.Run(q.name+"/"+v.name, func(b *testing.B) {
				ctx := context.Background()
				o := telemetry.Options{Metrics: v.metrics}
				if v.tracing {
					o.Exporter = tracetest.NewNoopExporter()
				}
				tel, err := telemetry.New(ctx, o)
				if err != nil {
					b.Fatal(err)
				}
				defer tel.Shutdown(ctx)
				neo4jtest.Store(b)
				scfg := neo4jtest.Config(b)
				scfg.Metrics, scfg.Tracer = tel.Store(), tel.Tracer()
				store, err := neo4jstore.Open(ctx, scfg, quiet)
				if err != nil {
					b.Fatal(err)
				}
				defer store.Close(ctx)
				cfg := testConfig()
				cfg.Metrics = v.metrics
				h := server.Handler(cfg, store, store, quiet, server.WithTelemetry(tel))
				serve := func() {
					req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(q.body))
					req.Header.Set("Content-Type", "application/json")
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
						b.Fatalf("status %d: %s", rec.Code, rec.Body)
					}
				}
				serve()
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					serve()
				}
			})
		}
	}
}
