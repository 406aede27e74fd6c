// Package model holds the GraphQL models: gqlgen's generated ones (models_gen.go) and
// the few written by hand here, which carry what a field resolver needs beyond the
// schema's fields (whether a letter's links were loaded, the filter behind a
// connection's totalCount).
package model

import (
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Letter is the GraphQL Letter. Its link fields are resolved from Links when the store
// loaded them with the letter, and through the request's loader otherwise.
type Letter struct {
	ID            string
	Title         *string
	Subject       *string
	Body          *string
	Date          *time.Time
	DateText      *string
	DatePrecision DatePrecision
	DateNotBefore *time.Time
	DateNotAfter  *time.Time
	Language      *string
	PlaceText     *string
	SourceFormat  *SourceFormat
	Source        *string
	ExternalID    *string
	ContentHash   *string
	ImportedAt    time.Time
	Stub          bool
	Restricted    bool

	// Links is the domain letter when its links are loaded, nil otherwise.
	Links *domain.Letter
}

func (Letter) IsNode()         {}
func (l Letter) GetID() string { return l.ID }

// LetterConnection is a page of letters; Filter is what totalCount counts.
type LetterConnection struct {
	Edges    []*LetterEdge
	Nodes    []*Letter
	PageInfo *PageInfo
	Filter   domain.LetterFilter
}

// CorrespondentConnection is a page of correspondents; Filter is what totalCount
// counts.
type CorrespondentConnection struct {
	Edges    []*CorrespondentEdge
	Nodes    []Correspondent
	PageInfo *PageInfo
	Filter   domain.CorrespondentFilter
}

// Correspondence is the exchange between two correspondents; Filter selects its
// letters.
type Correspondence struct {
	AToB       int
	BToA       int
	Reciprocal bool
	Filter     domain.LetterFilter
}
