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

// op is a logical operation, written once for lettergraph and once for the peer in
// each one's own schema, asking for the same data.
type op struct {
	name  string
	ours  request
	peer  request
	write bool // no raw-driver replay: the issue compares reads with the driver
}

func fixed(v map[string]any) func(int64) map[string]any {
	return func(int64) map[string]any { return v }
}

func operations(id gql.Correspondents) []op {
	ab := map[string]any{"a": id.A, "b": id.B}
	// The peer has no "any role" filter: a letter involves a correspondent as one of
	// its authors, recipients or cc.
	involves := func(v string) string {
		return `{OR: [{authors: {some: {id: {eq: $` + v + `}}}}, {recipients: {some: {id: {eq: $` + v + `}}}}, {cc: {some: {id: {eq: $` + v + `}}}}]}`
	}
	var seq atomic.Int64
	return []op{
		{name: "a: page of 50 letters, newest first, with parties",
			ours: request{`{ letters(first: 50) { nodes { title date authors { correspondent { name } } recipients { correspondent { name } } cc { correspondent { name } } } } }`, fixed(nil)},
			peer: request{`{ letters(limit: 50, sort: [{sortDate: DESC}, {id: DESC}], where: {stub: {eq: false}}) { title date authors { name } recipients { name } cc { name } } }`, fixed(nil)}},
		{name: "b: correspondent with 20 latest letters written and received",
			ours: request{`query ($a: ID!) { correspondent(id: $a) { name ... on Person { lettersWritten(first: 20) { nodes { title date } } lettersReceived(first: 20) { nodes { title date } } } } }`, fixed(ab)},
			peer: request{`query ($a: ID!) { people(where: {id: {eq: $a}}) { name lettersWritten(limit: 20, sort: [{sortDate: DESC}]) { title date } lettersReceived(limit: 20, sort: [{sortDate: DESC}]) { title date } } }`, fixed(ab)}},
		{name: "c: letters between two correspondents",
			ours: request{`query ($a: ID!, $b: ID!) { correspondence(between: $a, and: $b) { letters(first: 20) { nodes { title date } } } }`, fixed(ab)},
			peer: request{`query ($a: ID!, $b: ID!) { letters(limit: 20, sort: [{sortDate: DESC}], where: {AND: [` + involves("a") + `, ` + involves("b") + `, {stub: {eq: false}}]}) { title date } }`, fixed(ab)}},
		{name: "d: full-text search",
			ours: request{`{ search(text: "museum budget", kinds: [LETTER], first: 20) { score node { ... on Letter { title } } } }`, fixed(nil)},
			peer: request{`{ searchLetters(phrase: "museum budget", first: 20) { edges { score node { title } } } }`, fixed(nil)}},
		{name: "e: deep nesting, 10 at each level",
			ours: request{`{ letters(first: 10) { nodes { title recipients { correspondent { name ... on Person { lettersReceived(first: 10) { nodes { title cc { correspondent { name } } } } } } } } } }`, fixed(nil)},
			peer: request{`{ letters(limit: 10, sort: [{sortDate: DESC}], where: {stub: {eq: false}}) { title recipients(limit: 10) { name ... on Person { lettersReceived(limit: 10, sort: [{sortDate: DESC}]) { title cc(limit: 10) { name } } } } } }`, fixed(nil)}},
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
			peer: request{`mutation ($in: [LetterCreateInput!]!) { createLetters(input: $in) { letters { id } } }`, func(int64) map[string]any {
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
	}
}
