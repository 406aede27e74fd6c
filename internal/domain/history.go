package domain

import (
	"context"
	"time"
)

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
