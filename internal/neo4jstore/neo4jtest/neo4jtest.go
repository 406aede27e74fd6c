// Package neo4jtest gives tests a real Neo4j: the one at NEO4J_TEST_URI (which
// `make test` starts as a throwaway instance), emptied before each test. Without it a
// test is skipped on a developer's machine and fails in CI (CI=true): in CI no test
// passes by not running.
//
// Tests that use it must not run in parallel with each other, in one package or
// across packages (`make test` runs go test with -p 1), because they share a database.
package neo4jtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
)

// Context is the context of a caller who sees everything, restricted letters and
// blind copies included, as the command-line tools do. Tests of what other callers
// see make their own with domain.WithRestricted.
func Context() context.Context { return domain.WithRestricted(context.Background(), true) }

// Config returns the store configuration of the test database.
func Config(tb testing.TB) neo4jstore.Config {
	tb.Helper()
	uri := os.Getenv("NEO4J_TEST_URI")
	if uri == "" {
		unavailable(tb, "NEO4J_TEST_URI is not set; run the tests with `make test`, which starts a throwaway Neo4j")
	}
	return neo4jstore.Config{
		URI:          uri,
		User:         os.Getenv("NEO4J_TEST_USER"),
		Password:     os.Getenv("NEO4J_TEST_PASSWORD"),
		QueryTimeout: 30 * time.Second,
	}
}

func unavailable(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("Neo4j is required in CI: %s", msg)
	}
	tb.Skipf("no Neo4j: %s", msg)
}

var migrated sync.Once

// Store returns a store over the test database, emptied and with the schema applied.
// It is closed when the test ends.
func Store(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	ctx := context.Background()
	cfg := Config(tb)
	store, err := neo4jstore.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		unavailable(tb, err.Error())
	}
	tb.Cleanup(func() { _ = store.Close(context.Background()) })
	Wipe(tb)
	var merr error
	migrated.Do(func() { merr = store.Migrate(ctx) })
	if merr != nil {
		tb.Fatalf("Migrate: %v", merr)
	}
	return store
}

// Wipe deletes every node and relationship of the test database.
func Wipe(tb testing.TB) {
	tb.Helper()
	Exec(tb, `MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`, nil)
}

// newDriver is a driver for the test database.
func newDriver(tb testing.TB) neo4j.DriverWithContext {
	tb.Helper()
	cfg := Config(tb)
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		tb.Fatalf("driver: %v", err)
	}
	return driver
}

// Operators are the operators of the plan Neo4j makes for cypher (EXPLAIN: it is not
// run), outermost first.
func Operators(tb testing.TB, cypher string, params map[string]any) []string {
	tb.Helper()
	ctx := context.Background()
	driver := newDriver(tb)
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, "EXPLAIN "+cypher, params, neo4j.EagerResultTransformer)
	if neo4j.IsConnectivityError(err) {
		unavailable(tb, err.Error())
	}
	if err != nil {
		tb.Fatalf("EXPLAIN %s: %v", cypher, err)
	}
	var out []string
	var walk func(p *db.Plan)
	walk = func(p *db.Plan) {
		out = append(out, strings.TrimSuffix(p.Operator, "@neo4j"))
		for i := range p.Children {
			walk(&p.Children[i])
		}
	}
	walk(planOf(res.Summary.Plan()))
	return out
}

// planOf is the driver's own plan behind p. neo4j.Plan's Children (driver v5.28)
// gives every child of an operator its last child's plan (a loop variable taken by
// address, under the Go 1.18 rules its module asks for): the left side of every
// Apply, every join's left input, were never seen through it.
func planOf(p neo4j.Plan) *db.Plan {
	v := reflect.ValueOf(p).Elem().FieldByName("plan")
	return (*db.Plan)(unsafe.Pointer(v.Pointer()))
}

// Exec runs one Cypher statement against the test database in an auto-commit
// transaction, for setting up and inspecting what a test needs.
func Exec(tb testing.TB, cypher string, params map[string]any) []map[string]any {
	tb.Helper()
	ctx := context.Background()
	driver := newDriver(tb)
	defer driver.Close(ctx)
	session := driver.NewSession(ctx, neo4j.SessionConfig{})
	defer session.Close(ctx)
	res, err := session.Run(ctx, cypher, params)
	if neo4j.IsConnectivityError(err) {
		unavailable(tb, err.Error())
	}
	if err != nil {
		tb.Fatalf("%s: %v", cypher, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		tb.Fatalf("%s: %v", cypher, err)
	}
	out := make([]map[string]any, len(recs))
	for i, r := range recs {
		out[i] = r.AsMap()
	}
	return out
}

// Counts returns the number of nodes and of relationships in the test database, to
// check that a failed write changed nothing.
func Counts(tb testing.TB) (nodes, rels int64) {
	tb.Helper()
	row := Exec(tb, `CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels`, nil)[0]
	return row["nodes"].(int64), row["rels"].(int64)
}

// CheckSeedGraph checks the graph the seed letter must give (docs/design.md §2 and its
// expected document's mustHoldAfterImport), however it was loaded.
func CheckSeedGraph(tb testing.TB) {
	tb.Helper()
	invariants := []struct {
		name   string
		cypher string
		want   int64
	}{
		{"one organisation Albania", `MATCH (o:Organisation {name: 'Albania'}) RETURN count(o) AS n`, 1},
		{"Albania is a state", `MATCH (o:Organisation {name: 'Albania', kind: 'STATE'}) RETURN count(o) AS n`, 1},
		{"three offices of Albania", `MATCH (:Office)-[:OF]->(:Organisation {name: 'Albania'}) RETURN count(*) AS n`, 3},
		{"one person Edi Rama", `MATCH (p:Person {name: 'Edi Rama'}) RETURN count(p) AS n`, 1},
		{"Edi Rama holds Prime Minister", `MATCH (:Person {name: 'Edi Rama'})-[:HOLDS]->(:Office {title: 'Prime Minister'})-[:OF]->(:Organisation {name: 'Albania'}) RETURN count(*) AS n`, 1},
		{"author member of Nejat Society as CEO", `MATCH (:Person {name: 'Ebrahim Khodabandeh'})-[:MEMBER_OF {role: 'CEO'}]->(:Organisation {name: 'Nejat Society'}) RETURN count(*) AS n`, 1},
		{"one Nejat Society", `MATCH (o:Organisation {name: 'Nejat Society'}) RETURN count(o) AS n`, 1},
		{"1 author, 1 recipient, 4 cc", `MATCH (l:Letter {title: 'Letter from the CEO of Nejat Society to the Albania PM'})
			RETURN COUNT { (:Person)-[:WROTE]->(l) } * 100 + COUNT { (l)-[:ADDRESSED_TO]->() } * 10 + COUNT { (l)-[:CC]->() } AS n`, 114},
		{"cc in order", `MATCH (l:Letter)-[c:CC]->(x) WITH c, x ORDER BY c.position
			WITH collect(coalesce(x.title, x.name)) AS names
			RETURN CASE WHEN names = ['Minister of Interior', 'Foreign Minister', 'Association for Supporting Iranians Living in Albania', 'The Media'] THEN 1 ELSE 0 END AS n`, 1},
		{"three related stubs", `MATCH (:Letter {stub: false})-[:RELATED_TO]-(r:Letter {stub: true}) RETURN count(r) AS n`, 3},
		{"written at Tehran, Iran", `MATCH (:Letter {stub: false})-[:WRITTEN_AT]->(:Place {name: 'Tehran', country: 'Iran'}) RETURN count(*) AS n`, 1},
		{"on behalf of Nejat Society", `MATCH (:Letter)-[:ON_BEHALF_OF]->(:Organisation {name: 'Nejat Society'}) RETURN count(*) AS n`, 1},
	}
	for _, inv := range invariants {
		if got := Exec(tb, inv.cypher, nil)[0]["n"].(int64); got != inv.want {
			tb.Errorf("%s: %d, want %d", inv.name, got, inv.want)
		}
	}
}

// Volatile are the stored properties that differ between two databases holding the
// same graph, each with its reason. Fingerprint compares every other property of
// every node and relationship, read generically, so that a property added to the
// store is compared without a change here.
var Volatile = map[string]string{
	"id":          "each database makes its own ids",
	"createdAt":   "the time the node was written",
	"importedAt":  "the time the letter was written",
	"addedSeq":    "the order letters were written in, which an import takes from its input's order",
	"seq":         "the time a node was made (newSeq), for identity look-ups to prefer the older",
	"openSeq":     "the time the first visible source named a node (openview.go), for the same below RESTRICTED_ROLE",
	"claims":      "what a letter says of the correspondents it names, by their ids, which differ between databases (the open views made from them are compared)",
	"blindClaims": "what a letter says of the correspondents it blind-copies, by their ids, as claims (only sources reads them)",
}

// Fingerprint describes the whole graph without what Volatile names (and without the
// marker of a migration, which only Migrate writes, and the history of changes, which
// records how the graph was written, one line a transaction; and the pairs, which
// the writes derive from the letters, with a direction that follows ids, and which
// Store.CheckAggregates checks): every node with
// its labels and every stored property, and every relationship with its type, every
// property of its own and its two ends described the same way, sorted. Two graphs
// made from the same documents have the same fingerprint.
func Fingerprint(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, r := range Exec(tb, `MATCH (n) WHERE NOT n:Migration AND NOT n:Change RETURN labels(n) AS labels, properties(n) AS props`, nil) {
		out = append(out, describeNode(tb, r["labels"], r["props"]))
	}
	for _, r := range Exec(tb, `
		MATCH (a)-[r]->(b) WHERE NOT a:Change AND NOT type(r) IN ['PAIR', 'OPEN_PAIR']
		RETURN type(r) AS type, properties(r) AS props,
			labels(a) AS aLabels, properties(a) AS aProps, labels(b) AS bLabels, properties(b) AS bProps`, nil) {
		out = append(out, fmt.Sprintf("%s -[%v %s]-> %s", describeNode(tb, r["aLabels"], r["aProps"]), r["type"],
			describeProps(tb, r["props"]), describeNode(tb, r["bLabels"], r["bProps"])))
	}
	slices.Sort(out)
	return out
}

func describeNode(tb testing.TB, labels, props any) string {
	tb.Helper()
	l := fmt.Sprint(labels)
	return "(" + l[1:len(l)-1] + " " + describeProps(tb, props) + ")"
}

// describeProps lists every property but the volatile ones, in key order; a list
// keeps its stored order, since the order is stored too.
func describeProps(tb testing.TB, v any) string {
	tb.Helper()
	props, ok := v.(map[string]any)
	if !ok {
		tb.Fatalf("properties are a %T, want a map", v)
	}
	var parts []string
	for k, v := range props {
		if _, skip := Volatile[k]; !skip {
			parts = append(parts, fmt.Sprintf("%s=%q", k, fmt.Sprint(v)))
		}
	}
	slices.Sort(parts)
	return "{" + strings.Join(parts, " ") + "}"
}

// StoredKeys returns every property key stored on a node or relationship.
func StoredKeys(tb testing.TB) map[string]bool {
	tb.Helper()
	keys := map[string]bool{}
	for _, r := range Exec(tb, `
		MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT k
		UNION
		MATCH ()-[r]->() UNWIND keys(r) AS k RETURN DISTINCT k`, nil) {
		keys[r["k"].(string)] = true
	}
	return keys
}

// Diff lists the lines only one of two sorted lists has, each prefixed with the name
// of the list that has it.
func Diff(a, b []string, aName, bName string) []string {
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, aName+" only: "+a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, bName+" only: "+b[j])
			j++
		default:
			i, j = i+1, j+1
		}
	}
	return out
}
