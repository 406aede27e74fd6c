package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
	"github.com/lettergraph/lettergraph/internal/server"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

func testConfig() config.Config {
	return config.Config{Mode: "development", AnonymousRole: "admin", JWTLeeway: 30 * time.Second, GraphiQL: true, QueryTimeout: 10 * time.Second, ShutdownGrace: time.Second,
		Listen: "127.0.0.1:0", MaxDepth: 15, MaxComplexity: 200000, MaxAliases: 30, MaxTokens: 10000, MaxBodyBytes: 1 << 20, RateClients: 100000, ProxyHops: 1, StreamsPerClient: 8, StreamOps: 16, WSInitTimeout: 10 * time.Second,
		Exports: 4, ExportsPerClient: 1, ExportTimeout: time.Minute, ExportMinRate: 16384}
}

// api is a test server over the real HTTP handler and a real, emptied Neo4j.
type api struct {
	url   string
	store *neo4jstore.Store
	logs  *bytes.Buffer
}

func newAPI(tb testing.TB) *api {
	tb.Helper()
	return newAPIWith(tb, testConfig())
}

// newAPIWith is newAPI with the configuration cfg.
func newAPIWith(tb testing.TB, cfg config.Config) *api {
	tb.Helper()
	store := neo4jtest.Store(tb)
	logs := &bytes.Buffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	srv := httptest.NewServer(server.Handler(cfg, store, store, log))
	tb.Cleanup(srv.Close)
	return &api{url: srv.URL, store: store, logs: logs}
}

type (
	gqlError = servertest.Error
	response = servertest.Response
)

// do posts a GraphQL operation and decodes the response.
func (a *api) do(tb testing.TB, query string, vars map[string]any) response {
	tb.Helper()
	return servertest.Do(tb, a.url, query, vars)
}

// data runs an operation that must succeed and decodes its data into v.
func (a *api) data(tb testing.TB, query string, vars map[string]any, v any) {
	tb.Helper()
	r := a.do(tb, query, vars)
	if len(r.Errors) > 0 {
		tb.Fatalf("errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		tb.Fatalf("data %s: %v", r.Data, err)
	}
}

// code returns the extensions.code of the only error, failing otherwise.
func code(tb testing.TB, r response) (string, gqlError) {
	tb.Helper()
	if len(r.Errors) != 1 {
		tb.Fatalf("errors = %+v, want exactly one", r.Errors)
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c, r.Errors[0]
}

const ccOfLettersToQuery = `
query ($name: String!) {
  correspondents(filter: {name: $name, kinds: [PERSON]}) {
    nodes {
      name
      lettersReceived {
        totalCount
        nodes {
          title
          recipients { as correspondent { name } }
          cc {
            position
            correspondent {
              __typename
              name
              ... on Office { organisation { id name kind } }
              ... on Organisation { acronym kind }
            }
          }
        }
      }
    }
  }
}`

// TestWhoWasCopiedOnLettersToEdiRama is the foundation's acceptance query.
func TestWhoWasCopiedOnLettersToEdiRama(t *testing.T) {
	a := newAPI(t)
	if _, _, err := seed.Load(context.Background(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var got struct {
		Correspondents struct {
			Nodes []struct {
				Name            string
				LettersReceived struct {
					TotalCount int
					Nodes      []struct {
						Title string
						CC    []struct {
							Position      int
							Correspondent struct {
								Typename     string `json:"__typename"`
								Name         string
								Organisation *struct{ ID, Name, Kind string }
							}
						} `json:"cc"`
					}
				}
			}
		}
	}
	a.data(t, ccOfLettersToQuery, map[string]any{"name": "Edi Rama"}, &got)
	if len(got.Correspondents.Nodes) != 1 {
		t.Fatalf("%d persons named Edi Rama, want 1", len(got.Correspondents.Nodes))
	}
	letters := got.Correspondents.Nodes[0].LettersReceived
	if letters.TotalCount != 1 || len(letters.Nodes) != 1 {
		t.Fatalf("letters to Edi Rama: total %d, %d nodes; want 1", letters.TotalCount, len(letters.Nodes))
	}
	letter := letters.Nodes[0]
	var names []string
	orgs := map[string]bool{}
	for i, c := range letter.CC {
		names = append(names, c.Correspondent.Name)
		if c.Position != i+1 {
			t.Errorf("cc[%d].position = %d, want %d", i, c.Position, i+1)
		}
		if c.Correspondent.Typename == "Office" {
			if c.Correspondent.Organisation == nil || c.Correspondent.Organisation.Name != "Albania" {
				t.Errorf("office %q belongs to %+v, want Albania", c.Correspondent.Name, c.Correspondent.Organisation)
				continue
			}
			orgs[c.Correspondent.Organisation.ID] = true
		}
	}
	want := []string{"Minister of Interior", "Foreign Minister", "Association for Supporting Iranians Living in Albania", "The Media"}
	if !slices.Equal(names, want) {
		t.Errorf("cc = %q, want %q", names, want)
	}
	if len(orgs) != 1 {
		t.Errorf("offices copied belong to %d organisations, want 1", len(orgs))
	}

	// The third office, the Prime Minister's, belongs to the same Albania.
	var pm struct {
		Correspondents struct {
			Nodes []struct {
				Holds []struct {
					Office struct {
						Title        string
						Organisation struct{ ID string }
					}
				}
			}
		}
	}
	a.data(t, `{ correspondents(filter: {name: "Edi Rama"}) { nodes { ... on Person { holds { office { title organisation { id } } } } } } }`, nil, &pm)
	h := pm.Correspondents.Nodes[0].Holds
	if len(h) != 1 || h[0].Office.Title != "Prime Minister" || !orgs[h[0].Office.Organisation.ID] {
		t.Errorf("Edi Rama holds %+v, want Prime Minister of the same Albania", h)
	}
}

// TestLettersThatReachedTheAlbanianGovernment is docs/design.md §2's second question.
func TestLettersThatReachedTheAlbanianGovernment(t *testing.T) {
	a := newAPI(t)
	if _, _, err := seed.Load(context.Background(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var org struct {
		Correspondents struct{ Nodes []struct{ ID, Name string } }
	}
	a.data(t, `{ correspondents(filter: {name: "Albania", kinds: [ORGANISATION]}) { nodes { id name } } }`, nil, &org)
	albania := ""
	for _, n := range org.Correspondents.Nodes {
		if n.Name == "Albania" {
			albania = n.ID
		}
	}
	if albania == "" {
		t.Fatalf("no organisation Albania in %+v", org.Correspondents.Nodes)
	}
	var got struct {
		Letters struct {
			TotalCount int
			Nodes      []struct{ Title string }
		}
	}
	a.data(t, `query ($org: ID!) { letters(filter: {organisation: {organisation: $org}}) { totalCount nodes { title } } }`,
		map[string]any{"org": albania}, &got)
	if got.Letters.TotalCount != 1 || got.Letters.Nodes[0].Title != "Letter from the CEO of Nejat Society to the Albania PM" {
		t.Errorf("letters that reached Albania = %+v, want the seed letter", got.Letters)
	}
	a.data(t, `query ($org: ID!) { letters(filter: {organisation: {organisation: $org, through: []}}) { totalCount } }`,
		map[string]any{"org": albania}, &got)
	if got.Letters.TotalCount != 0 {
		t.Errorf("letters to Albania itself = %d, want 0 (the letter reached its offices)", got.Letters.TotalCount)
	}
}

func TestCorrespondenceAndCorrespondents(t *testing.T) {
	a := newAPI(t)
	if _, _, err := seed.Load(context.Background(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var people struct {
		Correspondents struct{ Nodes []struct{ ID, Name string } }
	}
	a.data(t, `{ correspondents(filter: {kinds: [PERSON]}) { nodes { id name } } }`, nil, &people)
	ids := map[string]string{}
	for _, n := range people.Correspondents.Nodes {
		ids[n.Name] = n.ID
	}
	var got struct {
		Correspondence struct {
			AToB, BToA int
			Reciprocal bool
			Letters    struct{ TotalCount int }
		}
		Rama struct {
			Correspondents struct {
				Nodes []struct {
					Correspondent struct{ Name string }
					Letters       int
					ReceivedFrom  int
					LastDate      *string
				}
			}
		}
	}
	a.data(t, `query ($a: ID!, $b: ID!) {
		correspondence(between: $a, and: $b) { aToB bToA reciprocal letters { totalCount } }
		rama: correspondent(id: $b) { ... on Person { correspondents(orderBy: RECEIVED_FROM, first: 2) {
			nodes { correspondent { name } letters receivedFrom lastDate } } } }
	}`, map[string]any{"a": ids["Ebrahim Khodabandeh"], "b": ids["Edi Rama"]}, &got)
	c := got.Correspondence
	if c.AToB != 1 || c.BToA != 0 || c.Reciprocal || c.Letters.TotalCount != 1 {
		t.Errorf("correspondence = %+v, want 1 letter one way, not reciprocal", c)
	}
	nodes := got.Rama.Correspondents.Nodes
	if len(nodes) != 2 || nodes[0].Correspondent.Name != "Ebrahim Khodabandeh" || nodes[0].ReceivedFrom != 1 || nodes[0].LastDate != nil {
		t.Errorf("Edi Rama's correspondents = %+v, want Ebrahim Khodabandeh first (received from, undated)", nodes)
	}
	r := a.do(t, `query ($a: ID!) { correspondence(between: $a, and: $a) { aToB } }`, map[string]any{"a": ids["Edi Rama"]})
	if code, e := code(t, r); code != "BAD_USER_INPUT" || e.Extensions["field"] != "and" {
		t.Errorf("correspondence with oneself: %s %+v", code, e)
	}
}

func TestTimelineAndStatisticsOverHTTP(t *testing.T) {
	a := newAPI(t)
	if _, _, err := seed.Load(context.Background(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var got struct {
		Timeline   struct{ Unplaced int }
		Statistics struct {
			Letters, Stubs, Persons, Organisations, Offices, Places int
			Links                                                   []struct {
				Kind  string
				Count int
			}
			TopCorrespondents []struct {
				Correspondent struct{ Name string }
				Letters       int
			}
		}
	}
	a.data(t, `{ timeline(bucket: YEAR) { unplaced points { period letters } }
		statistics { letters stubs persons organisations offices places links { kind count }
			topCorrespondents(role: CC, first: 2) { correspondent { name } letters } } }`, nil, &got)
	st := got.Statistics
	if got.Timeline.Unplaced != 1 || st.Letters != 4 || st.Stubs != 3 || st.Persons != 2 || st.Offices != 3 || st.Places != 1 {
		t.Errorf("timeline %+v, statistics %+v", got.Timeline, st)
	}
	links := map[string]int{}
	for _, l := range st.Links {
		links[l.Kind] = l.Count
	}
	if links["CC"] != 4 || links["RELATED_TO"] != 3 || links["PART_OF"] != 0 || len(st.Links) != 13 {
		t.Errorf("links = %v", links)
	}
	if len(st.TopCorrespondents) != 2 || st.TopCorrespondents[0].Letters != 1 {
		t.Errorf("top copied = %+v", st.TopCorrespondents)
	}
}

func TestNetworkOverHTTP(t *testing.T) {
	a := newAPI(t)
	if _, _, err := seed.Load(context.Background(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var people struct {
		Correspondents struct{ Nodes []struct{ ID string } }
	}
	a.data(t, `{ correspondents(filter: {name: "Khodabandeh"}) { nodes { id } } }`, nil, &people)
	var got struct {
		Network struct {
			Nodes []struct {
				Depth         int
				Correspondent struct{ Name string }
			}
			Edges []struct {
				Kind   string
				Weight int
			}
			Truncated bool
		}
	}
	var queries atomic.Int64
	neo4jstore.ObserveQueries(func(string, map[string]any, time.Duration) { queries.Add(1) })
	a.data(t, `query ($c: ID!) { network(center: $c, depth: 3) { truncated nodes { depth correspondent { name } } edges { kind weight } } }`,
		map[string]any{"c": people.Correspondents.Nodes[0].ID}, &got)
	neo4jstore.ObserveQueries(nil)
	n := got.Network
	kinds := map[string]int{}
	for _, e := range n.Edges {
		kinds[e.Kind] += e.Weight
	}
	if len(n.Nodes) != 6 || n.Nodes[0].Depth != 0 || kinds["WROTE_TO"] != 1 || kinds["COPIED"] != 4 || n.Truncated {
		t.Errorf("network = %+v, want the author, Edi Rama and the 4 copied; 1 WROTE_TO and 4 COPIED", n)
	}
	if q := queries.Load(); q > int64(domain.MaxNetworkDepth)+1 {
		t.Errorf("network took %d queries, want at most %d (a level each, then the edges)", q, domain.MaxNetworkDepth+1)
	}
	r := a.do(t, `query ($c: ID!) { network(center: $c, depth: 4) { truncated } }`, map[string]any{"c": people.Correspondents.Nodes[0].ID})
	if c, e := code(t, r); c != "LIMIT_EXCEEDED" || e.Extensions["field"] != "depth" {
		t.Errorf("depth 4: %s %+v", c, e)
	}
}

func TestPathsOverHTTP(t *testing.T) {
	a := newAPI(t)
	if _, _, err := seed.Load(context.Background(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var people struct {
		Author, Media struct{ Nodes []struct{ ID string } }
	}
	a.data(t, `{ author: correspondents(filter: {name: "Khodabandeh"}) { nodes { id } }
		media: correspondents(filter: {name: "The Media"}) { nodes { id } } }`, nil, &people)
	var got struct {
		Paths []struct {
			Hops []struct {
				FromRole, ToRole string
				Letter           struct{ Title string }
				To               struct{ Name string }
			}
		}
	}
	a.data(t, `query ($a: ID!, $b: ID!) { paths(from: $a, to: $b) { hops { fromRole toRole letter { title } to { name } } } }`,
		map[string]any{"a": people.Author.Nodes[0].ID, "b": people.Media.Nodes[0].ID}, &got)
	if len(got.Paths) != 1 || len(got.Paths[0].Hops) != 1 {
		t.Fatalf("paths = %+v, want one hop", got.Paths)
	}
	h := got.Paths[0].Hops[0]
	if h.FromRole != "AUTHOR" || h.ToRole != "CC" || h.To.Name != "The Media" || !strings.HasPrefix(h.Letter.Title, "Letter from the CEO") {
		t.Errorf("hop = %+v, want the author copying The Media in the seed letter", h)
	}
}

// TestLetterPartsThroughFragments checks that the parts of letters a page reads are
// those its selection asks for, whether directly or through fragments, so that the
// cc asked for through ... on Node arrives, and that a part left out of the page but
// asked for elsewhere (here by a second alias) still comes, loaded apart.
func TestLetterPartsThroughFragments(t *testing.T) {
	a := newAPI(t)
	if _, _, err := seed.Load(context.Background(), a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	var got struct {
		Letters struct {
			Nodes []struct {
				Title string
				CC    []struct{ Correspondent struct{ Name string } } `json:"cc"`
			}
		}
		Again struct {
			Edges []struct {
				Node struct {
					Body    *string
					Authors []struct{ Correspondent struct{ Name string } }
				}
			}
		}
	}
	a.data(t, `fragment CC on Node { ... on Letter { cc { correspondent { name } } } }
		{ letters(first: 5) { nodes { title ...CC } }
		  again: letters(first: 5) { edges { node { body authors { correspondent { name } } } } } }`, nil, &got)
	if len(got.Letters.Nodes) != 1 || len(got.Letters.Nodes[0].CC) != 4 {
		t.Fatalf("letters = %+v, want the seed letter with its 4 cc", got.Letters)
	}
	n := got.Again.Edges[0].Node
	if n.Body == nil || !strings.Contains(*n.Body, "Mojahedin") || len(n.Authors) != 1 {
		t.Errorf("again = %+v, want the body and the one author", n)
	}
}
