package neo4jstore_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/gen"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestBatchResolvesAsOneByOne imports the same documents one by one and in one batch
// (whose parties are resolved ahead, in rounds) and compares the graphs: the people,
// organisations, offices and places with every detail, and every link.
func TestBatchResolvesAsOneByOne(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	docs := func() []domain.LetterInput {
		var out []domain.LetterInput
		if err := gen.Generate(gen.Config{Letters: 150, Seed: 11}, func(_ int, in domain.LetterInput) error {
			out = append(out, in)
			return nil
		}); err != nil {
			t.Fatalf("gen: %v", err)
		}
		// Spellings that share keys, in orders that matter: a bare name, then the
		// same name with an email, then another email (another person), then an alias.
		p := func(name, honorific string, emails ...string) domain.PartyInput {
			return domain.PartyInput{Person: &domain.PersonInput{Name: name, Honorific: honorific, Emails: emails}}
		}
		tricky := [][]domain.PartyInput{
			{p("John Smith", "")},
			{p("John Smith", "Dr.", "js@example.org")},
			{p("John Smith", "", "john@other.example")},
			{{Person: &domain.PersonInput{Name: "J. Smith", Emails: []string{"js@example.org"}, Aliases: []string{"Johnny"}}}},
			{{Organisation: &domain.OrganisationInput{Name: "United Nations"}}},
			{{Organisation: &domain.OrganisationInput{Name: "UN", Acronym: "UN"}}},
			{{Organisation: &domain.OrganisationInput{Name: "United Nations", Acronym: "UN", Kind: "OTHER"}}},
		}
		for i, authors := range tricky {
			out = append(out, domain.LetterInput{Title: fmt.Sprintf("tricky %d", i), Authors: authors,
				WrittenAt: &domain.PlaceInput{Name: "Paris", Country: []string{"", "France", "United States"}[i%3]}})
		}
		return out
	}
	graph := func(batch int) []string {
		neo4jtest.Wipe(t)
		in := docs()
		for i := 0; i < len(in); i += batch {
			res, err := store.ImportLetters(ctx, in[i:min(i+batch, len(in))])
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			for _, r := range res {
				if r.Err != nil {
					t.Fatalf("import: %v", r.Err)
				}
			}
		}
		return fingerprint(t)
	}
	one, all := graph(1), graph(1000)
	if !slices.Equal(one, all) {
		for _, line := range diff(one, all) {
			t.Error(line)
		}
	}
}

// fingerprint describes the graph without ids: each correspondent and place with its
// details, and each link between them and letters (named by title).
func fingerprint(tb testing.TB) []string {
	tb.Helper()
	rows := neo4jtest.Exec(tb, `
		MATCH (n) WHERE n:Correspondent OR n:Place
		RETURN 'node' AS kind, labels(n) AS labels, properties(n) AS props, null AS other
		UNION ALL
		MATCH (a)-[r]->(b) WHERE NOT a:IdentityKey
		RETURN 'link' AS kind, [type(r)] AS labels, properties(a) AS props, properties(b) AS other`, nil)
	var out []string
	for _, r := range rows {
		labels := fmt.Sprint(r["labels"])
		if r["kind"] == "node" {
			out = append(out, labels+" "+describe(r["props"]))
			continue
		}
		out = append(out, labels+" "+describe(r["props"])+" -> "+describe(r["other"]))
	}
	slices.Sort(out)
	return out
}

// describe is a node's properties without those that differ between two imports of
// the same documents (ids, times), lists sorted.
func describe(v any) string {
	props, _ := v.(map[string]any)
	var parts []string
	for k, v := range props {
		switch k {
		case "id", "createdAt", "importedAt", "addedSeq", "contentHash", "body", "searchText":
			continue
		}
		if l, ok := v.([]any); ok {
			s := make([]string, len(l))
			for i := range l {
				s[i] = fmt.Sprint(l[i])
			}
			slices.Sort(s)
			v = s
		}
		parts = append(parts, fmt.Sprintf("%s=%v", k, v))
	}
	slices.Sort(parts)
	return "{" + strings.Join(parts, " ") + "}"
}

// diff lists the lines only one of two sorted lists has.
func diff(a, b []string) []string {
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, "one by one only: "+a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, "batch only: "+b[j])
			j++
		default:
			i, j = i+1, j+1
		}
	}
	return out
}
