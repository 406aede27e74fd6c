package server_test

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/graph"
	"github.com/lettergraph/lettergraph/internal/gen"
	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

// queryCountCases are operations and the Cypher round trips each may cost: a number
// bounded by the operation's nesting, the same whatever the size of its results.
var queryCountCases = []struct {
	name  string
	query string
	max   int
}{
	{"a page of letters with authors, recipients and cc",
		`{ letters(first: 50) { nodes { title authors { correspondent { name } } recipients { correspondent { name } } cc { correspondent { name } } } } }`, 1},
	{"a page of letters with its total",
		`{ letters(first: 50) { totalCount nodes { title } } }`, 2},
	{"correspondents with their letters",
		`{ correspondents(first: 50) { nodes { name lettersWritten(first: 5) { nodes { title cc { correspondent { name } } } } lettersReceived(first: 5) { nodes { title } } } } }`, 3},
	{"a correspondent with its letters and correspondents",
		`{ correspondents(first: 1, filter: {kinds: [PERSON]}) { nodes { ... on Person { correspondents(first: 20) { nodes { correspondent { name } letters wroteTo } } lettersWritten(first: 20) { nodes { title } } } } } }`, 3},
	{"people with their offices and affiliations",
		`{ correspondents(first: 50, filter: {kinds: [PERSON]}) { nodes { ... on Person { holds { office { title organisation { name } } } memberships { role organisation { name } } } } } }`, 3},
	{"letters with the letters they reply to, and those letters' authors",
		`{ letters(first: 50) { nodes { repliesTo { title authors { correspondent { name } } } } } }`, 2},
	{"organisations with their offices and parts",
		`{ correspondents(first: 50, filter: {kinds: [ORGANISATION]}) { nodes { ... on Organisation { offices { title } parts { name } partOf { name } } } } }`, 2},
	{"one correspondent with its letters and correspondents",
		`query ($a: ID!) { correspondent(id: $a) { name ... on Person { lettersWritten(first: 20) { nodes { title cc { correspondent { name } } } } lettersReceived(first: 20) { nodes { title } } correspondents(first: 20) { nodes { correspondent { name } letters wroteTo } } } } }`, 1},
	{"the correspondence between two, with its letters",
		`query ($a: ID!, $b: ID!) { correspondence(between: $a, and: $b) { aToB bToA reciprocal letters(first: 20) { nodes { title authors { correspondent { name } } } } } }`, 1},
	{"a network",
		`query ($a: ID!) { network(center: $a, depth: 2, limit: 100) { truncated nodes { depth correspondent { name } } edges { kind weight } } }`, 1},
	{"paths",
		`query ($a: ID!, $b: ID!) { paths(from: $b, to: $a, maxHops: 4, first: 5) { hops { fromRole toRole letter { title } } } }`, 1},
	{"a timeline and statistics",
		`{ timeline(bucket: MONTH) { unplaced } statistics { letters topCorrespondents(first: 5) { letters } } }`, 3},
	// The other operations of docs/exploration.md, as bench/explore asks them.
	{"a later page of letters with parties, by cursor",
		`query ($c: String) { letters(first: 50, after: $c) { nodes { title authors { correspondent { name } } recipients { correspondent { name } } cc { correspondent { name } } } } }`, 1},
	{"search",
		`{ search(text: "museum budget", first: 20) { score excerpt } }`, 1},
	{"letters filtered by text and date",
		`{ letters(first: 20, filter: {text: "budget", dateFrom: "1980-01-01", dateTo: "1989-12-31"}) { totalCount nodes { title } } }`, 2},
	{"timeline by month",
		`{ timeline(bucket: MONTH) { unplaced points { letters } } }`, 1},
	{"statistics",
		`{ statistics { letters persons links { count } topCorrespondents(first: 10) { letters } } }`, 2},
}

// TestQueryCountsDoNotGrowWithResults runs each operation on a small and a larger
// corpus and counts the Cypher queries it sends.
func TestQueryCountsDoNotGrowWithResults(t *testing.T) {
	a := newAPI(t)
	var count atomic.Int64
	neo4jstore.ObserveQueries(func(string, map[string]any, time.Duration) { count.Add(1) })
	defer neo4jstore.ObserveQueries(nil)

	counts := map[string][]int64{}
	for _, letters := range []int{20, 300} {
		neo4jtest.Wipe(t)
		var corpus bytes.Buffer
		if err := gen.WriteNDJSON(&corpus, gen.Config{Letters: letters, Seed: 5}); err != nil {
			t.Fatalf("gen: %v", err)
		}
		im := &ingest.Importer{Writer: a.store}
		if _, err := im.Import(context.Background(), []ingest.Source{ingest.StringSource("corpus", corpus.String())}); err != nil {
			t.Fatalf("import: %v", err)
		}
		vars := busiestPair(t, a)
		var first struct {
			Letters struct{ PageInfo struct{ EndCursor string } }
		}
		a.data(t, `{ letters(first: 10) { pageInfo { endCursor } } }`, nil, &first)
		vars["c"] = first.Letters.PageInfo.EndCursor
		for _, tc := range queryCountCases {
			count.Store(0)
			alone := graph.PlanFallbacks()
			a.data(t, tc.query, vars, &struct{}{})
			counts[tc.name] = append(counts[tc.name], count.Load())
			if n := graph.PlanFallbacks() - alone; n > 0 {
				t.Errorf("%s: %d fields read alone, outside the plan; want none", tc.name, n)
			}
		}
	}
	for _, tc := range queryCountCases {
		c := counts[tc.name]
		if c[0] != c[1] || c[1] > int64(tc.max) {
			t.Errorf("%s: %d queries on 20 letters, %d on 300; want the same, at most %d", tc.name, c[0], c[1], tc.max)
		}
	}
}

// busiestPair returns, as variables a and b, the busiest author and the correspondent
// it wrote to most.
func busiestPair(tb testing.TB, a *api) map[string]any {
	tb.Helper()
	var top struct {
		Statistics struct {
			TopCorrespondents []struct{ Correspondent struct{ ID string } }
		}
	}
	a.data(tb, `{ statistics { topCorrespondents(role: AUTHOR, first: 1) { correspondent { id } } } }`, nil, &top)
	id := top.Statistics.TopCorrespondents[0].Correspondent.ID
	var pairs struct {
		Correspondent struct {
			Correspondents struct {
				Nodes []struct{ Correspondent struct{ ID string } }
			}
		}
	}
	a.data(tb, `query ($a: ID!) { correspondent(id: $a) { ... on Person { correspondents(orderBy: WROTE_TO, first: 1) { nodes { correspondent { id } } } } } }`,
		map[string]any{"a": id}, &pairs)
	return map[string]any{"a": id, "b": pairs.Correspondent.Correspondents.Nodes[0].Correspondent.ID}
}

// TestSubscriptionEventsFollowThePlan: the fields below each event's letter find
// their values in the plan run for that event (graph/live.go), none read one
// object at a time.
func TestSubscriptionEventsFollowThePlan(t *testing.T) {
	a := newAPI(t)
	sub := servertest.Subscribe(t, a.url, servertest.WS, `subscription { letterAdded { title authors { correspondent { name
		... on Person { holds { office { title } } memberships { role organisation { members { person { name } } } } } } } } }`, nil)
	n := 0
	probe := func() {
		n++
		a.data(t, `mutation ($t: String!) { createLetter(input: {title: $t}) { created } }`, map[string]any{"t": "probe " + strings.Repeat("i", n)}, &struct{}{})
	}
	sub.Await(t, probe, 10*time.Second)
	alone := graph.PlanFallbacks()
	a.data(t, `mutation { createLetter(input: {title: "Three authors", authors: [
		{person: {name: "Ann One"}, memberOf: {organisation: {name: "Guild"}, role: "clerk"}},
		{person: {name: "Ben Two"}, memberOf: {organisation: {name: "Guild"}}}, {person: {name: "Cy Three"}}]}) { created } }`, nil, &struct{}{})
	for {
		r, ok := sub.Next(10 * time.Second)
		if !ok {
			t.Fatal("no event for the letter")
		}
		if s := string(r.Data); strings.Contains(s, "Three authors") {
			if !strings.Contains(s, `"role":"clerk"`) || !strings.Contains(s, "Ben Two") {
				t.Errorf("event lacks the authors' memberships: %s", s)
			}
			break
		}
	}
	if n := graph.PlanFallbacks() - alone; n > 0 {
		t.Errorf("%d fields of the event read alone, outside the plan; want none", n)
	}
}
