package domain

import (
	"context"
	"time"
)

// Exporter reads the whole graph, or the part a letter filter selects, a batch at a
// time, for exports that must never hold it in memory: each method calls fn with one
// value after another, in a stable order, and stops at fn's first error, which it
// returns. Reads respect ctx's visibility (SeesRestricted) as every read does: a
// caller who does not see restricted letters and blind copies gets none of them,
// and no node or edge that only they would give.
//
// Batches are read in separate transactions, so an export that runs while letters
// are written is not one snapshot: a letter written meanwhile may or may not be in it
// (letters are read in order of id, and ids grow with time, so letters added during
// an export come at its end, if at all).
type Exporter interface {
	// EachLetter calls fn with each letter f selects, with the parts f.Parts asks for
	// (the zero value: all, PartAffiliations included), in order of id. Replies are
	// never read, and Related only with PartAffiliations (see LetterRecord).
	EachLetter(ctx context.Context, f LetterFilter, fn func(*LetterRecord) error) error
	// EachCorrespondent calls fn with each correspondent that takes part in a letter f
	// selects (as author, recipient, cc, or bcc for callers who see blind copies), in
	// order of id: the nodes of the network of those letters.
	EachCorrespondent(ctx context.Context, f LetterFilter, fn func(Correspondent) error) error
	// EachEdge calls fn with each edge of the network of the letters f selects: an
	// author WROTE_TO each principal recipient, and COPIED each cc (and bcc, for
	// callers who see blind copies), weighted by the letters, as Network counts them
	// (no edge from a correspondent to itself). Edges come grouped by author in order
	// of id, then by recipient id and kind.
	EachEdge(ctx context.Context, f LetterFilter, fn func(DatedEdge) error) error
}

// LetterRecord is a letter as an export reads it: the letter with all its parts, and
// what the graph says about its correspondents beyond the letter, which a document
// must carry for an import to rebuild them.
//
// Unlike other reads, Letter.Related lists only the letters this one names as related
// (RELATED_TO from it), not those that name it, so that writing every record writes
// each link once.
type LetterRecord struct {
	Letter *Letter
	// Holdings and Memberships of each person among the letter's parties and
	// mentions, by person id, ordered by office or organisation id.
	Holdings    map[string][]Holding
	Memberships map[string][]Membership
	// PartOf maps each organisation the record names (a party, an office's
	// organisation, on behalf of, mentioned, held or joined) and each organisation
	// above one of them to the organisation it is part of: the first by id when it is
	// part of several.
	PartOf map[string]*Organisation
}

// DatedEdge is an edge of a network with the dates of its letters: First is the
// earliest day any of them may have been written, Last the latest (both nil when
// none is dated).
type DatedEdge struct {
	NetworkEdge
	First, Last *time.Time
}
