// Package seed holds the sample letter lettergraph was created from, as the canonical
// input that createLetter takes (the text importer comes later), and loads it.
package seed

import (
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Text is the seed letter as published.
//
//go:embed corpus/nejat-society-to-albania-pm.txt
var Text string

// ExpectedJSON is what importing Text must produce (docs/design.md §2).
//
//go:embed corpus/nejat-society-to-albania-pm.expected.json
var ExpectedJSON string

// Source names the seed letter's origin.
const Source = "corpus/nejat-society-to-albania-pm.txt"

// body is the letter's own text: from the salutation-less opening to the last
// sentence, without the editorial lead before it or the signature and website matter
// after it.
func body() (string, error) {
	const first, last = "On behalf of the families", "hated by all Iranians."
	i, j := strings.Index(Text, first), strings.Index(Text, last)
	if i < 0 || j < i {
		return "", fmt.Errorf("seed: the corpus text has lost its body markers")
	}
	return Text[i : j+len(last)], nil
}

// Letter returns the seed letter as a createLetter input.
func Letter() (domain.LetterInput, error) {
	b, err := body()
	if err != nil {
		return domain.LetterInput{}, err
	}
	albania := func(kind domain.OrganisationKind) *domain.OrganisationInput {
		return &domain.OrganisationInput{Name: "Albania", Kind: kind}
	}
	nejat := domain.OrganisationInput{Name: "Nejat Society"}
	return domain.LetterInput{
		Title:         "Letter from the CEO of Nejat Society to the Albania PM",
		Body:          b,
		DatePrecision: domain.PrecisionUnknown,
		Language:      "en",
		PlaceText:     "Tehran Iran",
		SourceFormat:  domain.FormatText,
		Source:        Source,
		WrittenAt:     &domain.PlaceInput{Name: "Tehran", Country: "Iran"},
		Authors: []domain.PartyInput{{
			Person:   &domain.PersonInput{Name: "Ebrahim Khodabandeh"},
			Capacity: "CEO",
			MemberOf: &domain.MembershipInput{Organisation: nejat, Role: "CEO"},
		}},
		OnBehalfOf: []domain.OrganisationInput{nejat},
		Recipients: []domain.PartyInput{{
			Person: &domain.PersonInput{Name: "Mr. Edi Rama"},
			As:     "Prime Minister of the Republic of Albania",
			Holds:  &domain.HoldingInput{Office: domain.OfficeInput{Title: "Prime Minister", Of: albania(domain.OrgState)}},
		}},
		CC: []domain.PartyInput{
			{Office: &domain.OfficeInput{Title: "Minister of Interior", Of: albania("")}},
			{Office: &domain.OfficeInput{Title: "Foreign Minister", Of: albania("")}},
			{Organisation: &domain.OrganisationInput{Name: "Association for Supporting Iranians Living in Albania", Acronym: "ASILA"}},
			{Organisation: &domain.OrganisationInput{Name: "The Media", Kind: domain.OrgGroup}},
		},
		Related: []domain.LetterRef{
			{Title: "Reflections on Nejat Society’s grand gathering in Albanian media"},
			{Title: "Aldo Solullari to introduce Nejat Society to Albanians"},
			{Title: "What we expect from the Albanian government?"},
		},
		Mentions: []domain.MentionInput{{
			Party: &domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "Mojahedin-e Khalq", Acronym: "MEK"}},
		}},
	}, nil
}

// Load writes the seed letter through the same path as createLetter. Loading it again
// changes nothing and returns created false.
func Load(ctx context.Context, store domain.LetterWriter) (*domain.Letter, bool, error) {
	in, err := Letter()
	if err != nil {
		return nil, false, err
	}
	return store.CreateLetter(ctx, in)
}
