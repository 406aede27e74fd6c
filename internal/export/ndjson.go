package export

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
)

// WriteNDJSON writes letters as canonical documents (docs/canonical-json.md), one a
// line, which `lettergraph import` reads back: importing an export of a graph into an
// empty database makes the same graph (docs/exports.md says what it leaves out).
//
// A document names its parties inline, as an import does, never by id, since ids
// mean nothing to another database: a person with its honorific, aliases, emails and
// authority ids, an organisation with its acronym, kind, aliases, authority ids and
// the organisations it is part of, an office with its organisation, so that the
// identity rules find the same correspondents again. A letter's record holds the
// offices held and affiliations that the letter itself asserts (provenance), and
// they ride on the person's appearances in that letter in turn: the first appearance
// carries the first holding and first membership, the second the second, and so on;
// importing the file gives each fact the letters it came from. Letters it replies to, is related to or
// mentions are referred to by external id, else by title; RELATED_TO is written from the
// letter that holds it only.
func WriteNDJSON(w io.Writer, letters Letters) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	err := letters(func(r *domain.LetterRecord) error {
		in := inputs{appearances: map[string]int{}}
		return enc.Encode(canonical.FromInput(in.of(r)))
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// inputs turns a letter record back into the input that would write it, counting
// each person's appearances to hand it its holdings and memberships in turn.
type inputs struct {
	appearances map[string]int
}

// of converts one letter record.
func (in *inputs) of(r *domain.LetterRecord) domain.LetterInput {
	l := r.Letter
	out := domain.LetterInput{
		Title:         l.Title,
		Subject:       l.Subject,
		Body:          l.Body,
		Date:          l.Date,
		DateText:      l.DateText,
		DatePrecision: l.DatePrecision,
		DateNotBefore: l.DateNotBefore,
		DateNotAfter:  l.DateNotAfter,
		Language:      l.Language,
		PlaceText:     l.PlaceText,
		WrittenAt:     placeInput(l.WrittenAt),
		SourceFormat:  l.SourceFormat,
		Source:        l.Source,
		ExternalID:    l.ExternalID,
		Restricted:    l.Restricted,
		Authors:       in.parties(r, l.Authors),
		Recipients:    in.parties(r, l.Recipients),
		CC:            in.parties(r, l.CC),
		BCC:           in.parties(r, l.BCC),
		RepliesTo:     letterRefs(l.RepliesTo),
		Related:       letterRefs(l.Related),
	}
	for _, o := range l.OnBehalfOf {
		out.OnBehalfOf = append(out.OnBehalfOf, *orgInput(r, o))
	}
	for _, m := range l.Mentions {
		switch m := m.(type) {
		case *domain.Letter:
			if ref, ok := letterRef(m); ok {
				out.Mentions = append(out.Mentions, domain.MentionInput{Letter: &ref})
			}
		case *domain.Place:
			out.Mentions = append(out.Mentions, domain.MentionInput{Place: placeInput(m)})
		case domain.Correspondent:
			p := in.party(r, domain.Party{Correspondent: m})
			out.Mentions = append(out.Mentions, domain.MentionInput{Party: &p})
		}
	}
	return out
}

func (in *inputs) parties(r *domain.LetterRecord, list []domain.Party) []domain.PartyInput {
	var out []domain.PartyInput
	for _, p := range list {
		out = append(out, in.party(r, p))
	}
	return out
}

// party is one appearance of a correspondent, inline; a person's n-th appearance
// carries its n-th holding and membership.
func (in *inputs) party(r *domain.LetterRecord, p domain.Party) domain.PartyInput {
	out := domain.PartyInput{Capacity: p.Capacity, As: p.As, Written: p.Written}
	switch c := p.Correspondent.(type) {
	case *domain.Person:
		out.Person = &domain.PersonInput{Name: c.Name, Honorific: c.Honorific, Aliases: c.Aliases, Emails: c.Emails,
			AuthorityIDs: c.AuthorityIDs}
		n := in.appearances[c.ID]
		in.appearances[c.ID] = n + 1
		if hs := r.Holdings[c.ID]; n < len(hs) {
			out.Holds = &domain.HoldingInput{Office: *officeInput(r, hs[n].Office), From: hs[n].From, To: hs[n].To}
		}
		if ms := r.Memberships[c.ID]; n < len(ms) {
			out.MemberOf = &domain.MembershipInput{Organisation: *orgInput(r, ms[n].Organisation), Role: ms[n].Role,
				From: ms[n].From, To: ms[n].To}
		}
	case *domain.Organisation:
		out.Organisation = orgInput(r, c)
	case *domain.Office:
		out.Office = officeInput(r, c)
	}
	return out
}

// orgInput is an organisation inline, with the organisations it is part of (at most
// five up, as the roll-up reads them).
func orgInput(r *domain.LetterRecord, o *domain.Organisation) *domain.OrganisationInput {
	return orgInputDepth(r, o, 5)
}

func orgInputDepth(r *domain.LetterRecord, o *domain.Organisation, depth int) *domain.OrganisationInput {
	if o == nil {
		return nil
	}
	out := &domain.OrganisationInput{Name: o.Name, Acronym: o.Acronym, Kind: o.Kind, Aliases: o.Aliases,
		AuthorityIDs: o.AuthorityIDs}
	if parent := r.PartOf[o.ID]; parent != nil && depth > 0 {
		out.PartOf = orgInputDepth(r, parent, depth-1)
	}
	return out
}

func officeInput(r *domain.LetterRecord, o *domain.Office) *domain.OfficeInput {
	return &domain.OfficeInput{Title: o.Title, Of: orgInput(r, o.Organisation)}
}

func placeInput(p *domain.Place) *domain.PlaceInput {
	if p == nil {
		return nil
	}
	return &domain.PlaceInput{Name: p.Name, Country: p.Country, AuthorityIDs: p.AuthorityIDs}
}

// letterRef refers to a letter as an import finds it: by external id, else by title
// (or subject: a letter known by neither cannot be referred to). A stub has one of
// them, as the reference that made it had.
func letterRef(l *domain.Letter) (domain.LetterRef, bool) {
	switch {
	case l.ExternalID != "":
		return domain.LetterRef{ExternalID: l.ExternalID}, true
	case l.Title != "":
		return domain.LetterRef{Title: l.Title}, true
	case l.Subject != "":
		return domain.LetterRef{Title: l.Subject}, true
	}
	return domain.LetterRef{}, false
}

func letterRefs(list []*domain.Letter) []domain.LetterRef {
	var out []domain.LetterRef
	for _, l := range list {
		if ref, ok := letterRef(l); ok {
			out = append(out, ref)
		}
	}
	return out
}
