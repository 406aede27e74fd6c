package server_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
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
	used := map[string]int{}
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
				if want := canonical(t, title, text, used); canonical(t, title, got, used) != want {
					t.Errorf("%s\ngot:\n%s\nwant:\n%s", title, got, text)
				}
			}
		}
	}
	if asked != 20 {
		t.Errorf("questions asked: %d, want 20", asked)
	}
	for path, rule := range unordered {
		if used[path] == 0 && !*update {
			t.Errorf("no answer has the list %s (%s): take it off unordered", path, rule.why)
		}
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

// unordered are the lists of the guide's answers whose order is not the API's to
// give, by their JSON path ("[]" steps into a list's elements), each with its reason.
// group names, for an element, the part of its order that the API does define: the
// elements must come in the order of their groups, and within a run of one group they
// are compared as a set. Every other list is compared in order: pages of letters (by
// date), of correspondents (by name or by a count), authors, recipients and cc (by
// position), offices (by name), a path's hops (along the chain), timeline points (by
// period), statistics' links (by kind), top correspondents (by count, then name) and
// search results (by score).
var unordered = map[string]struct {
	why   string
	group func(e any, i int) string
}{
	"letters.nodes[].onBehalfOf": {"ON_BEHALF_OF has no position: the organisations come in database order", same},
	"letters.nodes[].related":    {"RELATED_TO has no position: related letters come in database order", same},
	"letters.nodes[].mentions":   {"MENTIONS has no position: what a letter mentions comes in database order", same},
	"network.nodes": {"nodes come by depth, then by id", func(e any, i int) string {
		if d, ok := e.(map[string]any)["depth"]; ok {
			return fmt.Sprint(d)
		}
		// An answer without depths still shows the centre first: it alone has depth 0.
		return fmt.Sprint(i == 0)
	}},
	"network.edges": {"edges come heaviest first, then by the ids of their ends", func(e any, _ int) string {
		return fmt.Sprint(e.(map[string]any)["weight"])
	}},
	"paths": {"the shortest paths come in the order the database finds them", same},
}

// same puts every element of a list in one group: the list is a set.
func same(any, int) string { return "" }

// canonical is a JSON text with the lists of unordered in a canonical order (see
// there); used counts the rules applied, so that a rule that matches nothing is
// noticed.
func canonical(tb testing.TB, title, s string, used map[string]int) string {
	tb.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		tb.Fatalf("%s: answer is not JSON: %v", title, err)
	}
	b, _ := json.Marshal(sortUnordered(v, "", used))
	return string(b)
}

// sortUnordered sorts, in each list that unordered names, every run of elements of
// one group by their JSON text, leaving the runs where they are: an element out of
// its group's place still shows.
func sortUnordered(v any, path string, used map[string]int) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			p := k
			if path != "" {
				p = path + "." + k
			}
			v[k] = sortUnordered(e, p, used)
		}
	case []any:
		keys := make([]string, len(v))
		for i, e := range v {
			v[i] = sortUnordered(e, path+"[]", used)
			b, _ := json.Marshal(v[i])
			keys[i] = string(b)
		}
		rule, ok := unordered[path]
		if !ok {
			return v
		}
		used[path]++
		groups := make([]string, len(v))
		for i, e := range v {
			groups[i] = rule.group(e, i)
		}
		for start := 0; start < len(v); {
			end := start + 1
			for end < len(v) && groups[end] == groups[start] {
				end++
			}
			sort.Sort(byKeys{v[start:end], keys[start:end]})
			start = end
		}
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
