package graph

import (
	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// The values the plan walks through to find the objects at each place. A field
// that reads nothing is either a plain struct field of its model, which gqlgen
// returns as it is (structFields gives it to the planner), or a Letter field whose
// value comes from the letter's links (letterLinkFields computes it, for the
// planner and for nothing else: the resolvers return what the plan computed).

// structFields gives, for each struct field of a model through which a place that
// reads the store can be reached, the objects it holds (a list's elements, none for
// nil). TestPlanWalksEveryField checks that the table knows every such field.
var structFields = map[string]func(v any) []any{
	"LetterConnection.edges": func(v any) []any {
		return each(as[*model.LetterConnection](v, func(c *model.LetterConnection) []*model.LetterEdge { return c.Edges }))
	},
	"LetterConnection.nodes": func(v any) []any {
		return each(as[*model.LetterConnection](v, func(c *model.LetterConnection) []*model.Letter { return c.Nodes }))
	},
	"LetterEdge.node": func(v any) []any {
		return one(as[*model.LetterEdge](v, func(e *model.LetterEdge) *model.Letter { return e.Node }))
	},
	"CorrespondentConnection.edges": func(v any) []any {
		return each(as[*model.CorrespondentConnection](v, func(c *model.CorrespondentConnection) []*model.CorrespondentEdge { return c.Edges }))
	},
	"CorrespondentConnection.nodes": func(v any) []any {
		return each(as[*model.CorrespondentConnection](v, func(c *model.CorrespondentConnection) []model.Correspondent { return c.Nodes }))
	},
	"CorrespondentEdge.node": func(v any) []any {
		return one(as[*model.CorrespondentEdge](v, func(e *model.CorrespondentEdge) model.Correspondent { return e.Node }))
	},
	"CorrespondentPairConnection.edges": func(v any) []any {
		return each(as[*model.CorrespondentPairConnection](v, func(c *model.CorrespondentPairConnection) []*model.CorrespondentPairEdge { return c.Edges }))
	},
	"CorrespondentPairConnection.nodes": func(v any) []any {
		return each(as[*model.CorrespondentPairConnection](v, func(c *model.CorrespondentPairConnection) []*model.CorrespondentPair { return c.Nodes }))
	},
	"CorrespondentPairEdge.node": func(v any) []any {
		return one(as[*model.CorrespondentPairEdge](v, func(e *model.CorrespondentPairEdge) *model.CorrespondentPair { return e.Node }))
	},
	"CorrespondentPair.correspondent": func(v any) []any {
		return one(as[*model.CorrespondentPair](v, func(p *model.CorrespondentPair) model.Correspondent { return p.Correspondent }))
	},
	"CorrespondentCount.correspondent": func(v any) []any {
		return one(as[*model.CorrespondentCount](v, func(c *model.CorrespondentCount) model.Correspondent { return c.Correspondent }))
	},
	"Authorship.correspondent": func(v any) []any {
		return one(as[*model.Authorship](v, func(a *model.Authorship) model.Correspondent { return a.Correspondent }))
	},
	"Addressing.correspondent": func(v any) []any {
		return one(as[*model.Addressing](v, func(a *model.Addressing) model.Correspondent { return a.Correspondent }))
	},
	"Copy.correspondent": func(v any) []any {
		return one(as[*model.Copy](v, func(c *model.Copy) model.Correspondent { return c.Correspondent }))
	},
	"Holding.person": func(v any) []any {
		return one(as[*model.Holding](v, func(h *model.Holding) *model.Person { return h.Person }))
	},
	"Holding.office": func(v any) []any {
		return one(as[*model.Holding](v, func(h *model.Holding) *model.Office { return h.Office }))
	},
	"Membership.person": func(v any) []any {
		return one(as[*model.Membership](v, func(m *model.Membership) *model.Person { return m.Person }))
	},
	"Membership.organisation": func(v any) []any {
		return one(as[*model.Membership](v, func(m *model.Membership) *model.Organisation { return m.Organisation }))
	},
	"Office.organisation": func(v any) []any {
		return one(as[*model.Office](v, func(o *model.Office) *model.Organisation { return o.Organisation }))
	},
	"SearchResult.node": func(v any) []any {
		return one(as[*model.SearchResult](v, func(r *model.SearchResult) model.Node { return r.Node }))
	},
	"Network.nodes": func(v any) []any {
		return each(as[*model.Network](v, func(n *model.Network) []*model.NetworkNode { return n.Nodes }))
	},
	"NetworkNode.correspondent": func(v any) []any {
		return one(as[*model.NetworkNode](v, func(n *model.NetworkNode) model.Correspondent { return n.Correspondent }))
	},
	"Path.hops": func(v any) []any {
		return each(as[*model.Path](v, func(p *model.Path) []*model.PathHop { return p.Hops }))
	},
	"PathHop.from": func(v any) []any {
		return one(as[*model.PathHop](v, func(h *model.PathHop) model.Correspondent { return h.From }))
	},
	"PathHop.to": func(v any) []any {
		return one(as[*model.PathHop](v, func(h *model.PathHop) model.Correspondent { return h.To }))
	},
	"PathHop.letter": func(v any) []any {
		return one(as[*model.PathHop](v, func(h *model.PathHop) *model.Letter { return h.Letter }))
	},
	"Source.letter": func(v any) []any {
		return one(as[*model.Source](v, func(s *model.Source) *model.Letter { return s.Letter }))
	},
	"CreateLetterPayload.letter": func(v any) []any {
		return one(as[*model.CreateLetterPayload](v, func(p *model.CreateLetterPayload) *model.Letter { return p.Letter }))
	},
	"UpsertCorrespondentPayload.correspondent": func(v any) []any {
		return one(as[*model.UpsertCorrespondentPayload](v, func(p *model.UpsertCorrespondentPayload) model.Correspondent { return p.Correspondent }))
	},
	"ImportSummary.documents": func(v any) []any {
		return each(as[*model.ImportSummary](v, func(s *model.ImportSummary) []*model.ImportedDocument { return s.Documents }))
	},
	"ImportedDocument.letter": func(v any) []any {
		return one(as[*model.ImportedDocument](v, func(d *model.ImportedDocument) *model.Letter { return d.Letter }))
	},
}

// as applies get to v when v is a non-nil T, and gives get's zero value otherwise.
func as[T comparable, F any](v any, get func(T) F) F {
	var zero T
	t, ok := v.(T)
	if !ok || t == zero {
		var none F
		return none
	}
	return get(t)
}

// each is the elements of list, as the values the plan walks.
func each[T any](list []T) []any {
	out := make([]any, 0, len(list))
	for _, v := range list {
		out = append(out, one(v)...)
	}
	return out
}

// one is v as a value the plan walks: none when v is nil, or a nil object in an
// interface.
func one[T any](v T) []any {
	if isNil(v) {
		return nil
	}
	return []any{v}
}

// isNil reports whether v is nil or holds a nil pointer to one of the models.
func isNil(v any) bool {
	switch o := v.(type) {
	case nil:
		return true
	case *model.Letter:
		return o == nil
	case *model.Person:
		return o == nil
	case *model.Organisation:
		return o == nil
	case *model.Office:
		return o == nil
	case *model.LetterEdge, *model.CorrespondentEdge, *model.CorrespondentPairEdge, *model.CorrespondentPair,
		*model.Authorship, *model.Addressing, *model.Copy, *model.Holding, *model.Membership, *model.SearchResult,
		*model.NetworkNode, *model.Path, *model.PathHop, *model.ImportedDocument, *model.Source, *model.CorrespondentCount:
		return o == nil
	}
	return false
}

// valuesIn is the objects a value holds for the plan to walk (a root field's, or a
// planned field's): a list's elements, or the value itself.
func valuesIn(v any) []any {
	switch list := v.(type) {
	case []*model.SearchResult:
		return each(list)
	case []*model.Path:
		return each(list)
	case []*model.Source:
		return each(list)
	case []*model.Letter:
		return each(list)
	case []model.Correspondent:
		return each(list)
	case []model.Node:
		return each(list)
	case []*model.Authorship:
		return each(list)
	case []*model.Addressing:
		return each(list)
	case []*model.Copy:
		return each(list)
	case []*model.Organisation:
		return each(list)
	case []*model.Office:
		return each(list)
	case []*model.Holding:
		return each(list)
	case []*model.Membership:
		return each(list)
	}
	return one(v)
}

// letterLinkFields give, for each Letter field whose value comes from the letter's
// links, the part of the links it needs and its value from them: the first n items
// of a list (n from the field's first), or the one value.
var letterLinkFields = map[string]struct {
	part  domain.LetterParts
	value func(l *domain.Letter, n int) any
}{
	"authors":    {domain.PartAuthors, func(l *domain.Letter, n int) any { return toAuthorships(upTo(l.Authors, n)) }},
	"recipients": {domain.PartRecipients, func(l *domain.Letter, n int) any { return toAddressings(upTo(l.Recipients, n)) }},
	"cc":         {domain.PartCC, func(l *domain.Letter, n int) any { return toCopies(upTo(l.CC, n)) }},
	"bcc":        {domain.PartBCC, func(l *domain.Letter, n int) any { return toCopies(upTo(l.BCC, n)) }},
	"onBehalfOf": {domain.PartOnBehalfOf, func(l *domain.Letter, n int) any { return toOrganisations(upTo(l.OnBehalfOf, n)) }},
	"writtenAt":  {domain.PartWrittenAt, func(l *domain.Letter, _ int) any { return toPlace(l.WrittenAt) }},
	"mentions":   {domain.PartMentions, func(l *domain.Letter, n int) any { return toNodes(upTo(l.Mentions, n)) }},
	"repliesTo":  {domain.PartRepliesTo, func(l *domain.Letter, n int) any { return toLetters(upTo(l.RepliesTo, n)) }},
	"replies":    {domain.PartReplies, func(l *domain.Letter, n int) any { return toLetters(upTo(l.Replies, n)) }},
	"related":    {domain.PartRelated, func(l *domain.Letter, n int) any { return toLetters(upTo(l.Related, n)) }},
}

// upTo is the first n items of list.
func upTo[T any](list []T, n int) []T { return list[:min(n, len(list))] }

// idOf returns the id of a model object whose fields read the store by it.
func idOf(v any) (string, bool) {
	switch o := v.(type) {
	case *model.Person:
		if o != nil {
			return o.ID, true
		}
	case *model.Organisation:
		if o != nil {
			return o.ID, true
		}
	case *model.Office:
		if o != nil {
			return o.ID, true
		}
	case *model.Letter:
		if o != nil {
			return o.ID, true
		}
	case *model.Correspondence:
		if o != nil {
			return "", true // one a response place; its letters are read by its filter
		}
	}
	return "", false
}
