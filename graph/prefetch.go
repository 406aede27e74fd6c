package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// correspondentTypes are the types a correspondent list's nodes may have, for
// collecting the fields asked of them through fragments.
var correspondentTypes = []string{"Correspondent", "Node", "Person", "Organisation", "Office"}

// letterFieldRoles maps a correspondent's letter fields to the role each implies.
var letterFieldRoles = map[string]domain.Role{
	"lettersWritten":  domain.RoleAuthor,
	"lettersReceived": domain.RoleRecipient,
	"lettersCopied":   domain.RoleCC,
}

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

// selectedParts is connectionParts of the field ctx resolves (0, meaning all, when
// there is none: a test calling a resolver directly).
func selectedParts(ctx context.Context) domain.LetterParts {
	return ofSelection(ctx, connectionParts)
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

// primeLetterPages looks ahead from a page of correspondents: for each letter field
// the query asks of its nodes (without a filter), it reads every node's page in one
// query and primes the loader, so that the field resolvers find their pages waiting
// however they are scheduled. Anything it cannot prime is left to the loader.
func (r *Resolver) primeLetterPages(ctx context.Context, ids []string) {
	oc, sel, ok := selection(ctx)
	if !ok || len(ids) == 0 {
		return
	}
	var nodeFields []graphql.CollectedField
	for _, f := range graphql.CollectFields(oc, sel, []string{"CorrespondentConnection"}) {
		switch f.Name {
		case "nodes":
			nodeFields = append(nodeFields, graphql.CollectFields(oc, f.Selections, correspondentTypes)...)
		case "edges":
			for _, e := range graphql.CollectFields(oc, f.Selections, []string{"CorrespondentEdge"}) {
				if e.Name == "node" {
					nodeFields = append(nodeFields, graphql.CollectFields(oc, e.Selections, correspondentTypes)...)
				}
			}
		}
	}
	loader := r.loaders(ctx).LetterPages
	for _, f := range nodeFields {
		spec, ok := letterFieldSpec(oc, f)
		if !ok {
			continue
		}
		pages, err := r.Store.LettersOfMany(ctx, ids, spec.Filter, spec.Order, spec.Page)
		if err != nil {
			continue // the field resolvers will report it
		}
		for _, id := range ids {
			page := pages[id]
			if page == nil {
				page = &domain.LetterPage{}
			}
			loader.Prime(newPageKey(id, spec), page)
		}
	}
}

// letterFieldSpec is the page a correspondent's letter field f asks for, as
// Resolver.letters will ask the loader for it, when f is such a field without a
// filter (a filter is left to the loader).
func letterFieldSpec(oc *graphql.OperationContext, f graphql.CollectedField) (pageSpec, bool) {
	role, ok := letterFieldRoles[f.Name]
	if !ok {
		return pageSpec{}, false
	}
	args := f.ArgumentMap(oc.Variables)
	if args["filter"] != nil {
		return pageSpec{}, false
	}
	read := letterPageRead(domain.LetterFilter{Involving: []domain.Involvement{{Role: role}}, Parts: connectionParts(oc, f.Selections)}, args)
	return pageSpec{Filter: read.Filter, Order: read.Order, Page: read.Page}, true
}

// pageArgs is the page that a field's first, after, last and before ask for.
func pageArgs(args map[string]any) domain.PageRequest {
	return pageRequest(intArg(args["first"]), strArg(args["after"]), intArg(args["last"]), strArg(args["before"]))
}

// pairsFieldRead is the page a correspondent's correspondents field f asks for, as
// Resolver.pairs asks the store for it, when it has no dates (left to the resolver).
func pairsFieldRead(oc *graphql.OperationContext, f graphql.CollectedField, id string) (domain.PairPageRead, bool) {
	if f.Name != "correspondents" {
		return domain.PairPageRead{}, false
	}
	args := f.ArgumentMap(oc.Variables)
	if args["dateFrom"] != nil || args["dateTo"] != nil {
		return domain.PairPageRead{}, false
	}
	read := domain.PairPageRead{ID: id, Order: domain.PairByLetters, Page: pageArgs(args)}
	if role, ok := args["role"].(string); ok {
		read.Filter.Role = domain.Role(role)
	}
	if o, ok := args["orderBy"].(string); ok {
		read.Order = domain.PairOrder(o)
	}
	return read, true
}

// correspondent reads the correspondent with id together with the pages of letters
// and correspondents the operation asks of it, in one query, and primes the request's
// loaders with those pages for the field resolvers to find. NOT_FOUND when there is
// no correspondent with the id.
func (r *Resolver) correspondent(ctx context.Context, id string) (domain.Correspondent, error) {
	reads := domain.Reads{Correspondent: id}
	var specs []pageSpec
	if oc, sel, ok := selection(ctx); ok {
		for _, f := range graphql.CollectFields(oc, sel, correspondentTypes) {
			if spec, ok := letterFieldSpec(oc, f); ok {
				read := domain.LetterPageRead{Filter: spec.Filter, Order: spec.Order, Page: spec.Page}
				read.Filter.Involving = []domain.Involvement{{CorrespondentID: id, Role: spec.Filter.Involving[0].Role}}
				reads.LetterPages = append(reads.LetterPages, read)
				specs = append(specs, spec)
			}
			if read, ok := pairsFieldRead(oc, f, id); ok {
				reads.PairPages = append(reads.PairPages, read)
			}
		}
	}
	res, err := r.Store.ReadTogether(ctx, reads)
	if err != nil {
		return nil, err
	}
	if res.Correspondent == nil {
		return nil, domain.NotFound("correspondent", id)
	}
	l := r.loaders(ctx)
	for i, spec := range specs {
		l.LetterPages.Prime(newPageKey(id, spec), res.LetterPages[i])
	}
	for i, read := range reads.PairPages {
		l.prime(read, res.PairPages[i])
	}
	return res.Correspondent, nil
}

func intArg(v any) *int {
	switch n := v.(type) {
	case int64:
		i := int(n)
		return &i
	case int:
		return &n
	case float64:
		i := int(n)
		return &i
	}
	return nil
}

func strArg(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}

// correspondentIDs lists the ids of a page's correspondents.
func correspondentIDs(c *model.CorrespondentConnection) []string {
	ids := make([]string, 0, len(c.Nodes))
	for _, e := range c.Edges {
		switch n := e.Node.(type) {
		case *model.Person:
			ids = append(ids, n.ID)
		case *model.Organisation:
			ids = append(ids, n.ID)
		case *model.Office:
			ids = append(ids, n.ID)
		}
	}
	return ids
}
