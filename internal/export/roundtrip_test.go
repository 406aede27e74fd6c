package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/export"
	"github.com/lettergraph/lettergraph/internal/gen"
	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
)

// exportAs writes the letters f selects in the format named, through store, as ctx's
// caller may see them.
func exportAs(tb testing.TB, ctx context.Context, store *neo4jstore.Store, format string, f domain.LetterFilter) []byte {
	tb.Helper()
	fm, ok := export.FormatByName(format)
	if !ok {
		tb.Fatalf("no format %q", format)
	}
	var buf bytes.Buffer
	if err := fm.Write(ctx, store, f, &buf, export.Options{Now: now}); err != nil {
		tb.Fatalf("export %s: %v", format, err)
	}
	return buf.Bytes()
}

// importInto imports data as `lettergraph import` does (format detected), every
// document expected to succeed.
func importInto(tb testing.TB, ctx context.Context, store *neo4jstore.Store, name string, data []byte) ingest.Summary {
	tb.Helper()
	im := &ingest.Importer{Writer: store, Options: ingest.Options{BatchSize: 500}}
	im.OnOutcome = func(o ingest.Outcome) {
		if o.Err != nil {
			tb.Errorf("importing %s: %v", o.Origin, o.Err)
		}
	}
	sum, err := im.Import(ctx, []ingest.Source{ingest.StringSource(name, string(data))})
	if err != nil {
		tb.Fatalf("importing %s: %v", name, err)
	}
	return sum
}

// TestExportSeedLetterInEveryFormat exports the seed letter in each format and reads
// each file back: the network has its six correspondents and the author's five
// edges, the four cc among them as COPIED from Ebrahim Khodabandeh; the letter
// formats have the one letter with its author, recipient and four cc.
func TestExportSeedLetterInEveryFormat(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	if _, _, err := seed.Load(ctx, store); err != nil {
		t.Fatal(err)
	}
	all := domain.LetterFilter{}

	// The network, in both formats: node names by id, and the edges named.
	edgesOf := func(nodes map[string]string, edges [][3]string) []string {
		var out []string
		for _, e := range edges {
			out = append(out, nodes[e[0]]+" "+e[2]+" "+nodes[e[1]])
		}
		slices.Sort(out)
		return out
	}
	wantEdges := []string{
		"Ebrahim Khodabandeh COPIED Association for Supporting Iranians Living in Albania",
		"Ebrahim Khodabandeh COPIED Foreign Minister",
		"Ebrahim Khodabandeh COPIED Minister of Interior",
		"Ebrahim Khodabandeh COPIED The Media",
		"Ebrahim Khodabandeh WROTE_TO Edi Rama",
	}
	graphml := parseXML(t, exportAs(t, ctx, store, "graphml", all)).one(t, "graph")
	nodes := map[string]string{}
	var edges [][3]string
	for _, n := range graphml.all("node") {
		for _, d := range n.all("data") {
			if d.attr("key") == "label" {
				nodes[n.attr("id")] = d.Text
			}
		}
	}
	for _, e := range graphml.all("edge") {
		for _, d := range e.all("data") {
			if d.attr("key") == "edgelabel" {
				edges = append(edges, [3]string{e.attr("source"), e.attr("target"), d.Text})
			}
		}
	}
	if len(nodes) != 6 || fmt.Sprint(edgesOf(nodes, edges)) != fmt.Sprint(wantEdges) {
		t.Errorf("GraphML: %d nodes, edges %q", len(nodes), edgesOf(nodes, edges))
	}
	gexf := parseXML(t, exportAs(t, ctx, store, "gexf", all)).one(t, "graph")
	nodes, edges = map[string]string{}, nil
	for _, n := range gexf.one(t, "nodes").all("node") {
		nodes[n.attr("id")] = n.attr("label")
	}
	for _, e := range gexf.one(t, "edges").all("edge") {
		edges = append(edges, [3]string{e.attr("source"), e.attr("target"), e.attr("kind")})
	}
	if len(nodes) != 6 || fmt.Sprint(edgesOf(nodes, edges)) != fmt.Sprint(wantEdges) {
		t.Errorf("GEXF: %d nodes, edges %q", len(nodes), edgesOf(nodes, edges))
	}

	// The letter formats.
	tei := parseXML(t, exportAs(t, ctx, store, "cmif", all))
	descs := tei.one(t, "teiHeader").one(t, "profileDesc").all("correspDesc")
	if len(descs) != 1 {
		t.Fatalf("CMIF: %d correspDesc, want 1", len(descs))
	}
	var actions []string
	for _, a := range descs[0].all("correspAction") {
		typ := a.attr("type")
		if sub := a.attr("subtype"); sub != "" {
			typ += "/" + sub
		}
		actions = append(actions, fmt.Sprintf("%s:%d", typ, len(a.all("persName"))+len(a.all("orgName"))))
	}
	if got := strings.Join(actions, " "); got != "sent:1 received:1 received/cc:4" {
		t.Errorf("CMIF actions: %s", got)
	}
	docs := readBack(t, canonical.Read, exportAs(t, ctx, store, "ndjson", all))
	if len(docs) != 1 || len(docs[0].Authors) != 1 || len(docs[0].Recipients) != 1 || len(docs[0].CC) != 4 {
		t.Errorf("NDJSON: %d documents, want one with 1 author, 1 recipient, 4 cc", len(docs))
	}
	for format, rows := range map[string]int{"letters.csv": 2, "links.csv": 7} {
		got, err := csv.NewReader(bytes.NewReader(exportAs(t, ctx, store, format, all))).ReadAll()
		if err != nil || len(got) != rows {
			t.Errorf("%s: %d rows (%v), want %d with the header", format, len(got), err, rows)
		}
	}
}

// fixtureCorpus is a generated corpus with the seed letter, and a restricted letter
// with a blind copy, written as imports write them.
func fixtureCorpus(tb testing.TB, ctx context.Context, store *neo4jstore.Store, letters int) {
	tb.Helper()
	var docs []domain.LetterInput
	if err := gen.Generate(gen.Config{Letters: letters, Seed: 3}, func(_ int, in domain.LetterInput) error {
		docs = append(docs, in)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	person := func(name string) domain.PartyInput { return domain.PartyInput{Person: &domain.PersonInput{Name: name}} }
	docs = append(docs, domain.LetterInput{Title: "Zebra memo", Restricted: true, Authors: []domain.PartyInput{person("Pat Public")},
		Recipients: []domain.PartyInput{person("Sam Secret")}, BCC: []domain.PartyInput{person("Bea Blind")}})
	if _, err := store.ImportLetters(ctx, docs); err != nil {
		tb.Fatal(err)
	}
	if _, _, err := seed.Load(ctx, store); err != nil {
		tb.Fatal(err)
	}
}

// brief shows at most n lines of a diff, each cut short: a letter's body makes long
// lines, and one changed letter many (its own and every relationship's).
func brief(lines []string, n int) string {
	var out []string
	for i, l := range lines {
		if i == n {
			out = append(out, fmt.Sprintf("… and %d lines more", len(lines)-n))
			break
		}
		if r := []rune(l); len(r) > 400 {
			l = string(r[:400]) + "…"
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// TestExportNDJSONRoundTrip exports a graph as NDJSON, imports the file into an empty
// database as `lettergraph import` does, and finds the same graph: every node with
// every stored property (letters' bodies, content hashes and search texts included)
// and labels (restricted too), and every relationship with its properties (positions,
// capacities, holdings and memberships with their dates).
func TestExportNDJSONRoundTrip(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	fixtureCorpus(t, ctx, store, 150)
	// A volatile property that is no longer stored would only hide a new one of the
	// same name: the list must stay exact.
	keys := neo4jtest.StoredKeys(t)
	for k := range neo4jtest.Volatile {
		if !keys[k] {
			t.Errorf("volatile property %q is not stored; take it off the list", k)
		}
	}
	for _, k := range []string{"body", "contentHash", "searchText"} {
		if !keys[k] {
			t.Errorf("property %q is not stored, so the round trip does not compare it", k)
		}
	}
	before := neo4jtest.Fingerprint(t)
	data := exportAs(t, ctx, store, "ndjson", domain.LetterFilter{})
	neo4jtest.Wipe(t)
	sum := importInto(t, ctx, store, "export.ndjson", data)
	if sum.Created != 152 || sum.Failed != 0 {
		t.Errorf("import: %+v, want 152 letters created", sum)
	}
	after := neo4jtest.Fingerprint(t)
	if d := neo4jtest.Diff(before, after, "before", "after"); len(d) > 0 {
		t.Errorf("the graph differs after export and import (%d lines before, %d after):\n%s", len(before), len(after), brief(d, 20))
	}
	if got := neo4jtest.Exec(t, `MATCH (l:Restricted) RETURN count(l) AS n`, nil)[0]["n"]; got != int64(1) {
		t.Errorf("restricted letters after: %v, want 1", got)
	}
}

// cmifView describes what CMIF carries of every letter: its parties in each role, in
// order (as CMIF names them), its dates, place, language and mentions.
func cmifView(tb testing.TB, ctx context.Context, store *neo4jstore.Store) []string {
	tb.Helper()
	named := func(c domain.Correspondent) string {
		el, name, ids := export.CMIFName(c)
		return fmt.Sprintf("%s %s %v", el, name, ids)
	}
	var out []string
	err := store.EachLetter(ctx, domain.LetterFilter{}, func(r *domain.LetterRecord) error {
		l := r.Letter
		var roles []string
		for _, ps := range [][]domain.Party{l.Authors, l.Recipients, l.CC, l.BCC} {
			var names []string
			for _, p := range ps {
				names = append(names, named(p.Correspondent))
			}
			roles = append(roles, strings.Join(names, ", "))
		}
		place := ""
		if l.WrittenAt != nil {
			place = fmt.Sprint(l.WrittenAt.Name, l.WrittenAt.AuthorityIDs)
		}
		var mentions []string
		for _, m := range l.Mentions {
			switch m := m.(type) {
			case domain.Correspondent:
				_, name, _ := export.CMIFName(m)
				mentions = append(mentions, name)
			case *domain.Place:
				mentions = append(mentions, m.Name)
			}
		}
		slices.Sort(mentions)
		out = append(out, fmt.Sprintf("%s | %s %s %s..%s | %s | %s | %v", strings.Join(roles, " | "), dateOf(l.Date), l.DatePrecision,
			dateOf(l.DateNotBefore), dateOf(l.DateNotAfter), place, l.Language, mentions))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// correspDescs is a CMIF file's lines with each correspDesc element on one line, the
// elements sorted.
func correspDescs(file string) []string {
	var out, desc []string
	for _, line := range strings.Split(file, "\n") {
		switch {
		case strings.Contains(line, "<correspDesc"):
			desc = []string{line}
		case desc != nil:
			desc = append(desc, line)
			if strings.Contains(line, "</correspDesc>") {
				out = append(out, strings.Join(desc, "\n"))
				desc = nil
			}
		default:
			out = append(out, line)
		}
	}
	slices.Sort(out)
	return out
}

// TestExportCMIFRoundTrip exports a graph as CMIF, imports the file into an empty
// database, and finds the same letters with the same parties in the same roles and
// order, dates, places, languages and mentions: all that CMIF carries (an office
// comes back as an organisation named as CMIFName names it).
func TestExportCMIFRoundTrip(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	fixtureCorpus(t, ctx, store, 100)
	before := cmifView(t, ctx, store)
	data := exportAs(t, ctx, store, "cmif", domain.LetterFilter{})
	neo4jtest.Wipe(t)
	if sum := importInto(t, ctx, store, "export.xml", data); sum.Created != 102 {
		t.Errorf("import: %+v, want 102 letters created", sum)
	}
	after := cmifView(t, ctx, store)
	if d := neo4jtest.Diff(before, after, "before", "after"); len(d) > 0 {
		t.Errorf("the letters differ after export and import:\n%s", strings.Join(d, "\n"))
	}
	// Exporting what was imported gives the same file, but for the order of the
	// letters: they come in id order, and ids are random (no creation time).
	again := exportAs(t, ctx, store, "cmif", domain.LetterFilter{})
	first, second := correspDescs(string(data)), correspDescs(string(again))
	for i := range min(len(first), len(second)) {
		if first[i] != second[i] {
			t.Fatalf("exporting what was imported gives another file: line %d is\n%s\nthen\n%s", i+1, first[i], second[i])
		}
	}
	if len(first) != len(second) {
		t.Errorf("exporting what was imported gives %d lines, then %d", len(first), len(second))
	}
}
