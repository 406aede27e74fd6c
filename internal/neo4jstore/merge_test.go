package neo4jstore_test

import (
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

func TestMergeCorrespondents(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	// Two spellings automatic resolution cannot join: different emails.
	a := create(t, store, domain.LetterInput{Title: "a",
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Edi Rama", Emails: []string{"edi@gov.al"}}}},
		CC:      []domain.PartyInput{person("Ole Lind"), {Person: &domain.PersonInput{Name: "E. Rama", Emails: []string{"rama@ps.al"}}}}})
	b := create(t, store, domain.LetterInput{Title: "b",
		Recipients: []domain.PartyInput{{Person: &domain.PersonInput{Name: "E. Rama", Emails: []string{"rama@ps.al"}}}},
		CC:         []domain.PartyInput{{Person: &domain.PersonInput{Name: "Edi Rama", Emails: []string{"edi@gov.al"}}}}})
	survivor := a.Authors[0].Correspondent.NodeID()
	loser := a.CC[1].Correspondent.NodeID()
	if survivor == loser {
		t.Fatalf("setup: the two spellings resolved to one person already")
	}

	dups, err := store.DuplicateCandidates(ctx)
	if err != nil {
		t.Fatalf("DuplicateCandidates: %v", err)
	}
	found := false
	for _, d := range dups {
		ids := []string{d.A.NodeID(), d.B.NodeID()}
		if slices.Contains(ids, survivor) && slices.Contains(ids, loser) {
			found = true
		}
	}
	if !found {
		t.Errorf("DuplicateCandidates = %+v, want the pair Edi Rama / E. Rama", dups)
	}

	merged, err := store.MergeCorrespondents(ctx, survivor, []string{loser})
	if err != nil {
		t.Fatalf("MergeCorrespondents: %v", err)
	}
	p := merged.(*domain.Person)
	if !slices.Contains(p.Aliases, "E. Rama") || !slices.Contains(p.Emails, "rama@ps.al") || !slices.Contains(p.Emails, "edi@gov.al") {
		t.Errorf("survivor = %+v, want alias E. Rama and both emails", p)
	}
	if _, err := store.Correspondent(ctx, loser); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("loser after merge: %v, want NOT_FOUND", err)
	}
	la, _ := store.Letter(ctx, a.ID)
	// The loser's roles move as they were: here the survivor is now both author and
	// copied, as the letter said.
	if len(la.CC) != 2 || la.CC[0].Correspondent.DisplayName() != "Ole Lind" || la.CC[1].Correspondent.NodeID() != survivor ||
		la.Authors[0].Correspondent.NodeID() != survivor {
		t.Errorf("letter a: authors %+v cc %+v; want the survivor as author and second cc", la.Authors, la.CC)
	}
	lb, _ := store.Letter(ctx, b.ID)
	if len(lb.Recipients) != 1 || lb.Recipients[0].Correspondent.NodeID() != survivor || len(lb.CC) != 1 {
		t.Errorf("letter b: recipients %+v cc %+v; want the survivor in both roles", lb.Recipients, lb.CC)
	}
	// The old name now finds the survivor.
	again, created := upsert(t, store, domain.PartyInput{Person: &domain.PersonInput{Name: "E. Rama", Emails: []string{"rama@ps.al"}}})
	if created || again.NodeID() != survivor {
		t.Errorf("after merge, E. Rama resolves to %s (created %v), want %s", again.NodeID(), created, survivor)
	}

	org, _ := upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Albania"}})
	for _, bad := range []struct {
		name   string
		others []string
		field  string
	}{
		{"none", nil, "others"},
		{"itself", []string{survivor}, "others[0]"},
		{"missing", []string{"missing"}, "others[0]"},
		{"another kind", []string{org.NodeID()}, "others[0]"},
	} {
		_, err := store.MergeCorrespondents(ctx, survivor, bad.others)
		if de := domain.AsError(err); de.Code != domain.CodeBadUserInput || de.Field != bad.field {
			t.Errorf("%s: %v, want BAD_USER_INPUT at %s", bad.name, err, bad.field)
		}
	}
}
