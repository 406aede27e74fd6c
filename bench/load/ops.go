package main

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/oklog/ulid/v2"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
)

// request is one GraphQL operation for one server.
type request struct {
	query string
	vars  func(n int64) map[string]any // n counts the calls, for writes that must differ
}

// namedRequest is one form of the peer's request for an operation. An operation whose
// data the peer's users can fairly ask for in more than one way has one for each, and
// each is measured as its own row; name is empty for an operation's only form.
type namedRequest struct {
	name string
	request
}

// op is a logical operation, written once for lettergraph and, in one or more forms,
// for the peer, each in its own schema, asking for the same data.
type op struct {
	name  string
	ours  request
	peers []namedRequest
	write bool // no raw-driver replay: the issue compares reads with the driver
}

// peerForm is the peer's form named form of o, if o has one.
func (o op) peerForm(form string) (request, bool) {
	for _, p := range o.peers {
		if p.name == form {
			return p.request, true
		}
	}
	return request{}, false
}

// peerForms lists the names of the peer's forms of ops, each once, in the order they
// first appear: "" (an operation's only form) and the names of the others.
func peerForms(ops []op) []string {
	var forms []string
	seen := map[string]bool{}
	for _, o := range ops {
		for _, p := range o.peers {
			if !seen[p.name] {
				seen[p.name] = true
				forms = append(forms, p.name)
			}
		}
	}
	return forms
}

// peerTarget names the target that asks the peer's form named form: "peer" for the
// only form, "peer, " and the name for the others.
func peerTarget(form string) string {
	if form == "" {
		return "peer"
	}
	return "peer, " + form
}

func fixed(v map[string]any) func(int64) map[string]any {
	return func(int64) map[string]any { return v }
}

func operations(id gql.Correspondents) []op {
	ab := map[string]any{"a": id.A, "b": id.B}
	// lettergraph's lists leave out stubs and undated letters and order the rest by
	// date, newest first, then by id. The peer asks the same: sortDate not null also
	// lets Neo4j read the sortDate index in order, as it does only for a property it
	// knows is not null, and stop at the limit.
	const (
		listed = `stub: {eq: false}, NOT: {sortDate: {eq: null}}`
		newest = `[{sortDate: DESC}, {id: DESC}]`
	)
	// c from one side: the letters of correspondent $s in each role (the peer has no
	// "any role" relationship), each list filtered on involving $o in any role; the
	// client merges the three lists and keeps the 20 latest.
	involves := `OR: [{authors: {some: {id: {eq: $o}}}}, {recipients: {some: {id: {eq: $o}}}}, {cc: {some: {id: {eq: $o}}}}]`
	side := func(role string) string {
		return role + `(limit: 20, sort: ` + newest + `, where: {` + listed + `, ` + involves + `}) { id sortDate title date }`
	}
	fromSide := `query ($s: ID!, $o: ID!) { correspondents(where: {id: {eq: $s}}) { ` +
		side("lettersWritten") + ` ` + side("lettersReceived") + ` ` + side("lettersCopied") + ` } }`
	var seq atomic.Int64
	ops := []op{
		{name: "a: page of 50 letters, newest first, with parties",
			ours:  request{`{ letters(first: 50) { nodes { title date authors { correspondent { name } } recipients { correspondent { name } } cc { correspondent { name } } } } }`, fixed(nil)},
			peers: []namedRequest{{"", request{`{ letters(limit: 50, sort: ` + newest + `, where: {` + listed + `}) { title date authors { name } recipients { name } cc { name } } }`, fixed(nil)}}}},
		{name: "b: correspondent with 20 latest letters written and received",
			ours:  request{`query ($a: ID!) { correspondent(id: $a) { name ... on Person { lettersWritten(first: 20) { nodes { title date } } lettersReceived(first: 20) { nodes { title date } } } } }`, fixed(ab)},
			peers: []namedRequest{{"", request{`query ($a: ID!) { people(where: {id: {eq: $a}}) { name lettersWritten(limit: 20, sort: ` + newest + `, where: {` + listed + `}) { title date } lettersReceived(limit: 20, sort: ` + newest + `, where: {` + listed + `}) { title date } } }`, fixed(ab)}}}},
		{name: "c: letters between two correspondents",
			ours: request{`query ($a: ID!, $b: ID!) { correspondence(between: $a, and: $b) { letters(first: 20) { nodes { title date } } } }`, fixed(ab)},
			peers: []namedRequest{
				{"from A", request{fromSide, fixed(map[string]any{"s": id.A, "o": id.B})}},
				{"from B", request{fromSide, fixed(map[string]any{"s": id.B, "o": id.A})}},
				{"@cypher", request{`query ($a: ID!, $b: ID!) { lettersBetween(a: $a, b: $b, limit: 20) { title date } }`, fixed(ab)}},
			}},
		{name: "d: full-text search",
			ours: request{`{ search(text: "museum budget", kinds: [LETTER], first: 20) { score node { ... on Letter { title } } } }`, fixed(nil)},
			// lettergraph requires every word; in Lucene's syntax, +word.
			peers: []namedRequest{{"", request{`{ searchLetters(phrase: "+museum +budget", first: 20, where: {node: {stub: {eq: false}}}) { edges { score node { title } } } }`, fixed(nil)}}}},
		{name: "e: deep nesting, 10 at each level",
			ours: request{`{ letters(first: 10) { nodes { title recipients { correspondent { name ... on Person { lettersReceived(first: 10) { nodes { title cc { correspondent { name } } } } } } } } } }`, fixed(nil)},
			// Connection fields: the peer sorts and limits a connection's edges before
			// it reads what is nested in them, a list's only after.
			peers: []namedRequest{{"", request{`{ letters(limit: 10, sort: ` + newest + `, where: {` + listed + `}) { title recipientsConnection(first: 10) { edges { node { name ... on Person { lettersReceivedConnection(first: 10, sort: [{node: {sortDate: DESC}}, {node: {id: DESC}}], where: {node: {` + listed + `}}) { edges { node { title ccConnection(first: 10) { edges { node { name } } } } } } } } } } } }`, fixed(nil)}}}},
		{name: "f: createLetter, 1 author, 2 recipients, 3 cc", write: true,
			ours: request{`mutation ($in: LetterInput!) { createLetter(input: $in) { created letter { id } } }`, func(int64) map[string]any {
				n := seq.Add(1)
				party := func(i int) []any {
					return []any{map[string]any{"id": id.Others[i]}}
				}
				return map[string]any{"in": map[string]any{
					"title": fmt.Sprintf("Benchmark letter %d, %s", n, ulid.Make()), "date": "2020-02-02",
					"authors": party(0), "recipients": append(party(1), party(2)...), "cc": append(append(party(3), party(4)...), []any{map[string]any{"id": id.A}}...)}}
			}},
			peers: []namedRequest{
				{"", request{`mutation ($in: [LetterCreateInput!]!) { createLetters(input: $in) { letters { id } } }`, func(int64) map[string]any {
					n := seq.Add(1)
					connect := func(ids ...string) map[string]any {
						var where []any
						for _, i := range ids {
							where = append(where, map[string]any{"where": map[string]any{"node": map[string]any{"id": map[string]any{"eq": i}}}})
						}
						return map[string]any{"connect": where}
					}
					return map[string]any{"in": []any{map[string]any{
						"id": ulid.Make().String(), "title": fmt.Sprintf("Benchmark letter %d, peer", n), "date": "2020-02-02",
						"sortDate": "2020-02-02", "stub": false, "importedAt": time.Now().UTC().Format(time.RFC3339Nano),
						"authors": connect(id.Others[0]), "recipients": connect(id.Others[1], id.Others[2]),
						"cc": connect(id.Others[3], id.Others[4], id.A)}}}
				}}},
				// The import's bulk mutation with one letter.
				{"@cypher", request{`mutation ($in: [LetterImport!]!) { importLetters(letters: $in) }`, func(int64) map[string]any {
					n := seq.Add(1)
					return map[string]any{"in": []any{map[string]any{
						"id": ulid.Make().String(), "title": fmt.Sprintf("Benchmark letter %d, peer", n), "date": "2020-02-02",
						"sortDate": "2020-02-02", "importedAt": time.Now().UTC().Format(time.RFC3339Nano),
						"authors": []string{id.Others[0]}, "recipients": []string{id.Others[1], id.Others[2]},
						"cc": []string{id.Others[3], id.Others[4], id.A}}}}
				}}},
			}},
	}
	return ops
}
