// Package canonical is the canonical JSON form of one document (schema version 1,
// docs/schema/document-v1.schema.json): the letter's fields and its parties, exactly
// what domain.LetterInput holds. It is the bulk import path (JSON, a JSON array, or
// NDJSON, one document a line), what `import --dry-run` prints for any input, and what
// other tools should emit.
package canonical

import (
	"fmt"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Version is the schema version this package reads and writes.
const Version = 1

// Document is one letter in canonical form. Field names and nesting follow
// domain.LetterInput; dates are "YYYY-MM-DD".
type Document struct {
	Schema        string   `json:"$schema,omitempty"`
	SchemaVersion int      `json:"schemaVersion,omitempty"`
	Comment       string   `json:"_comment,omitempty"`
	Title         string   `json:"title,omitempty"`
	Subject       string   `json:"subject,omitempty"`
	Body          string   `json:"body,omitempty"`
	Date          *string  `json:"date,omitempty"`
	DateText      string   `json:"dateText,omitempty"`
	DatePrecision string   `json:"datePrecision,omitempty"`
	DateNotBefore *string  `json:"dateNotBefore,omitempty"`
	DateNotAfter  *string  `json:"dateNotAfter,omitempty"`
	Language      string   `json:"language,omitempty"`
	PlaceText     string   `json:"placeText,omitempty"`
	Place         *Place   `json:"place,omitempty"`
	SourceFormat  string   `json:"sourceFormat,omitempty"`
	Source        string   `json:"source,omitempty"`
	ExternalID    string   `json:"externalId,omitempty"`
	Restricted    bool     `json:"restricted,omitempty"`
	Authors       []Party  `json:"authors,omitempty"`
	Recipients    []Party  `json:"recipients,omitempty"`
	CC            []Party  `json:"cc,omitempty"`
	BCC           []Party  `json:"bcc,omitempty"`
	OnBehalfOf    []Party  `json:"onBehalfOf,omitempty"`
	Mentions      []Party  `json:"mentions,omitempty"`
	RepliesTo     []Letter `json:"repliesTo,omitempty"`
	Related       []Letter `json:"related,omitempty"`
}

// Party is a correspondent in a role (or, in mentions, also a place or a letter).
type Party struct {
	ID           string        `json:"id,omitempty"`
	Person       *Person       `json:"person,omitempty"`
	Organisation *Organisation `json:"organisation,omitempty"`
	Office       *Office       `json:"office,omitempty"`
	Place        *Place        `json:"place,omitempty"`
	Letter       *Letter       `json:"letter,omitempty"`
	Capacity     string        `json:"capacity,omitempty"`
	As           string        `json:"as,omitempty"`
	Written      string        `json:"nameAsWritten,omitempty"`
	MemberOf     *Membership   `json:"memberOf,omitempty"`
	Holds        *Holding      `json:"holds,omitempty"`
}

// Person names a person by id or name.
type Person struct {
	ID           string   `json:"id,omitempty"`
	Name         string   `json:"name,omitempty"`
	Honorific    string   `json:"honorific,omitempty"`
	Aliases      []string `json:"aliases,omitempty"`
	Emails       []string `json:"emails,omitempty"`
	AuthorityIDs []string `json:"authorityIds,omitempty"`
}

// Organisation names an organisation by id or name.
type Organisation struct {
	ID           string        `json:"id,omitempty"`
	Name         string        `json:"name,omitempty"`
	Acronym      string        `json:"acronym,omitempty"`
	Kind         string        `json:"kind,omitempty"`
	Aliases      []string      `json:"aliases,omitempty"`
	AuthorityIDs []string      `json:"authorityIds,omitempty"`
	PartOf       *Organisation `json:"partOf,omitempty"`
}

// Office names an office by id, or by title and organisation.
type Office struct {
	ID    string        `json:"id,omitempty"`
	Title string        `json:"title,omitempty"`
	Of    *Organisation `json:"of,omitempty"`
}

// Place names a place by id or name.
type Place struct {
	ID           string   `json:"id,omitempty"`
	Name         string   `json:"name,omitempty"`
	Country      string   `json:"country,omitempty"`
	AuthorityIDs []string `json:"authorityIds,omitempty"`
}

// Membership is an affiliation of a person.
type Membership struct {
	Organisation Organisation `json:"organisation"`
	Role         string       `json:"role,omitempty"`
	From         *string      `json:"from,omitempty"`
	To           *string      `json:"to,omitempty"`
}

// Holding is an office a person holds.
type Holding struct {
	Office Office  `json:"office"`
	From   *string `json:"from,omitempty"`
	To     *string `json:"to,omitempty"`
}

// Letter refers to another letter by id, externalId or title.
type Letter struct {
	ID         string `json:"id,omitempty"`
	ExternalID string `json:"externalId,omitempty"`
	Title      string `json:"title,omitempty"`
}

// ToInput converts d to a domain input. It returns a BAD_USER_INPUT *domain.Error
// naming the field (from prefix) when a date does not parse or the schema version is
// not one this package reads; everything else is checked by LetterInput.Normalize.
func (d *Document) ToInput(prefix string) (domain.LetterInput, error) {
	c := converter{prefix: prefix}
	if d.SchemaVersion != 0 && d.SchemaVersion != Version {
		return domain.LetterInput{}, domain.Invalid(prefix+".schemaVersion", "is %d; this server reads version %d", d.SchemaVersion, Version)
	}
	in := domain.LetterInput{
		Title:         d.Title,
		Subject:       d.Subject,
		Body:          d.Body,
		Date:          c.date("date", d.Date),
		DateText:      d.DateText,
		DatePrecision: domain.DatePrecision(d.DatePrecision),
		DateNotBefore: c.date("dateNotBefore", d.DateNotBefore),
		DateNotAfter:  c.date("dateNotAfter", d.DateNotAfter),
		Language:      d.Language,
		PlaceText:     d.PlaceText,
		SourceFormat:  domain.SourceFormat(d.SourceFormat),
		Source:        d.Source,
		ExternalID:    d.ExternalID,
		Restricted:    d.Restricted,
		WrittenAt:     placeIn(d.Place),
		Authors:       c.parties("authors", d.Authors),
		Recipients:    c.parties("recipients", d.Recipients),
		CC:            c.parties("cc", d.CC),
		BCC:           c.parties("bcc", d.BCC),
		RepliesTo:     lettersIn(d.RepliesTo),
		Related:       lettersIn(d.Related),
	}
	for i, p := range d.OnBehalfOf {
		switch {
		case p.Organisation != nil:
			in.OnBehalfOf = append(in.OnBehalfOf, *orgIn(p.Organisation))
		case p.ID != "":
			in.OnBehalfOf = append(in.OnBehalfOf, domain.OrganisationInput{ID: p.ID})
		default:
			c.fail(fmt.Sprintf("onBehalfOf[%d]", i), "give an organisation or an id")
		}
	}
	for i, p := range d.Mentions {
		switch {
		case p.Place != nil:
			in.Mentions = append(in.Mentions, domain.MentionInput{Place: placeIn(p.Place)})
		case p.Letter != nil:
			in.Mentions = append(in.Mentions, domain.MentionInput{Letter: &domain.LetterRef{ID: p.Letter.ID, ExternalID: p.Letter.ExternalID, Title: p.Letter.Title}})
		default:
			party := c.party(fmt.Sprintf("mentions[%d]", i), p)
			in.Mentions = append(in.Mentions, domain.MentionInput{Party: &party})
		}
	}
	if c.err != nil {
		return domain.LetterInput{}, c.err
	}
	return in, nil
}

// converter carries the first error of a conversion, so the code above reads straight.
type converter struct {
	prefix string
	err    error
}

func (c *converter) fail(field, format string, args ...any) {
	if c.err == nil {
		c.err = domain.Invalid(c.prefix+"."+field, format, args...)
	}
}

func (c *converter) date(field string, s *string) *time.Time {
	if s == nil || strings.TrimSpace(*s) == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(*s))
	if err != nil {
		c.fail(field, "%q is not a date such as \"2019-03-12\"", *s)
		return nil
	}
	return &t
}

func (c *converter) parties(field string, list []Party) []domain.PartyInput {
	out := make([]domain.PartyInput, 0, len(list))
	for i, p := range list {
		out = append(out, c.party(fmt.Sprintf("%s[%d]", field, i), p))
	}
	return out
}

func (c *converter) party(field string, p Party) domain.PartyInput {
	if p.Place != nil || p.Letter != nil {
		c.fail(field, "a place or a letter can only be mentioned")
	}
	out := domain.PartyInput{ID: p.ID, Organisation: orgIn(p.Organisation), Office: officeIn(p.Office),
		Capacity: p.Capacity, As: p.As, Written: p.Written}
	if p.Person != nil {
		out.Person = &domain.PersonInput{ID: p.Person.ID, Name: p.Person.Name, Honorific: p.Person.Honorific,
			Aliases: p.Person.Aliases, Emails: p.Person.Emails, AuthorityIDs: p.Person.AuthorityIDs}
	}
	if m := p.MemberOf; m != nil {
		out.MemberOf = &domain.MembershipInput{Organisation: *orgIn(&m.Organisation), Role: m.Role,
			From: c.date(field+".memberOf.from", m.From), To: c.date(field+".memberOf.to", m.To)}
	}
	if h := p.Holds; h != nil {
		out.Holds = &domain.HoldingInput{Office: *officeIn(&h.Office),
			From: c.date(field+".holds.from", h.From), To: c.date(field+".holds.to", h.To)}
	}
	return out
}

func orgIn(o *Organisation) *domain.OrganisationInput {
	if o == nil {
		return nil
	}
	return &domain.OrganisationInput{ID: o.ID, Name: o.Name, Acronym: o.Acronym, Kind: domain.OrganisationKind(o.Kind),
		Aliases: o.Aliases, AuthorityIDs: o.AuthorityIDs, PartOf: orgIn(o.PartOf)}
}

func officeIn(o *Office) *domain.OfficeInput {
	if o == nil {
		return nil
	}
	return &domain.OfficeInput{ID: o.ID, Title: o.Title, Of: orgIn(o.Of)}
}

func placeIn(p *Place) *domain.PlaceInput {
	if p == nil {
		return nil
	}
	return &domain.PlaceInput{ID: p.ID, Name: p.Name, Country: p.Country, AuthorityIDs: p.AuthorityIDs}
}

func lettersIn(list []Letter) []domain.LetterRef {
	out := make([]domain.LetterRef, 0, len(list))
	for _, l := range list {
		out = append(out, domain.LetterRef{ID: l.ID, ExternalID: l.ExternalID, Title: l.Title})
	}
	return out
}

// FromInput converts a domain input to its canonical form.
func FromInput(in domain.LetterInput) Document {
	d := Document{
		SchemaVersion: Version,
		Title:         in.Title,
		Subject:       in.Subject,
		Body:          in.Body,
		Date:          dateOut(in.Date),
		DateText:      in.DateText,
		DatePrecision: string(in.DatePrecision),
		DateNotBefore: dateOut(in.DateNotBefore),
		DateNotAfter:  dateOut(in.DateNotAfter),
		Language:      in.Language,
		PlaceText:     in.PlaceText,
		Place:         placeOut(in.WrittenAt),
		SourceFormat:  string(in.SourceFormat),
		Source:        in.Source,
		ExternalID:    in.ExternalID,
		Restricted:    in.Restricted,
		Authors:       partiesOut(in.Authors),
		Recipients:    partiesOut(in.Recipients),
		CC:            partiesOut(in.CC),
		BCC:           partiesOut(in.BCC),
		RepliesTo:     lettersOut(in.RepliesTo),
		Related:       lettersOut(in.Related),
	}
	for i := range in.OnBehalfOf {
		d.OnBehalfOf = append(d.OnBehalfOf, Party{Organisation: orgOut(&in.OnBehalfOf[i])})
	}
	for _, m := range in.Mentions {
		switch {
		case m.Party != nil:
			d.Mentions = append(d.Mentions, partyOut(*m.Party))
		case m.Place != nil:
			d.Mentions = append(d.Mentions, Party{Place: placeOut(m.Place)})
		case m.Letter != nil:
			d.Mentions = append(d.Mentions, Party{Letter: &Letter{ID: m.Letter.ID, ExternalID: m.Letter.ExternalID, Title: m.Letter.Title}})
		}
	}
	return d
}

func dateOut(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func partiesOut(list []domain.PartyInput) []Party {
	var out []Party
	for _, p := range list {
		out = append(out, partyOut(p))
	}
	return out
}

func partyOut(p domain.PartyInput) Party {
	out := Party{ID: p.ID, Organisation: orgOut(p.Organisation), Office: officeOut(p.Office), Capacity: p.Capacity, As: p.As, Written: p.Written}
	if p.Person != nil {
		out.Person = &Person{ID: p.Person.ID, Name: p.Person.Name, Honorific: p.Person.Honorific,
			Aliases: p.Person.Aliases, Emails: p.Person.Emails, AuthorityIDs: p.Person.AuthorityIDs}
	}
	if m := p.MemberOf; m != nil {
		out.MemberOf = &Membership{Organisation: *orgOut(&m.Organisation), Role: m.Role, From: dateOut(m.From), To: dateOut(m.To)}
	}
	if h := p.Holds; h != nil {
		out.Holds = &Holding{Office: *officeOut(&h.Office), From: dateOut(h.From), To: dateOut(h.To)}
	}
	return out
}

func orgOut(o *domain.OrganisationInput) *Organisation {
	if o == nil {
		return nil
	}
	return &Organisation{ID: o.ID, Name: o.Name, Acronym: o.Acronym, Kind: string(o.Kind), Aliases: o.Aliases,
		AuthorityIDs: o.AuthorityIDs, PartOf: orgOut(o.PartOf)}
}

func officeOut(o *domain.OfficeInput) *Office {
	if o == nil {
		return nil
	}
	return &Office{ID: o.ID, Title: o.Title, Of: orgOut(o.Of)}
}

func placeOut(p *domain.PlaceInput) *Place {
	if p == nil {
		return nil
	}
	return &Place{ID: p.ID, Name: p.Name, Country: p.Country, AuthorityIDs: p.AuthorityIDs}
}

func lettersOut(list []domain.LetterRef) []Letter {
	var out []Letter
	for _, r := range list {
		out = append(out, Letter{ID: r.ID, ExternalID: r.ExternalID, Title: r.Title})
	}
	return out
}
