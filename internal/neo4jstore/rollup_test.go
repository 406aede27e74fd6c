package neo4jstore_test

import (
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
)

func TestOrganisationRollUp(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	if _, _, err := seed.Load(ctx, store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	albania := &domain.OrganisationInput{Name: "Albania"}
	create(t, store, domain.LetterInput{Title: "To the ministry",
		Authors:    []domain.PartyInput{person("Ann Lee")},
		Recipients: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Ministry of Interior", PartOf: albania}}}})
	create(t, store, domain.LetterInput{Title: "From a party member",
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Ben Ode"},
			MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Socialist Party", PartOf: albania}}}},
		Recipients: []domain.PartyInput{person("Ann Lee")}})
	create(t, store, domain.LetterInput{Title: "Straight to Albania", Authors: []domain.PartyInput{person("Ann Lee")},
		CC: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Republic of Albania"}}}})
	create(t, store, domain.LetterInput{Title: "To a party member", Authors: []domain.PartyInput{person("Ann Lee")},
		Recipients: []domain.PartyInput{person("Ben Ode")}})
	create(t, store, domain.LetterInput{Title: "Unrelated", Authors: []domain.PartyInput{person("Ann Lee")},
		Recipients: []domain.PartyInput{person("Carl Dee")}})
	id := orgID(t, "Albania")
	seedTitle := "Letter from the CEO of Nejat Society to the Albania PM"

	tests := []struct {
		name string
		inv  domain.OrganisationInvolvement
		want []string
	}{
		{"every letter that reached the Albanian government in any role",
			domain.OrganisationInvolvement{Role: domain.RoleAny, Offices: true, Members: true, Parts: true},
			[]string{"To the ministry", "To a party member", "Straight to Albania", seedTitle, "From a party member"}},
		{"directly only", domain.OrganisationInvolvement{Role: domain.RoleAny}, []string{"Straight to Albania"}},
		{"addressed through an office holder", domain.OrganisationInvolvement{Role: domain.RoleRecipient, Offices: true}, []string{seedTitle}},
		{"copied through offices", domain.OrganisationInvolvement{Role: domain.RoleCC, Offices: true}, []string{"Straight to Albania", seedTitle}},
		{"received through members of parts", domain.OrganisationInvolvement{Role: domain.RoleRecipient, Members: true, Parts: true}, []string{"To the ministry", "To a party member"}},
		{"written through members of parts", domain.OrganisationInvolvement{Role: domain.RoleAuthor, Members: true, Parts: true}, []string{"From a party member"}},
		{"members without parts", domain.OrganisationInvolvement{Role: domain.RoleAuthor, Members: true}, nil},
		{"parts as recipients", domain.OrganisationInvolvement{Role: domain.RoleRecipient, Parts: true}, []string{"To the ministry"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := tt.inv
			inv.OrganisationID = id
			page, err := store.Letters(ctx, domain.LetterFilter{Organisation: &inv}, domain.OrderTitleDesc, domain.PageRequest{})
			if err != nil {
				t.Fatalf("Letters: %v", err)
			}
			if got := titles(page.Letters); !slices.Equal(got, tt.want) {
				t.Errorf("Letters = %q, want %q", got, tt.want)
			}
		})
	}
}
