package server_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

var update = flag.Bool("update", false, "rewrite the answers of docs/analysts.md")

const analystsGuide = "../../docs/analysts.md"

// block finds the fenced blocks of the guide: its info string and its text.
var block = regexp.MustCompile("(?s)```(graphql|json variables|json answer)\n(.*?)\n```")

// TestAnalystQuestions asks each question of docs/analysts.md of the sample letter
// through the HTTP handler and compares the answer with the guide's; -update writes
// the answers into the guide instead.
func TestAnalystQuestions(t *testing.T) {
	cfg := testConfig()
	cfg.AnonymousRole = "reader" // as make run serves GraphiQL
	a := newAPIWith(t, cfg)
	if _, _, err := seed.Load(neo4jtest.Context(), a.store); err != nil {
		t.Fatal(err)
	}
	guide, err := os.ReadFile(analystsGuide)
	if err != nil {
		t.Fatal(err)
	}
	sections := strings.Split(string(guide), "\n## ")
	asked := 0
	for i, section := range sections[1:] {
		title, _, _ := strings.Cut(section, "\n")
		var query, vars string
		found := block.FindAllStringSubmatchIndex(section, -1)
		for _, m := range found {
			kind, text := section[m[2]:m[3]], section[m[4]:m[5]]
			switch kind {
			case "graphql":
				query = text
			case "json variables":
				vars = text
			case "json answer":
				got := answer(t, a.url, title, query, resolveNames(t, a.url, vars))
				asked++
				if *update {
					section = section[:m[4]] + got + section[m[5]:]
					sections[i+1] = section
					break
				}
				if want := canonical(t, title, text); canonical(t, title, got) != want {
					t.Errorf("%s\ngot:\n%s\nwant:\n%s", title, got, text)
				}
			}
		}
	}
	if asked != 20 {
		t.Errorf("questions asked: %d, want 20", asked)
	}
	if *update {
		if err := os.WriteFile(analystsGuide, []byte(strings.Join(sections, "\n## ")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// answer runs the question and returns its data, indented, failing on errors.
func answer(tb testing.TB, url, title, query string, vars map[string]any) string {
	tb.Helper()
	r := servertest.Do(tb, url, query, vars)
	if len(r.Errors) > 0 {
		tb.Fatalf("%s: errors %+v", title, r.Errors)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, r.Data, "", "  "); err != nil {
		tb.Fatal(err)
	}
	return out.String()
}

// resolveNames reads the variables, putting for each "@Name" the id of the
// correspondent of that name.
func resolveNames(tb testing.TB, url, vars string) map[string]any {
	tb.Helper()
	if vars == "" {
		return nil
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(vars), &v); err != nil {
		tb.Fatalf("variables %s: %v", vars, err)
	}
	for k, val := range v {
		name, ok := strings.CutPrefix(val.(string), "@")
		if !ok {
			continue
		}
		var found struct {
			Correspondents struct{ Nodes []struct{ ID, Name string } }
		}
		r := servertest.Do(tb, url, `query ($n: String!) { correspondents(filter: {name: $n}) { nodes { id name } } }`,
			map[string]any{"n": name})
		if err := json.Unmarshal(r.Data, &found); err != nil || len(found.Correspondents.Nodes) == 0 {
			tb.Fatalf("no correspondent named %q (%s)", name, r.Data)
		}
		v[k] = found.Correspondents.Nodes[0].ID
		for _, n := range found.Correspondents.Nodes {
			if strings.EqualFold(n.Name, name) {
				v[k] = n.ID
			}
		}
	}
	return v
}

// canonical is a JSON text with every list sorted: the order of nodes of one depth
// in a network, or of results of one score, follows ids, which differ from one
// database to the next.
func canonical(tb testing.TB, title, s string) string {
	tb.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		tb.Fatalf("%s: answer is not JSON: %v", title, err)
	}
	b, _ := json.Marshal(sortLists(v))
	return string(b)
}

func sortLists(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = sortLists(e)
		}
	case []any:
		keys := make([]string, len(v))
		for i, e := range v {
			v[i] = sortLists(e)
			b, _ := json.Marshal(v[i])
			keys[i] = string(b)
		}
		sort.Sort(byKeys{v, keys})
	}
	return v
}

// byKeys sorts a list by the JSON text of its elements.
type byKeys struct {
	list []any
	keys []string
}

func (b byKeys) Len() int           { return len(b.list) }
func (b byKeys) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKeys) Swap(i, j int) {
	b.list[i], b.list[j] = b.list[j], b.list[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
