package server_test

import (
	"fmt"
	"strings"
	"testing"
)

// hostile are strings that would change a query if they were ever spliced into
// Cypher or a Lucene query instead of passed as parameters.
var hostile = []string{
	`it's`,
	`say "hi"`,
	"back`tick",
	`back\slash`,
	`x') RETURN 1 //`,
	"` MATCH (n) DETACH DELETE n //",
	`$id {id: $id}`,
	`\u0027 OR 1=1`,
	"line\nMATCH (n) DETACH DELETE n",
	`AND OR NOT * ? ~ ^ : [ ] { } ( ) / + - && || !`,
	`ایران \" ' ;`,
}

// TestHostileStringsAreLiteral stores every hostile string in every kind of text a
// letter has, and asks for it back by id, filter and search: each is stored and
// matched as the literal text it is, and nothing but the expected errors comes back.
func TestHostileStringsAreLiteral(t *testing.T) {
	a := newAPI(t)
	for i, h := range hostile {
		t.Run(fmt.Sprintf("%d", i), func(t *testing.T) {
			var created struct {
				CreateLetter struct {
					Letter struct {
						ID, Title, Subject, Body, ExternalID, DateText string
						Authors                                        []struct{ Correspondent struct{ ID, Name string } }
						Recipients                                     []struct{ Correspondent struct{ Name string } }
						Cc                                             []struct{ Correspondent struct{ Title string } }
						WrittenAt                                      struct{ Name string }
					}
				}
			}
			a.data(t, `mutation ($h: String!, $name: String!, $org: String!, $x: String!) {
				createLetter(input: {title: $h, subject: $h, body: $h, externalId: $x, dateText: $h,
					authors: [{person: {name: $name}}], recipients: [{organisation: {name: $org}}],
					cc: [{office: {title: $h}}], writtenAt: {name: $h}}) {
					letter { id title subject body externalId dateText
						authors { correspondent { id name } } recipients { correspondent { name } }
						cc { correspondent { ... on Office { title } } } writtenAt { name } }
				}
			}`, map[string]any{"h": h, "name": "Ana " + h, "org": h + " Org", "x": "<" + h + ">"}, &created)
			l := created.CreateLetter.Letter
			// One-line fields keep the text with its whitespace run together, as any
			// text; the body and the external id keep it whole.
			line := strings.Join(strings.Fields(h), " ")
			if l.Title != line || l.Subject != line || l.DateText != line || l.Body != h || l.ExternalID != "<"+h+">" {
				t.Errorf("stored %q %q %q %q %q; want %q (one line), the body %q, the external id in <>",
					l.Title, l.Subject, l.DateText, l.Body, l.ExternalID, line, h)
			}
			if len(l.Authors) != 1 || !strings.Contains(l.Authors[0].Correspondent.Name, strings.TrimSpace(strings.Split(h, "\n")[0])) {
				t.Errorf("author %+v, want Ana %q", l.Authors, h)
			}

			// Asked for by a hostile id: nothing, and no error but NOT_FOUND.
			r := a.do(t, `query ($id: ID!) { letter(id: $id) { id } correspondent(id: $id) { id } node(id: $id) { id } }`,
				map[string]any{"id": h})
			for _, e := range r.Errors {
				if e.Extensions["code"] != "NOT_FOUND" {
					t.Errorf("by id %q: error %+v, want none or NOT_FOUND", h, e)
				}
			}

			// Filtered and searched for: the letter comes back (or nothing), never an error.
			r = a.do(t, `query ($h: String!, $x: String!) {
				letters(filter: {text: $h}) { nodes { id } }
				byExternal: letters(filter: {text: $x}) { nodes { id } }
				search(text: $h) { node { id } }
				correspondents(filter: {name: $h}) { nodes { id } }
			}`, map[string]any{"h": h, "x": "<" + h + ">"})
			if len(r.Errors) > 0 {
				t.Errorf("filter and search for %q: errors %+v", h, r.Errors)
			}
		})
	}
	// Nothing was deleted or changed behind the test's back: one letter per string.
	var stats struct{ Statistics struct{ Letters int } }
	a.data(t, `{ statistics { letters } }`, nil, &stats)
	if stats.Statistics.Letters != len(hostile) {
		t.Errorf("%d letters, want %d", stats.Statistics.Letters, len(hostile))
	}
}
