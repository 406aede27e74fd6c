package text

import "github.com/lettergraph/lettergraph/internal/domain"

// The recognisers take names from any text; these checks make sure that what the
// letter records has the letters or digits the domain requires of a name, so that a
// stray symbol ("〢" after "Dear Mx") is dropped rather than failing the import.

func named(s string) bool { return fold(s) != "" }

func validOrg(o *domain.OrganisationInput) bool {
	return o != nil && named(o.Name) && (o.PartOf == nil || validOrg(o.PartOf))
}

func validOffice(o *domain.OfficeInput) bool {
	return o != nil && named(o.Title) && (o.Of == nil || validOrg(o.Of))
}

// validParty reports whether p names someone, and drops an affiliation or office that
// names nothing.
func validParty(p *domain.PartyInput) bool {
	switch {
	case p.Person != nil:
		if !named(p.Person.Name) {
			return false
		}
		if p.MemberOf != nil && !validOrg(&p.MemberOf.Organisation) {
			p.MemberOf = nil
		}
		if p.Holds != nil && !validOffice(&p.Holds.Office) {
			p.Holds = nil
		}
		return true
	case p.Organisation != nil:
		return validOrg(p.Organisation)
	case p.Office != nil:
		return validOffice(p.Office)
	}
	return false
}

// validParties keeps the parties that name someone.
func validParties(list []domain.PartyInput) []domain.PartyInput {
	out := list[:0]
	for _, p := range list {
		if validParty(&p) {
			out = append(out, p)
		}
	}
	return out
}

// validate drops from a letter every party, organisation, mention and place that
// names nothing.
func validate(in *domain.LetterInput) {
	in.Authors = validParties(in.Authors)
	in.Recipients = validParties(in.Recipients)
	in.CC = validParties(in.CC)
	in.BCC = validParties(in.BCC)
	orgs := in.OnBehalfOf[:0]
	for _, o := range in.OnBehalfOf {
		if validOrg(&o) {
			orgs = append(orgs, o)
		}
	}
	in.OnBehalfOf = orgs
	mentions := in.Mentions[:0]
	for _, m := range in.Mentions {
		if m.Party != nil && validParty(m.Party) {
			mentions = append(mentions, m)
		}
	}
	in.Mentions = mentions
	if in.WrittenAt != nil && !named(in.WrittenAt.Name) {
		in.WrittenAt, in.PlaceText = nil, ""
	}
}
