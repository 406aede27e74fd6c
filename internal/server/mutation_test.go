package server_test

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

const createLetter = `
mutation ($input: LetterInput!) {
  createLetter(input: $input) {
    created
    letter {
      id title date datePrecision dateNotBefore dateNotAfter sourceFormat
      authors { position capacity correspondent { id name } }
      recipients { as correspondent { name } }
      cc { position correspondent { name } }
      writtenAt { name country }
    }
  }
}`

type letterResult struct {
	ID, Title, DatePrecision, SourceFormat string
	Date, DateNotBefore, DateNotAfter      *string
	Authors                                []struct {
		Position      int
		Capacity      *string
		Correspondent struct{ ID, Name string }
	}
	Recipients []struct {
		As            *string
		Correspondent struct{ Name string }
	}
	CC []struct {
		Position      int
		Correspondent struct{ Name string }
	} `json:"cc"`
	WrittenAt *struct{ Name, Country string }
}

func TestLetterLifecycle(t *testing.T) {
	a := newAPI(t)
	input := map[string]any{
		"title": "On the harbour", "body": "The harbour froze.", "date": "1893-05-01", "datePrecision": "MONTH",
		"sourceFormat": "TEXT",
		"authors":      []any{map[string]any{"person": map[string]any{"name": "Dr. Karl Weber"}, "capacity": "Director"}},
		"recipients":   []any{map[string]any{"person": map[string]any{"name": "Anna Berg"}, "as": "Curator"}},
		"cc": []any{
			map[string]any{"office": map[string]any{"title": "Mayor", "of": map[string]any{"name": "Bergen"}}},
			map[string]any{"organisation": map[string]any{"name": "Harbour Board"}},
		},
		"writtenAt": map[string]any{"name": "Bergen", "country": "Norway"},
	}
	var created struct {
		CreateLetter struct {
			Created bool
			Letter  letterResult
		}
	}
	a.data(t, createLetter, map[string]any{"input": input}, &created)
	l := created.CreateLetter.Letter
	if !created.CreateLetter.Created || l.Title != "On the harbour" || l.DatePrecision != "MONTH" ||
		*l.Date != "1893-05-01" || *l.DateNotAfter != "1893-05-31" || l.SourceFormat != "TEXT" {
		t.Errorf("created = %+v", created.CreateLetter)
	}
	if len(l.Authors) != 1 || l.Authors[0].Correspondent.Name != "Karl Weber" || *l.Authors[0].Capacity != "Director" ||
		len(l.CC) != 2 || l.CC[0].Correspondent.Name != "Mayor" || l.CC[1].Position != 2 || l.WrittenAt.Country != "Norway" {
		t.Errorf("links = %+v", l)
	}

	// The same document again is the same letter.
	var again struct {
		CreateLetter struct {
			Created bool
			Letter  struct{ ID string }
		}
	}
	a.data(t, createLetter, map[string]any{"input": input}, &again)
	if again.CreateLetter.Created || again.CreateLetter.Letter.ID != l.ID {
		t.Errorf("second createLetter = %+v, want created false, id %s", again.CreateLetter, l.ID)
	}

	// updateLetter: an absent field is kept, a null one cleared.
	var updated struct {
		UpdateLetter struct {
			Title   string
			Body    *string
			Subject *string
			Date    *string
		}
	}
	a.data(t, `mutation ($id: ID!) { updateLetter(id: $id, input: {subject: "Ice", date: null}) { title body subject date } }`,
		map[string]any{"id": l.ID}, &updated)
	u := updated.UpdateLetter
	if u.Title != "On the harbour" || u.Body == nil || u.Subject == nil || *u.Subject != "Ice" || u.Date != nil {
		t.Errorf("updated = %+v, want title and body kept, subject Ice, date cleared", u)
	}
	a.data(t, `mutation ($id: ID!) { updateLetter(id: $id, input: {subject: null}) { subject } }`, map[string]any{"id": l.ID}, &updated)
	if updated.UpdateLetter.Subject != nil {
		t.Errorf("subject after null = %q, want null", *updated.UpdateLetter.Subject)
	}

	// Links by mutation.
	var withCc struct{ AddCc letterResult }
	a.data(t, `mutation ($id: ID!) { addCc(letter: $id, party: {person: {name: "Ole Lind"}}, position: 1) { cc { position correspondent { name } } } }`,
		map[string]any{"id": l.ID}, &withCc)
	if len(withCc.AddCc.CC) != 3 || withCc.AddCc.CC[0].Correspondent.Name != "Ole Lind" {
		t.Errorf("after addCc: %+v", withCc.AddCc.CC)
	}
	authorID := l.Authors[0].Correspondent.ID
	var removed struct{ RemoveAuthor letterResult }
	a.data(t, `mutation ($id: ID!, $c: ID!) { removeAuthor(letter: $id, correspondent: $c) { authors { position } } }`,
		map[string]any{"id": l.ID, "c": authorID}, &removed)
	if len(removed.RemoveAuthor.Authors) != 0 {
		t.Errorf("authors after removeAuthor = %+v", removed.RemoveAuthor.Authors)
	}
	var office struct {
		UpsertCorrespondent struct {
			Created       bool
			Correspondent struct{ ID string }
		}
	}
	a.data(t, `mutation { upsertCorrespondent(input: {office: {title: "Harbour Master"}}) { created correspondent { id } } }`, nil, &office)
	var holding struct {
		AddHolding struct {
			Name  string
			Holds []struct {
				From   string
				Office struct{ Title string }
			}
		}
	}
	a.data(t, `mutation ($p: ID!, $o: ID!) { addHolding(person: $p, office: $o, from: "1890-01-01") { name holds { from office { title } } } }`,
		map[string]any{"p": authorID, "o": office.UpsertCorrespondent.Correspondent.ID}, &holding)
	if h := holding.AddHolding.Holds; len(h) != 1 || h[0].Office.Title != "Harbour Master" || h[0].From != "1890-01-01" {
		t.Errorf("holds = %+v", h)
	}

	// node(id:) and letter(id:) for a letter; then delete it.
	var node struct {
		Node struct {
			Typename string `json:"__typename"`
			Title    string
		}
	}
	a.data(t, `query ($id: ID!) { node(id: $id) { __typename ... on Letter { title } } }`, map[string]any{"id": l.ID}, &node)
	if node.Node.Typename != "Letter" || node.Node.Title != "On the harbour" {
		t.Errorf("node = %+v", node.Node)
	}
	var deleted struct{ DeleteLetter struct{ ID string } }
	a.data(t, `mutation ($id: ID!) { deleteLetter(id: $id) { id } }`, map[string]any{"id": l.ID}, &deleted)
	var gone struct{ Letter *struct{ ID string } }
	a.data(t, `query ($id: ID!) { letter(id: $id) { id } }`, map[string]any{"id": l.ID}, &gone)
	if gone.Letter != nil {
		t.Errorf("letter after delete = %+v, want null", gone.Letter)
	}
	r := a.do(t, `mutation ($id: ID!) { deleteLetter(id: $id) { id } }`, map[string]any{"id": l.ID})
	if c, _ := code(t, r); c != "NOT_FOUND" {
		t.Errorf("deleting again: code %q, want NOT_FOUND", c)
	}
}

func TestErrors(t *testing.T) {
	a := newAPI(t)
	a.data(t, createLetter, map[string]any{"input": map[string]any{"title": "x", "externalId": "<x@example.org>"}}, &struct{}{})
	nodes, rels := neo4jtest.Counts(t)

	tests := []struct {
		name  string
		query string
		vars  map[string]any
		code  string
		field string
	}{
		{"empty letter", createLetter, map[string]any{"input": map[string]any{}}, "BAD_USER_INPUT", "input"},
		{"party with two kinds", createLetter, map[string]any{"input": map[string]any{"title": "y",
			"cc": []any{map[string]any{"person": map[string]any{"name": "A"}, "organisation": map[string]any{"name": "B"}}}}},
			"BAD_USER_INPUT", "input.cc[0]"},
		{"unknown correspondent", createLetter, map[string]any{"input": map[string]any{"title": "y",
			"authors": []any{map[string]any{"person": map[string]any{"name": "New"}}}, "cc": []any{map[string]any{"id": "nope"}}}},
			"BAD_USER_INPUT", "input.cc[0].id"},
		{"bad date", createLetter, map[string]any{"input": map[string]any{"title": "y", "date": "12 March 2019"}}, "BAD_USER_INPUT", ""},
		{"bad enum value", createLetter, map[string]any{"input": map[string]any{"title": "y", "sourceFormat": "FAX"}}, "", ""},
		{"used externalId", createLetter, map[string]any{"input": map[string]any{"title": "z", "externalId": "<x@example.org>"}}, "CONFLICT", "input.externalId"},
		{"page too large", `{ letters(first: 1000) { totalCount } }`, nil, "LIMIT_EXCEEDED", "first"},
		{"bad cursor", `{ letters(after: "garbage") { totalCount } }`, nil, "BAD_USER_INPUT", "after"},
		{"unknown field", `{ letters { nope } }`, nil, "GRAPHQL_VALIDATION_FAILED", ""},
		{"parse error", `{ letters { `, nil, "GRAPHQL_PARSE_FAILED", ""},
		{"deferred fragment", `{ letters { nodes { title ... @defer { authors { role } } } } }`, nil, "GRAPHQL_VALIDATION_FAILED", ""},
		{"deferred named fragment", `{ letters { nodes { ...parties @defer } } } fragment parties on Letter { cc { role } }`, nil, "GRAPHQL_VALIDATION_FAILED", ""},
		{"text with no words", `{ letters(filter: {text: "()"}) { totalCount } }`, nil, "BAD_USER_INPUT", "filter.text"},
		{"remove a link that is not there", `mutation { removeCc(letter: "a", correspondent: "b") { id } }`, nil, "NOT_FOUND", ""},
		{"too complex: nested pages multiply", `{ correspondents(first: 100) { nodes { lettersWritten(first: 100) { nodes { title cc { correspondent { name } } } } } } }`, nil, "LIMIT_EXCEEDED", ""},
		{"list too long", `{ letters { nodes { recipients(first: 1001) { position } } } }`, nil, "LIMIT_EXCEEDED", "first"},
		{"list of negative length", `{ letters { nodes { cc(first: -1) { position } } } }`, nil, "BAD_USER_INPUT", "first"},
		// Plain lists count too: at their default of 20, four nested lists are 20⁴
		// objects, however short the query; twice that is over the limit.
		{"too complex: nested plain lists multiply", `{ correspondents(first: 2) { nodes { ... on Organisation { members { person { memberships { organisation { members { person { memberships { role } } } } } } } } } } }`, nil, "LIMIT_EXCEEDED", ""},
		{"too deep", `{ letters { nodes { related { related { related { related { related { related { related { related { related { related { related { related { related { related { title } } } } } } } } } } } } } } } } }`, nil, "LIMIT_EXCEEDED", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := a.do(t, tt.query, tt.vars)
			if len(r.Errors) == 0 {
				t.Fatalf("no error; data %s", r.Data)
			}
			e := r.Errors[0]
			got, _ := e.Extensions["code"].(string)
			if tt.code != "" && got != tt.code {
				t.Errorf("code = %q (%q), want %q", got, e.Message, tt.code)
			}
			if got == "" {
				t.Errorf("no extensions.code on %q", e.Message)
			}
			if field, _ := e.Extensions["field"].(string); field != tt.field {
				t.Errorf("field = %q, want %q", field, tt.field)
			}
			for _, leak := range []string{"Neo.", "neo4j", "MATCH", "goroutine", ".go:"} {
				if strings.Contains(e.Message, leak) {
					t.Errorf("message %q leaks %q", e.Message, leak)
				}
			}
		})
	}
	if n, r := neo4jtest.Counts(t); n != nodes || r != rels {
		t.Errorf("after the failed operations: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}
}
