package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/gen"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
)

// exported is what the exporter reads for one filter.
type exported struct {
	letters []*domain.LetterRecord
	nodes   []domain.Correspondent
	edges   []domain.DatedEdge
}

func exportAll(tb testing.TB, ctx context.Context, store *neo4jstore.Store, f domain.LetterFilter) exported {
	tb.Helper()
	var out exported
	if err := store.EachLetter(ctx, f, func(r *domain.LetterRecord) error { out.letters = append(out.letters, r); return nil }); err != nil {
		tb.Fatalf("EachLetter: %v", err)
	}
	if err := store.EachCorrespondent(ctx, f, func(c domain.Correspondent) error { out.nodes = append(out.nodes, c); return nil }); err != nil {
		tb.Fatalf("EachCorrespondent: %v", err)
	}
	if err := store.EachEdge(ctx, f, func(e domain.DatedEdge) error { out.edges = append(out.edges, e); return nil }); err != nil {
		tb.Fatalf("EachEdge: %v", err)
	}
	return out
}

// TestExportReadsTheSeedLetter reads the seed letter as an export does: the letter
// with its parties, the offices and affiliations of its people, its related stubs;
// its six correspondents; and the author's edges, a WROTE_TO and four COPIED.
func TestExportReadsTheSeedLetter(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	if _, _, err := seed.Load(ctx, store); err != nil {
		t.Fatal(err)
	}
	got := exportAll(t, ctx, store, domain.LetterFilter{})
	if len(got.letters) != 1 {
		t.Fatalf("letters: %d, want 1", len(got.letters))
	}
	r := got.letters[0]
	name := func(c domain.Correspondent) string { return c.DisplayName() }
	ids := map[string]string{} // name → id
	for _, c := range got.nodes {
		ids[name(c)] = c.NodeID()
	}
	var holdings, memberships []string
	for id, hs := range r.Holdings {
		for _, h := range hs {
			holdings = append(holdings, fmt.Sprintf("%t holds %s of %s", id == ids["Edi Rama"], h.Office.Title, h.Office.Organisation.Name))
		}
	}
	for id, ms := range r.Memberships {
		for _, m := range ms {
			memberships = append(memberships, fmt.Sprintf("%t member of %s as %s", id == ids["Ebrahim Khodabandeh"], m.Organisation.Name, m.Role))
		}
	}
	var related []string
	for _, l := range r.Letter.Related {
		related = append(related, fmt.Sprint(l.Stub))
	}
	var nodes []string
	for _, c := range got.nodes {
		nodes = append(nodes, name(c))
	}
	slices.Sort(nodes)
	var edges []string
	for _, e := range got.edges {
		from, to := "", ""
		for n, id := range ids {
			if id == e.From {
				from = n
			}
			if id == e.To {
				to = n
			}
		}
		edges = append(edges, fmt.Sprintf("%s %s %s %d", from, e.Kind, to, e.Weight))
	}
	slices.Sort(edges)
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"parties", fmt.Sprint(len(r.Letter.Authors), len(r.Letter.Recipients), len(r.Letter.CC)), "1 1 4"},
		{"holdings", holdings, []string{"true holds Prime Minister of Albania"}},
		{"memberships", memberships, []string{"true member of Nejat Society as CEO"}},
		{"related", related, []string{"true", "true", "true"}},
		{"nodes", nodes, []string{"Association for Supporting Iranians Living in Albania", "Ebrahim Khodabandeh", "Edi Rama",
			"Foreign Minister", "Minister of Interior", "The Media"}},
		{"edges", edges, []string{
			"Ebrahim Khodabandeh COPIED Association for Supporting Iranians Living in Albania 1",
			"Ebrahim Khodabandeh COPIED Foreign Minister 1",
			"Ebrahim Khodabandeh COPIED Minister of Interior 1",
			"Ebrahim Khodabandeh COPIED The Media 1",
			"Ebrahim Khodabandeh WROTE_TO Edi Rama 1"}},
	} {
		if fmt.Sprint(c.got) != fmt.Sprint(c.want) {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
}

// TestExportPagesAndFilters exports a generated corpus in batches of 7 under filters
// of both kinds (conditions only, read in id order; text and involvements, which
// start from an index) and checks the three streams against each other and the
// store: the letters are those CountLetters counts, in order of id, each once; the
// nodes are exactly their parties; the edges are what their parties make, as
// counted here from the letters.
func TestExportPagesAndFilters(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	var docs []domain.LetterInput
	if err := gen.Generate(gen.Config{Letters: 120, Seed: 5}, func(_ int, in domain.LetterInput) error {
		docs = append(docs, in)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.ImportLetters(ctx, docs); err != nil {
		t.Fatal(err)
	}
	first := exportAll(t, ctx, store, domain.LetterFilter{})
	busiest := busiestAuthor(first.letters)
	other := first.letters[0].Letter.Recipients[0].Correspondent.NodeID()
	org := ""
	for _, r := range first.letters {
		for _, p := range slices.Concat(r.Letter.Recipients, r.Letter.CC) {
			if o, ok := p.Correspondent.(*domain.Office); ok && o.Organisation != nil && org == "" {
				org = o.Organisation.ID
			}
		}
	}
	from, to := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2010, 12, 31, 0, 0, 0, 0, time.UTC)
	defer neo4jstore.SetExportBatches(7)()
	for _, tt := range []struct {
		name string
		f    domain.LetterFilter
	}{
		{"all", domain.LetterFilter{}},
		{"dates", domain.LetterFilter{DateFrom: &from, DateTo: &to}},
		{"formats and stubs", domain.LetterFilter{Formats: []domain.SourceFormat{domain.FormatJSON}, IncludeStubs: true}},
		{"organisation", domain.LetterFilter{Organisation: &domain.OrganisationInvolvement{OrganisationID: org, Offices: true, Members: true, Parts: true}}},
		{"text", domain.LetterFilter{Text: "the"}},
		{"one involvement", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: busiest, Role: domain.RoleAuthor}}}},
		{"two involvements", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: busiest}, {CorrespondentID: other}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := exportAll(t, ctx, store, tt.f)
			n, err := store.CountLetters(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.letters) != n {
				t.Errorf("letters: %d, CountLetters %d", len(got.letters), n)
			}
			if n == 0 && tt.name != "two involvements" {
				t.Errorf("the filter selects nothing")
			}
			for i := 1; i < len(got.letters); i++ {
				if got.letters[i-1].Letter.ID >= got.letters[i].Letter.ID {
					t.Fatalf("letters out of order at %d", i)
				}
			}
			wantNodes, wantEdges := networkOf(got.letters)
			var nodes []string
			for _, c := range got.nodes {
				nodes = append(nodes, c.NodeID())
			}
			if !slices.IsSorted(nodes) || fmt.Sprint(nodes) != fmt.Sprint(wantNodes) {
				t.Errorf("nodes: %d, want the letters' %d parties in order of id", len(nodes), len(wantNodes))
			}
			var edges []string
			for _, e := range got.edges {
				edges = append(edges, edgeKey(e))
			}
			slices.Sort(edges)
			if d := neo4jtest.Diff(edges, wantEdges, "EachEdge", "from the letters"); len(d) > 0 {
				t.Errorf("edges differ:\n%s", strings.Join(d, "\n"))
			}
		})
	}
}

// busiestAuthor is the id of the author of the most letters.
func busiestAuthor(letters []*domain.LetterRecord) string {
	count := map[string]int{}
	best := ""
	for _, r := range letters {
		for _, a := range r.Letter.Authors {
			id := a.Correspondent.NodeID()
			count[id]++
			if count[id] > count[best] {
				best = id
			}
		}
	}
	return best
}

// networkOf is the network the letters make, by the rules of domain.Exporter: the ids
// of their parties, sorted, and their edges as edgeKey gives them, sorted.
func networkOf(letters []*domain.LetterRecord) (nodes, edges []string) {
	type key struct {
		from, to string
		kind     domain.EdgeKind
	}
	type tally struct {
		letters     map[string]bool
		first, last *time.Time
	}
	seen := map[string]bool{}
	tallies := map[key]*tally{}
	for _, r := range letters {
		l := r.Letter
		for _, p := range slices.Concat(l.Authors, l.Recipients, l.CC, l.BCC) {
			seen[p.Correspondent.NodeID()] = true
		}
		for _, a := range l.Authors {
			for _, p := range slices.Concat(l.Recipients, l.CC, l.BCC) {
				kind := domain.EdgeCopied
				if p.Role == domain.RoleRecipient {
					kind = domain.EdgeWroteTo
				}
				k := key{a.Correspondent.NodeID(), p.Correspondent.NodeID(), kind}
				if k.from == k.to {
					continue
				}
				t := tallies[k]
				if t == nil {
					t = &tally{letters: map[string]bool{}}
					tallies[k] = t
				}
				t.letters[l.ID] = true
				if d := l.DateNotBefore; d != nil && (t.first == nil || d.Before(*t.first)) {
					t.first = d
				}
				if d := l.DateNotAfter; d != nil && (t.last == nil || d.After(*t.last)) {
					t.last = d
				}
			}
		}
	}
	for id := range seen {
		nodes = append(nodes, id)
	}
	for k, t := range tallies {
		edges = append(edges, edgeKey(domain.DatedEdge{NetworkEdge: domain.NetworkEdge{From: k.from, To: k.to, Kind: k.kind,
			Weight: len(t.letters)}, First: t.first, Last: t.last}))
	}
	slices.Sort(nodes)
	slices.Sort(edges)
	return nodes, edges
}

func edgeKey(e domain.DatedEdge) string {
	day := func(t *time.Time) string {
		if t == nil {
			return "-"
		}
		return t.Format(time.DateOnly)
	}
	return fmt.Sprintf("%s %s %s %d %s %s", e.From, e.Kind, e.To, e.Weight, day(e.First), day(e.Last))
}

// TestExportHidesRestrictedLetters exports, as a reader and as an operator, a graph
// with a restricted letter and a blind copy: the reader's export has neither, nor
// the correspondents and edges only they make; asking for letters by blind copy is
// FORBIDDEN to the reader.
func TestExportHidesRestrictedLetters(t *testing.T) {
	store := neo4jtest.Store(t)
	operator := neo4jtest.Context()
	reader := domain.WithRestricted(context.Background(), false)
	person := func(name string) domain.PartyInput {
		return domain.PartyInput{Person: &domain.PersonInput{Name: name}}
	}
	for _, in := range []domain.LetterInput{
		{Title: "Open letter", Authors: []domain.PartyInput{person("Pat Public")}, Recipients: []domain.PartyInput{person("Rhea Reader")},
			BCC: []domain.PartyInput{person("Bea Blind")}},
		{Title: "Zebra memo", Restricted: true, Authors: []domain.PartyInput{person("Pat Public")},
			Recipients: []domain.PartyInput{person("Sam Secret")}},
	} {
		if _, _, err := store.CreateLetter(operator, in); err != nil {
			t.Fatal(err)
		}
	}
	describe := func(x exported) string {
		var parts []string
		for _, r := range x.letters {
			parts = append(parts, fmt.Sprintf("letter %q bcc %d", r.Letter.Title, len(r.Letter.BCC)))
		}
		names := map[string]string{}
		for _, c := range x.nodes {
			parts = append(parts, "node "+c.DisplayName())
			names[c.NodeID()] = c.DisplayName()
		}
		for _, e := range x.edges {
			parts = append(parts, fmt.Sprintf("edge %s %s %s", names[e.From], e.Kind, names[e.To]))
		}
		slices.Sort(parts)
		return strings.Join(parts, "; ")
	}
	for _, c := range []struct {
		ctx  context.Context
		want string
	}{
		{reader, `edge Pat Public WROTE_TO Rhea Reader; letter "Open letter" bcc 0; node Pat Public; node Rhea Reader`},
		{operator, `edge Pat Public COPIED Bea Blind; edge Pat Public WROTE_TO Rhea Reader; edge Pat Public WROTE_TO Sam Secret; ` +
			`letter "Open letter" bcc 1; letter "Zebra memo" bcc 0; node Bea Blind; node Pat Public; node Rhea Reader; node Sam Secret`},
	} {
		if got := describe(exportAll(t, c.ctx, store, domain.LetterFilter{})); got != c.want {
			t.Errorf("sees restricted %v:\n got %s\nwant %s", domain.SeesRestricted(c.ctx), got, c.want)
		}
	}
	bcc := domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: "x", Role: domain.RoleBCC}}}
	err := store.EachLetter(reader, bcc, func(*domain.LetterRecord) error { return nil })
	if domain.ErrorCode(err) != domain.CodeForbidden {
		t.Errorf("reader's export by BCC: %v, want FORBIDDEN", err)
	}
}
