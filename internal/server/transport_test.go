package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/server"
)

func get(tb testing.TB, u string) (int, string) {
	tb.Helper()
	res, err := http.Get(u)
	if err != nil {
		tb.Fatalf("GET %s: %v", u, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestHTTPEndpoints(t *testing.T) {
	a := newAPI(t)
	tests := []struct {
		name       string
		path       string
		wantStatus int
		wantBody   string
	}{
		{"health", "/healthz", http.StatusOK, "ok"},
		{"ready", "/readyz", http.StatusOK, "ready"},
		{"graphiql", "/graphiql", http.StatusOK, "graphiql"},
		{"explorer", "/", http.StatusOK, "<title>lettergraph explorer</title>"},
		{"no page at other paths", "/letters", http.StatusNotFound, "not found"},
		{"query over GET", "/graphql?query=" + url.QueryEscape("{ letters { totalCount } }"), http.StatusOK, `"totalCount":0`},
		{"no mutation over GET", "/graphql?query=" + url.QueryEscape(`mutation { deleteLetter(id: "x") { id } }`), http.StatusNotAcceptable, "only allow query"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := get(t, a.url+tt.path)
			if status != tt.wantStatus || !strings.Contains(strings.ToLower(body), strings.ToLower(tt.wantBody)) {
				t.Errorf("GET %s = %d %q, want %d containing %q", tt.path, status, body, tt.wantStatus, tt.wantBody)
			}
		})
	}
}

func TestGraphiQLOff(t *testing.T) {
	store := neo4jtest.Store(t)
	cfg := testConfig()
	cfg.GraphiQL = false
	srv := httptest.NewServer(server.Handler(cfg, store, store, slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()
	if status, _ := get(t, srv.URL+"/graphiql"); status != http.StatusNotFound {
		t.Errorf("GET /graphiql with GraphiQL off = %d, want 404", status)
	}
}

// TestUnavailableStoreIsMasked closes the store under a running handler: readiness
// fails and queries answer with a code and no driver detail.
func TestUnavailableStoreIsMasked(t *testing.T) {
	cfg := neo4jtest.Config(t)
	logs := &bytes.Buffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	store, err := neo4jstore.Open(context.Background(), cfg, log)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	srv := httptest.NewServer(server.Handler(testConfig(), store, store, log))
	defer srv.Close()
	_ = store.Close(context.Background())

	if status, _ := get(t, srv.URL+"/readyz"); status != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz on a closed store = %d, want 503", status)
	}
	a := &api{url: srv.URL}
	r := a.do(t, `{ letters { totalCount } }`, nil)
	c, e := code(t, r)
	if c != "UNAVAILABLE" && c != "INTERNAL" {
		t.Errorf("code = %q, want UNAVAILABLE or INTERNAL", c)
	}
	if strings.Contains(strings.ToLower(e.Message), "driver") || strings.Contains(e.Message, "closed") {
		t.Errorf("message %q leaks driver detail", e.Message)
	}
	if !strings.Contains(logs.String(), "request_id=") {
		t.Errorf("the failure was not logged with a request id: %s", logs.String())
	}
}

// TestWebsocketTransport checks that /graphql speaks graphql-transport-ws.
func TestWebsocketTransport(t *testing.T) {
	a := newAPI(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(a.url, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer conn.Close(websocket.StatusNormalClosure, "")
	if got := conn.Subprotocol(); got != "graphql-transport-ws" {
		t.Errorf("subprotocol = %q, want graphql-transport-ws", got)
	}
	send := func(v any) {
		b, _ := json.Marshal(v)
		if err := conn.Write(ctx, websocket.MessageText, b); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	read := func() map[string]any {
		for {
			_, b, err := conn.Read(ctx)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var m map[string]any
			_ = json.Unmarshal(b, &m)
			if m["type"] != "ping" && m["type"] != "pong" {
				return m
			}
		}
	}
	send(map[string]any{"type": "connection_init"})
	if m := read(); m["type"] != "connection_ack" {
		t.Fatalf("after connection_init: %v, want connection_ack", m)
	}
	send(map[string]any{"id": "1", "type": "subscribe", "payload": map[string]any{"query": "{ letters { totalCount } }"}})
	if m := read(); m["type"] != "next" || !strings.Contains(mustJSON(m["payload"]), `"totalCount":0`) {
		t.Errorf("query over websocket: %v, want next with totalCount 0", m)
	}
	if m := read(); m["type"] != "complete" {
		t.Errorf("after the result: %v, want complete", m)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
