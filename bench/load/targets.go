package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/server"
)

// target answers operations: a GraphQL server over HTTP, or the bare driver.
type target interface {
	do(ctx context.Context, o op, n int64) error
	processID() int // the process whose memory to watch, 0 for none
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128}, Timeout: 2 * time.Minute}

// httpTarget is a GraphQL server.
type httpTarget struct {
	name string
	url  string
	pid  int
	peer bool   // ask with the peer's request
	form string // the peer's form to ask (namedRequest.name)
}

func (t *httpTarget) processID() int { return t.pid }

func (t *httpTarget) do(ctx context.Context, o op, n int64) error {
	req := o.ours
	if t.peer {
		var ok bool
		if req, ok = o.peerForm(t.form); !ok {
			return fmt.Errorf("%s has no peer form %q", o.name, t.form)
		}
	}
	_, err := gql.Post(ctx, client, t.url, req.query, req.vars(n))
	return err
}

// recorded is one Cypher query lettergraph sent, with its parameters.
type recorded struct {
	cypher string
	params map[string]any
}

// rawTarget replays, through neo4j-go-driver alone, the queries lettergraph sends for
// each read: each in a read transaction, every record read, as the store does.
type rawTarget struct {
	driver  neo4j.DriverWithContext
	queries map[string][]recorded
}

func (t *rawTarget) processID() int { return 0 }

func (t *rawTarget) do(ctx context.Context, o op, _ int64) error {
	s := t.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer s.Close(ctx)
	for _, q := range t.queries[o.name] {
		_, err := s.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, q.cypher, q.params)
			if err != nil {
				return nil, err
			}
			return res.Collect(ctx)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// record runs o once through lettergraph's own handler, in this process, and keeps
// the Cypher it sends: what the raw-driver runs replay. The handler has the server
// under test's configuration (the same environment: its ANONYMOUS_ROLE and
// RESTRICTED_ROLE decide which relationship types a query reads), less its rate
// limit; verifyReplay checks the outcome against the server itself.
func record(store *neo4jstore.Store, o op) ([]recorded, error) {
	cfg := config.FromEnvironment()
	cfg.QueryTimeout, cfg.RateLimit = time.Minute, 0
	srv := httptest.NewServer(server.Handler(cfg, store, store, slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()
	var mu sync.Mutex
	var out []recorded
	neo4jstore.ObserveQueries(func(cypher string, params map[string]any, _ time.Duration) {
		mu.Lock()
		defer mu.Unlock()
		out = append(out, recorded{cypher, params})
	})
	defer neo4jstore.ObserveQueries(nil)
	_, err := gql.Post(context.Background(), client, srv.URL+"/graphql", o.ours.query, o.ours.vars(0))
	return out, err
}

// answers reports whether t runs o: the raw driver replays reads only, and a peer
// target asks the operations that have its form.
func answers(t target, o op) bool {
	switch t := t.(type) {
	case *rawTarget:
		return !o.write
	case *httpTarget:
		if t.peer {
			_, ok := o.peerForm(t.form)
			return ok
		}
	}
	return true
}

// warm runs o once on t, so that plans are cached and connections open before timing.
func warm(ctx context.Context, t target, o op) error {
	if !answers(t, o) {
		return nil
	}
	return t.do(ctx, o, 0)
}
