package server_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/gen"
)

// The non-interference suite (docs/security.md, Provenance): a generated corpus with
// restricted letters and blind copies scattered through it is loaded, and a battery
// of reads is asked as a reader; then the same corpus without them (restricted
// letters left out, blind copies taken off) is loaded into the emptied database and
// the battery asked again. A reader must not be able to tell the two graphs apart:
// every answer, compared by names, titles and external ids (ids differ between
// loads), must be the same.

// hiddenCorpus is a generated corpus with hidden material added: every fifth letter
// restricted; blind copies on others, some to people no other letter names; and
// restricted letters that name new people and organisations, give public people a
// new alias, email, authority id and membership, and refer to letters by titles no
// other letter uses. open is the same corpus as a reader should see it.
func hiddenCorpus(tb testing.TB, letters int, seed uint64) (full, open []domain.LetterInput) {
	tb.Helper()
	var docs []domain.LetterInput
	if err := gen.Generate(gen.Config{Letters: letters, Seed: seed}, func(i int, in domain.LetterInput) error {
		docs = append(docs, in)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	// Organisations that visible letters name, for restricted letters to give
	// visible people a membership of.
	var orgs []string
	for i, in := range docs {
		if i%10 != 2 && i%10 != 7 {
			for _, p := range append(slices.Clone(in.CC), in.Recipients...) {
				if p.Organisation != nil && !slices.Contains(orgs, p.Organisation.Name) {
					orgs = append(orgs, p.Organisation.Name)
				}
			}
		}
	}
	if len(orgs) == 0 {
		tb.Fatal("no visible letter names an organisation")
	}
	for i, in := range docs {
		hide := i%10 == 2 || i%10 == 7
		switch {
		case hide: // restricted, and saying more about its parties than anyone else
			in.Restricted = true
			if len(in.Authors) > 0 && in.Authors[0].Person != nil {
				p := *in.Authors[0].Person
				p.Aliases = append(slices.Clone(p.Aliases), fmt.Sprintf("Secret Alias %d", i))
				p.Emails = append(slices.Clone(p.Emails), fmt.Sprintf("secret%d@hidden.example", i))
				p.AuthorityIDs = append(slices.Clone(p.AuthorityIDs), fmt.Sprintf("https://www.wikidata.org/wiki/Q9%07d", i))
				in.Authors[0].Person = &p
				in.Authors[0].MemberOf = &domain.MembershipInput{Role: "informant",
					Organisation: domain.OrganisationInput{Name: fmt.Sprintf("Hidden Circle %d", i%3)}}
			}
			if len(in.Recipients) > 0 && in.Recipients[0].Person != nil && in.Recipients[0].MemberOf == nil {
				in.Recipients[0].MemberOf = &domain.MembershipInput{Role: "source",
					Organisation: domain.OrganisationInput{Name: orgs[i%len(orgs)]}}
			}
			in.Recipients = append(in.Recipients, domain.PartyInput{Person: &domain.PersonInput{Name: fmt.Sprintf("Jane Informant %d", i)}})
			if p := firstNamedAfter(docs, i); p != nil { // a name for someone open letters name only later
				in.Recipients = append(in.Recipients, domain.PartyInput{Person: &domain.PersonInput{
					Name: fmt.Sprintf("Secret Spelling %d", i), Emails: slices.Clone(p.Emails)}})
			}
			in.CC = append(in.CC, domain.PartyInput{Office: &domain.OfficeInput{Title: "Keeper of Secrets",
				Of: &domain.OrganisationInput{Name: fmt.Sprintf("Secret Service %d", i%4)}}})
			in.RepliesTo = append(in.RepliesTo, domain.LetterRef{Title: fmt.Sprintf("The secret report %d", i)})
			if in.WrittenAt != nil { // an authority id for a place open letters name too
				w := *in.WrittenAt
				w.AuthorityIDs = append(slices.Clone(w.AuthorityIDs), fmt.Sprintf("https://www.geonames.org/9%06d", i))
				in.WrittenAt = &w
			}
			in.Body += fmt.Sprintf("\n\nThe password is xylophone%d, and the zebra is quiet.", i%3)
		case i%10 == 4 || i%10 == 9: // blind copies: someone no other letter names, and someone it does
			in.BCC = append(in.BCC, domain.PartyInput{Person: &domain.PersonInput{Name: fmt.Sprintf("Bea Blind %d", i),
				Emails: []string{fmt.Sprintf("bea%d@blind.example", i)}},
				MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Blind Society"}}})
			if len(in.Recipients) > 0 {
				in.BCC = append(in.BCC, in.Recipients[0])
			}
			// A blind copy who belongs to an organisation, and holds an office, that
			// a visible party of the letter is known by open letters to belong to or
			// hold: the letter names them through the blind copy alone.
			if m, h := openAffiliations(docs, in); m != nil || h != nil {
				blind := domain.PartyInput{Person: &domain.PersonInput{Name: fmt.Sprintf("Bea Member %d", i)}}
				if m != nil {
					blind.MemberOf = &domain.MembershipInput{Organisation: *m, Role: "blind role", From: new(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC))}
				}
				if h != nil {
					blind.Holds = &domain.HoldingInput{Office: *h, From: new(time.Date(1901, 1, 1, 0, 0, 0, 0, time.UTC))}
				}
				in.BCC = append(in.BCC, blind)
			}
		}
		full = append(full, in)
		if !in.Restricted {
			o := in
			o.BCC = nil
			open = append(open, o)
		}
	}
	if len(open) > len(full)*9/10 {
		tb.Fatalf("%d of %d letters restricted: too few to test anything", len(full)-len(open), len(full))
	}
	return full, open
}

// firstNamedAfter is a person with an email whom no letter up to i names, and a
// visible letter after it does.
func firstNamedAfter(docs []domain.LetterInput, i int) *domain.PersonInput {
	named := map[string]bool{}
	for _, in := range docs[:i+1] {
		for _, p := range parties(in) {
			if p.Person != nil {
				for _, e := range p.Person.Emails {
					named[e] = true
				}
			}
		}
	}
	for j := i + 1; j < len(docs); j++ {
		if j%10 == 2 || j%10 == 7 {
			continue
		}
		for _, p := range parties(docs[j]) {
			if p.Person != nil && len(p.Person.Emails) > 0 && !slices.ContainsFunc(p.Person.Emails, func(e string) bool { return named[e] }) {
				return p.Person
			}
		}
	}
	return nil
}

// openAffiliations are an organisation and an office that open letters of docs say a
// person named (not blind) in in belongs to or holds, and in does not name.
func openAffiliations(docs []domain.LetterInput, in domain.LetterInput) (*domain.OrganisationInput, *domain.OfficeInput) {
	named := map[string]bool{}
	for _, p := range slices.Concat(in.Authors, in.Recipients, in.CC) {
		if p.Person != nil {
			named[p.Person.Name] = true
		}
		if p.MemberOf != nil || p.Holds != nil {
			return nil, nil // the letter names an affiliation itself
		}
	}
	var org *domain.OrganisationInput
	var office *domain.OfficeInput
	for j, d := range docs {
		if j%10 == 2 || j%10 == 7 {
			continue
		}
		for _, p := range slices.Concat(d.Authors, d.Recipients, d.CC) {
			if p.Person == nil || !named[p.Person.Name] {
				continue
			}
			if p.MemberOf != nil && org == nil {
				org = &p.MemberOf.Organisation
			}
			if p.Holds != nil && office == nil {
				office = &p.Holds.Office
			}
		}
	}
	return org, office
}

func parties(in domain.LetterInput) []domain.PartyInput {
	return slices.Concat(in.Authors, in.Recipients, in.CC, in.BCC)
}

// mentionedLetters are the letters in mentions.
func mentionedLetters(in domain.LetterInput) []domain.LetterRef {
	var out []domain.LetterRef
	for _, m := range in.Mentions {
		if m.Letter != nil {
			out = append(out, *m.Letter)
		}
	}
	return out
}
