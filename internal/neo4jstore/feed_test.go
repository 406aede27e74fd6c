package neo4jstore_test

import (
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestLetterFeed checks the positions the writers give letters: one each for a new
// letter and for a stub completed by its document, none for the stub itself, for a
// document imported again or for an update; and what the feed says each involves.
func TestLetterFeed(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	last := func() int64 {
		t.Helper()
		n, err := store.LastAdded(ctx)
		if err != nil {
			t.Fatalf("LastAdded: %v", err)
		}
		return n
	}
	if got := last(); got != 0 {
		t.Fatalf("LastAdded on an empty store = %d, want 0", got)
	}

	office := domain.PartyInput{Office: &domain.OfficeInput{Title: "Minister of Culture",
		Of: &domain.OrganisationInput{Name: "Ministry of Culture", PartOf: &domain.OrganisationInput{Name: "Government of Albania"}}}}
	first := create(t, store, domain.LetterInput{Title: "Museum budget", ExternalID: "<one@example.org>",
		Authors:    []domain.PartyInput{person("Ana Author")},
		Recipients: []domain.PartyInput{office},
		CC:         []domain.PartyInput{person("Cora Copied")},
		BCC:        []domain.PartyInput{person("Blind Bert")},
		RepliesTo:  []domain.LetterRef{{Title: "The earlier request"}}})
	results, err := store.ImportLetters(ctx, []domain.LetterInput{
		{Title: "Museum budget", ExternalID: "<one@example.org>", Authors: []domain.PartyInput{person("Ana Author")}},
		{Title: "The earlier request", Authors: []domain.PartyInput{person("Cora Copied")}},
		{Title: "A third letter", Authors: []domain.PartyInput{person("Ana Author")}},
	})
	if err != nil {
		t.Fatalf("ImportLetters: %v", err)
	}
	title := "Museum budget, revised"
	if _, err := store.UpdateLetter(ctx, first.ID, domain.LetterPatch{Title: &title}); err != nil {
		t.Fatalf("UpdateLetter: %v", err)
	}
	if got := last(); got != 3 {
		t.Errorf("LastAdded = %d, want 3 (the letter, the completed stub, the third)", got)
	}

	added, err := store.LettersAdded(ctx, 0, 10)
	if err != nil {
		t.Fatalf("LettersAdded: %v", err)
	}
	var got []string
	for i, a := range added {
		if a.Seq != int64(i+1) {
			t.Errorf("letter %d has position %d, want %d", i, a.Seq, i+1)
		}
		if !a.Letter.Parts.Has(domain.AllParts) || len(a.Letter.Authors) != 1 {
			t.Errorf("letter %q comes without its links: %+v", a.Letter.Title, a.Letter)
		}
		got = append(got, a.Letter.Title)
	}
	want := []string{title, "The earlier request", "A third letter"}
	if !slices.Equal(got, want) {
		t.Errorf("LettersAdded titles = %q, want %q", got, want)
	}
	if results[1].LetterID != added[1].Letter.ID {
		t.Errorf("the completed stub is %s in the feed, %s in the import", added[1].Letter.ID, results[1].LetterID)
	}

	involved := added[0].Involved
	for _, name := range []string{"Ana Author", "Cora Copied"} {
		if id := personID(t, name); !slices.Contains(involved, id) {
			t.Errorf("Involved %q lacks %s (%s)", involved, name, id)
		}
	}
	for _, name := range []string{"Ministry of Culture", "Government of Albania"} {
		if id := orgID(t, name); !slices.Contains(involved, id) {
			t.Errorf("Involved %q lacks %s (%s), reached through its office", involved, name, id)
		}
	}
	if id := personID(t, "Blind Bert"); slices.Contains(involved, id) {
		t.Errorf("Involved %q holds the blind copy's %s", involved, id)
	}

	if later, err := store.LettersAdded(ctx, 1, 1); err != nil || len(later) != 1 || later[0].Seq != 2 {
		t.Errorf("LettersAdded(after 1, limit 1) = %+v, %v; want the letter at position 2", later, err)
	}
	if err := store.DeleteLetter(ctx, added[2].Letter.ID); err != nil {
		t.Fatal(err)
	}
	if rest, err := store.LettersAdded(ctx, 2, 10); err != nil || len(rest) != 0 {
		t.Errorf("after deleting the third: LettersAdded(after 2) = %+v, %v; want nothing", rest, err)
	}
}
