// Package graph is the GraphQL adapter: gqlgen's generated executor, the models, and
// resolvers that convert arguments to domain values, call the store and convert the
// results back. Resolvers hold no logic of their own.
package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest"
)

//go:generate go run github.com/99designs/gqlgen generate
//go:generate go run ./cmd/postgen generated.go

// Resolver is the root resolver. The GraphQL API reads and writes everything, so it
// takes the whole store; the helpers below it ask for the ports they use
// (PlanStore, domain.CorrespondentReader).
type Resolver struct {
	Store domain.Store
	// Live delivers letterAdded; nil serves no subscriptions.
	Live domain.LetterStream
	// Imports, if set, counts what importDocuments imports (the server's metrics).
	Imports ImportObserver
}

// ImportObserver is told what each importDocuments request that is not a dry run
// imported, failed documents included, when it ends.
type ImportObserver interface {
	ObserveImport(s ingest.Summary)
}

// letters pages through the letters a domain filter selects: the letters field of
// Query, the letters of the parts of each that its selection shows.
func (r *Resolver) letters(ctx context.Context, f domain.LetterFilter,
	orderBy *model.LetterOrder, first *int, after *string, last *int, before *string) (*model.LetterConnection, error) {
	order := domain.OrderDateDesc
	if orderBy != nil {
		order = domain.LetterOrder(*orderBy)
	}
	f.Parts = ofSelection(ctx, connectionParts)
	page, err := r.Store.Letters(ctx, f, order, pageRequest(first, after, last, before))
	if err != nil {
		return nil, err
	}
	return toLetterConnection(page, f), nil
}

// correspondentAs reloads a correspondent after a link operation on it, as the kind
// T the mutation returns; another kind under that id is NOT_FOUND.
func correspondentAs[T domain.Correspondent](ctx context.Context, store domain.CorrespondentReader, id, noun string) (T, error) {
	var zero T
	c, err := store.Correspondent(ctx, id)
	if err != nil {
		return zero, err
	}
	t, ok := c.(T)
	if !ok {
		return zero, domain.NotFound(noun, id)
	}
	return t, nil
}

func (r *Resolver) person(ctx context.Context, id string) (*model.Person, error) {
	p, err := correspondentAs[*domain.Person](ctx, r.Store, id, "person")
	return toPerson(p), err
}

func (r *Resolver) office(ctx context.Context, id string) (*model.Office, error) {
	o, err := correspondentAs[*domain.Office](ctx, r.Store, id, "office")
	return toOffice(o), err
}

func (r *Resolver) organisation(ctx context.Context, id string) (*model.Organisation, error) {
	o, err := correspondentAs[*domain.Organisation](ctx, r.Store, id, "organisation")
	return toOrganisation(o), err
}

// linkLetter adds (or with remove, removes) a link from a letter and returns the letter.
func (r *Resolver) linkLetter(ctx context.Context, kind domain.LinkKind, letter, to string, remove bool) (*model.Letter, error) {
	var err error
	if remove {
		err = r.Store.RemoveLink(ctx, kind, letter, to)
	} else {
		err = r.Store.AddLink(ctx, domain.Link{Kind: kind, From: letter, To: to})
	}
	if err != nil {
		return nil, err
	}
	l, err := r.Store.Letter(ctx, letter)
	return toLetter(l), err
}

// addParty links a party to a letter in a role.
func (r *Resolver) addParty(ctx context.Context, role domain.Role, letter string, party model.PartyInput, position *int) (*model.Letter, error) {
	l, err := r.Store.AddParty(ctx, letter, role, fromPartyInput(party), deref(position))
	if err != nil {
		return nil, err
	}
	return toLetter(l), nil
}

// nullIfNotFound turns NOT_FOUND into a null result, as Relay's node(id:) expects.
func nullIfNotFound(err error) error {
	if domain.ErrorCode(err) == domain.CodeNotFound {
		return nil
	}
	return err
}

// correspondence is the exchange between two correspondents and the filter of its
// letters, read in one query with the pages of letters the plan asks of it.
func (r *Resolver) correspondence(ctx context.Context, a, b string, role *model.Role, dateFrom, dateTo *time.Time) (*model.Correspondence, error) {
	if a == b {
		return nil, domain.Invalid("and", "is the same correspondent as between")
	}
	rl := domain.Role(deref(role))
	f := domain.LetterFilter{DateFrom: dateFrom, DateTo: dateTo,
		Involving: []domain.Involvement{{CorrespondentID: a, Role: rl}, {CorrespondentID: b, Role: rl}}}
	reads := domain.Reads{Exchange: &domain.ExchangeRead{A: a, B: b, From: dateFrom, To: dateTo}}
	t := r.together(ctx, &reads, "", &f)
	res, err := r.Store.ReadTogether(ctx, reads)
	if err != nil {
		return nil, err
	}
	t.keep(reads, res)
	e := res.Exchange
	return &model.Correspondence{AToB: e.AToB, BToA: e.BToA, Reciprocal: e.Reciprocal(), Filter: f}, nil
}

var searchKindLabels = map[model.SearchKind]domain.Label{
	model.SearchKindLetter:       domain.LabelLetter,
	model.SearchKindPerson:       domain.LabelPerson,
	model.SearchKindOrganisation: domain.LabelOrganisation,
	model.SearchKindOffice:       domain.LabelOffice,
}

// search runs a full-text search and marks where each result matched.
func (r *Resolver) search(ctx context.Context, text string, kinds []model.SearchKind, first int) ([]*model.SearchResult, error) {
	labels := make([]domain.Label, len(kinds))
	for i, k := range kinds {
		labels[i] = searchKindLabels[k]
	}
	hits, err := r.Store.Search(ctx, text, labels, first)
	if err != nil {
		return nil, err
	}
	out := make([]*model.SearchResult, len(hits))
	excerpts := selects(ctx, "SearchResult", "excerpt")
	for i, h := range hits {
		res := &model.SearchResult{Node: toNode(h.Node), Score: h.Score}
		out[i] = res
		if !excerpts { // folding every hit's text to find the words is most of a search's own work
			continue
		}
		var texts []string
		switch n := h.Node.(type) {
		case *domain.Letter:
			texts = []string{n.Title, n.Subject, n.Body}
		case *domain.Person:
			texts = append([]string{n.Name}, n.Aliases...)
		case *domain.Organisation:
			texts = append([]string{n.Name, n.Acronym}, n.Aliases...)
		case *domain.Office:
			texts = []string{n.Title}
		}
		if e := excerpt(text, texts...); e != "" {
			res.Excerpt = &e
		}
	}
	return out, nil
}

// selects reports whether the field being resolved asks for field of its typ
// results; outside a GraphQL operation (a direct call) it reports true.
func selects(ctx context.Context, typ, field string) bool {
	oc, sel, ok := selection(ctx)
	if !ok {
		return true
	}
	for _, f := range graphql.CollectFields(oc, sel, []string{typ}) {
		if f.Name == field {
			return true
		}
	}
	return false
}
