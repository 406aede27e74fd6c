package neo4jstore_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
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
				map[string]any{"from": "a", "to": "b", "n": 10, "candidates": 1000})
			if !slices.ContainsFunc(ops, func(o string) bool { return strings.HasSuffix(o, "ShortestPath") }) ||
				slices.ContainsFunc(ops, func(o string) bool { return strings.HasPrefix(o, "VarLengthExpand") || o == "AntiConditionalApply" }) {
				t.Errorf("restricted %v, %s relationships: plan %v, want a ShortestPath and no VarLengthExpand", restricted, length, ops)
			}
		}
	}
}

// TestNetworkPlanIsBounded: each level of a network starts from the frontier's ids
// through the id index and expands links of a fixed length: no scan of every node
// of a label, no path of variable length, whatever the depth, roles and dates.
// Broken on purpose (the frontier matched by toLower(id) instead of by id), it
// fails: the plan has a SubtractionNodeByLabelsScan.
func TestNetworkPlanIsBounded(t *testing.T) {
	neo4jtest.Store(t)
	from, to := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, restricted := range []bool{false, true} {
		for _, q := range []domain.NetworkQuery{
			{Center: "a", Depth: 1},
			{Center: "a", Depth: domain.MaxNetworkDepth, Limit: domain.MaxNetworkNodes},
			{Center: "a", Depth: 2, Roles: []domain.Role{domain.RoleAuthor}, From: &from, To: &to},
		} {
			cypher, params, err := neo4jstore.NetworkCypher(restricted, q)
			if err != nil {
				t.Fatal(err)
			}
			ops := neo4jtest.Operators(t, cypher, params)
			bad := slices.ContainsFunc(ops, func(o string) bool {
				// Any scan (of all nodes, of a label, of an index, of a
				// relationship type) reads the graph, not the frontier.
				return strings.HasPrefix(o, "VarLengthExpand") || strings.Contains(o, "ShortestPath") || strings.Contains(o, "Scan")
			})
			if bad || !slices.ContainsFunc(ops, func(o string) bool { return strings.HasSuffix(o, "IndexSeek") }) {
				t.Errorf("restricted %v, depth %d: plan %v, want index seeks and fixed expansions only", restricted, q.Depth, ops)
			}
		}
	}
}
