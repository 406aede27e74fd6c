package domain

import "time"

// Label names a kind of node. The values are the Neo4j labels; adapters may splice them
// into Cypher because they come only from this fixed set.
type Label string

// The node labels of docs/design.md §1. Person, Organisation and Office nodes also carry the
// Correspondent label, so one index finds any correspondent by id or name.
const (
	LabelLetter        Label = "Letter"
	LabelPerson        Label = "Person"
	LabelOrganisation  Label = "Organisation"
	LabelOffice        Label = "Office"
	LabelPlace         Label = "Place"
	LabelCorrespondent Label = "Correspondent"
)

// DatePrecision says how much of a letter's date is known.
type DatePrecision string

// Date precisions. A MONTH or YEAR date is stored as its first day, with
// DateNotBefore/DateNotAfter spanning the month or year.
const (
	PrecisionDay     DatePrecision = "DAY"
	PrecisionMonth   DatePrecision = "MONTH"
	PrecisionYear    DatePrecision = "YEAR"
	PrecisionUnknown DatePrecision = "UNKNOWN"
)

// SourceFormat is the kind of document a letter was made from.
type SourceFormat string

// Source formats.
const (
	FormatText  SourceFormat = "TEXT"
	FormatEmail SourceFormat = "EMAIL"
	FormatCMIF  SourceFormat = "CMIF"
	FormatJSON  SourceFormat = "JSON"
)

// OrganisationKind classifies an organisation.
type OrganisationKind string

// Organisation kinds.
const (
	OrgState      OrganisationKind = "STATE"
	OrgGovernment OrganisationKind = "GOVERNMENT"
	OrgNGO        OrganisationKind = "NGO"
	OrgCompany    OrganisationKind = "COMPANY"
	OrgMedia      OrganisationKind = "MEDIA"
	OrgGroup      OrganisationKind = "GROUP"
	OrgOther      OrganisationKind = "OTHER"
)

// Role is the part a correspondent plays in a letter.
type Role string

// Roles. RoleAny matches any of the others in filters.
const (
	RoleAuthor    Role = "AUTHOR"
	RoleRecipient Role = "RECIPIENT"
	RoleCC        Role = "CC"
	RoleBCC       Role = "BCC"
	RoleAny       Role = "ANY"
)

// Node is anything with a stable id: a letter, a correspondent or a place.
type Node interface {
	NodeID() string
	NodeLabel() Label
}

// Correspondent is anything that can write, receive or be copied: *Person,
// *Organisation or *Office.
type Correspondent interface {
	Node
	// DisplayName is the person's or organisation's name, or the office's title.
	DisplayName() string
}

// Letter is one document: a letter, an email, a memo. A stub letter is known only by a
// reference (a "related posts" title, an In-Reply-To id) and has no text yet.
type Letter struct {
	ID            string
	Title         string
	Subject       string
	Body          string
	Date          *time.Time // midnight UTC; nil when unknown
	DateText      string
	DatePrecision DatePrecision
	DateNotBefore *time.Time
	DateNotAfter  *time.Time
	Language      string
	PlaceText     string
	SourceFormat  SourceFormat // "" for a stub
	Source        string
	ExternalID    string
	ContentHash   string
	ImportedAt    time.Time
	Stub          bool
	// Restricted letters are visible only to callers who see restricted letters
	// (see WithRestricted).
	Restricted bool

	// Parts says which links (and whether the body) the store filled: all when it
	// loads a letter in full, those asked for when it reads a page (LetterFilter.Parts),
	// none for letters reached through another letter's links.
	Parts      LetterParts
	Authors    []Party
	Recipients []Party
	CC         []Party
	BCC        []Party
	OnBehalfOf []*Organisation
	WrittenAt  *Place
	Mentions   []Node
	RepliesTo  []*Letter
	Replies    []*Letter
	Related    []*Letter
}

// LetterParts is a set of the parts of a letter that a read may leave out: its body
// and each kind of link. Reading only what a caller shows keeps pages small.
type LetterParts uint16

// Letter parts.
const (
	PartBody LetterParts = 1 << iota
	PartAuthors
	PartRecipients
	PartCC
	PartBCC
	PartOnBehalfOf
	PartWrittenAt
	PartMentions
	PartRepliesTo
	PartReplies
	PartRelated
	// PartAffiliations is what an export's LetterRecord adds to a letter (exports
	// only): the letters it names as related, and the holdings, memberships and
	// PART_OF chains of its correspondents.
	PartAffiliations
	// AllParts is every part.
	AllParts LetterParts = 1<<iota - 1
	// PartsChosen marks a set chosen by a caller, so that choosing none differs from
	// the zero value, which means all.
	PartsChosen LetterParts = 1 << 15
)

// Has reports whether every part of q is in p.
func (p LetterParts) Has(q LetterParts) bool { return p&q == q }

// OrAll is p, or AllParts when p is the zero value.
func (p LetterParts) OrAll() LetterParts {
	if p == 0 {
		return AllParts
	}
	return p
}

// Party is a correspondent in one role on one letter, with the relationship's
// properties: Position (1-based order within the role), Capacity (authors: as signed),
// As (recipients: the title used) and Written (the name as this letter writes it, when
// the correspondent's own name is another: "Press" for "The Media", "Jane Smith" for
// "Jane A. Smith").
type Party struct {
	Role          Role
	Position      int
	Capacity      string
	As            string
	Written       string
	Correspondent Correspondent
}

// Person is a named human.
type Person struct {
	ID             string
	Name           string
	NormalizedName string
	Honorific      string
	Aliases        []string
	Emails         []string
	AuthorityIDs   []string
}

// Organisation is a body: a state, a government, an NGO, a company, a newspaper or a
// loose group such as "The Media".
type Organisation struct {
	ID             string
	Name           string
	NormalizedName string
	Acronym        string
	Kind           OrganisationKind
	Aliases        []string
	AuthorityIDs   []string
}

// Office is a position in an organisation, addressed as such, whether or not its holder
// is known. Organisation is nil when the office belongs to no known organisation.
type Office struct {
	ID              string
	Title           string
	NormalizedTitle string
	Organisation    *Organisation
}

// Place is where a letter was written or sent.
type Place struct {
	ID           string
	Name         string
	Country      string
	AuthorityIDs []string
}

// Holding is a person's tenure of an office.
type Holding struct {
	Person *Person
	Office *Office
	From   *time.Time
	To     *time.Time
}

// Membership is a person's affiliation with an organisation.
type Membership struct {
	Person       *Person
	Organisation *Organisation
	Role         string
	From         *time.Time
	To           *time.Time
}

func (l *Letter) NodeID() string         { return l.ID }
func (l *Letter) NodeLabel() Label       { return LabelLetter }
func (p *Person) NodeID() string         { return p.ID }
func (p *Person) NodeLabel() Label       { return LabelPerson }
func (p *Person) DisplayName() string    { return p.Name }
func (o *Organisation) NodeID() string   { return o.ID }
func (o *Organisation) NodeLabel() Label { return LabelOrganisation }
func (o *Organisation) DisplayName() string {
	return o.Name
}
func (o *Office) NodeID() string      { return o.ID }
func (o *Office) NodeLabel() Label    { return LabelOffice }
func (o *Office) DisplayName() string { return o.Title }
func (p *Place) NodeID() string       { return p.ID }
func (p *Place) NodeLabel() Label     { return LabelPlace }
