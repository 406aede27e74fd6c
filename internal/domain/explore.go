package domain

import (
	"context"
	"time"
)

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
