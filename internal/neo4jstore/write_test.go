package neo4jstore_test

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

func TestExternalIDConflict(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "first", ExternalID: "<a@example.org>"})
	nodes, rels := neo4jtest.Counts(t)
	_, _, err := store.CreateLetter(ctx, domain.LetterInput{Title: "second", ExternalID: "<a@example.org>",
		Authors: []domain.PartyInput{person("New Person")}})
	if got := domain.ErrorCode(err); got != domain.CodeConflict {
		t.Fatalf("CreateLetter with a used externalId: code %q (%v), want CONFLICT", got, err)
	}
	if n, r := neo4jtest.Counts(t); n != nodes || r != rels {
		t.Errorf("after the conflict: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}

	// The uniqueness constraint itself answers CONFLICT too (here through an update).
	other := create(t, store, domain.LetterInput{Title: "third"})
	used := "<a@example.org>"
	_, err = store.UpdateLetter(ctx, other.ID, domain.LetterPatch{ExternalID: &used})
	if got := domain.ErrorCode(err); got != domain.CodeConflict {
		t.Errorf("UpdateLetter to a used externalId: code %q (%v), want CONFLICT", got, err)
	}
	if de := domain.AsError(err); strings.Contains(de.Message, "Neo.") || strings.Contains(de.Message, "constraint") {
		t.Errorf("conflict message %q leaks server detail", de.Message)
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	existing := create(t, store, domain.LetterInput{Title: "existing", Authors: []domain.PartyInput{person("Known Author")}})
	nodes, rels := neo4jtest.Counts(t)

	tests := []struct {
		name  string
		in    domain.LetterInput
		field string
	}{
		{"empty letter", domain.LetterInput{}, "input"},
		{"party with nothing", domain.LetterInput{Title: "x", CC: []domain.PartyInput{{}}}, "input.cc[0]"},
		{"unknown correspondent id, after good parties", domain.LetterInput{Title: "x",
			Authors: []domain.PartyInput{person("Brand New Person")},
			CC:      []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Brand New Org"}}, {ID: "no-such-id"}}}, "input.cc[1].id"},
		{"unknown letter id", domain.LetterInput{Title: "x", Authors: []domain.PartyInput{person("Another New Person")},
			RepliesTo: []domain.LetterRef{{ID: "no-such-letter"}}}, "input.repliesTo[0].id"},
		{"person id that names a letter", domain.LetterInput{Title: "x",
			Recipients: []domain.PartyInput{{Person: &domain.PersonInput{ID: existing.ID}}}}, "input.recipients[0].person.id"},
		{"capacity on a cc", domain.LetterInput{Title: "x", CC: []domain.PartyInput{{Person: &domain.PersonInput{Name: "A"}, Capacity: "CEO"}}}, "input.cc[0].capacity"},
		{"bad email", domain.LetterInput{Title: "x", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "A", Emails: []string{"not an address"}}}}}, "input.authors[0].person.emails[0]"},
		{"month without date", domain.LetterInput{Title: "x", DatePrecision: domain.PrecisionMonth}, "input.datePrecision"},
		{"place without name", domain.LetterInput{Title: "x", WrittenAt: &domain.PlaceInput{Country: "Norway"}}, "input.writtenAt.name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := store.CreateLetter(ctx, tt.in)
			de := domain.AsError(err)
			if err == nil || de.Code != domain.CodeBadUserInput || de.Field != tt.field {
				t.Fatalf("CreateLetter error = %v (code %q, field %q), want BAD_USER_INPUT at %q", err, de.Code, de.Field, tt.field)
			}
			if n, r := neo4jtest.Counts(t); n != nodes || r != rels {
				t.Errorf("after the failed write: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
			}
		})
	}
}

func TestSameContentIsOneLetter(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	in := func(body string) domain.LetterInput {
		return domain.LetterInput{Title: "Greetings", Body: body, Authors: []domain.PartyInput{person("Mr. Karl Weber")},
			CC: []domain.PartyInput{person("Anna Berg")}, Source: "first.txt"}
	}
	first := create(t, store, in("Dear all,\n\nall is well."))
	nodes, rels := neo4jtest.Counts(t)
	again := in("Dear all,  all is well.  ")
	again.Source = "a-copy.txt"
	got, created, err := store.CreateLetter(ctx, again)
	if err != nil {
		t.Fatalf("CreateLetter again: %v", err)
	}
	if created || got.ID != first.ID {
		t.Errorf("CreateLetter again: created %v id %s, want false %s", created, got.ID, first.ID)
	}
	if n, r := neo4jtest.Counts(t); n != nodes || r != rels {
		t.Errorf("after writing the same letter: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}
}

func TestStubIsCompletedByTheLetter(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	a := create(t, store, domain.LetterInput{Title: "A", Related: []domain.LetterRef{{Title: "What we expect?"}},
		RepliesTo: []domain.LetterRef{{ExternalID: "<parent@example.org>"}}})
	if len(a.Related) != 1 || !a.Related[0].Stub || len(a.RepliesTo) != 1 || !a.RepliesTo[0].Stub {
		t.Fatalf("related %+v, repliesTo %+v; want one stub each", a.Related, a.RepliesTo)
	}
	byTitle := create(t, store, domain.LetterInput{Title: "What we expect?", Body: "the full text"})
	if byTitle.ID != a.Related[0].ID || byTitle.Stub {
		t.Errorf("letter titled like the stub: id %s stub %v, want the stub's id %s, not a stub", byTitle.ID, byTitle.Stub, a.Related[0].ID)
	}
	parent := create(t, store, domain.LetterInput{Subject: "Parent", Body: "hello", ExternalID: "<parent@example.org>",
		SourceFormat: domain.FormatEmail})
	if parent.ID != a.RepliesTo[0].ID {
		t.Errorf("parent id %s, want the stub's id %s", parent.ID, a.RepliesTo[0].ID)
	}
	got, err := store.Letter(ctx, parent.ID)
	if err != nil {
		t.Fatalf("Letter: %v", err)
	}
	if len(got.Replies) != 1 || got.Replies[0].ID != a.ID {
		t.Errorf("parent replies = %+v, want letter A", got.Replies)
	}
	if rows := neo4jtest.Exec(t, `MATCH (l:Letter) RETURN count(l) AS n`, nil); rows[0]["n"].(int64) != 3 {
		t.Errorf("%d letters, want 3", rows[0]["n"])
	}
}

// TestCompletedStubKeepsOneLinkEach: a stub may have parties before its document
// comes (added by hand); the document naming them again links each once.
func TestCompletedStubKeepsOneLinkEach(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	a := create(t, store, domain.LetterInput{Title: "A", RepliesTo: []domain.LetterRef{{ExternalID: "<stub@example.org>"}}})
	stub := a.RepliesTo[0].ID
	if _, err := store.AddParty(ctx, stub, domain.RoleAuthor, person("Stub Author"), 1); err != nil {
		t.Fatalf("AddParty: %v", err)
	}
	full := create(t, store, domain.LetterInput{Title: "The parent", ExternalID: "<stub@example.org>",
		Authors: []domain.PartyInput{person("Stub Author")}, Mentions: []domain.MentionInput{
			{Letter: &domain.LetterRef{ID: a.ID}}, {Letter: &domain.LetterRef{ID: a.ID}}}})
	if full.ID != stub {
		t.Fatalf("document's letter %s, want the stub %s", full.ID, stub)
	}
	rows := neo4jtest.Exec(t, `MATCH (l:Letter {id: $id})-[r]-() RETURN type(r) AS t, count(r) AS n ORDER BY t`, map[string]any{"id": stub})
	got := map[string]int64{}
	for _, r := range rows {
		got[r["t"].(string)] = r["n"].(int64)
	}
	if got["WROTE"] != 1 || got["MENTIONS"] != 1 || got["REPLIES_TO"] != 1 {
		t.Errorf("links of the completed stub = %v, want one WROTE, one MENTIONS, one REPLIES_TO", got)
	}

	// A new letter's links are created, not merged: one each all the same.
	b := create(t, store, domain.LetterInput{Title: "B", Mentions: []domain.MentionInput{
		{Letter: &domain.LetterRef{ID: a.ID}}, {Letter: &domain.LetterRef{ID: a.ID}}}})
	rows = neo4jtest.Exec(t, `MATCH (:Letter {id: $id})-[r:MENTIONS]->() RETURN count(r) AS n`, map[string]any{"id": b.ID})
	if n := rows[0]["n"].(int64); n != 1 {
		t.Errorf("a new letter mentioning a letter twice: %d MENTIONS, want 1", n)
	}
}

// A party that resolves to a correspondent named otherwise keeps, on the letter, the
// name the letter writes; one named as the correspondent is, or given by id, keeps
// nothing more.
func TestNamesKeptAsWritten(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	jane := func(name string) domain.PartyInput {
		return domain.PartyInput{Person: &domain.PersonInput{Name: name, Emails: []string{"jane@example.org"}}}
	}
	first := create(t, store, domain.LetterInput{Title: "first", Authors: []domain.PartyInput{jane("Jane A. Smith")},
		Recipients: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "The Media"}}}})
	janeID := first.Authors[0].Correspondent.(*domain.Person).ID
	later := create(t, store, domain.LetterInput{Title: "later",
		Authors:    []domain.PartyInput{jane("J. Smith")},
		Recipients: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "The Media"}, Written: "Press"}},
		CC:         []domain.PartyInput{jane("Jane A. Smith"), {ID: janeID}},
	})
	written := func(ps []domain.Party) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Written)
		}
		return out
	}
	tests := []struct {
		name string
		got  []string
		want []string
	}{
		{"the first letter, as the correspondents are named", append(written(first.Authors), written(first.Recipients)...), []string{"", ""}},
		{"an author found by email, written otherwise", written(later.Authors), []string{"J. Smith"}},
		{"an importer's normal form", written(later.Recipients), []string{"Press"}},
		{"a copy named as the person is (the id repeats her)", written(later.CC), []string{""}},
	}
	for _, tt := range tests {
		if strings.Join(tt.got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: written %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if got := later.Authors[0].Correspondent.(*domain.Person); got.ID != janeID || got.Name != "Jane A. Smith" {
		t.Errorf("author = %s %q, want the first letter's person %s", got.ID, got.Name, janeID)
	}

	// Adding a party by id later keeps what the link says; inline, it says it anew.
	if _, err := store.AddParty(ctx, later.ID, domain.RoleAuthor, domain.PartyInput{ID: janeID}, 0); err != nil {
		t.Fatal(err)
	}
	l, err := store.AddParty(ctx, first.ID, domain.RoleCC, jane("Janey"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := written(l.CC); strings.Join(got, "|") != "Janey" {
		t.Errorf("AddParty inline: written %q, want [Janey]", got)
	}
	again, err := store.Letter(ctx, later.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := written(again.Authors); strings.Join(got, "|") != "J. Smith" {
		t.Errorf("after AddParty by id: written %q, want [J. Smith]", got)
	}
}
