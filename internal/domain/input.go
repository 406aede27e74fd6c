package domain

import "time"

// LetterInput is the canonical form of one document, whatever it was made from: the
// GraphQL createLetter mutation, the seed and the importers all produce it, and the
// store writes it. Parties are given by id or inline, and inline ones are resolved to
// existing correspondents by the identity rules (see Keys) before anything is created.
type LetterInput struct {
	Title         string
	Subject       string
	Body          string
	Date          *time.Time
	DateText      string
	DatePrecision DatePrecision // defaults to DAY with a Date, UNKNOWN without
	DateNotBefore *time.Time
	DateNotAfter  *time.Time
	Language      string
	PlaceText     string
	SourceFormat  SourceFormat // defaults to JSON
	Source        string
	ExternalID    string
	// Restricted hides the letter from callers who do not see restricted letters.
	Restricted bool

	WrittenAt  *PlaceInput
	Authors    []PartyInput
	Recipients []PartyInput
	CC         []PartyInput
	BCC        []PartyInput
	OnBehalfOf []OrganisationInput
	Mentions   []MentionInput
	RepliesTo  []LetterRef
	Related    []LetterRef
}

// PartyInput is one correspondent in one role: an existing one by ID, or exactly one of
// Person, Organisation and Office given inline. Capacity is for authors, As for
// recipients; MemberOf and Holds describe an inline person and are written with the
// letter (MEMBER_OF, HOLDS). Written is the name as the document writes it, when an
// importer read it in another form ("Press" for the organisation "The Media"); it
// defaults to the inline name, and the store keeps it on the link when the party
// resolves to a correspondent named otherwise.
type PartyInput struct {
	ID           string
	Person       *PersonInput
	Organisation *OrganisationInput
	Office       *OfficeInput
	Capacity     string
	As           string
	Written      string
	MemberOf     *MembershipInput
	Holds        *HoldingInput
}

// InlineName is the name a party is given inline: the person's or organisation's name,
// the office's title; "" for a party given by id.
func (p *PartyInput) InlineName() string {
	switch {
	case p.Person != nil:
		return p.Person.Name
	case p.Organisation != nil:
		return p.Organisation.Name
	case p.Office != nil:
		return p.Office.Title
	}
	return ""
}

// PersonInput names a person: by ID, or by Name with optional details that also serve
// as identity keys (emails, authority ids).
type PersonInput struct {
	ID           string
	Name         string
	Honorific    string
	Aliases      []string
	Emails       []string
	AuthorityIDs []string
}

// OrganisationInput names an organisation by ID or by Name. PartOf places it within a
// larger one (PART_OF).
type OrganisationInput struct {
	ID           string
	Name         string
	Acronym      string
	Kind         OrganisationKind
	Aliases      []string
	AuthorityIDs []string
	PartOf       *OrganisationInput
}

// OfficeInput names an office by ID, or by Title and the organisation it is Of.
type OfficeInput struct {
	ID    string
	Title string
	Of    *OrganisationInput
}

// PlaceInput names a place by ID or by Name (and Country).
type PlaceInput struct {
	ID           string
	Name         string
	Country      string
	AuthorityIDs []string
}

// MembershipInput is an affiliation of a person with an organisation.
type MembershipInput struct {
	Organisation OrganisationInput
	Role         string
	From         *time.Time
	To           *time.Time
}

// HoldingInput is a person's tenure of an office.
type HoldingInput struct {
	Office OfficeInput
	From   *time.Time
	To     *time.Time
}

// MentionInput is something a letter's text names: a correspondent (the PartyInput
// fields), a place, or another letter. Exactly one is given.
type MentionInput struct {
	Party  *PartyInput
	Place  *PlaceInput
	Letter *LetterRef
}

// LetterRef points at another letter by ID, by ExternalID (a Message-ID) or, for a
// letter known only by title, by Title. A reference that matches no letter creates a
// stub letter.
type LetterRef struct {
	ID         string
	ExternalID string
	Title      string
}

// LetterPatch changes a letter's own properties. A nil field is left as it is; a field
// set to a pointer to the zero value clears it (dates: Clear* flags). Links are changed
// by the link operations, not here.
type LetterPatch struct {
	Title         *string
	Subject       *string
	Body          *string
	Date          *time.Time
	ClearDate     bool
	DateText      *string
	DatePrecision *DatePrecision
	DateNotBefore *time.Time
	DateNotAfter  *time.Time
	Language      *string
	PlaceText     *string
	Source        *string
	ExternalID    *string
	Restricted    *bool
}
