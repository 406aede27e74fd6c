package neo4jstore_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestMergesFoldWhatEachSourceSays: what a fifteenth probe found. Merging an
// organisation into one that a person was a member of only by a blind copy folded
// the person's visible membership of the one merged away into the hidden one, which
// nothing folded again: readers lost the membership (and what follows from it),
// where a graph without the blind copy moves it. A letter that asserted the survivor
// only blindly and the one merged away openly asserted the survivor blindly after
// the merge, so readers lost the survivor when its other source went. The readers'
// view is compared with that of the same writes without the blind copies; and undone,
// the merge gives back the graph it found, the relationships it folded included.
// Found on the way: once no letter left wrote the survivor's name, readers saw it
// and could not find it by it (the open view's keys lacked its name's key).
func TestMergesFoldWhatEachSourceSays(t *testing.T) {
	member := func(name, org, role string) domain.PartyInput {
		p := person(name)
		from := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
		p.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: org}, Role: role, From: &from}
		return p
	}
	seen := func(blind bool) []string {
		store := neo4jtest.Store(t)
		admin := neo4jtest.Context()
		var bcc, bcc2 []domain.PartyInput
		if blind {
			bcc = []domain.PartyInput{member("Ida Ink", "Ruritania", "clerk")}
			bcc2 = []domain.PartyInput{member("Cara Clark", "Ruritania", "spy")}
		}
		create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{member("Cara Clark", "Empire", "agent")},
			Recipients: []domain.PartyInput{person("Bea Bell")}, BCC: bcc})
		other := create(t, store, domain.LetterInput{Title: "To Ruritania", Authors: []domain.PartyInput{person("Bea Bell")},
			Recipients: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Ruritania"}}}})
		create(t, store, domain.LetterInput{Title: "Blind", Authors: []domain.PartyInput{person("Bea Bell")},
			Recipients: []domain.PartyInput{person("Dan Dale")}, BCC: bcc2})
		before := neo4jtest.Fingerprint(t)
		look := func(when string) string {
			return fmt.Sprintf("%s: Cara Clark's membership %q, correspondents %q, named Ruritania %q", when,
				membershipDetails(t, reader, store, "Cara Clark"), readerNames(t, store, ""), readerNames(t, store, "Ruritania"))
		}
		var out []string
		merge := func() string {
			t.Helper()
			if _, err := store.MergeCorrespondents(admin, orgID(t, "Ruritania"), []string{orgID(t, "Empire")}); err != nil {
				t.Fatal(err)
			}
			changes, err := store.History(admin, orgID(t, "Ruritania"), 5, "")
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(changes, func(c *domain.Change) bool { return c.Operation == "mergeCorrespondents" })
			if i < 0 {
				t.Fatalf("no line of history for the merge in %v", changes)
			}
			return changes[i].ID
		}
		change := merge()
		out = append(out, look("merged"))
		if _, err := store.UnmergeCorrespondents(admin, change); err != nil {
			t.Fatal(err)
		}
		out = append(out, look("merge undone"))
		if d := neo4jtest.Diff(before, neo4jtest.Fingerprint(t), "before the merge", "after undoing it"); len(d) > 0 {
			t.Errorf("blind copies %v: the graph after undoing the merge differs:\n%s", blind, strings.Join(d, "\n"))
		}
		merge()
		if err := store.DeleteLetter(admin, other.ID); err != nil {
			t.Fatal(err)
		}
		out = append(out, look("merged again, its other source deleted"))
		// The survivor keeps its name for readers (the merge renamed it to it), and
		// its name finds it, also when no letter left wrote that name.
		if got := readerNames(t, store, "Ruritania"); !slices.Contains(got, "Ruritania") {
			t.Errorf("blind copies %v: readers' correspondents named Ruritania %q, want Ruritania", blind, got)
		}
		return out
	}
	without, with := seen(false), seen(true)
	for i := range without {
		if with[i] != without[i] {
			t.Errorf("reader, with blind copies:\n  %s\nwithout:\n  %s", with[i], without[i])
		}
	}
}

// TestUnmergeRestoresTheGraph: undoing a merge gives back the graph as it was before
// it, node for node and link for link, the history aside.
func TestUnmergeRestoresTheGraph(t *testing.T) {
	store := neo4jtest.Store(t)
	editor := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "One", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Ann Smith", Emails: []string{"ann@example.org"}}}},
		Recipients: []domain.PartyInput{person("Bob"), person("Cy")}})
	create(t, store, domain.LetterInput{Title: "Two", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "A. Smith", Emails: []string{"asmith@example.org"}},
		MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Society"}, Role: "chair"}}},
		Recipients: []domain.PartyInput{person("Bob")}, CC: []domain.PartyInput{person("Ann Smith")}})
	before := neo4jtest.Fingerprint(t)
	ann, as := personID(t, "Ann Smith"), personID(t, "A. Smith")
	if _, err := store.MergeCorrespondents(editor, ann, []string{as}); err != nil {
		t.Fatal(err)
	}
	if len(neo4jtest.Diff(before, neo4jtest.Fingerprint(t), "before", "merged")) == 0 {
		t.Fatal("the merge changed nothing")
	}
	changes, err := store.History(editor, ann, 5, "")
	if err != nil || len(changes) == 0 || changes[0].Operation != "mergeCorrespondents" {
		t.Fatalf("the merge's line of history: %v, %v", changes, err)
	}
	back, err := store.UnmergeCorrespondents(editor, changes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 {
		t.Errorf("unmerge returned %d correspondents, want 2", len(back))
	}
	if d := neo4jtest.Diff(before, neo4jtest.Fingerprint(t), "before the merge", "after undoing it"); len(d) > 0 {
		t.Errorf("the graph after undoing the merge differs:\n%s", strings.Join(d, "\n"))
	}
	if _, err := store.UnmergeCorrespondents(editor, changes[0].ID); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("undoing it again: %v, want CONFLICT", err)
	}
	if _, err := store.UnmergeCorrespondents(editor, "no-such-change"); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("undoing no merge: %v, want NOT_FOUND", err)
	}
}
