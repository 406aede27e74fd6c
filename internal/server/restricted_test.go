package server_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

// restrictedWorld is a graph with one restricted letter and one blind copy, made by an
// editor (who sees both):
//
//   - P: Pat Public to Rhea Reader, cc Cy Copy, bcc Bea Blind (Bea's only link);
//   - R, restricted: "Zebra memo" (body "zebraquux"), Pat Public to Sam Secret and the
//     Secretariat (both known from R alone), cc Cy Copy, replying to P;
//   - P2: Pat Public to Rhea Reader, related to R.
type restrictedWorld struct {
	api    *api
	editor string            // the editor's API key
	ids    map[string]string // p, r, p2, pat, rhea, cy, bea, sam, sec
}

func newRestrictedWorld(t *testing.T) *restrictedWorld {
	t.Helper()
	editorKey, editorEntry, err := auth.NewAPIKey("editor", auth.Editor)
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.AnonymousRole = "reader" // a request without a token reads, and sees no restricted letter
	cfg.APIKeys = []string{editorEntry}
	w := &restrictedWorld{api: newAPIWith(t, cfg), editor: editorKey, ids: map[string]string{}}
	person := func(key, name string) {
		var out struct {
			UpsertCorrespondent struct{ Correspondent struct{ ID string } }
		}
		w.editorData(t, upsertPerson, map[string]any{"name": name}, &out)
		w.ids[key] = out.UpsertCorrespondent.Correspondent.ID
	}
	person("pat", "Pat Public")
	person("rhea", "Rhea Reader")
	person("cy", "Cy Copy")
	person("bea", "Bea Blind")
	person("sam", "Sam Secret")
	var org struct {
		UpsertCorrespondent struct{ Correspondent struct{ ID string } }
	}
	w.editorData(t, `mutation { upsertCorrespondent(input: {organisation: {name: "The Secretariat"}}) { correspondent { id } } }`, nil, &org)
	w.ids["sec"] = org.UpsertCorrespondent.Correspondent.ID

	id := func(key string) map[string]any { return map[string]any{"id": w.ids[key]} }
	letter := func(key string, in map[string]any) {
		var out struct {
			CreateLetter struct{ Letter struct{ ID string } }
		}
		w.editorData(t, `mutation ($in: LetterInput!) { createLetter(input: $in) { letter { id } } }`, map[string]any{"in": in}, &out)
		w.ids[key] = out.CreateLetter.Letter.ID
	}
	letter("p", map[string]any{"title": "Open letter", "authors": []any{id("pat")}, "recipients": []any{id("rhea")},
		"cc": []any{id("cy")}, "bcc": []any{id("bea")}})
	letter("r", map[string]any{"title": "Zebra memo", "body": "About the zebraquux.", "restricted": true,
		"authors": []any{id("pat")}, "recipients": []any{id("sam"), id("sec")}, "cc": []any{id("cy")},
		"repliesTo": []any{id("p")}})
	letter("p2", map[string]any{"title": "Second open letter", "authors": []any{id("pat")}, "recipients": []any{id("rhea")},
		"related": []any{id("r")}})
	return w
}

func (w *restrictedWorld) editorData(tb testing.TB, query string, vars map[string]any, v any) {
	tb.Helper()
	r := servertest.DoAs(tb, w.api.url, w.editor, query, vars)
	if len(r.Errors) > 0 {
		tb.Fatalf("errors: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		tb.Fatalf("data %s: %v", r.Data, err)
	}
}

// vars are the ids as variables; each query declares those it uses.
func (w *restrictedWorld) vars() map[string]any {
	v := map[string]any{}
	for k, id := range w.ids {
		v[k] = id
	}
	return v
}

// TestRestrictedLettersDoNotLeak asks every read of the API, as a reader, the
// questions whose honest answer involves the restricted letter R or the blind copy
// of P: no response names R, its words, or a link that only R or the BCC makes,
// and every count leaves them out. The same questions asked by the editor find
// them, so that a query that missed them for another reason would fail too.
func TestRestrictedLettersDoNotLeak(t *testing.T) {
	w := newRestrictedWorld(t)
	ids := w.ids
	tests := []struct {
		name  string
		query string
		// forbidden must not occur in the reader's response; want must, and so must
		// editorSees in the editor's. wantCode is the reader's error code, if any.
		forbidden  []string
		want       []string
		wantCode   string
		editorSees string
	}{
		{"a page of letters with every link",
			`{ letters(first: 50) { totalCount nodes { id title restricted bcc { correspondent { id } } replies { id } repliesTo { id } related { id } mentions { id } } } }`,
			[]string{ids["r"], "Zebra", ids["bea"]}, []string{`"totalCount":2`}, "", ids["r"]},
		{"the restricted letter by node(id:)",
			`query ($r: ID!) { node(id: $r) { id ... on Letter { title } } }`,
			[]string{"Zebra"}, []string{`"node":null`}, "", "Zebra"},
		{"the restricted letter by letter(id:)",
			`query ($r: ID!) { letter(id: $r) { id title } }`,
			[]string{"Zebra"}, []string{`"letter":null`}, "", "Zebra"},
		{"search for its words",
			`{ search(text: "zebraquux") { node { id } excerpt } }`,
			[]string{ids["r"], "zebraquux"}, []string{`"search":[]`}, "", ids["r"]},
		{"letters filtered by its words",
			`{ letters(filter: {text: "zebraquux"}) { totalCount nodes { id } } }`,
			[]string{ids["r"]}, []string{`"totalCount":0`}, "", ids["r"]},
		{"the letters of its author, and their count",
			`query ($pat: ID!) { correspondent(id: $pat) { lettersWritten { totalCount nodes { id } } } }`,
			[]string{ids["r"]}, []string{`"totalCount":2`}, "", ids["r"]},
		{"the letters of several correspondents at once",
			`{ correspondents(filter: {name: "Pat"}) { nodes { lettersWritten(first: 5) { totalCount nodes { id } } } } }`,
			[]string{ids["r"]}, []string{`"totalCount":2`}, "", ids["r"]},
		{"the letters and correspondents of the one blind-copied",
			`query ($bea: ID!) { correspondent(id: $bea) { lettersReceived { totalCount nodes { id } } lettersCopied { totalCount nodes { id } } correspondents { nodes { correspondent { id } letters } } } }`,
			[]string{ids["p"], ids["pat"]}, []string{`"totalCount":0`}, "", ids["pat"]},
		{"the correspondents of its author, with counts",
			`query ($pat: ID!) { correspondent(id: $pat) { correspondents { nodes { correspondent { id } letters wroteTo copiedOnMine } } } }`,
			[]string{ids["sam"], ids["sec"], ids["bea"], `"copiedOnMine":2`}, []string{ids["cy"]}, "", ids["sam"]},
		{"the correspondence of its author and its recipient",
			`query ($pat: ID!, $sam: ID!) { correspondence(between: $pat, and: $sam) { aToB bToA letters { totalCount nodes { id } } } }`,
			[]string{ids["r"]}, []string{`"aToB":0`, `"totalCount":0`}, "", ids["r"]},
		{"the correspondence of an author and the one blind-copied",
			`query ($pat: ID!, $bea: ID!) { correspondence(between: $pat, and: $bea) { aToB letters { totalCount nodes { id } } } }`,
			[]string{ids["p"]}, []string{`"aToB":0`, `"totalCount":0`}, "", ids["p"]},
		{"the letters that reached an organisation",
			`query ($sec: ID!) { letters(filter: {organisation: {organisation: $sec}}) { totalCount nodes { id } } }`,
			[]string{ids["r"]}, []string{`"totalCount":0`}, "", ids["r"]},
		{"the network of its author",
			`query ($pat: ID!) { network(center: $pat, depth: 2) { nodes { correspondent { id } } edges { from to weight } } }`,
			[]string{ids["sam"], ids["sec"], ids["bea"]}, []string{ids["rhea"]}, "", ids["sam"]},
		{"a network through blind copies",
			`query ($pat: ID!) { network(center: $pat, roles: [AUTHOR, BCC]) { nodes { correspondent { id } } } }`,
			[]string{ids["bea"]}, nil, "FORBIDDEN", ids["bea"]},
		{"paths to its recipient",
			`query ($pat: ID!, $sam: ID!) { paths(from: $pat, to: $sam) { hops { letter { id } } } }`,
			[]string{ids["r"]}, []string{`"paths":[]`}, "", ids["r"]},
		{"paths to the one blind-copied",
			`query ($rhea: ID!, $bea: ID!) { paths(from: $rhea, to: $bea) { hops { letter { id } } } }`,
			[]string{ids["p"]}, []string{`"paths":[]`}, "", ids["p"]},
		{"letters by blind copy",
			`query ($bea: ID!) { letters(filter: {involving: [{correspondent: $bea, role: BCC}]}) { nodes { id } } }`,
			[]string{ids["p"]}, nil, "FORBIDDEN", ids["p"]},
		{"the timeline",
			`{ timeline { points { letters } unplaced } }`,
			[]string{`"unplaced":3`}, []string{`"unplaced":2`}, "", `"unplaced":3`},
		{"the statistics",
			`{ statistics { letters links { kind count } topCorrespondents { correspondent { id } letters } } }`,
			[]string{`"kind":"BCC"`, `"letters":3`, ids["sam"], ids["sec"]}, []string{`"letters":2`}, "", `"kind":"BCC"`},
		{"the replies of the letter it answers",
			`query ($p: ID!) { letter(id: $p) { replies { id title } bcc { correspondent { id } } } }`,
			[]string{ids["r"], ids["bea"]}, []string{`"replies":[]`, `"bcc":[]`}, "", ids["r"]},
		{"the letters related to it",
			`query ($p2: ID!) { letter(id: $p2) { related { id title } } }`,
			[]string{ids["r"], "Zebra"}, []string{`"related":[]`}, "", ids["r"]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reader := servertest.Do(t, w.api.url, tc.query, w.vars())
			got := marshal(t, reader)
			for _, s := range tc.forbidden {
				if strings.Contains(got, s) {
					t.Errorf("reader's response has %q:\n%s", s, got)
				}
			}
			for _, s := range tc.want {
				if !strings.Contains(got, s) {
					t.Errorf("reader's response lacks %q:\n%s", s, got)
				}
			}
			gotCode := ""
			if len(reader.Errors) > 0 {
				gotCode, _ = reader.Errors[0].Extensions["code"].(string)
			}
			if gotCode != tc.wantCode {
				t.Errorf("reader's error code: got %q, want %q (%s)", gotCode, tc.wantCode, got)
			}
			editor := servertest.DoAs(t, w.api.url, w.editor, tc.query, w.vars())
			if got := marshal(t, editor); !strings.Contains(got, tc.editorSees) || len(editor.Errors) > 0 {
				t.Errorf("editor's response lacks %q or has errors:\n%s", tc.editorSees, got)
			}
		})
	}
}

// TestRestrictedLettersAreNotDelivered subscribes as a reader and then writes, as an
// editor, a restricted letter and a public one with a blind copy: the reader
// receives the public letter alone, without its blind copy.
func TestRestrictedLettersAreNotDelivered(t *testing.T) {
	w := newRestrictedWorld(t)
	sub := servertest.Subscribe(t, w.api.url, servertest.WS, `subscription { letterAdded { title restricted bcc { correspondent { id } } } }`, nil)
	n := 0
	probe := func() {
		n++
		w.editorData(t, `mutation ($t: String!) { createLetter(input: {title: $t}) { created } }`, map[string]any{"t": "probe " + strings.Repeat("i", n)}, &struct{}{})
	}
	sub.Await(t, probe, 10*time.Second)
	for _, in := range []map[string]any{
		{"title": "Another zebra memo", "restricted": true, "authors": []any{map[string]any{"id": w.ids["pat"]}}},
		{"title": "Another open letter", "authors": []any{map[string]any{"id": w.ids["pat"]}}, "bcc": []any{map[string]any{"id": w.ids["bea"]}}},
	} {
		w.editorData(t, `mutation ($in: LetterInput!) { createLetter(input: $in) { created } }`, map[string]any{"in": in}, &struct{}{})
	}
	var got []string
	for {
		r, ok := sub.Next(3 * time.Second)
		if !ok {
			break
		}
		if s := string(r.Data); !strings.Contains(s, "probe ") {
			got = append(got, s)
		}
	}
	want := []string{`{"letterAdded":{"title":"Another open letter","restricted":false,"bcc":[]}}`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reader received:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func marshal(tb testing.TB, r servertest.Response) string {
	tb.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// TestRestrictedWritesNeedTheRole: with RESTRICTED_ROLE=admin an editor may neither
// write what it could not read back nor change a letter it cannot see; an admin may,
// and lifting a letter's restriction shows it to the editor.
func TestRestrictedWritesNeedTheRole(t *testing.T) {
	editorKey, editorEntry, _ := auth.NewAPIKey("editor", auth.Editor)
	adminKey, adminEntry, _ := auth.NewAPIKey("admin", auth.Admin)
	cfg := testConfig()
	cfg.AnonymousRole = "none"
	cfg.RestrictedRole = "admin"
	cfg.APIKeys = []string{editorEntry, adminEntry}
	a := newAPIWith(t, cfg)
	const create = `mutation ($in: LetterInput!) { createLetter(input: $in) { letter { id } } }`
	var made struct {
		CreateLetter struct{ Letter struct{ ID string } }
	}
	r := servertest.DoAs(t, a.url, adminKey, create, map[string]any{"in": map[string]any{"title": "Sealed", "restricted": true}})
	if err := json.Unmarshal(r.Data, &made); err != nil || len(r.Errors) > 0 {
		t.Fatalf("admin creates a restricted letter: %s %+v", r.Data, r.Errors)
	}
	sealed := made.CreateLetter.Letter.ID
	tests := []struct {
		name     string
		token    string
		query    string
		vars     map[string]any
		wantCode string
	}{
		{"editor creates a restricted letter", editorKey, create,
			map[string]any{"in": map[string]any{"title": "Mine", "restricted": true}}, "FORBIDDEN"},
		{"editor creates a letter with a blind copy", editorKey, create,
			map[string]any{"in": map[string]any{"title": "Mine", "bcc": []any{map[string]any{"person": map[string]any{"name": "Bea Blind"}}}}}, "FORBIDDEN"},
		{"editor changes the restricted letter", editorKey, `mutation ($id: ID!) { updateLetter(id: $id, input: {title: "Open"}) { id } }`,
			map[string]any{"id": sealed}, "NOT_FOUND"},
		{"editor adds a blind copy", editorKey, `mutation ($id: ID!) { addBcc(letter: $id, party: {person: {name: "Bea Blind"}}) { id } }`,
			map[string]any{"id": sealed}, "FORBIDDEN"},
		{"editor looks the restricted letter up: null", editorKey, `query ($id: ID!) { letter(id: $id) { id } }`,
			map[string]any{"id": sealed}, ""},
		{"admin lifts the restriction", adminKey, `mutation ($id: ID!) { updateLetter(id: $id, input: {restricted: false}) { id restricted } }`,
			map[string]any{"id": sealed}, ""},
		{"editor changes the letter now open", editorKey, `mutation ($id: ID!) { updateLetter(id: $id, input: {title: "Open"}) { id } }`,
			map[string]any{"id": sealed}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := servertest.DoAs(t, a.url, tc.token, tc.query, tc.vars)
			gotCode := ""
			if len(r.Errors) > 0 {
				gotCode, _ = r.Errors[0].Extensions["code"].(string)
			}
			if gotCode != tc.wantCode {
				t.Errorf("code: got %q, want %q (%s %+v)", gotCode, tc.wantCode, r.Data, r.Errors)
			}
		})
	}
	r = servertest.DoAs(t, a.url, editorKey, `query ($id: ID!) { letter(id: $id) { title restricted } }`, map[string]any{"id": sealed})
	if got, want := string(r.Data), `{"letter":{"title":"Open","restricted":false}}`; got != want {
		t.Errorf("the letter after lifting its restriction, as the editor sees it: got %s, want %s", got, want)
	}
}
