package neo4jstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

func upsert(tb testing.TB, s interface {
	UpsertCorrespondent(context.Context, domain.PartyInput, bool) (domain.Correspondent, bool, error)
}, p domain.PartyInput) (domain.Correspondent, bool) {
	tb.Helper()
	c, created, err := s.UpsertCorrespondent(neo4jtest.Context(), p, false)
	if err != nil {
		tb.Fatalf("UpsertCorrespondent: %v", err)
	}
	return c, created
}

func TestIdentityResolution(t *testing.T) {
	store := neo4jtest.Store(t)
	base, _ := upsert(t, store, domain.PartyInput{Person: &domain.PersonInput{Name: "Edi Rama", Emails: []string{"edi@example.al"}}})
	org, _ := upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{
		Name: "Association for Supporting Iranians Living in Albania", Acronym: "ASILA"}})
	wiki, _ := upsert(t, store, domain.PartyInput{Person: &domain.PersonInput{Name: "José Martí",
		AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q300580"}}})

	tests := []struct {
		name string
		in   domain.PartyInput
		want string // id of the existing correspondent, or "" for a new one
	}{
		{"honorific", domain.PartyInput{Person: &domain.PersonInput{Name: "Mr. Edi Rama"}}, base.NodeID()},
		{"case and spacing", domain.PartyInput{Person: &domain.PersonInput{Name: "  EDI   rama "}}, base.NodeID()},
		{"diacritics", domain.PartyInput{Person: &domain.PersonInput{Name: "Èdi Ráma"}}, base.NodeID()},
		{"email beats name", domain.PartyInput{Person: &domain.PersonInput{Name: "E. Rama", Emails: []string{"EDI@example.al"}}}, base.NodeID()},
		{"same name, other email: another person", domain.PartyInput{Person: &domain.PersonInput{Name: "Edi Rama", Emails: []string{"other@example.com"}}}, ""},
		{"acronym finds the organisation", domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "ASILA"}}, org.NodeID()},
		{"authority id beats name", domain.PartyInput{Person: &domain.PersonInput{Name: "Marti, Jose",
			AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q300580"}}}, wiki.NodeID()},
		{"no accent, same person", domain.PartyInput{Person: &domain.PersonInput{Name: "Jose Marti"}}, wiki.NodeID()},
		{"a person is not an organisation", domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Edi Rama"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, created := upsert(t, store, tt.in)
			if tt.want == "" {
				if !created || got.NodeID() == base.NodeID() {
					t.Errorf("got %s (created %v), want a new correspondent", got.NodeID(), created)
				}
				return
			}
			if got.NodeID() != tt.want || created {
				t.Errorf("got %s (created %v), want existing %s", got.NodeID(), created, tt.want)
			}
		})
	}

	// What the resolution learnt is kept: the honorific, the other spelling as alias.
	c, err := store.Correspondent(neo4jtest.Context(), base.NodeID())
	if err != nil {
		t.Fatalf("Correspondent: %v", err)
	}
	p := c.(*domain.Person)
	if p.Honorific != "Mr." || !slices.Contains(p.Aliases, "E. Rama") || p.Name != "Edi Rama" {
		t.Errorf("person = %+v, want name Edi Rama, honorific Mr., alias E. Rama", p)
	}
}

func TestOfficesBelongToTheirOrganisation(t *testing.T) {
	store := neo4jtest.Store(t)
	albania := &domain.OrganisationInput{Name: "Albania"}
	pm, _ := upsert(t, store, domain.PartyInput{Office: &domain.OfficeInput{Title: "Prime Minister", Of: albania}})
	again, created := upsert(t, store, domain.PartyInput{Office: &domain.OfficeInput{Title: "prime minister", Of: &domain.OrganisationInput{Name: "ALBANIA"}}})
	if created || again.NodeID() != pm.NodeID() {
		t.Errorf("same office again: %s (created %v), want %s", again.NodeID(), created, pm.NodeID())
	}
	other, created := upsert(t, store, domain.PartyInput{Office: &domain.OfficeInput{Title: "Prime Minister", Of: &domain.OrganisationInput{Name: "Kosovo"}}})
	if !created || other.NodeID() == pm.NodeID() {
		t.Errorf("Prime Minister of Kosovo: %s (created %v), want a new office", other.NodeID(), created)
	}
	bare, created := upsert(t, store, domain.PartyInput{Office: &domain.OfficeInput{Title: "Prime Minister"}})
	if !created || bare.NodeID() == pm.NodeID() {
		t.Errorf("Prime Minister of nothing: %s (created %v), want a new office", bare.NodeID(), created)
	}
	if o := pm.(*domain.Office); o.Organisation == nil || o.Organisation.Name != "Albania" {
		t.Errorf("office organisation = %+v, want Albania", o.Organisation)
	}
}

func TestUpsertUpdatesByID(t *testing.T) {
	store := neo4jtest.Store(t)
	org, _ := upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Nejat Society"}})
	got, created := upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{ID: org.NodeID(),
		Name: "Nejat Charity Society", Kind: domain.OrgNGO, AuthorityIDs: []string{"https://example.org/nejat"}}})
	o := got.(*domain.Organisation)
	if created || o.ID != org.NodeID() || o.Name != "Nejat Charity Society" || o.Kind != domain.OrgNGO ||
		!slices.Contains(o.Aliases, "Nejat Society") || len(o.AuthorityIDs) != 1 {
		t.Errorf("updated = %+v (created %v), want renamed NGO keeping the old name as alias", o, created)
	}
	// The old name still finds it.
	found, created := upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Nejat Society"}})
	if created || found.NodeID() != org.NodeID() {
		t.Errorf("old name: %s (created %v), want %s", found.NodeID(), created, org.NodeID())
	}
	_, _, err := store.UpsertCorrespondent(neo4jtest.Context(), domain.PartyInput{Person: &domain.PersonInput{ID: "missing", Name: "X"}}, false)
	if de := domain.AsError(err); de.Code != domain.CodeBadUserInput || de.Field != "input.person.id" {
		t.Errorf("unknown id: %v, want BAD_USER_INPUT at input.person.id", err)
	}
}

func TestCorrespondentsListAndFilter(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	albania := &domain.OrganisationInput{Name: "Albania", Kind: domain.OrgState}
	upsert(t, store, domain.PartyInput{Person: &domain.PersonInput{Name: "Edi Rama"},
		Holds: &domain.HoldingInput{Office: domain.OfficeInput{Title: "Prime Minister", Of: albania}}})
	upsert(t, store, domain.PartyInput{Office: &domain.OfficeInput{Title: "Minister of Interior", Of: albania}})
	upsert(t, store, domain.PartyInput{Person: &domain.PersonInput{Name: "Ebrahim Khodabandeh"},
		MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Nejat Society"}, Role: "CEO"}})
	upsert(t, store, domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Ministry of Foreign Affairs", PartOf: albania}})

	names := func(f domain.CorrespondentFilter, req domain.PageRequest) []string {
		t.Helper()
		page, err := store.Correspondents(ctx, f, req)
		if err != nil {
			t.Fatalf("Correspondents: %v", err)
		}
		var out []string
		for _, c := range page.Correspondents {
			out = append(out, c.DisplayName())
		}
		return out
	}
	tests := []struct {
		name string
		f    domain.CorrespondentFilter
		want []string
	}{
		{"all by name", domain.CorrespondentFilter{}, []string{"Albania", "Ebrahim Khodabandeh", "Edi Rama", "Minister of Interior", "Ministry of Foreign Affairs", "Nejat Society", "Prime Minister"}},
		{"people", domain.CorrespondentFilter{Kinds: []domain.Label{domain.LabelPerson}}, []string{"Ebrahim Khodabandeh", "Edi Rama"}},
		{"a word of the name", domain.CorrespondentFilter{Name: "rama"}, []string{"Edi Rama"}},
		{"word prefix, any case", domain.CorrespondentFilter{Name: "MINIST"}, []string{"Minister of Interior", "Ministry of Foreign Affairs", "Prime Minister"}},
		{"of an organisation", domain.CorrespondentFilter{OrganisationID: orgID(t, "Albania")}, []string{"Minister of Interior", "Ministry of Foreign Affairs", "Prime Minister"}},
		{"members", domain.CorrespondentFilter{OrganisationID: orgID(t, "Nejat Society")}, []string{"Ebrahim Khodabandeh"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := names(tt.f, domain.PageRequest{}); !slices.Equal(got, tt.want) {
				t.Errorf("Correspondents = %q, want %q", got, tt.want)
			}
			n, err := store.CountCorrespondents(ctx, tt.f)
			if err != nil || n != len(tt.want) {
				t.Errorf("CountCorrespondents = %d, %v; want %d", n, err, len(tt.want))
			}
		})
	}
	t.Run("paged", func(t *testing.T) {
		page, err := store.Correspondents(ctx, domain.CorrespondentFilter{}, domain.PageRequest{First: intp(3)})
		if err != nil {
			t.Fatalf("Correspondents: %v", err)
		}
		rest := names(domain.CorrespondentFilter{}, domain.PageRequest{First: intp(10), After: page.PageInfo.EndCursor})
		if want := []string{"Minister of Interior", "Ministry of Foreign Affairs", "Nejat Society", "Prime Minister"}; !slices.Equal(rest, want) {
			t.Errorf("second page = %q, want %q", rest, want)
		}
		back := names(domain.CorrespondentFilter{}, domain.PageRequest{Last: intp(2), Before: page.PageInfo.EndCursor})
		if want := []string{"Albania", "Ebrahim Khodabandeh"}; !slices.Equal(back, want) {
			t.Errorf("page before = %q, want %q", back, want)
		}
	})

	t.Run("structure, holdings and memberships", func(t *testing.T) {
		albaniaID := orgID(t, "Albania")
		st, err := store.Structure(ctx, []string{albaniaID})
		if err != nil {
			t.Fatalf("Structure: %v", err)
		}
		var offices []string
		for _, o := range st[albaniaID].Offices {
			offices = append(offices, o.Title)
		}
		if want := []string{"Minister of Interior", "Prime Minister"}; !slices.Equal(offices, want) || len(st[albaniaID].Parts) != 1 {
			t.Errorf("Albania offices %q, %d parts; want %q, 1", offices, len(st[albaniaID].Parts), want)
		}
		rama := personID(t, "Edi Rama")
		h, err := store.Holdings(ctx, []string{rama})
		if err != nil || len(h[rama]) != 1 || h[rama][0].Office.Title != "Prime Minister" || h[rama][0].Office.Organisation.Name != "Albania" {
			t.Errorf("Holdings = %+v, %v; want Prime Minister of Albania", h, err)
		}
		ceo := personID(t, "Ebrahim Khodabandeh")
		m, err := store.Memberships(ctx, []string{ceo, orgID(t, "Nejat Society")})
		if err != nil || len(m[ceo]) != 1 || m[ceo][0].Role != "CEO" || len(m[orgID(t, "Nejat Society")]) != 1 {
			t.Errorf("Memberships = %+v, %v; want one CEO membership from both ends", m, err)
		}
	})
}

func orgID(tb testing.TB, name string) string {
	tb.Helper()
	rows := neo4jtest.Exec(tb, `MATCH (o:Organisation {name: $name}) RETURN o.id AS id`, map[string]any{"name": name})
	if len(rows) != 1 {
		tb.Fatalf("%d organisations named %q, want 1", len(rows), name)
	}
	return rows[0]["id"].(string)
}

func TestNode(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	l := create(t, store, domain.LetterInput{Title: "x", Authors: []domain.PartyInput{person("A Writer")},
		WrittenAt: &domain.PlaceInput{Name: "Tehran", Country: "Iran"}})
	tests := []struct {
		name  string
		id    string
		label domain.Label
	}{
		{"letter", l.ID, domain.LabelLetter},
		{"person", l.Authors[0].Correspondent.NodeID(), domain.LabelPerson},
		{"place", l.WrittenAt.ID, domain.LabelPlace},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := store.Node(ctx, tt.id)
			if err != nil {
				t.Fatalf("Node: %v", err)
			}
			if n.NodeID() != tt.id || n.NodeLabel() != tt.label {
				t.Errorf("Node = %s %s, want %s %s", n.NodeLabel(), n.NodeID(), tt.label, tt.id)
			}
		})
	}
	if _, err := store.Node(ctx, "missing"); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("Node(missing) = %v, want NOT_FOUND", err)
	}
}
