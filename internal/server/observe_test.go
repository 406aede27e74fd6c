package server_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
	"github.com/lettergraph/lettergraph/internal/server"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
	"github.com/lettergraph/lettergraph/internal/telemetry"
)

// syncBuffer is a log buffer the server writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

// observedAPI is a test server whose store and handler share one telemetry, as
// `lettergraph serve` wires them, over the real, emptied Neo4j.
type observedAPI struct {
	url   string
	store *neo4jstore.Store
	tel   *telemetry.Telemetry
	spans *tracetest.InMemoryExporter // nil unless traced
	logs  *syncBuffer
}

// newObservedAPI serves cfg (its Metrics decide the metrics) with a store of its
// own; traced sends the spans to an in-memory exporter. wrap, if set, wraps the
// store the handler uses (to inject a fault).
func newObservedAPI(tb testing.TB, cfg config.Config, traced bool, wrap func(domain.Store) domain.Store) *observedAPI {
	tb.Helper()
	neo4jtest.Store(tb) // empties the database and applies the schema
	ctx := context.Background()
	o := telemetry.Options{Metrics: cfg.Metrics}
	var spans *tracetest.InMemoryExporter
	if traced {
		spans = tracetest.NewInMemoryExporter()
		o.Exporter = spans
	}
	tel, err := telemetry.New(ctx, o)
	if err != nil {
		tb.Fatalf("telemetry: %v", err)
	}
	tb.Cleanup(func() { _ = tel.Shutdown(context.Background()) })
	scfg := neo4jtest.Config(tb)
	scfg.Metrics, scfg.Tracer = tel.Store(), tel.Tracer()
	store, err := neo4jstore.Open(ctx, scfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatalf("opening the store: %v", err)
	}
	tb.Cleanup(func() { _ = store.Close(context.Background()) })
	var served domain.Store = store
	if wrap != nil {
		served = wrap(store)
	}
	logs := &syncBuffer{}
	h := server.Handler(cfg, served, store, slog.New(slog.NewTextHandler(logs, nil)), server.WithTelemetry(tel))
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return &observedAPI{url: srv.URL, store: store, tel: tel, spans: spans, logs: logs}
}

// series names one series of a scrape: the metric's name and its labels as name,
// value pairs, in any order.
func series(name string, labels ...string) string {
	var pairs []string
	for i := 0; i+1 < len(labels); i += 2 {
		pairs = append(pairs, labels[i]+"="+strconv.Quote(labels[i+1]))
	}
	slices.Sort(pairs)
	if len(pairs) == 0 {
		return name
	}
	return name + "{" + strings.Join(pairs, ",") + "}"
}

// scrape reads url's /metrics in Prometheus's text format: each series (series) and
// its value.
func scrape(tb testing.TB, url string) map[string]float64 {
	tb.Helper()
	return scrapeAs(tb, url, "")
}

// scrapeAs is scrape with a bearer token ("" for none).
func scrapeAs(tb testing.TB, url, token string) map[string]float64 {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodGet, url+"/metrics", nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("GET /metrics: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET /metrics: status %d", resp.StatusCode)
	}
	got := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cut := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[cut+1:], 64)
		if err != nil {
			tb.Fatalf("metrics line %q: %v", line, err)
		}
		name, labels, _ := strings.Cut(line[:cut], "{")
		var kv []string
		labels = strings.TrimSuffix(labels, "}")
		for labels != "" {
			k, rest, _ := strings.Cut(labels, "=")
			val, err := strconv.QuotedPrefix(rest)
			if err != nil {
				tb.Fatalf("metrics line %q: labels %q: %v", line, labels, err)
			}
			uq, _ := strconv.Unquote(val)
			kv = append(kv, k, uq)
			labels = strings.TrimPrefix(rest[len(val):], ",")
		}
		got[series(name, kv...)] = v
	}
	return got
}

// TestMetrics runs operations that succeed, are refused by role, fail validation,
// are rate limited, and import documents, then reads /metrics through the handler.
func TestMetrics(t *testing.T) {
	adminKey, adminEntry, _ := auth.NewAPIKey("importer", auth.Admin)
	cfg := testConfig()
	cfg.Metrics = true
	cfg.AnonymousRole = "reader"
	cfg.APIKeys = []string{adminEntry}
	cfg.TrustProxy = true // each X-Forwarded-For is a client of its own
	cfg.RateLimit, cfg.RateBurst = 0.001, 3
	a := newObservedAPI(t, cfg, false, nil)

	from := func(client string) map[string]string { return map[string]string{"X-Forwarded-For": client} }
	docs := []any{map[string]any{"name": "batch.ndjson", "format": "JSON", "content": `{"title":"One","authors":[{"person":{"name":"Ann Lee","emails":["ann@x.org"]}}]}
{"title":"Two","authors":[{"person":{"name":"A. Lee","emails":["lee@y.org"]}}]}
{"title":"Broken","date":"yesterday"}`}}
	importBody, _ := json.Marshal(map[string]any{"query": `mutation Import($docs: [DocumentInput!]!) { importDocuments(documents: $docs) { created } }`,
		"variables": map[string]any{"docs": docs}})
	admin := map[string]string{"Authorization": "Bearer " + adminKey}
	requests := []struct {
		name       string
		body       string
		header     map[string]string
		wantStatus int
	}{
		{"a named query", query(`query Letters { letters(first: 1) { totalCount } }`), from("192.0.2.1"), http.StatusOK},
		{"the named query again", query(`query Letters { letters(first: 1) { totalCount } }`), from("192.0.2.1"), http.StatusOK},
		{"an anonymous query", query(`{ statistics { letters } }`), from("192.0.2.1"), http.StatusOK},
		{"past the burst", query(`query Letters { letters(first: 1) { totalCount } }`), from("192.0.2.1"), http.StatusTooManyRequests},
		{"past the burst again", query(`{ statistics { letters } }`), from("192.0.2.1"), http.StatusTooManyRequests},
		{"a reader's mutation", query(`mutation Del { deleteLetter(id: "nope") { id } }`), from("192.0.2.2"), http.StatusOK},
		{"a field that is not there", query(`query Nope { nope }`), from("192.0.2.2"), http.StatusUnprocessableEntity},
		{"an import", string(importBody), admin, http.StatusOK},
		{"the import again", string(importBody), admin, http.StatusOK},
	}
	for _, r := range requests {
		if status, _, body := post(t, a.url, r.body, r.header); status != r.wantStatus {
			t.Fatalf("%s: status %d, want %d (%s)", r.name, status, r.wantStatus, body)
		}
	}

	// Only an admin reads the figures on the API's listener.
	if resp, err := http.Get(a.url + "/metrics"); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Errorf("GET /metrics as an anonymous reader: %v %v, want 403", resp.StatusCode, err)
	}
	got := scrapeAs(t, a.url, adminKey)
	const (
		requestsTotal = "lettergraph_graphql_requests_total"
		httpTotal     = "lettergraph_http_requests_total"
		importTotal   = "lettergraph_import_documents_total"
	)
	tests := []struct {
		series string
		want   float64
	}{
		{series(requestsTotal, "operation", "Letters", "type", "query", "outcome", "ok"), 2},
		{series(requestsTotal, "operation", "anonymous", "type", "query", "outcome", "ok"), 1},
		{series(requestsTotal, "operation", "Del", "type", "mutation", "outcome", "FORBIDDEN"), 1},
		{series(requestsTotal, "operation", "invalid", "type", "unknown", "outcome", "GRAPHQL_VALIDATION_FAILED"), 1},
		{series(requestsTotal, "operation", "Import", "type", "mutation", "outcome", "ok"), 2},
		{series("lettergraph_graphql_request_duration_seconds_count", "operation", "Letters", "type", "query"), 2},
		{series("lettergraph_graphql_request_duration_seconds_count", "operation", "Import", "type", "mutation"), 2},
		{series(httpTotal, "route", "/graphql", "status", "200"), 6},
		{series(httpTotal, "route", "/graphql", "status", "429"), 2},
		{series(httpTotal, "route", "/graphql", "status", "422"), 1},
		{series(importTotal, "outcome", "created"), 2},
		{series(importTotal, "outcome", "unchanged"), 2},
		{series(importTotal, "outcome", "failed"), 2},
		{series("lettergraph_import_correspondents_total", "outcome", "created"), 2},
		{series("lettergraph_neo4j_circuit_breaker_state"), 0},
		{series("lettergraph_neo4j_transactions_in_flight", "mode", "read"), 0},
		{series("lettergraph_neo4j_transactions_in_flight", "mode", "write"), 0},
		{series("lettergraph_live_subscriptions"), 0},
	}
	for _, tc := range tests {
		if v, ok := got[tc.series]; !ok || v != tc.want {
			t.Errorf("%s: got %v (present %v), want %v", tc.series, v, ok, tc.want)
		}
	}
	// A refused operation did not run: it has no latency.
	if v, ok := got[series("lettergraph_graphql_request_duration_seconds_count", "operation", "Del", "type", "mutation")]; ok {
		t.Errorf("latency of the refused mutation: got %v, want no series", v)
	}
	atLeast := []struct {
		series string
		min    float64
	}{
		{series("lettergraph_neo4j_query_duration_seconds_count", "mode", "read"), 2},
		{series("lettergraph_neo4j_query_duration_seconds_count", "mode", "write"), 1},
		{series("lettergraph_neo4j_transactions_total", "mode", "read", "outcome", "ok"), 2},
		{series("lettergraph_neo4j_transactions_total", "mode", "write", "outcome", "ok"), 1},
		{series("go_goroutines"), 1},
		{series("process_resident_memory_bytes"), 1},
	}
	for _, tc := range atLeast {
		if v, ok := got[tc.series]; !ok || v < tc.min {
			t.Errorf("%s: got %v (present %v), want at least %v", tc.series, v, ok, tc.min)
		}
	}
	if v := got[series("lettergraph_neo4j_query_duration_seconds_sum", "mode", "read")]; v <= 0 {
		t.Errorf("read query seconds: got %v, want more than 0", v)
	}
}

// TestMetricsOff: with METRICS off there is no /metrics.
func TestMetricsOff(t *testing.T) {
	a := newAPI(t) // testConfig has Metrics false
	resp, err := http.Get(a.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusOK && strings.Contains(string(body), "lettergraph_") {
		t.Errorf("GET /metrics with METRICS off: status %d with metrics, want none", resp.StatusCode)
	}
}

// TestSubscriptionsGauge: the gauge of open subscriptions goes to 1 while one is
// open, over each transport, and back to 0; a second server in the same process
// keeps figures of its own.
func TestSubscriptionsGauge(t *testing.T) {
	cfg := testConfig()
	cfg.Metrics = true
	gauge := series("lettergraph_live_subscriptions")
	await := func(t *testing.T, url string, want float64) {
		t.Helper()
		var got float64
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if got = scrape(t, url)[gauge]; got == want {
				return
			}
		}
		t.Fatalf("%s: got %v, want %v", gauge, got, want)
	}
	for _, transport := range []string{servertest.WS, servertest.SSE} {
		t.Run(transport, func(t *testing.T) {
			a := newObservedAPI(t, cfg, false, nil)
			b := newObservedAPI(t, cfg, false, nil)
			await(t, a.url, 0)
			sub := servertest.Subscribe(t, a.url, transport, `subscription { letterAdded { title } }`, nil)
			await(t, a.url, 1)
			if got := scrape(t, b.url)[gauge]; got != 0 {
				t.Errorf("the other server's %s: got %v, want 0", gauge, got)
			}
			sub.Close()
			await(t, a.url, 0)
			got := scrape(t, a.url)
			if v := got[series("lettergraph_graphql_requests_total", "operation", "anonymous", "type", "subscription", "outcome", "ok")]; v != 1 {
				t.Errorf("subscriptions counted: got %v, want 1", v)
			}
		})
	}
}

// TestTraces: one operation through the real handler gives an HTTP span continuing
// the client's trace, the operation's span under it, and the operation's Cypher
// queries as spans under that; no span carries a value the client sent.
func TestTraces(t *testing.T) {
	a := newObservedAPI(t, testConfig(), true, nil)
	if _, _, err := seed.Load(neo4jtest.Context(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if n := len(a.spans.GetSpans()); n != 0 {
		t.Errorf("spans of queries outside any request: got %d, want 0", n)
	}
	const secret = "zebra-secret-42"
	clientTrace, _ := trace.TraceIDFromHex("4bf92f3577b34da6a3ce929d0e0e4736")
	clientSpan, _ := trace.SpanIDFromHex("00f067aa0ba902b7")
	body, _ := json.Marshal(map[string]any{
		"query":     `query Busy($t: String!) { search(text: $t, first: 5) { score } letters(first: 2) { nodes { title authors { correspondent { name } } } } }`,
		"variables": map[string]any{"t": secret}})
	status, header, resp := post(t, a.url, string(body), map[string]string{
		"traceparent": "00-" + clientTrace.String() + "-" + clientSpan.String() + "-01", "X-Request-Id": "req-traced"})
	if status != http.StatusOK || strings.Contains(resp, `"errors"`) {
		t.Fatalf("status %d: %s", status, resp)
	}
	if got := header.Get("X-Request-Id"); got != "req-traced" {
		t.Errorf("X-Request-Id: got %q, want req-traced", got)
	}

	// The HTTP span ends after the answer is written: wait for it.
	var spans tracetest.SpanStubs
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		spans = a.spans.GetSpans()
		if slices.ContainsFunc(spans, func(s tracetest.SpanStub) bool { return s.SpanKind == trace.SpanKindServer }) {
			break
		}
	}
	var httpSpan, opSpan *tracetest.SpanStub
	var cypher []tracetest.SpanStub
	for i, s := range spans {
		switch {
		case s.SpanKind == trace.SpanKindServer:
			httpSpan = &spans[i]
		case s.Name == "query Busy":
			opSpan = &spans[i]
		case s.Name == "neo4j read":
			cypher = append(cypher, s)
		}
		if s.SpanContext.TraceID() != clientTrace {
			t.Errorf("span %q: trace %s, want the client's %s", s.Name, s.SpanContext.TraceID(), clientTrace)
		}
		for _, kv := range s.Attributes {
			if strings.Contains(kv.Value.Emit(), secret) {
				t.Errorf("span %q attribute %s carries the client's value %q", s.Name, kv.Key, secret)
			}
		}
	}
	if httpSpan == nil || opSpan == nil {
		t.Fatalf("spans %v: want an HTTP span and %q", names(spans), "query Busy")
	}
	if got := httpSpan.Parent.SpanID(); got != clientSpan {
		t.Errorf("HTTP span's parent: got %s, want the client's span %s", got, clientSpan)
	}
	if got, want := opSpan.Parent.SpanID(), httpSpan.SpanContext.SpanID(); got != want {
		t.Errorf("operation span's parent: got %s, want the HTTP span %s", got, want)
	}
	wantAttrs := map[attribute.Key]string{"graphql.operation.type": "query", "graphql.operation.name": "Busy",
		"lettergraph.request_id": "req-traced", "lettergraph.outcome": "ok"}
	for k, want := range wantAttrs {
		if got := attr(opSpan.Attributes, k); got != want {
			t.Errorf("operation span %s: got %q, want %q", k, got, want)
		}
	}
	if attr(opSpan.Attributes, "lettergraph.complexity") == "" {
		t.Errorf("operation span: no lettergraph.complexity in %v", opSpan.Attributes)
	}
	if len(cypher) < 2 {
		t.Fatalf("Cypher spans: got %d (%v), want at least 2 (search, letters)", len(cypher), names(spans))
	}
	for _, c := range cypher {
		if got, want := c.Parent.SpanID(), opSpan.SpanContext.SpanID(); got != want {
			t.Errorf("Cypher span's parent: got %s, want the operation's %s", got, want)
		}
		if attr(c.Attributes, "db.system") != "neo4j" || attr(c.Attributes, "db.operation") != "read" ||
			!strings.Contains(attr(c.Attributes, "db.query.text"), "RETURN") {
			t.Errorf("Cypher span attributes: got %v, want db.system neo4j, db.operation read, the statement", c.Attributes)
		}
		if c.SpanKind != trace.SpanKindClient {
			t.Errorf("Cypher span kind: got %v, want client", c.SpanKind)
		}
	}
}

func attr(attrs []attribute.KeyValue, k attribute.Key) string {
	for _, kv := range attrs {
		if kv.Key == k {
			return kv.Value.Emit()
		}
	}
	return ""
}

func names(spans tracetest.SpanStubs) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Name)
	}
	return out
}
