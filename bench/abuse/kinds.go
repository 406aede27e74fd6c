package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/oklog/ulid/v2"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
)

// A kind is one sort of request in the mix, with the outcomes (see classify) it may
// have: anything else is unexpected.
type kind struct {
	name    string
	weight  int           // its share of the mix
	flood   bool          // sent by the flooding workers alone (weight 0)
	legit   bool          // legitimate traffic, whose figures the report also sums up
	key     string        // the API key it sends, by name (keys); "" for none
	role    string        // the role that key has: reader when ""
	token   string        // a token sent as is, when key is ""
	body    func() []byte // makes the request body
	chunked bool          // send the body without a length, as a stream
	expect  []string      // the outcomes expected, as classify names them
}

// rateLimited is the outcome of a request over its client's rate: 429, LIMIT_EXCEEDED
// naming rateLimit, with Retry-After. Every kind with a key may meet it: the rate is
// counted per caller, before the request is read.
const rateLimited = "429 rateLimit"

// keyNeed is an API key the run needs: its name and role.
type keyNeed struct{ name, role string }

// operation is a GraphQL request body of one operation.
func operation(query string, vars map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		panic(err) // only maps of strings and IDs are marshalled
	}
	return b
}

func fixed(b []byte) func() []byte { return func() []byte { return b } }

// repeat is s n times, separated by sep.
func repeat(s, sep string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = s
	}
	return strings.Join(parts, sep)
}

// nested is a selection that goes down letters → authors → correspondent → letters
// written, levels times, one letter a page: levels*4+1 fields deep, cheap otherwise.
func nested(levels int) string {
	return "{ letters(first: 1) { nodes { " + strings.Repeat("authors { correspondent { ... on Person { lettersWritten(first: 1) { nodes { ", levels-1) +
		"authors { correspondent { name } }" + strings.Repeat(" } } } } }", levels-1) + " } } }"
}

// kinds is the mix: legitimate reads and writes, and every abuse the server has a
// limit or a check for. maxBody is the server's MAX_BODY_BYTES; id are the
// correspondents the reads and the writes name.
func kinds(id gql.Correspondents, maxBody int) []kind {
	var created atomic.Int64
	createLetter := func() []byte { // a letter of its own each time
		n := created.Add(1)
		return operation(`mutation ($in: LetterInput!) { createLetter(input: $in) { created letter { id } } }`,
			map[string]any{"in": map[string]any{
				"title": fmt.Sprintf("Abuse-run letter %d, %s", n, ulid.Make()), "date": "2021-03-04",
				"authors":    []any{map[string]any{"id": id.Others[n%5]}},
				"recipients": []any{map[string]any{"id": id.Others[(n+1)%5]}},
				"cc":         []any{map[string]any{"id": id.Others[(n+2)%5]}}}})
	}
	oversized := func() []byte {
		pad := strings.Repeat("x", maxBody)
		return operation(`query ($pad: String) { __typename }`, map[string]any{"pad": pad})
	}
	ok := func(also ...string) []string { return append([]string{"200"}, also...) }
	return []kind{
		// Legitimate traffic, each of its own reader or editor.
		{name: "read: page of letters with authors", legit: true, weight: 12, key: "reader-letters", expect: ok(rateLimited),
			body: fixed(operation(`{ letters(first: 20) { totalCount nodes { title date authors { correspondent { name } } } } }`, nil))},
		{name: "read: search", legit: true, weight: 8, key: "reader-search", expect: ok(rateLimited),
			body: fixed(operation(`{ search(text: "museum budget", first: 10) { score node { ... on Letter { title } ... on Correspondent { name } } } }`, nil))},
		{name: "read: a correspondent", legit: true, weight: 8, key: "reader-correspondent", expect: ok(rateLimited),
			body: fixed(operation(`query ($a: ID!) { correspondent(id: $a) { name ... on Person { lettersWritten(first: 10) { nodes { title } } } } }`,
				map[string]any{"a": id.A}))},
		{name: "write: createLetter (editor)", legit: true, weight: 3, key: "editor", role: "editor", expect: ok(rateLimited), body: createLetter},
		// Who may not.
		// Refused tokens count against their address (loopback: one for all).
		{name: "no token", weight: 5, expect: []string{"401 UNAUTHENTICATED", rateLimited},
			body: fixed(operation(`{ letters(first: 5) { nodes { title } } }`, nil))},
		{name: "unknown token", weight: 5, token: "lgk_" + strings.Repeat("A", 43), expect: []string{"401 UNAUTHENTICATED", rateLimited},
			body: fixed(operation(`{ letters(first: 5) { nodes { title } } }`, nil))},
		{name: "reader key on a mutation", weight: 4, key: "reader-mutating", expect: []string{"200 FORBIDDEN", rateLimited}, body: createLetter},
		// Past the limits.
		{name: "body over MAX_BODY_BYTES", weight: 2, key: "abuse-body", expect: []string{"413 maxBodyBytes", rateLimited}, body: oversized},
		{name: "body over MAX_BODY_BYTES, chunked", weight: 2, key: "abuse-body", expect: []string{"413 maxBodyBytes", rateLimited},
			body: oversized, chunked: true},
		{name: "aliases over MAX_ALIASES", weight: 4, key: "abuse-aliases", expect: []string{"200 maxAliases", rateLimited},
			body: fixed(operation("{ "+aliased(31)+" }", nil))},
		{name: "deeper than MAX_DEPTH", weight: 4, key: "abuse-depth", expect: []string{"200 maxDepth", rateLimited},
			body: fixed(operation(nested(5), nil))},
		{name: "costlier than MAX_COMPLEXITY", weight: 4, key: "abuse-complexity", expect: []string{"200 maxComplexity", rateLimited},
			body: fixed(operation(`{ letters(first: 100) { nodes { authors { correspondent { ... on Person { lettersWritten(first: 100) { nodes { title date } } } } } } } }`, nil))},
		{name: "tokens over MAX_TOKENS", weight: 3, key: "abuse-tokens", expect: []string{"422 GRAPHQL_PARSE_FAILED", rateLimited},
			body: fixed(operation("{ "+repeat("__typename", " ", 10001)+" }", nil))},
		{name: "JSON array batch", weight: 4, key: "abuse-batch", expect: []string{"400 BAD_REQUEST", rateLimited},
			body: fixed([]byte(`[` + repeat(`{"query":"{ letters(first: 100) { nodes { title } } }"}`, ",", 50) + `]`))},
		{name: "introspection (production)", weight: 4, key: "abuse-introspection", expect: []string{"422 GRAPHQL_VALIDATION_FAILED", rateLimited},
			body: fixed(operation(`{ __schema { types { name fields { name } } } }`, nil))},
		// One client far over its rate, from workers of its own that send nothing
		// else: what its rate allows is served, the rest refused.
		{name: "flood from one key", flood: true, key: "flood", expect: ok(rateLimited),
			body: fixed(operation(`{ letters(first: 10) { nodes { title } } }`, nil))},
	}
}

// aliased is n aliases of one field.
func aliased(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("a%d: letters(first: 1) { totalCount }", i)
	}
	return strings.Join(parts, " ")
}

// needs lists the API keys the kinds send, each once, with its role.
func needs(ks []kind) []keyNeed {
	var out []keyNeed
	seen := map[string]bool{}
	for _, k := range ks {
		if k.key == "" || seen[k.key] {
			continue
		}
		seen[k.key] = true
		role := k.role
		if role == "" {
			role = "reader"
		}
		out = append(out, keyNeed{k.key, role})
	}
	return out
}
