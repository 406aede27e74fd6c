package domain

import (
	"context"
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

// Store is what the core needs of a graph store, port by port; the Neo4j adapter
// implements it whole. A consumer asks only for the ports it uses (the exporter an
// Exporter, the live hub a LetterFeed, the seed a LetterWriter). Methods return
// *Error values: NOT_FOUND for a missing id, BAD_USER_INPUT for input that fails
// validation, CONFLICT for a uniqueness violation, UNAVAILABLE when the database
// cannot be reached, INTERNAL otherwise.
type Store interface {
	LetterReader
	LetterWriter
	CorrespondentReader
	CorrespondentWriter
	TogetherReader
	Explorer
	Statistician
	Historian
	Searcher
	LetterFeed
	Exporter
}

// LetterReader reads letters, one or a page at a time, as the caller may see them.
type LetterReader interface {
	// Node returns the letter, correspondent or place with the id.
	Node(ctx context.Context, id string) (Node, error)
	// Letter returns a letter with its links loaded.
	Letter(ctx context.Context, id string) (*Letter, error)
	// LettersByID returns the letters with the given ids, links loaded, in the order of
	// ids; a missing letter is a nil entry.
	LettersByID(ctx context.Context, ids []string) ([]*Letter, error)
	// Letters returns one page of letters with their links loaded.
	Letters(ctx context.Context, f LetterFilter, order LetterOrder, page PageRequest) (*LetterPage, error)
	// LettersOfMany returns the same page for each correspondent of ids: the filter's
	// first involvement gives the role, and each id in turn the correspondent.
	LettersOfMany(ctx context.Context, ids []string, f LetterFilter, order LetterOrder, page PageRequest) (map[string]*LetterPage, error)
	// CountLetters counts the letters the filter selects.
	CountLetters(ctx context.Context, f LetterFilter) (int, error)
}

// LetterWriter writes letters and the links of letters and correspondents.
type LetterWriter interface {
	// CreateLetter writes a letter and its links, resolving inline parties to existing
	// correspondents first. A letter with the same content hash is returned as it is
	// with created false: writing the same document twice changes nothing.
	CreateLetter(ctx context.Context, in LetterInput) (l *Letter, created bool, err error)
	// ImportLetters writes documents as CreateLetter does, many at a time, and says
	// for each what happened. Unlike CreateLetter, a document whose external id names
	// a stored letter is that letter (unchanged), not a conflict. A document that fails (Err set: BAD_USER_INPUT,
	// CONFLICT) leaves nothing behind and the others are written; an error returned
	// means the database failed and the batch may be partly written (every document
	// written is whole).
	ImportLetters(ctx context.Context, ins []LetterInput) ([]ImportResult, error)
	// UpdateLetter changes a letter's own properties.
	UpdateLetter(ctx context.Context, id string, p LetterPatch) (*Letter, error)
	// DeleteLetter removes a letter and its links; correspondents stay.
	DeleteLetter(ctx context.Context, id string) error
	// AddParty links a correspondent, given by id or inline, to a letter in a role.
	AddParty(ctx context.Context, letterID string, role Role, p PartyInput, position int) (*Letter, error)
	// AddLink creates a link between two existing nodes, or updates its properties.
	AddLink(ctx context.Context, l Link) error
	// RemoveLink deletes a link; NOT_FOUND when there is none.
	RemoveLink(ctx context.Context, kind LinkKind, from, to string) error
}

// CorrespondentReader reads correspondents and what is between them: offices held,
// memberships and an organisation's structure.
type CorrespondentReader interface {
	// Correspondent returns a person, organisation or office.
	Correspondent(ctx context.Context, id string) (Correspondent, error)
	// Correspondents returns one page of correspondents ordered by name.
	Correspondents(ctx context.Context, f CorrespondentFilter, page PageRequest) (*CorrespondentPage, error)
	// CountCorrespondents counts the correspondents the filter selects.
	CountCorrespondents(ctx context.Context, f CorrespondentFilter) (int, error)
	// Holdings returns the offices people hold (person ids) or the holders of offices
	// (office ids), keyed by the id asked for, at most MaxListSize each.
	Holdings(ctx context.Context, ids []string) (map[string][]Holding, error)
	// Memberships returns the affiliations of people or the members of organisations,
	// keyed by the id asked for, at most MaxListSize each.
	Memberships(ctx context.Context, ids []string) (map[string][]Membership, error)
	// Structure returns, for organisations, their offices, parts and parent
	// organisations, keyed by the id asked for, at most MaxListSize of each.
	Structure(ctx context.Context, ids []string) (map[string]OrgStructure, error)
}

// CorrespondentWriter writes correspondents and places directly (not through a
// letter): each such write is a source of what it writes, and a line of History.
type CorrespondentWriter interface {
	// UpsertCorrespondent finds the correspondent the input describes by the identity
	// rules, or creates it, and merges the input's details into it. With an id, it
	// updates that correspondent. A restricted edit is a hidden source (what it
	// writes is seen only by callers who see restricted letters); FORBIDDEN for
	// other callers.
	UpsertCorrespondent(ctx context.Context, p PartyInput, restricted bool) (c Correspondent, created bool, err error)
	// MergeCorrespondents makes others one with survivor: every relationship moves to
	// the survivor, the others' names become its aliases (with their emails and
	// authority ids), and the others are deleted. All must be of one kind.
	MergeCorrespondents(ctx context.Context, survivor string, others []string) (Correspondent, error)
	// UnmergeCorrespondents undoes the merge that the change with id records
	// (History): the merged correspondents are themselves again, with what they
	// brought, and the survivor's details are as before the merge. NOT_FOUND for no
	// such merge, CONFLICT for one undone already.
	UnmergeCorrespondents(ctx context.Context, change string) ([]Correspondent, error)
	// EditCorrespondent removes aliases, emails and authority ids from the
	// correspondent with id (and the identity keys they were): a letter written
	// before no longer gives them, one written after gives them again. NOT_FOUND
	// when the caller may not see it.
	EditCorrespondent(ctx context.Context, id string, rm Removal) (Correspondent, error)
	// DeleteNode deletes the correspondent or place with id and its links.
	// NOT_FOUND when the caller may not see it.
	DeleteNode(ctx context.Context, id string) error
}

// TogetherReader answers several reads in one round trip: the look-aheads of the
// GraphQL adapter (graph/prefetch.go) use it.
type TogetherReader interface {
	// ReadTogether answers several reads in one round trip; its errors are those
	// each read alone would give.
	ReadTogether(ctx context.Context, rs Reads) (*ReadResults, error)
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

// Exchange counts the letters between two correspondents A and B.
type Exchange struct {
	// AToB counts the letters A wrote that reached B (as recipient, cc or bcc);
	// BToA the other way.
	AToB, BToA int
}

// Reciprocal reports whether each wrote to the other.
func (e Exchange) Reciprocal() bool { return e.AToB > 0 && e.BToA > 0 }

// Pair is another correspondent as seen from one: what they shared.
type Pair struct {
	Correspondent Correspondent
	// Letters counts the letters both took part in, in any roles.
	Letters int
	// WroteTo: the centre wrote, the other received; ReceivedFrom the other way.
	WroteTo, ReceivedFrom int
	// CopiedOnMine: the other was copied (cc or bcc) on the centre's letters;
	// CopiedOnTheirs the other way; CopiedAlongside: both copied on one letter.
	CopiedOnMine, CopiedOnTheirs, CopiedAlongside int
	// First and Last bound the dated letters they shared.
	First, Last *time.Time
}

// PairFilter selects the correspondents of one: Role is the other's role in the
// shared letters (RoleAny for any); dates bound the letters counted.
type PairFilter struct {
	Role             Role
	DateFrom, DateTo *time.Time
}

// PairOrder sorts pairs, most first (NAME: by name).
type PairOrder string

// Pair orders.
const (
	PairByLetters         PairOrder = "LETTERS"
	PairByWroteTo         PairOrder = "WROTE_TO"
	PairByReceivedFrom    PairOrder = "RECEIVED_FROM"
	PairByCopiedOnMine    PairOrder = "COPIED_ON_MINE"
	PairByCopiedOnTheirs  PairOrder = "COPIED_ON_THEIRS"
	PairByCopiedAlongside PairOrder = "COPIED_ALONGSIDE"
	PairByLastDate        PairOrder = "LAST_DATE"
	PairByName            PairOrder = "NAME"
)

// PairPage is one page of pairs.
type PairPage struct {
	Pairs    []Pair
	Cursors  []string
	PageInfo PageInfo
}

// Explorer is what the exploration queries need of a store, beside Store.
type Explorer interface {
	// Exchange counts the letters between a and b written in the date range.
	Exchange(ctx context.Context, a, b string, from, to *time.Time) (Exchange, error)
	// Pairs lists the correspondents of id with what they shared, one page.
	Pairs(ctx context.Context, id string, f PairFilter, order PairOrder, page PageRequest) (*PairPage, error)
	// Paths returns the shortest chains of letters (at most maxHops, each a letter in
	// which two correspondents took part in the roles given) from one correspondent to
	// another, at most n of them.
	Paths(ctx context.Context, from, to string, maxHops int, roles []Role, n int) ([]Path, error)
	// Network returns the correspondents within q.Depth letters of q.Center and the
	// weighted edges between them, at most q.Limit nodes (nearest first).
	Network(ctx context.Context, q NetworkQuery) (*Network, error)
}

// Bucket is a period of a timeline: a year ("1893") or a month ("1893-05").
type Bucket string

// Timeline buckets.
const (
	BucketYear  Bucket = "YEAR"
	BucketMonth Bucket = "MONTH"
)

// TimelinePoint counts the letters of one period.
type TimelinePoint struct {
	Period  string    // "1893" or "1893-05"
	Start   time.Time // its first day
	Letters int
}

// Timeline is the letters a filter selects, counted per period. Letters whose date is
// not known to the bucket's precision (undated, uncertain, or a year when counting
// months) are counted in Unplaced.
type Timeline struct {
	Points   []TimelinePoint
	Unplaced int
}

// Statistics are counts over the whole graph.
type Statistics struct {
	Nodes map[Label]int    // letters (stubs included), persons, organisations, offices, places
	Stubs int              // letters known only by reference
	Links map[LinkKind]int // relationships by kind
}

// RoleCount is a correspondent and the number of letters it has in a role.
type RoleCount struct {
	Correspondent Correspondent
	Letters       int
}

// Statistician is what the timeline and statistics need of a store.
type Statistician interface {
	// Timeline counts the letters f selects per year or month, in date order.
	Timeline(ctx context.Context, f LetterFilter, bucket Bucket) (*Timeline, error)
	// Statistics counts nodes and links by kind.
	Statistics(ctx context.Context) (*Statistics, error)
	// TopCorrespondents returns the n correspondents with the most letters in role
	// (RoleAny: in any role), most first.
	TopCorrespondents(ctx context.Context, role Role, n int) ([]RoleCount, error)
}

// SearchHit is one result of a full-text search: a letter or a correspondent, and
// its score (higher is better; scores of letters and of names are ranked together
// but come from two indexes).
type SearchHit struct {
	Node  Node
	Score float64
}

// Searcher is what search needs of a store.
type Searcher interface {
	// Search finds letters (by title, subject and body) and correspondents (by names,
	// titles, acronyms and aliases) matching text, of the kinds asked (none: all),
	// best first, at most n.
	Search(ctx context.Context, text string, kinds []Label, n int) ([]SearchHit, error)
}

// EdgeKind is the kind of an edge of a network drawing.
type EdgeKind string

// Edge kinds: an author wrote to a principal recipient, or copied someone.
const (
	EdgeWroteTo EdgeKind = "WROTE_TO"
	EdgeCopied  EdgeKind = "COPIED"
)

// Limits of a network.
const (
	MaxNetworkDepth = 3
	MaxNetworkNodes = 500
)

// NetworkQuery asks for the correspondents around a centre.
type NetworkQuery struct {
	Center string
	Depth  int    // 1 to MaxNetworkDepth
	Roles  []Role // the roles that link correspondents: AUTHOR, RECIPIENT, CC, BCC
	From   *time.Time
	To     *time.Time
	Limit  int // nodes, at most MaxNetworkNodes
}

// NetworkNode is a correspondent and how many steps it is from the centre.
type NetworkNode struct {
	Correspondent Correspondent
	Depth         int
}

// NetworkEdge joins two correspondents of a network: From wrote to (or copied) To,
// in Weight letters.
type NetworkEdge struct {
	From, To string
	Kind     EdgeKind
	Weight   int
}

// Network is a drawable neighbourhood. Truncated says the limit cut it short.
type Network struct {
	Nodes     []NetworkNode
	Edges     []NetworkEdge
	Truncated bool
}

// MaxPathHops bounds paths: a hop is one letter between two correspondents.
const MaxPathHops = 4

// PathHop is one letter of a chain: From played FromRole and To played ToRole in it.
type PathHop struct {
	From     Correspondent
	FromRole Role
	Letter   *Letter
	To       Correspondent
	ToRole   Role
}

// Path is a chain of letters connecting two correspondents.
type Path struct {
	Hops []PathHop
}

// Reads are several reads answered together, in one round trip: what one GraphQL
// operation asks for at once, such as a correspondent with pages of its letters and
// correspondents, or a correspondence with its letters.
type Reads struct {
	Correspondent string // an id, or "" for none
	LetterPages   []LetterPageRead
	PairPages     []PairPageRead
	Exchange      *ExchangeRead
}

// LetterPageRead asks for one page of letters.
type LetterPageRead struct {
	Filter LetterFilter
	Order  LetterOrder
	Page   PageRequest
}

// PairPageRead asks for one page of a correspondent's pairs.
type PairPageRead struct {
	ID     string
	Filter PairFilter
	Order  PairOrder
	Page   PageRequest
}

// ExchangeRead asks for the exchange between A and B.
type ExchangeRead struct {
	A, B     string
	From, To *time.Time
}

// ReadResults answers Reads, each list in the order asked.
type ReadResults struct {
	Correspondent Correspondent // nil when there is none with the id
	LetterPages   []*LetterPage
	PairPages     []*PairPage
	Exchange      *Exchange
}

// Change is one line of the history: a direct write (an import, a letter created,
// changed or deleted, a link added or removed, a correspondent written or merged),
// who made it and when. Before and After are JSON, when the operation has them.
type Change struct {
	ID        string
	Seq       string // the order of the history, newest last
	At        time.Time
	By        string
	Operation string
	Nodes     []string
	Before    string
	After     string
}

// Source is what asserts a node: a letter, through a link of kind Via, or a direct
// edit (a Change; Via is "ASSERTS").
type Source struct {
	Via    string
	Letter *Letter
	Change *Change
}

// FactKind is the kind of one fact of a correspondent (Fact).
type FactKind string

// The facts of a correspondent whose sources can be read: a spelling of its name (the
// name or an alias), an email, an authority id, an honorific, and its relationships
// to other correspondents (an office held, a membership, an office's organisation, a
// parent organisation), whose Value is the other's id.
const (
	FactName        FactKind = "NAME"
	FactEmail       FactKind = "EMAIL"
	FactAuthorityID FactKind = "AUTHORITY_ID"
	FactHonorific   FactKind = "HONORIFIC"
	FactHolds       FactKind = "HOLDS"
	FactMemberOf    FactKind = "MEMBER_OF"
	FactOf          FactKind = "OF"
	FactPartOf      FactKind = "PART_OF"
)

// Fact is one fact of a correspondent, for Sources.
type Fact struct {
	Kind  FactKind
	Value string
}

// Normalize checks f and spells its value as the graph stores it (an email folded to
// lower case, an authority id as the importer spells it). It returns BAD_USER_INPUT.
func (f *Fact) Normalize(field string) error {
	f.Value = CleanText(f.Value)
	if f.Value == "" {
		return Invalid(field+".value", "must not be empty")
	}
	switch f.Kind {
	case FactName, FactHonorific, FactHolds, FactMemberOf, FactOf, FactPartOf:
	case FactEmail:
		f.Value = NormalizeEmail(f.Value)
	case FactAuthorityID:
		ids := []string{f.Value}
		if err := normalizeAuthorityIDs(field, &ids); err != nil {
			return err
		}
		f.Value = ids[0]
	default:
		return Invalid(field+".kind", "%q is not a kind of fact", f.Kind)
	}
	return nil
}

// Historian reads where facts come from. Both are for callers who may write; what a
// caller may not see (restricted letters, blind copies, changes that wrote them) is
// left out for them as everywhere.
type Historian interface {
	// History lists the changes of the node with id (every change when id is ""),
	// newest first, at most n, before the change whose Seq is before when given. It
	// returns LIMIT_EXCEEDED for n over MaxPageSize.
	History(ctx context.Context, id string, n int, before string) ([]*Change, error)
	// Sources lists, for the correspondent or place with id, what asserts it: the
	// letters that link it or name it through another party, and the edits that
	// wrote it, newest first, at most n; with fact, only those that say that fact
	// of it (a letter written before provenance says none). NOT_FOUND when the
	// caller may not see it, BAD_USER_INPUT for a fact Normalize refuses.
	Sources(ctx context.Context, id string, fact *Fact, n int) ([]Source, error)
}

// Removal is what EditCorrespondent removes.
type Removal struct {
	Aliases      []string `json:"aliases,omitempty"`
	Emails       []string `json:"emails,omitempty"`
	AuthorityIDs []string `json:"authorityIds,omitempty"`
}
