package neo4jstore_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestPathsPlanIsBounded: the paths query is planned as a shortest-path search that
// checks its predicates as it goes, with no exhaustive expansion to fall back on,
// for every caller and bound. Broken on purpose (the inner nodes' predicate over
// nodes(p)[1..-1] put back), it fails: the plan has an AntiConditionalApply over
// VarLengthExpand(Into).
func TestPathsPlanIsBounded(t *testing.T) {
	neo4jtest.Store(t) // the schema, so that the plan is the one a server gets
	for _, restricted := range []bool{false, true} {
		for _, length := range []string{"2", "8"} {
			ops := neo4jtest.Operators(t, neo4jstore.PathsCypher(restricted, "WROTE|ADDRESSED_TO|CC", length),
				map[string]any{"from": "a", "to": "b", "n": 10})
			if !slices.ContainsFunc(ops, func(o string) bool { return strings.HasSuffix(o, "ShortestPath") }) ||
				slices.ContainsFunc(ops, func(o string) bool { return strings.HasPrefix(o, "VarLengthExpand") || o == "AntiConditionalApply" }) {
				t.Errorf("restricted %v, %s relationships: plan %v, want a ShortestPath and no VarLengthExpand", restricted, length, ops)
			}
		}
	}
}
