package main

import (
	"compress/gzip"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	"google.golang.org/protobuf/proto"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
)

// The raw-driver limit is honest only if it replays what the server under test
// sends. The replay is recorded in this process, through lettergraph's own handler
// with the server's configuration (its role among it); this check asks the server
// under test itself. bench/run.sh starts it with tracing that samples nothing
// (OTEL_TRACES_SAMPLER=parentbased_always_off) and exports to collector: a request
// carrying a sampled traceparent is traced, with each Cypher statement on its query
// span (db.query.text), and nothing else is. Each read is sent once so; its
// statements must be the recorded ones, or the run stops.

// collector is a minimal OTLP/HTTP trace receiver (protobuf): it keeps the Cypher
// statements of the spans it is sent, by trace.
type collector struct {
	mu      sync.Mutex
	byTrace map[string][]string
	addr    string
}

func startCollector(addr string) (*collector, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &collector{byTrace: map[string][]string{}, addr: l.Addr().String()}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/traces", c.receive)
	go func() { _ = http.Serve(l, mux) }()
	return c, nil
}

func (c *collector) receive(w http.ResponseWriter, r *http.Request) {
	var body io.Reader = r.Body
	if r.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		body = zr
	}
	raw, err := io.ReadAll(body)
	var req coltracepb.ExportTraceServiceRequest
	if err == nil {
		err = proto.Unmarshal(raw, &req)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	c.mu.Lock()
	for _, rs := range req.GetResourceSpans() {
		for _, ss := range rs.GetScopeSpans() {
			for _, sp := range ss.GetSpans() {
				for _, a := range sp.GetAttributes() {
					if a.GetKey() == "db.query.text" {
						id := hex.EncodeToString(sp.GetTraceId())
						c.byTrace[id] = append(c.byTrace[id], a.GetValue().GetStringValue())
					}
				}
			}
		}
	}
	c.mu.Unlock()
	out, _ := proto.Marshal(&coltracepb.ExportTraceServiceResponse{})
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(out)
}

// statements waits until trace id has at least want statements (or a few seconds
// have passed), then a moment more for stragglers, and returns them.
func (c *collector) statements(id string, want int) []string {
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		c.mu.Lock()
		n := len(c.byTrace[id])
		c.mu.Unlock()
		if n >= want {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond) // an export after the one that reached want
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.byTrace[id]...)
}

// verifyReplay sends each read once to the server under test, traced, and compares
// the Cypher it ran with the Cypher recorded for the raw driver.
func verifyReplay(ctx context.Context, c *collector, url string, ops []op, recordedBy map[string][]recorded) error {
	for _, o := range ops {
		if o.write {
			continue
		}
		traceID, spanID := randomHex(16), randomHex(8)
		h := http.Header{"Traceparent": {fmt.Sprintf("00-%s-%s-01", traceID, spanID)}}
		if _, err := gql.PostWith(ctx, client, url, o.ours.query, o.ours.vars(0), h); err != nil {
			return fmt.Errorf("%s: %w", o.name, err)
		}
		recs := recordedBy[o.name]
		if err := sameStatements(c.statements(traceID, len(recs)), recs); err != nil {
			return fmt.Errorf("%s: the raw driver would not replay what the server under test runs: %w", o.name, err)
		}
	}
	return nil
}

// sameStatements compares, as multisets, the statements a trace holds with the
// recorded queries: queries of one request may run concurrently, so their order is
// not fixed. A traced statement over 4 KiB is cut and ends in "…".
func sameStatements(traced []string, recs []recorded) error {
	left := make([]string, len(recs))
	for i, r := range recs {
		left[i] = r.cypher
	}
	var extra []string
	for _, t := range traced {
		prefix, cut := strings.CutSuffix(t, "…")
		found := -1
		for i, r := range left {
			if r == t || (cut && strings.HasPrefix(r, prefix)) {
				found = i
				break
			}
		}
		if found < 0 {
			extra = append(extra, t)
			continue
		}
		left = append(left[:found], left[found+1:]...)
	}
	if len(extra) == 0 && len(left) == 0 {
		return nil
	}
	sort.Strings(extra)
	sort.Strings(left)
	return fmt.Errorf("%d statement(s) run but not recorded %q, %d recorded but not run %q", len(extra), clip(extra), len(left), clip(left))
}

func clip(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		if len(s) > 300 {
			s = s[:300] + "…"
		}
		out[i] = strings.Join(strings.Fields(s), " ")
	}
	return out
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
