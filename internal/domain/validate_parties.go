package domain

import (
	"fmt"
	"net/mail"
	"strings"
)

// Normalize validates a party in the given role and cleans its names.
func (p *PartyInput) Normalize(field string, role Role) error {
	given := 0
	for _, set := range []bool{p.ID != "", p.Person != nil, p.Organisation != nil, p.Office != nil} {
		if set {
			given++
		}
	}
	if given != 1 {
		return Invalid(field, "give exactly one of id, person, organisation or office")
	}
	p.ID = strings.TrimSpace(p.ID)
	p.Capacity = CleanText(p.Capacity)
	p.As = CleanText(p.As)
	p.Written = CleanText(p.Written)
	if p.Capacity != "" && role != RoleAuthor {
		return Invalid(field+".capacity", "only authors sign in a capacity")
	}
	if p.As != "" && role != RoleRecipient {
		return Invalid(field+".as", "only recipients are addressed as a title")
	}
	if err := checkShort(field+".capacity", p.Capacity); err != nil {
		return err
	}
	if err := checkShort(field+".as", p.As); err != nil {
		return err
	}
	if err := checkShort(field+".nameAsWritten", p.Written); err != nil {
		return err
	}
	if (p.MemberOf != nil || p.Holds != nil) && p.Person == nil {
		return Invalid(field, "memberOf and holds describe a person given inline")
	}
	switch {
	case p.Person != nil:
		if err := p.Person.normalize(field + ".person"); err != nil {
			return err
		}
	case p.Organisation != nil:
		if err := p.Organisation.normalize(field + ".organisation"); err != nil {
			return err
		}
	case p.Office != nil:
		if err := p.Office.normalize(field + ".office"); err != nil {
			return err
		}
	}
	if p.MemberOf != nil {
		if err := p.MemberOf.Organisation.normalize(field + ".memberOf.organisation"); err != nil {
			return err
		}
		p.MemberOf.Role = CleanText(p.MemberOf.Role)
		if err := checkShort(field+".memberOf.role", p.MemberOf.Role); err != nil {
			return err
		}
		if err := checkSpan(field+".memberOf", p.MemberOf.From, p.MemberOf.To); err != nil {
			return err
		}
	}
	if p.Holds != nil {
		if err := p.Holds.Office.normalize(field + ".holds.office"); err != nil {
			return err
		}
		if err := checkSpan(field+".holds", p.Holds.From, p.Holds.To); err != nil {
			return err
		}
	}
	return nil
}

func (p *PersonInput) normalize(field string) error {
	p.ID = strings.TrimSpace(p.ID)
	p.Name = CleanText(p.Name)
	p.Honorific = CleanText(p.Honorific)
	if h, rest := SplitHonorific(p.Name); h != "" {
		if p.Honorific == "" {
			p.Honorific = h
		}
		p.Name = rest
	}
	if err := checkName(field+".name", p.ID, p.Name); err != nil {
		return err
	}
	if err := checkShort(field+".honorific", p.Honorific); err != nil {
		return err
	}
	var err error
	if p.Aliases, err = cleanList(field+".aliases", p.Aliases); err != nil {
		return err
	}
	for i, e := range p.Emails {
		a, perr := mail.ParseAddress(strings.TrimSpace(e))
		if perr != nil || a.Name != "" {
			return Invalid(fmt.Sprintf("%s.emails[%d]", field, i), "%q is not an email address", e)
		}
		p.Emails[i] = NormalizeEmail(a.Address)
	}
	if p.Emails, err = cleanList(field+".emails", p.Emails); err != nil {
		return err
	}
	return normalizeAuthorityIDs(field, &p.AuthorityIDs)
}

func (o *OrganisationInput) normalize(field string) error {
	o.ID = strings.TrimSpace(o.ID)
	o.Name = CleanText(o.Name)
	o.Acronym = CleanText(o.Acronym)
	if o.Name == "" && o.Acronym != "" && o.ID == "" {
		o.Name = o.Acronym
	}
	if err := checkName(field+".name", o.ID, o.Name); err != nil {
		return err
	}
	if err := checkShort(field+".acronym", o.Acronym); err != nil {
		return err
	}
	if o.Kind != "" && !validOrgKind(o.Kind) {
		return Invalid(field+".kind", "%q is not one of STATE, GOVERNMENT, NGO, COMPANY, MEDIA, GROUP, OTHER", o.Kind)
	}
	var err error
	if o.Aliases, err = cleanList(field+".aliases", o.Aliases); err != nil {
		return err
	}
	if err := normalizeAuthorityIDs(field, &o.AuthorityIDs); err != nil {
		return err
	}
	if o.PartOf != nil {
		return o.PartOf.normalize(field + ".partOf")
	}
	return nil
}

func (o *OfficeInput) normalize(field string) error {
	o.ID = strings.TrimSpace(o.ID)
	o.Title = CleanText(o.Title)
	if err := checkName(field+".title", o.ID, o.Title); err != nil {
		return err
	}
	if o.Of != nil {
		return o.Of.normalize(field + ".of")
	}
	return nil
}

func (p *PlaceInput) normalize(field string) error {
	p.ID = strings.TrimSpace(p.ID)
	p.Name = CleanText(p.Name)
	p.Country = CleanText(p.Country)
	if err := checkName(field+".name", p.ID, p.Name); err != nil {
		return err
	}
	if err := checkShort(field+".country", p.Country); err != nil {
		return err
	}
	return normalizeAuthorityIDs(field, &p.AuthorityIDs)
}

func (m *MentionInput) normalize(field string) error {
	switch {
	case m.Party != nil && m.Place == nil && m.Letter == nil:
		return m.Party.Normalize(field, RoleAny)
	case m.Place != nil && m.Party == nil && m.Letter == nil:
		return m.Place.normalize(field + ".place")
	case m.Letter != nil && m.Party == nil && m.Place == nil:
		return m.Letter.Normalize(field + ".letter")
	}
	return Invalid(field, "give exactly one of a correspondent, a place or a letter")
}

// Normalize validates a letter reference: exactly one of id, externalId and title.
func (r *LetterRef) Normalize(field string) error {
	r.ID = strings.TrimSpace(r.ID)
	r.ExternalID = strings.TrimSpace(r.ExternalID)
	r.Title = CleanText(r.Title)
	given := 0
	for _, v := range []string{r.ID, r.ExternalID, r.Title} {
		if v != "" {
			given++
		}
	}
	if given != 1 {
		return Invalid(field, "give exactly one of id, externalId or title")
	}
	if err := checkShort(field+".title", r.Title); err != nil {
		return err
	}
	return checkShort(field+".externalId", r.ExternalID)
}
