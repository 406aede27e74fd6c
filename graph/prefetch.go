package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

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

// primeLetterPages looks ahead from a page of correspondents: for each letter field
// the query asks of its nodes (without a filter), it reads every node's page in one
// query and primes the loader, so that the field resolvers find their pages waiting
// however they are scheduled. Anything it cannot prime is left to the loader.
func (r *Resolver) primeLetterPages(ctx context.Context, ids []string) {
	oc, fc := graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx)
	if oc == nil || fc == nil || len(ids) == 0 {
		return
	}
	var nodeFields []graphql.CollectedField
	for _, f := range graphql.CollectFields(oc, fc.Field.Selections, []string{"CorrespondentConnection"}) {
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
		role, ok := letterFieldRoles[f.Name]
		if !ok {
			continue
		}
		args := f.ArgumentMap(oc.Variables)
		if args["filter"] != nil {
			continue
		}
		spec := pageSpec{Filter: domain.LetterFilter{Involving: []domain.Involvement{{Role: role}}}, Order: domain.OrderDateDesc}
		if o, ok := args["orderBy"].(string); ok {
			spec.Order = domain.LetterOrder(o)
		}
		spec.Page = pageRequest(intArg(args["first"]), strArg(args["after"]), intArg(args["last"]), strArg(args["before"]))
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
