package main

import (
	"strings"
	"testing"
)

func TestSameStatements(t *testing.T) {
	long := "MATCH (l:Letter) " + strings.Repeat("WHERE true ", 500) + "RETURN l"
	recs := func(ss ...string) []recorded {
		var out []recorded
		for _, s := range ss {
			out = append(out, recorded{cypher: s})
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		traced []string
		recs   []recorded
		ok     bool
	}{
		{"the same, in order", []string{"A", "B"}, recs("A", "B"), true},
		{"the same, in another order", []string{"B", "A"}, recs("A", "B"), true},
		{"one more run", []string{"A", "B", "C"}, recs("A", "B"), false},
		{"one fewer run", []string{"A"}, recs("A", "B"), false},
		{"the same twice against once", []string{"A", "A"}, recs("A", "B"), false},
		{"another statement", []string{"MATCH (l:Letter)-[:CC|BCC]->(c) RETURN c"}, recs("MATCH (l:Letter)-[:CC]->(c) RETURN c"), false},
		{"a long statement cut in the span", []string{long[:4096] + "…"}, recs(long), true},
		{"a cut statement of another", []string{long[:4096] + "…"}, recs("MATCH (x) RETURN x"), false},
		{"nothing traced", nil, recs("A"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := sameStatements(tc.traced, tc.recs)
			if (err == nil) != tc.ok {
				t.Errorf("sameStatements = %v, want ok %v", err, tc.ok)
			}
		})
	}
}
