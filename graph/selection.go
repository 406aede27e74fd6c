package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// letterFieldParts maps the fields of Letter to the parts of a letter they show.
var letterFieldParts = map[string]domain.LetterParts{
	"body":       domain.PartBody,
	"authors":    domain.PartAuthors,
	"recipients": domain.PartRecipients,
	"cc":         domain.PartCC,
	"bcc":        domain.PartBCC,
	"onBehalfOf": domain.PartOnBehalfOf,
	"writtenAt":  domain.PartWrittenAt,
	"mentions":   domain.PartMentions,
	"repliesTo":  domain.PartRepliesTo,
	"replies":    domain.PartReplies,
	"related":    domain.PartRelated,
}

// letterParts are the parts of a letter that a selection set on Letter shows.
func letterParts(oc *graphql.OperationContext, sel ast.SelectionSet) domain.LetterParts {
	var parts domain.LetterParts
	for _, f := range graphql.CollectFields(oc, sel, []string{"Letter", "Node"}) {
		parts |= letterFieldParts[f.Name]
	}
	return parts
}

// connectionParts are the parts of each letter that the selection set of a letter
// connection shows, through nodes or edges: the store reads those and no more.
func connectionParts(oc *graphql.OperationContext, sel ast.SelectionSet) domain.LetterParts {
	parts := domain.PartsChosen
	of := func(sel ast.SelectionSet) { parts |= letterParts(oc, sel) }
	for _, f := range graphql.CollectFields(oc, sel, []string{"LetterConnection"}) {
		switch f.Name {
		case "nodes":
			of(f.Selections)
		case "edges":
			for _, e := range graphql.CollectFields(oc, f.Selections, []string{"LetterEdge"}) {
				if e.Name == "node" {
					of(e.Selections)
				}
			}
		}
	}
	return parts
}

// ofSelection applies parts to the selection set of the field ctx resolves; 0 when
// there is none.
func ofSelection(ctx context.Context, parts func(*graphql.OperationContext, ast.SelectionSet) domain.LetterParts) domain.LetterParts {
	oc, sel, ok := selection(ctx)
	if !ok {
		return 0
	}
	return parts(oc, sel)
}

// selection is the operation and the selection set of the field ctx resolves; ok is
// false outside an operation (a test calling a resolver directly), where gqlgen's
// GetOperationContext would panic.
func selection(ctx context.Context) (oc *graphql.OperationContext, sel ast.SelectionSet, ok bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return nil, nil, false
	}
	return graphql.GetOperationContext(ctx), fc.Field.Selections, true
}

// together is what a root field reads in one query with its own value: the pages
// of letters and of pairs that its plan's first places ask of it (of the
// correspondent id, or of the exchange whose filter is exchange).
type together struct {
	results *planResults
	id      string
	letters [][]*planNode // the places asking alike of each page read
	pairs   [][]*planNode
}

// together adds to reads the pages the plan of the root field ctx resolves asks of
// its value; keep gives the places their values once read. Outside a response
// (a direct call) it adds nothing.
func (r *Resolver) together(ctx context.Context, reads *domain.Reads, id string, exchange *domain.LetterFilter) *together {
	t := &together{results: resultsOf(ctx), id: id}
	if t.results == nil {
		return t
	}
	var pages, pairs []*planNode
	for _, n := range t.results.plan(ctx, graphql.GetFieldContext(ctx)).Children {
		switch {
		case n.read.err != nil:
		case n.Read == readLetterPages:
			pages = append(pages, n)
		case n.Read == readPairPages && exchange == nil:
			pairs = append(pairs, n)
		}
	}
	t.letters = alike(pages, func(n *planNode) any { return n.read.letters })
	for _, g := range t.letters {
		reads.LetterPages = append(reads.LetterPages, g[0].letterPageOf(id, exchange))
	}
	t.pairs = alike(pairs, func(n *planNode) any { return n.read.pairs })
	for _, g := range t.pairs {
		reads.PairPages = append(reads.PairPages, g[0].pairPageOf(id))
	}
	return t
}

// keep gives the places their pages, res having answered reads.
func (t *together) keep(reads domain.Reads, res *domain.ReadResults) {
	for i, g := range t.letters {
		for _, n := range g {
			t.results.set(n.Key, t.id, toLetterConnection(res.LetterPages[i], reads.LetterPages[i].Filter))
		}
	}
	for i, g := range t.pairs {
		for _, n := range g {
			t.results.set(n.Key, t.id, toPairConnection(res.PairPages[i]))
		}
	}
}

// correspondent reads the correspondent with id together with the pages of letters
// and correspondents the operation asks of it, in one query. NOT_FOUND when there is
// no correspondent with the id.
func (r *Resolver) correspondent(ctx context.Context, id string) (domain.Correspondent, error) {
	reads := domain.Reads{Correspondent: id}
	t := r.together(ctx, &reads, id, nil)
	res, err := r.Store.ReadTogether(ctx, reads)
	if err != nil {
		return nil, err
	}
	if res.Correspondent == nil {
		return nil, domain.NotFound("correspondent", id)
	}
	t.keep(reads, res)
	return res.Correspondent, nil
}
