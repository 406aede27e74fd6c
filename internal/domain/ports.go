package domain

import (
	"context"
	"time"
)

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

// TogetherReader answers several reads in one round trip: the GraphQL adapter's
// read planner uses it (a correspondent with its pages, a page of pairs for each of
// many correspondents).
type TogetherReader interface {
	// ReadTogether answers several reads in one round trip; its errors are those
	// each read alone would give.
	ReadTogether(ctx context.Context, rs Reads) (*ReadResults, error)
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
