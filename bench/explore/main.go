// Command explore measures the exploration queries: on a local Neo4j holding a
// generated corpus (imported first when the database has no letters), it runs each
// operation through the real HTTP handler, in process, and prints for each the median
// and p99 latency and the Cypher round trips it took.
//
//	go run ./bench/explore -letters 100000 -runs 50
//
// NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD say where Neo4j is; scripts/bench-explore.sh
// starts a throwaway one and runs this against it.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
	"github.com/lettergraph/lettergraph/bench/internal/stats"
	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/gen"
	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/server"
	"github.com/lettergraph/lettergraph/internal/telemetry"
)

func main() {
	letters := flag.Int("letters", 100000, "letters to generate when the database is empty")
	runs := flag.Int("runs", 50, "runs of each operation")
	show := flag.Bool("show", false, "print the Cypher and parameters each operation sends, once")
	flag.Parse()
	// The tool imports and reads as an operator: restricted letters and blind copies too.
	ctx := domain.WithRestricted(context.Background(), true)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	// Metrics and traces as `lettergraph serve` has them: METRICS (default on),
	// OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT (default none).
	cfg := config.FromEnvironment()
	tel, err := telemetry.New(ctx, telemetry.Options{Metrics: cfg.Metrics, OTLPEndpoint: cfg.OTLPEndpoint})
	if err != nil {
		log.Fatal(err)
	}
	defer tel.Shutdown(context.Background())
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: env("NEO4J_URI", "bolt://127.0.0.1:7687"),
		User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD"), QueryTimeout: 10 * time.Minute,
		Metrics: tel.Store(), Tracer: tel.Tracer()}, quiet)
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close(ctx)
	if err := store.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	if n, err := store.CountLetters(ctx, domain.LetterFilter{IncludeStubs: true}); err != nil {
		log.Fatal(err)
	} else if n == 0 {
		start := time.Now()
		var corpus bytes.Buffer
		if err := gen.WriteNDJSON(&corpus, gen.Config{Letters: *letters, Seed: 1}); err != nil {
			log.Fatal(err)
		}
		im := &ingest.Importer{Writer: store}
		if _, err := im.Import(ctx, []ingest.Source{ingest.StringSource("corpus", corpus.String())}); err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "imported %d letters in %.0fs\n", *letters, time.Since(start).Seconds())
	}

	cfg.QueryTimeout, cfg.RateLimit, cfg.AnonymousRole = 30*time.Second, 0, "reader"
	srv := httptest.NewServer(server.Handler(cfg, store, store, quiet, server.WithTelemetry(tel)))
	defer srv.Close()
	var queries atomic.Int64
	var showing atomic.Bool
	neo4jstore.ObserveQueries(func(cypher string, params map[string]any, _ time.Duration) {
		queries.Add(1)
		if showing.Load() {
			p, _ := json.Marshal(params)
			fmt.Fprintf(os.Stderr, "%s\n-- params: %s\n\n", cypher, p)
		}
	})

	// Ids to ask about: the busiest person among authors and the correspondent it
	// wrote to most.
	who, err := gql.Busiest(ctx, http.DefaultClient, srv.URL+"/graphql")
	if err != nil {
		log.Fatal(err)
	}
	a, b := who.A, who.B
	// Someone the busiest cannot reach: the author of a letter between two people
	// of its own (written once; a second run finds it by its external id).
	res, err := store.ImportLetters(ctx, []domain.LetterInput{{Title: "A letter apart", ExternalID: "bench-explore-isolated",
		Authors:    []domain.PartyInput{{Person: &domain.PersonInput{Name: "Ida Apart"}}},
		Recipients: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Una Apart"}}}}})
	if err == nil && res[0].Err != nil {
		err = res[0].Err
	}
	if err != nil {
		log.Fatal(err)
	}
	apart, err := store.Letter(ctx, res[0].LetterID)
	if err != nil || len(apart.Authors) == 0 {
		log.Fatalf("the letter apart: %v", err)
	}
	vars := map[string]any{"a": a, "b": b, "isolated": apart.Authors[0].Correspondent.NodeID(), "hub2": who.Others[0]}

	ops := []struct{ name, query string }{
		{"page of 50 letters with parties", `{ letters(first: 50) { nodes { title authors { correspondent { name } } recipients { correspondent { name } } cc { correspondent { name } } } } }`},
		{"page 1,000 of the same (cursor)", ""},
		{"correspondent with 20 letters and 20 correspondents", `query ($a: ID!) { correspondent(id: $a) { name ... on Person { lettersWritten(first: 20) { nodes { title } } lettersReceived(first: 20) { nodes { title } } correspondents(first: 20) { nodes { correspondent { name } letters wroteTo } } } } }`},
		{"correspondents list with their letters", `{ correspondents(first: 50) { nodes { name lettersWritten(first: 5) { nodes { title } } } } }`},
		{"correspondence between two", `query ($a: ID!, $b: ID!) { correspondence(between: $a, and: $b) { aToB bToA reciprocal letters(first: 20) { nodes { title } } } }`},
		{"network depth 2, 100 nodes", `query ($a: ID!) { network(center: $a, depth: 2, limit: 100) { truncated nodes { depth } edges { weight } } }`},
		{"paths, up to 4 hops", `query ($a: ID!, $b: ID!) { paths(from: $b, to: $a, maxHops: 4, first: 5) { hops { letter { title } } } }`},
		{"paths, the busiest to someone it cannot reach", `query ($a: ID!, $isolated: ID!) { paths(from: $a, to: $isolated, maxHops: 4, first: 5) { hops { letter { title } } } }`},
		{"paths, the two busiest authors, 4 hops", `query ($a: ID!, $hub2: ID!) { paths(from: $a, to: $hub2, maxHops: 4, first: 5) { hops { letter { title } } } }`},
		{"search", `{ search(text: "museum budget", first: 20) { score excerpt } }`},
		{"letters filtered by text and date", `{ letters(first: 20, filter: {text: "budget", dateFrom: "1980-01-01", dateTo: "1989-12-31"}) { totalCount nodes { title } } }`},
		{"timeline by month", `{ timeline(bucket: MONTH) { unplaced points { letters } } }`},
		{"statistics", `{ statistics { letters persons links { count } topCorrespondents(first: 10) { letters } } }`},
	}
	// Page 1,000 of letters: walk to it once, then measure its query.
	cursor := ""
	for page := 1; page < 1000; page++ {
		var p struct {
			Letters struct{ PageInfo struct{ EndCursor string } }
		}
		post(srv.URL, `query ($c: String) { letters(first: 50, after: $c) { pageInfo { endCursor } } }`, map[string]any{"c": nilIfEmpty(cursor)}, &p)
		if p.Letters.PageInfo.EndCursor == "" {
			break
		}
		cursor = p.Letters.PageInfo.EndCursor
	}
	ops[1].query = `query ($c: String) { letters(first: 50, after: $c) { nodes { title authors { correspondent { name } } recipients { correspondent { name } } cc { correspondent { name } } } } }`
	vars["c"] = cursor

	tw := tabwriter.NewWriter(os.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\tmedian ms\tp99 ms\tCypher round trips\t")
	for _, op := range ops {
		var took []time.Duration
		var trips int64
		if *show {
			fmt.Fprintf(os.Stderr, "== %s\n", op.name)
			showing.Store(true)
			post(srv.URL, op.query, vars, &struct{}{})
			showing.Store(false)
		}
		for i := 0; i < *runs+3; i++ {
			queries.Store(0)
			start := time.Now()
			post(srv.URL, op.query, vars, &struct{}{})
			if i >= 3 { // the first runs warm the plan cache
				took = append(took, time.Since(start))
				trips = queries.Load()
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t\n", op.name, stats.Ms(stats.Quantile(took, 0.5)), stats.Ms(stats.Quantile(took, 0.99)), trips)
	}
	tw.Flush()
}

// post runs an operation that must succeed and decodes its data into out.
func post(url, query string, vars map[string]any, out any) {
	data, err := gql.Post(context.Background(), http.DefaultClient, url+"/graphql", query, vars)
	if err != nil {
		log.Fatalf("%s: %v", query, err)
	}
	if err := json.Unmarshal(data, out); err != nil {
		log.Fatal(err)
	}
}

func env(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
