// Command profile runs one Cypher statement with PROFILE on the Neo4j at NEO4J_URI
// and prints its plan: each operator with its details, rows and database hits, and
// the time the statement took. It is the tool for finding out why a query is slow.
//
//	go run ./bench/profile -params '{"limit": 51}' 'MATCH (l:Letter) RETURN l LIMIT $limit'
//	go run ./bench/profile -params @params.json @query.cypher
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	params := flag.String("params", "{}", "parameters, as a JSON object, or @FILE to read them from a file")
	runs := flag.Int("runs", 3, "runs; the plan and time of the last are printed (the first plans)")
	plain := flag.Bool("plain", false, "run without PROFILE, for the time alone (median of the runs)")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: profile [-params JSON] [-runs N] CYPHER")
	}
	cypher := flag.Arg(0)
	if name, ok := strings.CutPrefix(cypher, "@"); ok {
		b, err := os.ReadFile(name)
		if err != nil {
			log.Fatal(err)
		}
		cypher = string(b)
	}
	if name, ok := strings.CutPrefix(*params, "@"); ok {
		b, err := os.ReadFile(name)
		if err != nil {
			log.Fatalf("-params: %v", err)
		}
		*params = string(b)
	}
	var p map[string]any
	dec := json.NewDecoder(strings.NewReader(*params))
	dec.UseNumber()
	if err := dec.Decode(&p); err != nil {
		log.Fatalf("-params: %v", err)
	}
	for k, v := range p { // whole numbers are integers, as LIMIT needs
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				p[k] = i
			} else if f, err := n.Float64(); err == nil {
				p[k] = f
			}
		}
	}
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		uri = "bolt://127.0.0.1:7687"
	}
	auth := neo4j.NoAuth()
	if u := os.Getenv("NEO4J_USER"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
	}
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		log.Fatal(err)
	}
	defer driver.Close(ctx)
	prefix := "PROFILE "
	if *plain {
		prefix = ""
	}
	var summary neo4j.ResultSummary
	var took []time.Duration
	for range *runs {
		start := time.Now()
		res, err := neo4j.ExecuteQuery(ctx, driver, prefix+cypher, p, neo4j.EagerResultTransformer)
		if err != nil {
			log.Fatal(err)
		}
		took, summary = append(took, time.Since(start)), res.Summary
	}
	if !*plain {
		print(summary.Profile(), 0)
		fmt.Printf("time of the last run: %.1f ms\n", float64(took[len(took)-1].Microseconds())/1000)
		return
	}
	slices.Sort(took)
	fmt.Printf("median of %d runs: %.1f ms\n", len(took), float64(took[len(took)/2].Microseconds())/1000)
}

func print(p neo4j.ProfiledPlan, depth int) {
	if p == nil {
		return
	}
	details, _ := p.Arguments()["Details"].(string)
	fmt.Printf("%s%s rows=%d dbHits=%d %s\n", strings.Repeat("  ", depth), p.Operator(), p.Records(), p.DbHits(),
		strings.Join(strings.Fields(details), " "))
	for _, c := range p.Children() {
		print(c, depth+1)
	}
}
