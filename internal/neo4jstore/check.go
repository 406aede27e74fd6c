package neo4jstore

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Drift is one maintained aggregate (docs/architecture.md, Maintained aggregates)
// whose stored value differs from the value recomputed from the letters: Stored is
// nil for one missing, Want nil for one that should not exist.
type Drift struct {
	Aggregate string // "pairs"
	Key       string // which one: for a pair, "<id>-><id> <relationship type>"
	Stored    map[string]any
	Want      map[string]any
}

// checkPage is how many correspondents CheckAggregates recomputes the pairs of in one
// transaction.
const checkPage = 500

// CheckAggregates recomputes the maintained aggregates from the letters, a page of
// correspondents at a time, and calls found for each that differs from what is
// stored; with repair, it writes the recomputed value in its place. It returns how
// many it checked. A check that runs while letters are written may report as drift
// what those writes are changing; repair then writes what the letters said when it
// read them, so run it with repair on a graph no one writes to.
func (s *Store) CheckAggregates(ctx context.Context, repair bool, found func(Drift)) (int, error) {
	type page struct {
		drifts  []Drift
		checked int
	}
	checked := 0
	err := eachPage(ctx, s, `MATCH (n:Correspondent) WHERE n.id > $after`, checkPage,
		func(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (page, error) {
			drifts, k, err := checkPairs(ctx, tx, ids, repair)
			return page{drifts, k}, err
		},
		func(p page) {
			for _, d := range p.drifts {
				found(d)
			}
			checked += p.checked
		})
	return checked, err
}

// pairsFrom recomputes the pairs that start at the correspondents with $ids, and
// wantPairs returns them.
var (
	pairsFrom = pairRows(`UNWIND $ids AS xid
	MATCH (x0:Correspondent {id: xid})-[:WROTE|ADDRESSED_TO|CC|BCC]-(l:Letter)
	WITH DISTINCT x0, l`, " AND x = x0")
	wantPairs = pairsFrom + `
	RETURN x.id, y.id, ` + pairColumns("a_") + `, ` + pairColumns("o_")
	// ownPairs are the stored pairs at x that its page checks: those that start at
	// it, and any left at a node no more a correspondent.
	ownPairs = `UNWIND $ids AS xid
		MATCH (x:Correspondent {id: xid})-[p:` + pairRel + `|` + openPairRel + `]-(y)
		WHERE startNode(p) = x OR NOT y:Correspondent`
)

// pairProperties are the names of a pair's properties, and pairVars the columns of
// pairRows with prefix that hold them.
func pairProperties() []string {
	var names []string
	for _, c := range pairCounts {
		names = append(names, c.name)
	}
	return append(names, "first", "last")
}

func pairVars(prefix string) []string {
	var vars []string
	for _, name := range pairProperties() {
		vars = append(vars, prefix+name)
	}
	return vars
}

// pairColumns is the map of a pair's properties from pairRows's columns with prefix.
func pairColumns(prefix string) string {
	var cols []string
	for _, name := range pairProperties() {
		cols = append(cols, name+": "+prefix+name)
	}
	return "{" + strings.Join(cols, ", ") + "}"
}

// checkPairs compares the stored pairs that start at the correspondents with ids
// with the recomputed ones, and with repair writes the recomputed ones.
func checkPairs(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, repair bool) ([]Drift, int, error) {
	params := map[string]any{"ids": ids}
	want := map[string]map[string]any{}
	recs, err := collect(ctx, tx, wantPairs, params)
	if err != nil {
		return nil, 0, err
	}
	for _, rec := range recs {
		x, _ := rec.Values[0].(string)
		y, _ := rec.Values[1].(string)
		for i, rel := range []string{pairRel, openPairRel} {
			if m := mapOf(rec.Values[2+i]); integer(m, "letters") > 0 {
				want[x+"->"+y+" "+rel] = pairProps(m)
			}
		}
	}
	stored := map[string]map[string]any{}
	recs, err = collect(ctx, tx, ownPairs+`
		RETURN x.id, coalesce(y.id, '?'), type(p), properties(p)`, params)
	if err != nil {
		return nil, 0, err
	}
	for _, rec := range recs {
		x, _ := rec.Values[0].(string)
		y, _ := rec.Values[1].(string)
		rel, _ := rec.Values[2].(string)
		stored[x+"->"+y+" "+rel] = pairProps(mapOf(rec.Values[3]))
	}
	var drifts []Drift
	keys := slices.Sorted(maps.Keys(want))
	for k := range stored {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		if w, s := want[k], stored[k]; !maps.Equal(w, s) {
			drifts = append(drifts, Drift{Aggregate: "pairs", Key: k, Stored: s, Want: w})
		}
	}
	if repair && len(drifts) > 0 {
		if err := repairPairs(ctx, tx, ids); err != nil {
			return drifts, len(keys), err
		}
	}
	return drifts, len(keys), nil
}

// pairProps is a pair's properties as Check compares them: counts as int64, dates
// as text, what is unset left out.
func pairProps(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		switch v := v.(type) {
		case nil:
		case int64, bool:
			out[k] = v
		default:
			out[k] = fmt.Sprint(v)
		}
	}
	return out
}

// repairPairs writes the recomputed pairs that start at the correspondents with
// $ids in place of the stored ones.
func repairPairs(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	params := map[string]any{"ids": ids}
	if err := exec(ctx, tx, ownPairs+"\nDELETE p", params); err != nil {
		return err
	}
	cypher := pairsFrom
	for _, side := range []struct{ prefix, rel string }{{"a_", pairRel}, {"o_", openPairRel}} {
		cypher += `
		CALL {
			WITH x, y, ` + strings.Join(pairVars(side.prefix), ", ") + `
			WITH x, y, ` + pairColumns(side.prefix) + ` AS props WHERE ` + side.prefix + `letters > 0
			CREATE (x)-[p:` + side.rel + `]->(y) SET p = props
		}`
	}
	return exec(ctx, tx, cypher, params)
}
