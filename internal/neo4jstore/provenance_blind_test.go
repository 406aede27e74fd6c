package neo4jstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// Named tests of docs/security.md, Provenance (see provenance_test.go): letters with blind copies.

func TestContentHashOfReadersLeavesBlindCopiesOut(t *testing.T) {
	store := neo4jtest.Store(t)
	in := domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")},
		Recipients: []domain.PartyInput{person("Rhea Reader")}, BCC: []domain.PartyInput{person("Bea Blind")}}
	l := create(t, store, in)
	open := in
	open.BCC = nil
	if err := open.Normalize("input"); err != nil {
		t.Fatal(err)
	}
	full := in
	if err := full.Normalize("input"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want string
	}{{"reader", reader, domain.ContentHash(&open)}, {"editor", neo4jtest.Context(), domain.ContentHash(&full)}} {
		got, err := store.Letter(tc.ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ContentHash != tc.want {
			t.Errorf("%s reads contentHash %s, want %s", tc.name, got.ContentHash, tc.want)
		}
	}
}

// TestDuplicatesOfLettersWithBlindCopies (probe 9): a writer below RESTRICTED_ROLE
// who writes a public letter again, without the blind copies it has, gets that letter
// back, as in a graph where it has none; not a new letter, nor a CONFLICT on its
// external id.
func TestDuplicatesOfLettersWithBlindCopies(t *testing.T) {
	store := neo4jtest.Store(t)
	for _, ext := range []string{"", "f-2"} {
		doc := domain.LetterInput{Title: "F1 " + ext, Body: "f one", ExternalID: ext,
			Authors: []domain.PartyInput{person("Fa One")}, Recipients: []domain.PartyInput{person("Fb One")}}
		withBCC := doc
		withBCC.BCC = []domain.PartyInput{person("Fc One")}
		first := create(t, store, withBCC)
		again, created, err := store.CreateLetter(reader, doc)
		if err != nil || created || again.ID != first.ID {
			t.Errorf("externalId %q: written again below RESTRICTED_ROLE: created %v, err %v, same letter %v; want the letter, not created",
				ext, created, err, err == nil && again.ID == first.ID)
		}
		// So does a writer who sees blind copies: the copy without them (a
		// recipient's) is the letter the copy with them (the sender's) is.
		again, created, err = store.CreateLetter(neo4jtest.Context(), doc)
		if err != nil || created || again.ID != first.ID {
			t.Errorf("externalId %q: written again by an admin without the blind copies: created %v, err %v; want the letter", ext, created, err)
		}
		if _, created, err := store.CreateLetter(neo4jtest.Context(), domain.LetterInput{Title: doc.Title + " other", Body: doc.Body,
			Authors: doc.Authors, Recipients: doc.Recipients}); err != nil || !created {
			t.Errorf("externalId %q: a different document: created %v, err %v", ext, created, err)
		}
	}
	// The other way round, and in one batch: the copy without blind copies first,
	// then the sender's, which adds its blind copies to the letter.
	bccOf := func(id string) []string {
		t.Helper()
		var names []string
		for _, row := range neo4jtest.Exec(t, `MATCH (:Letter {id: $id})-[:BCC]->(c) RETURN c.name AS n ORDER BY n`, map[string]any{"id": id}) {
			names = append(names, row["n"].(string))
		}
		return names
	}
	recipients := domain.LetterInput{Title: "F3", Body: "f three", Authors: []domain.PartyInput{person("Fa One")},
		Recipients: []domain.PartyInput{person("Fb One")}}
	senders := recipients
	senders.BCC = []domain.PartyInput{person("Fd Blind"), person("Fe Blind")}
	first := create(t, store, recipients)
	again, created, err := store.CreateLetter(neo4jtest.Context(), senders)
	if err != nil || created || again.ID != first.ID {
		t.Errorf("the sender's copy after a recipient's: created %v, err %v; want the letter", created, err)
	}
	if got := bccOf(first.ID); !slices.Equal(got, []string{"Fd Blind", "Fe Blind"}) {
		t.Errorf("the letter's blind copies after the sender's copy: %v, want Fd Blind and Fe Blind", got)
	}
	if _, _, err := store.CreateLetter(neo4jtest.Context(), senders); err != nil || !slices.Equal(bccOf(first.ID), []string{"Fd Blind", "Fe Blind"}) {
		t.Errorf("the sender's copy again: %v, blind copies %v; want them once each", err, bccOf(first.ID))
	}
	batch := recipients
	batch.Title = "F4"
	batchSenders := senders
	batchSenders.Title = "F4"
	res, err := store.ImportLetters(neo4jtest.Context(), []domain.LetterInput{batch, batchSenders})
	if err != nil || len(res) != 2 || res[0].LetterID != res[1].LetterID || !res[0].Created || res[1].Created {
		t.Fatalf("both copies in one batch: %+v, %v; want one letter, created once", res, err)
	}
	if got := bccOf(res[0].LetterID); !slices.Equal(got, []string{"Fd Blind", "Fe Blind"}) {
		t.Errorf("both copies in one batch: blind copies %v, want Fd Blind and Fe Blind", got)
	}
}

// TestPublishingLettersWithBlindCopies (probe 11): publishing (or restricting) a
// letter written with blind copies is refused as a CONFLICT when a letter of the
// scope it moves to has its content without them, as it is in a graph without
// blind copies; and nothing a blind copy of a second copy names becomes visible.
func TestPublishingLettersWithBlindCopies(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	doc := domain.LetterInput{Title: "P1", Body: "pone body", Authors: []domain.PartyInput{person("Pa One")},
		Recipients: []domain.PartyInput{person("Pb One")}}
	secret := doc
	secret.Restricted = true
	secret.BCC = []domain.PartyInput{person("Pc One")}
	hidden := create(t, store, secret)
	if _, created, err := store.CreateLetter(reader, doc); err != nil || !created {
		t.Fatalf("an editor's copy of a restricted letter: created %v, %v; want a letter of its own", created, err)
	}
	open := false
	if _, err := store.UpdateLetter(admin, hidden.ID, domain.LetterPatch{Restricted: &open}); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("publishing the restricted letter with blind copies: %v, want CONFLICT", err)
	}
	// Restricting an editor's letter while a restricted letter written with blind
	// copies has its content.
	other := domain.LetterInput{Title: "P2", Body: "ptwo body", Authors: []domain.PartyInput{person("Pa One")},
		Recipients: []domain.PartyInput{person("Pb One")}}
	hiddenOther := other
	hiddenOther.Restricted = true
	hiddenOther.BCC = []domain.PartyInput{person("Pd One")}
	create(t, store, hiddenOther)
	editors, created, err := store.CreateLetter(reader, other)
	if err != nil || !created {
		t.Fatalf("an editor's copy of a restricted letter: created %v, %v; want a letter of its own", created, err)
	}
	restricted := true
	if _, err := store.UpdateLetter(admin, editors.ID, domain.LetterPatch{Restricted: &restricted}); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("restricting a letter whose content a restricted letter with blind copies has: %v, want CONFLICT", err)
	}

	// A second copy whose blind copy names an organisation and an office: they are
	// hidden, as everything only blind copies name.
	q := domain.LetterInput{Title: "Q1x", Body: "q one x", Authors: []domain.PartyInput{person("Qa Vis")},
		Recipients: []domain.PartyInput{person("Qb Vis")}, BCC: []domain.PartyInput{person("Qz Hid")}}
	first := create(t, store, q)
	again := q
	blind := person("Qz Hid")
	blind.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Qorg Leak"}}
	blind.Holds = &domain.HoldingInput{Office: domain.OfficeInput{Title: "Q Chief", Of: &domain.OrganisationInput{Name: "Qoffice Org"}}}
	again.BCC = []domain.PartyInput{blind}
	if l, created, err := store.CreateLetter(admin, again); err != nil || created || l.ID != first.ID {
		t.Fatalf("the second copy: created %v, %v; want the letter", created, err)
	}
	// A later copy's blind copy that names what the letter names openly leaves it
	// open (probe 12).
	x := domain.LetterInput{Title: "X1", Body: "x one", Recipients: []domain.PartyInput{person("Xb Bob")}}
	alice := person("Xa Alice")
	alice.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Xacme Corp"}, Role: "engineer"}
	x.Authors = []domain.PartyInput{alice}
	create(t, store, x)
	xAgain := x
	ghost := person("Xg Ghost")
	ghost.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Xacme Corp"}}
	xAgain.BCC = []domain.PartyInput{ghost}
	if _, created, err := store.CreateLetter(admin, xAgain); err != nil || created {
		t.Fatalf("the copy with a blind copy: created %v, %v; want the letter", created, err)
	}
	if got := membershipDetails(t, reader, store, "Xa Alice"); got != "engineer@" {
		t.Errorf("a reader's view of Xa Alice's membership after a blind copy named its organisation: %q, want engineer@", got)
	}
	for _, name := range []string{"Qorg Leak", "Qoffice Org", "Q Chief"} {
		rows := neo4jtest.Exec(t, `MATCH (n:Correspondent) WHERE coalesce(n.name, n.title) = $name RETURN n:Hidden AS hidden`, map[string]any{"name": name})
		if len(rows) != 1 || rows[0]["hidden"] != true {
			t.Errorf("%s, named only by a blind copy: %v, want one hidden node", name, rows)
		}
	}
}
