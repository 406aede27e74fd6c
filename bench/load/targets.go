package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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
	peer bool // ask with the peer's request
}

func (t *httpTarget) processID() int { return t.pid }

func (t *httpTarget) do(ctx context.Context, o op, n int64) error {
	req := o.ours
	if t.peer {
		req = o.peer
	}
	_, err := post(ctx, t.url, req.query, req.vars(n))
	return err
}

// post sends one operation and returns its data; an HTTP status other than 200 or a
// GraphQL error is an error.
func post(ctx context.Context, url, query string, vars map[string]any) (json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return nil, err
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("status %d: %.200s", res.StatusCode, raw)
	}
	if len(r.Errors) > 0 {
		return nil, fmt.Errorf("status %d: %s", res.StatusCode, r.Errors[0].Message)
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", res.StatusCode)
	}
	return r.Data, nil
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
// the Cypher it sends: what the raw-driver runs replay.
func record(store *neo4jstore.Store, o op) ([]recorded, error) {
	cfg := config.Config{QueryTimeout: time.Minute, MaxDepth: 15, MaxComplexity: 20000}
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
	_, err := post(context.Background(), srv.URL+"/graphql", o.ours.query, o.ours.vars(0))
	return out, err
}

// warm runs o once on t, so that plans are cached and connections open before timing.
func warm(ctx context.Context, t target, o op) error {
	if _, raw := t.(*rawTarget); raw && o.write {
		return nil
	}
	return t.do(ctx, o, 0)
}

// discover finds on lettergraph the correspondents the operations ask about: the
// busiest person among authors, the correspondent it wrote to most, and five more.
func discover(lg *httpTarget) (ids, error) {
	ctx := context.Background()
	var top struct {
		Statistics struct {
			TopCorrespondents []struct {
				Correspondent struct {
					Typename string `json:"__typename"`
					ID       string
				}
			}
		}
	}
	data, err := post(ctx, lg.url, `{ statistics { topCorrespondents(role: AUTHOR, first: 20) { correspondent { __typename id } } } }`, nil)
	if err == nil {
		err = json.Unmarshal(data, &top)
	}
	if err != nil {
		return ids{}, err
	}
	var id ids
	for _, t := range top.Statistics.TopCorrespondents {
		switch {
		case t.Correspondent.Typename == "Person" && id.A == "":
			id.A = t.Correspondent.ID
		case len(id.Others) < 5:
			id.Others = append(id.Others, t.Correspondent.ID)
		}
	}
	var pairs struct {
		Correspondent struct {
			Correspondents struct {
				Nodes []struct{ Correspondent struct{ ID string } }
			}
		}
	}
	data, err = post(ctx, lg.url, `query ($a: ID!) { correspondent(id: $a) { ... on Person { correspondents(orderBy: WROTE_TO, first: 1) { nodes { correspondent { id } } } } } }`, map[string]any{"a": id.A})
	if err == nil {
		err = json.Unmarshal(data, &pairs)
	}
	if err != nil {
		return ids{}, err
	}
	if id.A == "" || len(pairs.Correspondent.Correspondents.Nodes) == 0 || len(id.Others) < 5 {
		return ids{}, fmt.Errorf("the corpus is too small: no busy person with correspondents")
	}
	id.B = pairs.Correspondent.Correspondents.Nodes[0].Correspondent.ID
	return id, nil
}
