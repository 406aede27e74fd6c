package neo4jstore_test

import (
	"fmt"
	"slices"
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
		return neo4jtest.Fingerprint(t)
	}
	one, all := graph(1), graph(1000)
	if !slices.Equal(one, all) {
		for _, line := range neo4jtest.Diff(one, all, "one by one", "batch") {
			t.Error(line)
		}
	}
}
