package domain

import (
	"time"
)

// LetterFilter selects letters. Every given condition must hold.
type LetterFilter struct {
	// Involving: each entry names a correspondent and the role it must play.
	Involving []Involvement
	// Organisation keeps letters in which an organisation played the role, itself or
	// through its offices (and their holders), members and parts, as chosen.
	Organisation *OrganisationInvolvement
	// DateFrom and DateTo bound the date range; a letter with an uncertain date is in
	// it when its possible range overlaps. Letters with no date are then left out.
	DateFrom *time.Time
	DateTo   *time.Time
	PlaceID  string
	Formats  []SourceFormat
	Language string
	// Text is a full-text query over title, subject and body (words, all of which must
	// occur; "quoted phrases"; a trailing * for a prefix).
	Text string
	// IncludeStubs lists letters known only by reference too.
	IncludeStubs bool
	// Parts are the parts of each letter to read (the zero value: all). It selects
	// nothing; it is here so that every read of a page of letters can carry it.
	Parts LetterParts
}

// OrganisationInvolvement is an organisation in a role, directly or through what
// belongs to it.
type OrganisationInvolvement struct {
	OrganisationID string
	Role           Role
	// Offices counts the organisation's offices and the people who hold them; Members
	// its members; Parts the organisations part of it (to any depth up to 5), with
	// their offices and members when those are counted too.
	Offices, Members, Parts bool
}

// Involvement is a correspondent in a role (RoleAny for any).
type Involvement struct {
	CorrespondentID string
	Role            Role
}

// LetterPage is one page of letters, with each letter's cursor.
type LetterPage struct {
	Letters  []*Letter
	Cursors  []string
	PageInfo PageInfo
}

// CorrespondentFilter selects correspondents.
type CorrespondentFilter struct {
	Kinds []Label // Person, Organisation, Office; none means all
	// Name matches names, titles, acronyms and aliases: a correspondent whose name key
	// starts with the folded Name.
	Name string
	// OrganisationID keeps offices of, members of and parts of that organisation.
	OrganisationID string
}

// CorrespondentPage is one page of correspondents, ordered by name.
type CorrespondentPage struct {
	Correspondents []Correspondent
	Cursors        []string
	PageInfo       PageInfo
}

// LinkKind is a relationship type of docs/design.md §1 that the link operations manage. The
// values are the Neo4j relationship types.
type LinkKind string

// Link kinds.
const (
	LinkWrote       LinkKind = "WROTE"
	LinkAddressedTo LinkKind = "ADDRESSED_TO"
	LinkCC          LinkKind = "CC"
	LinkBCC         LinkKind = "BCC"
	LinkOnBehalfOf  LinkKind = "ON_BEHALF_OF"
	LinkMentions    LinkKind = "MENTIONS"
	LinkRepliesTo   LinkKind = "REPLIES_TO"
	LinkRelatedTo   LinkKind = "RELATED_TO"
	LinkWrittenAt   LinkKind = "WRITTEN_AT"
	LinkHolds       LinkKind = "HOLDS"
	LinkOf          LinkKind = "OF"
	LinkMemberOf    LinkKind = "MEMBER_OF"
	LinkPartOf      LinkKind = "PART_OF"
)

// LinkKinds lists every link kind, in the order of docs/design.md §1.
var LinkKinds = []LinkKind{LinkWrote, LinkAddressedTo, LinkCC, LinkBCC, LinkOnBehalfOf, LinkMentions,
	LinkRepliesTo, LinkRelatedTo, LinkWrittenAt, LinkHolds, LinkOf, LinkMemberOf, LinkPartOf}

// RoleLink returns the relationship kind of a party role.
func RoleLink(r Role) LinkKind {
	switch r {
	case RoleAuthor:
		return LinkWrote
	case RoleRecipient:
		return LinkAddressedTo
	case RoleCC:
		return LinkCC
	case RoleBCC:
		return LinkBCC
	}
	return ""
}

// Link is one relationship between two existing nodes, with its properties. For party
// links From is always the letter and To the correspondent, whatever the direction of
// the relationship in the graph (WROTE runs from the correspondent).
type Link struct {
	Kind     LinkKind
	From     string
	To       string
	Position int    // party links: 1-based place in the role's order; 0 appends
	Capacity string // WROTE
	As       string // ADDRESSED_TO
	Written  string // party links: the name as the letter writes it
	Role     string // MEMBER_OF
	Since    *time.Time
	Until    *time.Time
}

// OrgStructure is what belongs to an organisation and what it belongs to.
type OrgStructure struct {
	Offices []*Office
	Parts   []*Organisation
	PartOf  []*Organisation
}

// ImportResult is what writing one document did.
type ImportResult struct {
	LetterID string
	// Created is false when a letter with the same content was there already.
	Created bool
	// CorrespondentsCreated and CorrespondentsMatched count the correspondents the
	// document named that were new, and that were found by the identity rules.
	CorrespondentsCreated int
	CorrespondentsMatched int
	// Err is why the document was not written.
	Err error
}

// Limits of a network.
const (
	MaxNetworkDepth = 3
	MaxNetworkNodes = 500
)

// MaxPathHops bounds paths: a hop is one letter between two correspondents.
const MaxPathHops = 4
