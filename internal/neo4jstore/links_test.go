package neo4jstore_test

import (
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

func ccNames(l *domain.Letter) []string {
	var out []string
	for i, p := range l.CC {
		if p.Position != i+1 {
			out = append(out, "bad position")
		}
		out = append(out, p.Correspondent.DisplayName())
	}
	return out
}

func TestPartyLinks(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	l := create(t, store, domain.LetterInput{Title: "x", CC: []domain.PartyInput{person("A"), person("B")}})

	steps := []struct {
		name     string
		party    domain.PartyInput
		position int
		want     []string
	}{
		{"append", person("C"), 0, []string{"A", "B", "C"}},
		{"insert first", person("D"), 1, []string{"D", "A", "B", "C"}},
		{"insert in the middle", domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "E Org"}}, 3, []string{"D", "A", "E Org", "B", "C"}},
		{"existing one moves", person("C"), 1, []string{"C", "D", "A", "E Org", "B"}},
	}
	for _, s := range steps {
		got, err := store.AddParty(ctx, l.ID, domain.RoleCC, s.party, s.position)
		if err != nil {
			t.Fatalf("%s: AddParty: %v", s.name, err)
		}
		if names := ccNames(got); !slices.Equal(names, s.want) {
			t.Errorf("%s: cc = %q, want %q", s.name, names, s.want)
		}
	}
	a := personID(t, "A")
	if err := store.RemoveLink(ctx, domain.LinkCC, l.ID, a); err != nil {
		t.Fatalf("RemoveLink: %v", err)
	}
	got, _ := store.Letter(ctx, l.ID)
	if names, want := ccNames(got), []string{"C", "D", "E Org", "B"}; !slices.Equal(names, want) {
		t.Errorf("after removing A: cc = %q, want %q", names, want)
	}
	if err := store.RemoveLink(ctx, domain.LinkCC, l.ID, a); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("removing A again: %v, want NOT_FOUND", err)
	}

	author, err := store.AddParty(ctx, l.ID, domain.RoleAuthor, domain.PartyInput{Person: &domain.PersonInput{Name: "W"}, Capacity: "CEO"}, 0)
	if err != nil || len(author.Authors) != 1 || author.Authors[0].Capacity != "CEO" {
		t.Errorf("AddParty(author) = %+v, %v; want one author as CEO", author.Authors, err)
	}
	recipient, err := store.AddParty(ctx, l.ID, domain.RoleRecipient, domain.PartyInput{Person: &domain.PersonInput{Name: "R"}, As: "Mayor"}, 0)
	if err != nil || len(recipient.Recipients) != 1 || recipient.Recipients[0].As != "Mayor" {
		t.Errorf("AddParty(recipient) = %+v, %v; want one recipient as Mayor", recipient.Recipients, err)
	}
	for _, bad := range []struct {
		name   string
		letter string
		party  domain.PartyInput
		role   domain.Role
		field  string
	}{
		{"unknown letter", "missing", person("Z"), domain.RoleCC, "letterId"},
		{"capacity on cc", l.ID, domain.PartyInput{Person: &domain.PersonInput{Name: "Z"}, Capacity: "x"}, domain.RoleCC, "party.capacity"},
		{"unknown correspondent", l.ID, domain.PartyInput{ID: "missing"}, domain.RoleBCC, "party.id"},
	} {
		_, err := store.AddParty(ctx, bad.letter, bad.role, bad.party, 0)
		if de := domain.AsError(err); de.Code != domain.CodeBadUserInput || de.Field != bad.field {
			t.Errorf("%s: %v, want BAD_USER_INPUT at %s", bad.name, err, bad.field)
		}
	}
}

func TestOtherLinks(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	a := create(t, store, domain.LetterInput{Title: "a", WrittenAt: &domain.PlaceInput{Name: "Tehran"}})
	b := create(t, store, domain.LetterInput{Title: "b", WrittenAt: &domain.PlaceInput{Name: "Tirana"},
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "P"}}}})
	org, _ := upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Albania"}})
	gov, _ := upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Government of Albania"}})
	office, _ := upsert(t, store, domain.PartyInput{Office: &domain.OfficeInput{Title: "Mayor"}})
	p := b.Authors[0].Correspondent.NodeID()

	adds := []domain.Link{
		{Kind: domain.LinkRepliesTo, From: b.ID, To: a.ID},
		{Kind: domain.LinkRelatedTo, From: a.ID, To: b.ID},
		{Kind: domain.LinkOnBehalfOf, From: a.ID, To: org.NodeID()},
		{Kind: domain.LinkMentions, From: a.ID, To: b.WrittenAt.ID},
		{Kind: domain.LinkMentions, From: a.ID, To: p},
		{Kind: domain.LinkWrittenAt, From: a.ID, To: b.WrittenAt.ID}, // replaces Tehran
		{Kind: domain.LinkOf, From: office.NodeID(), To: org.NodeID()},
		{Kind: domain.LinkPartOf, From: gov.NodeID(), To: org.NodeID()},
		{Kind: domain.LinkHolds, From: p, To: office.NodeID(), Since: day("2020-01-01")},
		{Kind: domain.LinkMemberOf, From: p, To: gov.NodeID(), Role: "adviser"},
	}
	for _, l := range adds {
		if err := store.AddLink(ctx, l); err != nil {
			t.Fatalf("AddLink(%s): %v", l.Kind, err)
		}
		if err := store.AddLink(ctx, l); err != nil { // idempotent
			t.Fatalf("AddLink(%s) again: %v", l.Kind, err)
		}
	}
	got, err := store.Letter(ctx, a.ID)
	if err != nil {
		t.Fatalf("Letter: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"replies", len(got.Replies), 1},
		{"related, read both ways", len(got.Related), 1},
		{"on behalf of", len(got.OnBehalfOf), 1},
		{"mentions", len(got.Mentions), 2},
		{"written at (replaced)", got.WrittenAt.Name, "Tirana"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if rows := neo4jtest.Exec(t, `MATCH (:Person)-[h:HOLDS]->(:Office)-[:OF]->(:Organisation {name: 'Albania'}) RETURN h.from AS from`, nil); len(rows) != 1 {
		t.Errorf("%d holdings of an Albanian office, want 1", len(rows))
	}

	bad := []struct {
		name string
		link domain.Link
		code domain.Code
	}{
		{"cycle of parts", domain.Link{Kind: domain.LinkPartOf, From: org.NodeID(), To: gov.NodeID()}, domain.CodeBadUserInput},
		{"self link", domain.Link{Kind: domain.LinkRelatedTo, From: a.ID, To: a.ID}, domain.CodeBadUserInput},
		{"wrong kind of end", domain.Link{Kind: domain.LinkOf, From: office.NodeID(), To: p}, domain.CodeBadUserInput},
		{"unknown mention", domain.Link{Kind: domain.LinkMentions, From: a.ID, To: "missing"}, domain.CodeBadUserInput},
		{"unknown kind", domain.Link{Kind: "LIKES", From: a.ID, To: b.ID}, domain.CodeBadUserInput},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			if err := store.AddLink(ctx, tt.link); domain.ErrorCode(err) != tt.code {
				t.Errorf("AddLink = %v, want %s", err, tt.code)
			}
		})
	}

	for _, l := range adds {
		if err := store.RemoveLink(ctx, l.Kind, l.From, l.To); err != nil {
			t.Errorf("RemoveLink(%s): %v", l.Kind, err)
		}
	}
	got, _ = store.Letter(ctx, a.ID)
	if len(got.Replies)+len(got.Related)+len(got.OnBehalfOf)+len(got.Mentions) != 0 || got.WrittenAt != nil {
		t.Errorf("after removing every link: %+v", got)
	}
}
