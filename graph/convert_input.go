package graph

import (
	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// fromLetterInput is the letter an input of createLetter describes (convert.go says
// which way each file converts).
func fromLetterInput(in model.LetterInput) domain.LetterInput {
	out := domain.LetterInput{
		Title:         deref(in.Title),
		Subject:       deref(in.Subject),
		Body:          deref(in.Body),
		Date:          in.Date,
		DateText:      deref(in.DateText),
		DatePrecision: domain.DatePrecision(deref(in.DatePrecision)),
		DateNotBefore: in.DateNotBefore,
		DateNotAfter:  in.DateNotAfter,
		Language:      deref(in.Language),
		PlaceText:     deref(in.PlaceText),
		SourceFormat:  domain.SourceFormat(deref(in.SourceFormat)),
		Source:        deref(in.Source),
		ExternalID:    deref(in.ExternalID),
		Restricted:    deref(in.Restricted),
		WrittenAt:     fromPlaceInput(in.WrittenAt),
		Authors:       fromParties(in.Authors),
		Recipients:    fromParties(in.Recipients),
		CC:            fromParties(in.Cc),
		BCC:           fromParties(in.Bcc),
		RepliesTo:     fromLetterRefs(in.RepliesTo),
		Related:       fromLetterRefs(in.Related),
	}
	for _, o := range in.OnBehalfOf {
		out.OnBehalfOf = append(out.OnBehalfOf, deref(fromOrganisationInput(o)))
	}
	for _, m := range in.Mentions {
		if m == nil {
			continue
		}
		mi := domain.MentionInput{Place: fromPlaceInput(m.Place)}
		if m.Correspondent != nil {
			p := fromPartyInput(*m.Correspondent)
			mi.Party = &p
		}
		if m.Letter != nil {
			r := fromLetterRef(*m.Letter)
			mi.Letter = &r
		}
		out.Mentions = append(out.Mentions, mi)
	}
	return out
}

func fromParties(list []*model.PartyInput) []domain.PartyInput {
	out := make([]domain.PartyInput, 0, len(list))
	for _, p := range list {
		if p != nil {
			out = append(out, fromPartyInput(*p))
		}
	}
	return out
}

func fromPartyInput(p model.PartyInput) domain.PartyInput {
	out := domain.PartyInput{
		ID:           deref(p.ID),
		Person:       fromPersonInput(p.Person),
		Organisation: fromOrganisationInput(p.Organisation),
		Office:       fromOfficeInput(p.Office),
		Capacity:     deref(p.Capacity),
		As:           deref(p.As),
		Written:      deref(p.NameAsWritten),
		MemberOf:     fromMembershipInput(p.MemberOf),
		Holds:        fromHoldingInput(p.Holds),
	}
	return out
}

func fromCorrespondentInput(c model.CorrespondentInput) domain.PartyInput {
	return domain.PartyInput{
		Person:       fromPersonInput(c.Person),
		Organisation: fromOrganisationInput(c.Organisation),
		Office:       fromOfficeInput(c.Office),
		MemberOf:     fromMembershipInput(c.MemberOf),
		Holds:        fromHoldingInput(c.Holds),
	}
}

func fromMembershipInput(m *model.MembershipInput) *domain.MembershipInput {
	if m == nil {
		return nil
	}
	return &domain.MembershipInput{Organisation: deref(fromOrganisationInput(m.Organisation)),
		Role: deref(m.Role), From: m.From, To: m.To}
}

func fromHoldingInput(h *model.HoldingInput) *domain.HoldingInput {
	if h == nil {
		return nil
	}
	return &domain.HoldingInput{Office: deref(fromOfficeInput(h.Office)), From: h.From, To: h.To}
}

func fromPersonInput(p *model.PersonInput) *domain.PersonInput {
	if p == nil {
		return nil
	}
	return &domain.PersonInput{ID: deref(p.ID), Name: deref(p.Name), Honorific: deref(p.Honorific),
		Aliases: p.Aliases, Emails: p.Emails, AuthorityIDs: p.AuthorityIds}
}

func fromOrganisationInput(o *model.OrganisationInput) *domain.OrganisationInput {
	if o == nil {
		return nil
	}
	return &domain.OrganisationInput{ID: deref(o.ID), Name: deref(o.Name), Acronym: deref(o.Acronym),
		Kind: domain.OrganisationKind(deref(o.Kind)), Aliases: o.Aliases, AuthorityIDs: o.AuthorityIds,
		PartOf: fromOrganisationInput(o.PartOf)}
}

func fromOfficeInput(o *model.OfficeInput) *domain.OfficeInput {
	if o == nil {
		return nil
	}
	return &domain.OfficeInput{ID: deref(o.ID), Title: deref(o.Title), Of: fromOrganisationInput(o.Of)}
}

// fromFactInput converts the fact sources asks about; nil for none.
func fromFactInput(f *model.FactInput) *domain.Fact {
	if f == nil {
		return nil
	}
	return &domain.Fact{Kind: domain.FactKind(f.Kind), Value: f.Value}
}

func fromPlaceInput(p *model.PlaceInput) *domain.PlaceInput {
	if p == nil {
		return nil
	}
	return &domain.PlaceInput{ID: deref(p.ID), Name: deref(p.Name), Country: deref(p.Country), AuthorityIDs: p.AuthorityIds}
}

func fromLetterRefs(list []*model.LetterRefInput) []domain.LetterRef {
	out := make([]domain.LetterRef, 0, len(list))
	for _, r := range list {
		if r != nil {
			out = append(out, fromLetterRef(*r))
		}
	}
	return out
}

func fromLetterRef(r model.LetterRefInput) domain.LetterRef {
	return domain.LetterRef{ID: deref(r.ID), ExternalID: deref(r.ExternalID), Title: deref(r.Title)}
}

func fromLetterPatch(p model.LetterPatch) domain.LetterPatch {
	out := domain.LetterPatch{
		DateNotBefore: p.DateNotBefore,
		DateNotAfter:  p.DateNotAfter,
	}
	if r, set := p.Restricted.ValueOK(); set {
		out.Restricted = new(deref(r))
	}
	// An omitted field stays nil (kept); an explicit null becomes "" (cleared).
	for _, f := range []struct {
		in  omitted
		out **string
	}{
		{omit(p.Title), &out.Title}, {omit(p.Subject), &out.Subject}, {omit(p.Body), &out.Body},
		{omit(p.DateText), &out.DateText}, {omit(p.Language), &out.Language},
		{omit(p.PlaceText), &out.PlaceText}, {omit(p.Source), &out.Source}, {omit(p.ExternalID), &out.ExternalID},
	} {
		if f.in.set {
			v := deref(f.in.value)
			*f.out = &v
		}
	}
	if d, set := p.Date.ValueOK(); set {
		if d == nil {
			out.ClearDate = true
		} else {
			out.Date = d
		}
	}
	if p.DatePrecision != nil {
		prec := domain.DatePrecision(*p.DatePrecision)
		out.DatePrecision = &prec
	}
	return out
}

// omitted is an Omittable[*string] taken apart.
type omitted struct {
	value *string
	set   bool
}

func omit(o interface{ ValueOK() (*string, bool) }) omitted {
	v, ok := o.ValueOK()
	return omitted{v, ok}
}

func fromLetterFilter(f *model.LetterFilter) domain.LetterFilter {
	if f == nil {
		return domain.LetterFilter{}
	}
	out := domain.LetterFilter{
		DateFrom:     f.DateFrom,
		DateTo:       f.DateTo,
		PlaceID:      deref(f.Place),
		Language:     deref(f.Language),
		Text:         deref(f.Text),
		IncludeStubs: deref(f.IncludeStubs),
	}
	for _, i := range f.Involving {
		if i != nil {
			out.Involving = append(out.Involving, domain.Involvement{CorrespondentID: i.Correspondent, Role: domain.Role(deref(i.Role))})
		}
	}
	for _, s := range f.SourceFormats {
		out.Formats = append(out.Formats, domain.SourceFormat(s))
	}
	if o := f.Organisation; o != nil {
		out.Organisation = &domain.OrganisationInvolvement{OrganisationID: o.Organisation, Role: domain.Role(deref(o.Role))}
		for _, t := range o.Through {
			switch t {
			case model.ThroughOffices:
				out.Organisation.Offices = true
			case model.ThroughMembers:
				out.Organisation.Members = true
			case model.ThroughParts:
				out.Organisation.Parts = true
			}
		}
	}
	return out
}

var correspondentKindLabels = map[model.CorrespondentKind]domain.Label{
	model.CorrespondentKindPerson:       domain.LabelPerson,
	model.CorrespondentKindOrganisation: domain.LabelOrganisation,
	model.CorrespondentKindOffice:       domain.LabelOffice,
}

func fromCorrespondentFilter(f *model.CorrespondentFilter) domain.CorrespondentFilter {
	if f == nil {
		return domain.CorrespondentFilter{}
	}
	out := domain.CorrespondentFilter{Name: deref(f.Name), OrganisationID: deref(f.Organisation)}
	for _, k := range f.Kinds {
		out.Kinds = append(out.Kinds, correspondentKindLabels[k])
	}
	return out
}

func pageRequest(first *int, after *string, last *int, before *string) domain.PageRequest {
	return domain.PageRequest{First: first, After: deref(after), Last: last, Before: deref(before)}
}
