package neo4jstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// Named tests of docs/security.md, Provenance (see provenance_test.go): writes, and what they answer, tell nothing of hidden material.

// TestWritesTellNothingOfHiddenLetters: a writer below RESTRICTED_ROLE writing what
// a restricted letter holds (the same document, its external id, a person only it
// names) gets the answers a graph without it would give.
func TestWritesTellNothingOfHiddenLetters(t *testing.T) {
	store := neo4jtest.Store(t)
	secret := domain.LetterInput{Title: "Secret", ExternalID: "<secret@example.org>",
		Authors: []domain.PartyInput{person("Jane Informant")}}
	hidden := secret
	hidden.Restricted = true
	r := create(t, store, hidden)

	l, created, err := store.CreateLetter(reader, secret)
	if err != nil || !created || l.ID == r.ID {
		t.Errorf("the same document by a writer who may not see the restricted one: created %v, %v, same letter %v; want a new letter",
			created, err, l != nil && l.ID == r.ID)
	}
	results, err := store.ImportLetters(reader, []domain.LetterInput{{Title: "Another",
		Authors: []domain.PartyInput{person("Jane Informant")}, Recipients: []domain.PartyInput{person("Someone New")}}})
	if err != nil || results[0].Err != nil {
		t.Fatal(err, results[0].Err)
	}
	// Jane is one of the writer's letters now, so "Another" matches her.
	if got := results[0]; got.CorrespondentsCreated != 1 || got.CorrespondentsMatched != 1 {
		t.Errorf("import: %d created, %d matched; want 1 and 1 (Jane, from the writer's own letter)",
			got.CorrespondentsCreated, got.CorrespondentsMatched)
	}
	// A person only a restricted letter names counts as made, not found.
	create(t, store, domain.LetterInput{Title: "Hidden too", Restricted: true, Authors: []domain.PartyInput{person("Only In Hiding")}})
	results, err = store.ImportLetters(reader, []domain.LetterInput{{Title: "Third",
		Authors: []domain.PartyInput{person("Only In Hiding")}}})
	if err != nil || results[0].Err != nil {
		t.Fatal(err, results[0].Err)
	}
	if got := results[0]; got.CorrespondentsCreated != 1 || got.CorrespondentsMatched != 0 {
		t.Errorf("import naming a person only a restricted letter names: %d created, %d matched; want 1 and 0",
			got.CorrespondentsCreated, got.CorrespondentsMatched)
	}
}

// TestWritesByIDTellNothingOfHiddenNodes: a writer below RESTRICTED_ROLE who names
// by id a correspondent or place only a restricted letter names is refused as for an
// id that never existed, with the same words, and the node stays hidden.
func TestWritesByIDTellNothingOfHiddenNodes(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Hidden Person")},
		WrittenAt: &domain.PlaceInput{Name: "Hidden Place"}})
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")}})
	hiddenPerson := personID(t, "Hidden Person")
	hiddenPlace := neo4jtest.Exec(t, `MATCH (p:Place {name: 'Hidden Place'}) RETURN p.id AS id`, nil)[0]["id"].(string)
	for _, tc := range []struct {
		name  string
		write func(id string) error
		ids   []string
	}{
		{"an author by id", func(id string) error {
			_, _, err := store.CreateLetter(reader, domain.LetterInput{Title: "New", Authors: []domain.PartyInput{{ID: id}}})
			return err
		}, []string{hiddenPerson}},
		{"a place of writing by id", func(id string) error {
			_, _, err := store.CreateLetter(reader, domain.LetterInput{Title: "New", WrittenAt: &domain.PlaceInput{ID: id}})
			return err
		}, []string{hiddenPlace}},
		{"a copy added by id", func(id string) error {
			_, err := store.AddParty(reader, open.ID, domain.RoleCC, domain.PartyInput{ID: id}, 0)
			return err
		}, []string{hiddenPerson}},
		{"a person updated by id", func(id string) error {
			_, _, err := store.UpsertCorrespondent(reader, domain.PartyInput{Person: &domain.PersonInput{ID: id, Name: "Renamed"}}, false)
			return err
		}, []string{hiddenPerson}},
	} {
		for _, id := range tc.ids {
			hidden, never := tc.write(id), tc.write("never-written")
			if hidden == nil || never == nil || strings.ReplaceAll(hidden.Error(), id, "ID") != strings.ReplaceAll(never.Error(), "never-written", "ID") {
				t.Errorf("%s: a hidden node's id answers %v, an id never written %v; want the same refusal", tc.name, hidden, never)
			}
		}
	}
	if n, err := store.CountCorrespondents(reader, domain.CorrespondentFilter{}); err != nil || n != 1 {
		t.Errorf("the reader's correspondents after the refused writes: %d (%v), want 1 (Pat)", n, err)
	}
}

// TestEditsTellNothingOfHiddenLinks: what a second probe from outside found. For a
// caller below RESTRICTED_ROLE, a membership or part only a restricted letter gave
// selects nothing in the organisation filter, is not there to remove and closes no
// cycle; a hidden node is no mention; the history of a deleted correspondent shows
// its open details; a merge keeps the name the moved links wrote.
func TestEditsTellNothingOfHiddenLinks(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	org := func(name string) *domain.OrganisationInput { return &domain.OrganisationInput{Name: name} }
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Quin Public")},
		Recipients: []domain.PartyInput{{Organisation: org("Org Public")}, {Organisation: org("Org Child")}, {Organisation: org("Org Parent")}}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true,
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Quin Public", Emails: []string{"quin@hidden.example"}},
			MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Org Public"}, Role: "mole"}}},
		Recipients: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Org Child", PartOf: org("Org Parent")}}, person("Hidden Person")}})
	quin, pub, child, parent := personID(t, "Quin Public"), orgID(t, "Org Public"), orgID(t, "Org Child"), orgID(t, "Org Parent")

	page, err := store.Correspondents(reader, domain.CorrespondentFilter{OrganisationID: pub}, domain.PageRequest{})
	if err != nil || len(page.Correspondents) != 0 {
		t.Errorf("a reader's correspondents of the organisation: %v (%v), want none", page, err)
	}
	hidden, never := store.AddLink(reader, domain.Link{Kind: domain.LinkMentions, From: open.ID, To: personID(t, "Hidden Person")}),
		store.AddLink(reader, domain.Link{Kind: domain.LinkMentions, From: open.ID, To: "never-written"})
	if hidden == nil || never == nil || domain.ErrorCode(hidden) != domain.ErrorCode(never) {
		t.Errorf("mentioning a hidden person: %v; an id never written: %v; want the same refusal", hidden, never)
	}
	if err := store.RemoveLink(reader, domain.LinkMemberOf, quin, pub); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("removing a membership only a restricted letter gave: %v, want NOT_FOUND", err)
	}
	if ms, err := store.Memberships(admin, []string{quin}); err != nil || len(ms[quin]) != 1 {
		t.Errorf("the admin's memberships of Quin after the refused removal: %v (%v), want the one", ms[quin], err)
	}
	if err := store.AddLink(reader, domain.Link{Kind: domain.LinkPartOf, From: parent, To: child}); err != nil {
		t.Errorf("a part that closes a cycle only through a hidden part: %v, want it added", err)
	}
	if err := store.DeleteNode(admin, quin); err != nil {
		t.Fatal(err)
	}
	changes, err := store.History(reader, "", 1, "")
	if err != nil || len(changes) != 1 || changes[0].Operation != "deleteNode" || strings.Contains(changes[0].Before, "hidden.example") {
		t.Errorf("the reader's line of the deletion: %+v (%v), want deleteNode without the hidden email", changes, err)
	}
}

// TestIdentityFollowsWhatTheCallerSees: for a writer below RESTRICTED_ROLE an email,
// alias or authority id only a restricted letter gave finds nobody, and does not keep
// a name from matching; those who see restricted letters match by them as before.
func TestIdentityFollowsWhatTheCallerSees(t *testing.T) {
	admin := neo4jtest.Context()
	for _, tc := range []struct {
		name        string
		in          domain.PersonInput
		readerFinds string // the name of the person found; "" for a new one
		adminFinds  string
	}{
		{"an email only a restricted letter gave", domain.PersonInput{Name: "Zora Newname", Emails: []string{"dora@hidden.example"}}, "", "Dora Public"},
		{"an alias only a restricted letter gave", domain.PersonInput{Name: "Ivy Secret Alias"}, "", "Ivy Public"},
		{"a name, beside an email the open view lacks", domain.PersonInput{Name: "Ivy Public", Emails: []string{"ivy2@open.example"}}, "Ivy Public", ""},
	} {
		for _, who := range []struct {
			ctx  context.Context
			want string
		}{{reader, tc.readerFinds}, {admin, tc.adminFinds}} {
			store := neo4jtest.Store(t) // each look-up in the same graph
			create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Dora Public"), person("Ivy Public")}})
			create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{
				{Person: &domain.PersonInput{Name: "Dora Public", Emails: []string{"dora@hidden.example"}}},
				{Person: &domain.PersonInput{Name: "Ivy Public", Aliases: []string{"Ivy Secret Alias"}, Emails: []string{"ivy@hidden.example"}}}}})
			in := tc.in
			c, created, err := store.UpsertCorrespondent(who.ctx, domain.PartyInput{Person: &in}, false)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !created {
				got = neo4jtest.Exec(t, `MATCH (c:Correspondent {id: $id}) RETURN c.name AS name`, map[string]any{"id": c.NodeID()})[0]["name"].(string)
			}
			if got != who.want {
				t.Errorf("%s, restricted %v: found %q (created %v), want %q", tc.name, domain.SeesRestricted(who.ctx), got, created, who.want)
			}
		}
	}
}

// TestOpenViewsForgetLostSources: what a fourth probe found. A correspondent or
// place whose only visible source is restricted (or deleted) keeps nothing of it in
// its open view: named again by an open letter, it shows only what that one says; and
// an identity look-up below RESTRICTED_ROLE prefers the candidate a visible source
// named first, not the one a hidden source made first.
func TestOpenViewsForgetLostSources(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	shut := true
	first := create(t, store, domain.LetterInput{Title: "First", Authors: []domain.PartyInput{{Person: &domain.PersonInput{
		Name: "Zz Restthree", Honorific: "Prof.", Aliases: []string{"RL3 Alias"}, Emails: []string{"rl3@x.example"}}}},
		WrittenAt: &domain.PlaceInput{Name: "Zzplace", Country: "Norway", AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q585"}}})
	if _, err := store.UpdateLetter(admin, first.ID, domain.LetterPatch{Restricted: &shut}); err != nil {
		t.Fatal(err)
	}
	later := create(t, store, domain.LetterInput{Title: "Later", Authors: []domain.PartyInput{person("Zz Restthree")},
		WrittenAt: &domain.PlaceInput{Name: "Zzplace"}})
	l, err := store.Letter(reader, later.ID)
	if err != nil {
		t.Fatal(err)
	}
	p, place := l.Authors[0].Correspondent.(*domain.Person), l.WrittenAt
	if got := p.Honorific + sprint(p.Aliases) + sprint(p.Emails) + " " + place.Country + sprint(place.AuthorityIDs); got != "[][] []" {
		t.Errorf("what the reader sees of them: %q, want nothing the restricted letter said", got)
	}

	create(t, store, domain.LetterInput{Title: "Hidden twin", Restricted: true,
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Twin Same", Emails: []string{"b@twin.example"}}}}})
	for _, e := range []string{"a@twin.example", "b@twin.example"} {
		create(t, store, domain.LetterInput{Title: "Twin " + e, Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Twin Same", Emails: []string{e}}}}})
	}
	c, created, err := store.UpsertCorrespondent(reader, domain.PartyInput{Person: &domain.PersonInput{Name: "Twin Same"}}, false)
	if err != nil || created {
		t.Fatalf("the reader's look-up of Twin Same: created %v, %v", created, err)
	}
	if got := sprint(c.(*domain.Person).Emails); got != "[a@twin.example]" {
		t.Errorf("the reader's look-up found the twin with %s, want the one open letters named first, [a@twin.example]", got)
	}
}

// TestPartiesFoundHiddenAreLinked (probe 14): a party a writer below
// RESTRICTED_ROLE adds to a letter, whose look-up finds a node only hidden material
// names (an office of a visible organisation that only a restricted letter names), is
// linked, as in a graph without that material, where the look-up makes it; not refused
// with the hidden node's id.
func TestPartiesFoundHiddenAreLinked(t *testing.T) {
	store := neo4jtest.Store(t)
	auditor := func() domain.PartyInput {
		return domain.PartyInput{Office: &domain.OfficeInput{Title: "Auditor", Of: &domain.OrganisationInput{Name: "Acme Audit"}}}
	}
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Ann Open")},
		CC: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Acme Audit"}}}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Ann Open")},
		Recipients: []domain.PartyInput{auditor()}})
	for _, role := range []domain.Role{domain.RoleAuthor, domain.RoleRecipient, domain.RoleCC} {
		l, err := store.AddParty(reader, open.ID, role, auditor(), 0)
		if err != nil {
			t.Fatalf("AddParty(%s, the office): %v; want it linked", role, err)
		}
		var titles []string
		for _, p := range append(append(append([]domain.Party{}, l.Authors...), l.Recipients...), l.CC...) {
			if o, ok := p.Correspondent.(*domain.Office); ok {
				titles = append(titles, o.Title)
			}
		}
		if len(titles) == 0 {
			t.Errorf("AddParty(%s, the office): the letter names no office; want Auditor", role)
		}
	}
}
