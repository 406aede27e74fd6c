package server_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/export"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// The non-interference suite (docs/security.md, Provenance): a generated corpus with
// restricted letters and blind copies scattered through it is loaded, and a battery
// of reads is asked as a reader; then the same corpus without them (restricted
// letters left out, blind copies taken off) is loaded into the emptied database and
// the battery asked again. A reader must not be able to tell the two graphs apart:
// every answer, compared by names, titles and external ids (ids differ between
// loads), must be the same.

// battery is the reads a reader asks, by name. Queries that need a correspondent's
// id take it by name ($a, $b: two busy public correspondents, found in each graph).
var battery = []struct{ name, query string }{
	{"letters", `{ letters(first: 100) { totalCount nodes { externalId title contentHash stub restricted
		authors { correspondent { ...who } capacity } recipients { correspondent { ...who } as } cc { correspondent { ...who } } bcc { correspondent { ...who } }
		onBehalfOf { name } writtenAt { name } mentions { ... on Letter { title } ...who }
		repliesTo { title externalId stub importedAt } replies { externalId } related { title } } } }`},
	{"letters with stubs", `{ letters(first: 100, filter: {includeStubs: true}, orderBy: TITLE_ASC) { totalCount nodes { title stub } } }`},
	{"letters by text", `{ letters(first: 100, filter: {text: "report"}) { totalCount nodes { externalId } } }`},
	{"letters reaching an organisation", `query ($org: ID!) { letters(first: 100, filter: {organisation: {organisation: $org}}) { totalCount nodes { externalId } } }`},
	{"correspondents", `{ correspondents(first: 100) { totalCount nodes { ...who ...details } } }`},
	{"correspondents by name", `{ correspondents(first: 100, filter: {name: "a"}) { totalCount nodes { ...who } } }`},
	{"people", `{ correspondents(first: 100, filter: {kinds: [PERSON]}) { totalCount } }`},
	{"search the letters", `{ search(text: "report", first: 10) { score node { ... on Letter { externalId } ...who } } }`},
	{"search a word of the restricted letters", `{ search(text: "zebra", first: 10) { score node { ... on Letter { externalId } ...who } } }`},
	{"search names", `{ search(text: "secret", first: 10, kinds: [PERSON, ORGANISATION, OFFICE]) { score node { ...who } } }`},
	{"search an alias", `{ search(text: "alias", first: 10) { score node { ...who } } }`},
	{"search informants", `{ search(text: "informant", first: 10) { score node { ...who } } }`},
	{"search blind", `{ search(text: "blind", first: 10) { score node { ...who } } }`},
	{"a busy correspondent", `query ($a: ID!) { correspondent(id: $a) { ...who ...details
		lettersWritten(first: 100) { totalCount nodes { externalId } } lettersReceived(first: 100) { totalCount } lettersCopied(first: 100) { totalCount }
		correspondents(first: 100) { nodes { correspondent { ...who } letters wroteTo receivedFrom copiedOnMine copiedOnTheirs copiedAlongside firstDate lastDate } } } }`},
	{"the correspondence of two", `query ($a: ID!, $b: ID!) { correspondence(between: $a, and: $b) { aToB bToA reciprocal letters(first: 100) { totalCount nodes { externalId } } } }`},
	{"a network", `query ($a: ID!) { network(center: $a, depth: 2, limit: 200) { truncated nodes { depth correspondent { id ...who } } edges { from to kind weight } } }`},
	{"paths", `query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 3, first: 10) { hops { from { ...who } fromRole letter { externalId } to { ...who } toRole } } }`},
	{"timeline", `{ timeline(bucket: YEAR) { unplaced points { period letters } } }`},
	{"statistics", `{ statistics { letters stubs persons organisations offices places links { kind count } topCorrespondents(first: 20) { letters correspondent { ...who } } } }`},
}

// batteryFragments are the fragments the battery's queries share.
var batteryFragments = []struct{ name, text string }{
	{"who", `
fragment who on Correspondent { name }`},
	{"details", `
fragment details on Correspondent {
	... on Person { honorific aliases emails authorityIds holds { office { name } from to } memberships { organisation { name } role from to } }
	... on Organisation { acronym kind aliases authorityIds offices { name } members { person { name } role } partOf { name } parts { name } }
	... on Office { organisation { name } holders { person { name } } }
}`},
}

// askBattery loads docs into the emptied database (with fresh full-text indexes, so
// that scores count only what is loaded) and asks the battery as an anonymous reader.
// The answers are canonical: ids replaced by the names of their nodes, lists sorted.
func askBattery(t *testing.T, a *api, docs []domain.LetterInput) map[string]string {
	t.Helper()
	neo4jtest.Wipe(t)
	for _, idx := range []string{"letter_search", "correspondent_search", "letter_search_open", "correspondent_search_open"} {
		neo4jtest.Exec(t, "DROP INDEX "+idx+" IF EXISTS", nil)
	}
	ctx := neo4jtest.Context()
	if err := a.store.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for start := 0; start < len(docs); start += 50 {
		results, err := a.store.ImportLetters(ctx, docs[start:min(start+50, len(docs))])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range results {
			if r.Err != nil {
				t.Fatalf("import: %v", r.Err)
			}
		}
	}
	vars := map[string]any{}
	for key, name := range map[string]string{"a": batteryPeople[0], "b": batteryPeople[1], "org": batteryPeople[2]} {
		var out struct {
			Correspondents struct{ Nodes []struct{ ID, Name string } }
		}
		a.data(t, `query ($n: String!) { correspondents(filter: {name: $n}, first: 5) { nodes { id name } } }`, map[string]any{"n": name}, &out)
		for _, n := range out.Correspondents.Nodes {
			if n.Name == name {
				vars[key] = n.ID
			}
		}
		if vars[key] == nil {
			t.Fatalf("no correspondent %q in the graph", name)
		}
	}
	answers := map[string]string{}
	for _, q := range battery {
		query := q.query
		for _, f := range batteryFragments {
			if strings.Contains(query, "..."+f.name) {
				query += f.text
			}
		}
		r := a.do(t, query, vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", q.name, r.Errors)
		}
		var v any
		if err := json.Unmarshal(r.Data, &v); err != nil {
			t.Fatalf("%s: %v", q.name, err)
		}
		names := map[string]string{}
		collectNames(v, names)
		answers[q.name] = canonicalJSON(v, names)
	}
	for _, fm := range export.Formats {
		status, _, body := download(t, a.url, "/export/"+fm.Name, "")
		if status != 200 {
			t.Fatalf("export %s: status %d", fm.Name, status)
		}
		answers["export "+fm.Name] = canonicalExport(body)
	}
	return answers
}

// exportNoise is what differs between two exports of the same graph: ids (random,
// spelt as ULIDs), edges numbered in the order of their ends' ids, and the time of
// the export.
var exportNoise = regexp.MustCompile(`\b[0-9A-HJKMNP-TV-Z]{26}\b|<edge id="\d+"|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)|lastmodifieddate="[^"]*"`)

// canonicalExport is an export's lines without ids and times, JSON lines canonical,
// sorted.
func canonicalExport(body string) string {
	lines := strings.Split(strings.TrimSpace(body), "\n")
	for i, l := range lines {
		var v any
		if err := json.Unmarshal([]byte(l), &v); err == nil {
			l = canonicalJSON(v, nil)
		}
		lines[i] = exportNoise.ReplaceAllString(l, "…")
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// batteryPeople are two busy public correspondents of the corpus of seed 5, and an
// organisation, found by name in each graph.
var batteryPeople = []string{"", "", ""}

// collectNames maps the id of every object in v that has a name, title or external
// id to that name.
func collectNames(v any, names map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["id"].(string); ok {
			for _, k := range []string{"name", "title", "externalId"} {
				if s, ok := x[k].(string); ok {
					names[id] = "#" + s
					break
				}
			}
		}
		for _, e := range x {
			collectNames(e, names)
		}
	case []any:
		for _, e := range x {
			collectNames(e, names)
		}
	}
}

// canonicalJSON writes v with ids replaced by names, id fields dropped, import times
// dropped (each load writes its own), and every list sorted.
func canonicalJSON(v any, names map[string]string) string {
	switch x := v.(type) {
	case map[string]any:
		var keys []string
		for k := range x {
			if k != "id" && k != "importedAt" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		var b strings.Builder
		b.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(k + ":" + canonicalJSON(x[k], names))
		}
		return b.String() + "}"
	case []any:
		items := make([]string, len(x))
		for i, e := range x {
			items[i] = canonicalJSON(e, names)
		}
		sort.Strings(items)
		return "[" + strings.Join(items, ",") + "]"
	case string:
		if n, ok := names[x]; ok {
			return n
		}
		b, _ := json.Marshal(x)
		return string(b)
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

// TestNonInterference: a reader's answers on the graph with restricted letters and
// blind copies are those on the graph without them.
func TestNonInterference(t *testing.T) {
	cfg := testConfig()
	cfg.AnonymousRole = "reader"
	a := newAPIWith(t, cfg)
	full, open := hiddenCorpus(t, 90, 5)
	chooseBatteryPeople(t, open)
	with := askBattery(t, a, full)
	// The hidden material is there to be found: the test would pass on a corpus
	// without it.
	for what, cypher := range map[string]string{
		"restricted letters":                     `MATCH (n:Restricted) RETURN count(n) AS n`,
		"correspondents only hidden ones name":   `MATCH (n:Correspondent:Hidden) RETURN count(n) AS n`,
		"blind copies":                           `MATCH ()-[r:BCC]->() RETURN count(r) AS n`,
		"details only hidden letters give":       `MATCH (n:Correspondent) WHERE size(n.aliases) > size(n.openAliases) RETURN count(n) AS n`,
		"place details only hidden letters give": `MATCH (p:Place) WHERE size(p.authorityIds) > size(coalesce(p.openAuthorityIds, [])) AND NOT p:Hidden RETURN count(p) AS n`,
		"names only hidden letters give":         `MATCH (n:Person) WHERE any(a IN n.aliases WHERE a STARTS WITH 'Secret Spelling') AND NOT n:Hidden RETURN count(n) AS n`,
		"affiliations only hidden letters give":  `MATCH (a)-[r:MEMBER_OF]->(b) WHERE r.seen IS NULL AND NOT a:Hidden AND NOT b:Hidden RETURN count(r) AS n`,
		"stubs standing for restricted letters":  `MATCH (n:Proxy) RETURN count(n) AS n`,
		"affiliations of visible parties that only a blind copy names": `MATCH (l:Letter)-[:ASSERTS {blind: true}]->(g)<-[m:MEMBER_OF|HOLDS]-(:Person)-[:WROTE|ADDRESSED_TO|CC]-(l)
			WHERE m.seen AND NOT EXISTS { (l)-[t]-(g) WHERE t.blind IS NULL AND type(t) <> 'BCC' } RETURN count(DISTINCT l) AS n`,
	} {
		if n := neo4jtest.Exec(t, cypher, nil)[0]["n"].(int64); n == 0 {
			t.Errorf("the corpus has no %s", what)
		}
	}
	without := askBattery(t, a, open)
	var names []string
	for name := range with {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if with[name] != without[name] {
			t.Errorf("%s: a reader tells the graphs apart\nwith the hidden material:\n%s\nwithout:\n%s",
				name, firstDifference(with[name], without[name]), firstDifference(without[name], with[name]))
		}
	}
	if len(names) != len(battery)+len(export.Formats) {
		t.Errorf("%d answers, want %d", len(names), len(battery)+len(export.Formats))
	}
}

// chooseBatteryPeople picks the two people who write most in open, and the
// organisation most named, for the battery's questions about one correspondent.
func chooseBatteryPeople(tb testing.TB, open []domain.LetterInput) {
	tb.Helper()
	people, orgs := map[string]int{}, map[string]int{}
	for _, in := range open {
		for _, p := range append(append(slices.Clone(in.Authors), in.Recipients...), in.CC...) {
			switch {
			case p.Person != nil:
				people[p.Person.Name]++
			case p.Organisation != nil:
				orgs[p.Organisation.Name]++
			}
		}
	}
	top := func(m map[string]int, skip string) string {
		best, n := "", -1
		for k, v := range m {
			if k != skip && (v > n || v == n && k < best) {
				best, n = k, v
			}
		}
		return best
	}
	batteryPeople[0] = top(people, "")
	batteryPeople[1] = top(people, batteryPeople[0])
	batteryPeople[2] = top(orgs, "")
	if batteryPeople[2] == "" {
		tb.Fatal("the corpus names no organisation")
	}
}

// firstDifference is a's text from a little before where it first differs from b.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-300)
	return "…" + a[start:min(len(a), i+300)] + "…" + fmt.Sprint(i)
}
