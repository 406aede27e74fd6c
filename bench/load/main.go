// Command load is the benchmarks' load generator. It drives lettergraph and its peer
// (the same model served by @neo4j/graphql over the same Neo4j) with the same logical
// operations over loopback, and replays the Cypher lettergraph sends for each read
// straight through neo4j-go-driver: the database's own speed, the limit. Runs of the
// three are interleaved, round after round, so that the machine's drift falls on all
// alike. It prints one table of throughput, p50, p99, errors and the API process's
// peak memory, and one of the ratios.
//
//	go run ./bench/load -lettergraph http://127.0.0.1:8080 -lettergraph-pid 123 \
//	    -peer http://127.0.0.1:4000 -peer-pid 456 -neo4j bolt://127.0.0.1:7687
//
// bench/run.sh starts everything and runs it; see bench/README.md.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
)

func main() {
	lgURL := flag.String("lettergraph", "http://127.0.0.1:8080", "lettergraph's base URL")
	lgPID := flag.Int("lettergraph-pid", 0, "lettergraph's process id, for its memory (0: not measured)")
	peerURL := flag.String("peer", "http://127.0.0.1:4000", "the peer's base URL; empty to leave it out")
	peerPID := flag.Int("peer-pid", 0, "the peer's process id, for its memory")
	neo4jURI := flag.String("neo4j", "bolt://127.0.0.1:7687", "Neo4j, for the raw-driver runs")
	user := flag.String("neo4j-user", "", "Neo4j user; empty for no authentication")
	password := flag.String("neo4j-password", "", "Neo4j password")
	duration := flag.Duration("duration", 5*time.Second, "length of one run")
	conc := flag.String("concurrency", "1,32", "concurrency levels, comma-separated")
	rounds := flag.Int("rounds", 2, "rounds; each runs every operation on every target once per level")
	only := flag.String("ops", "", "run only the operations whose names start with one of these letters (e.g. abc)")
	label := flag.String("label", "", "a heading for the tables, such as the corpus size")
	imports := flag.Int("import", 0, "after the reads, import this many generated letters with lettergraph and raw UNWIND and print the rates (0: no import)")
	peerImports := flag.Int("import-peer", 10000, "letters the peer imports with its bulk mutation")
	importSeed := flag.Uint64("import-seed", 1001, "seed of lettergraph's import corpus; raw UNWIND's is the next, the peer's the one after")
	show := flag.Bool("show", false, "print the Cypher and parameters lettergraph sends for each read, as the raw driver replays them, and stop")
	otlpListen := flag.String("otlp-listen", "", "receive lettergraph's traces (OTLP/HTTP) here, and stop unless the Cypher the server runs for each read is the Cypher the raw driver replays (bench/run.sh sets it)")
	flag.Parse()
	var traces *collector
	if *otlpListen != "" {
		c, err := startCollector(*otlpListen)
		if err != nil {
			log.Fatalf("-otlp-listen: %v", err)
		}
		traces = c
	}
	// The tool imports and reads as an operator: restricted letters and blind copies too.
	ctx := domain.WithRestricted(context.Background(), true)

	var levels []int
	for _, s := range strings.Split(*conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			log.Fatalf("-concurrency: %q is not a positive number", s)
		}
		levels = append(levels, n)
	}
	lg := &httpTarget{name: "lettergraph", url: *lgURL + "/graphql", pid: *lgPID}
	id, err := gql.Busiest(ctx, client, lg.url)
	if err != nil {
		log.Fatalf("finding correspondents to ask about: %v", err)
	}
	auth := neo4j.NoAuth()
	if *user != "" {
		auth = neo4j.BasicAuth(*user, *password, "")
	}
	driver, err := neo4j.NewDriverWithContext(*neo4jURI, auth, func(c *neo4j.Config) { c.MaxConnectionPoolSize = 64 })
	if err != nil {
		log.Fatal(err)
	}
	defer driver.Close(ctx)
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: *neo4jURI, User: *user, Password: *password, QueryTimeout: time.Minute},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		log.Fatal(err)
	}
	defer store.Close(ctx)

	var ops []op
	for _, o := range operations(id) {
		if *only == "" || strings.ContainsRune(*only, rune(o.name[0])) {
			ops = append(ops, o)
		}
	}
	targets := map[string]target{"lettergraph": lg}
	names := []string{"lettergraph"}
	if *peerURL != "" {
		for _, form := range peerForms(ops) { // a target for each form: its own rows
			name := peerTarget(form)
			targets[name] = &httpTarget{name: name, url: *peerURL + "/", pid: *peerPID, peer: true, form: form}
			names = append(names, name)
		}
	}
	raw := &rawTarget{driver: driver, queries: map[string][]recorded{}}
	for _, o := range ops {
		if o.write {
			continue
		}
		q, err := record(store, o)
		if err != nil {
			log.Fatalf("recording %s: %v", o.name, err)
		}
		raw.queries[o.name] = q
		if *show {
			for _, r := range q {
				params, _ := json.Marshal(r.params)
				fmt.Printf("-- %s\n%s\n-- parameters: %s\n\n", o.name, r.cypher, params)
			}
		}
	}
	if *show {
		return
	}
	if traces != nil {
		if err := verifyReplay(ctx, traces, lg.url, ops, raw.queries); err != nil {
			// On standard output: bench/run.sh keeps only that.
			fmt.Printf("The run stops: %v\n", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "the raw driver replays the Cypher the server under test runs, for each read\n")
	}
	targets["raw driver"] = raw
	names = append(names, "raw driver")
	for _, name := range names { // every target answers every operation before timing
		for _, o := range ops {
			if err := warm(ctx, targets[name], o); err != nil {
				log.Fatalf("%s, %s: %v", name, o.name, err)
			}
		}
	}

	results := map[cellKey]*cell{}
	for r := 0; r < *rounds; r++ {
		for _, o := range ops {
			for _, c := range levels {
				for _, name := range names {
					if !answers(targets[name], o) {
						continue
					}
					k := cellKey{o.name, c, name}
					if results[k] == nil {
						results[k] = &cell{}
					}
					fmt.Fprintf(os.Stderr, "round %d: %s, concurrency %d, %s\n", r+1, o.name, c, name)
					results[k].add(run(ctx, targets[name], o, c, *duration))
				}
			}
		}
	}
	report(os.Stdout, *label, ops, levels, names, results)
	if *imports > 0 {
		fmt.Println()
		peer := ""
		if *peerURL != "" {
			peer = *peerURL + "/"
		}
		if err := importRates(ctx, os.Stdout, store, driver, peer, *imports, *peerImports, *importSeed); err != nil {
			log.Fatalf("import: %v", err)
		}
	}
}
