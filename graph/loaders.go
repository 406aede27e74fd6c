package graph

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Loaders batch the look-ups that nested fields make, so that a GraphQL operation
// costs a number of Cypher round trips bounded by its depth, not by the size of its
// results. One set lives for one request.
type Loaders struct {
	Letters     *dataloadgen.Loader[string, *domain.Letter]
	Holdings    *dataloadgen.Loader[string, []domain.Holding]
	Memberships *dataloadgen.Loader[string, []domain.Membership]
	Structure   *dataloadgen.Loader[string, domain.OrgStructure]
}

// wait is how long a loader gathers keys before it queries; the resolvers of one
// level run concurrently and ask within microseconds of each other.
const wait = 2 * time.Millisecond

// NewLoaders returns a fresh set of loaders over store.
func NewLoaders(store domain.Store) *Loaders {
	return &Loaders{
		Letters: dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*domain.Letter, []error) {
			letters, err := store.LettersByID(ctx, ids)
			if err != nil {
				return nil, fill(len(ids), err)
			}
			return letters, nil
		}, dataloadgen.WithWait(wait)),
		Holdings:    dataloadgen.NewMappedLoader(store.Holdings, dataloadgen.WithWait(wait)),
		Memberships: dataloadgen.NewMappedLoader(store.Memberships, dataloadgen.WithWait(wait)),
		Structure:   dataloadgen.NewMappedLoader(store.Structure, dataloadgen.WithWait(wait)),
	}
}

func fill(n int, err error) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

type loadersKey struct{}

// WithLoaders is HTTP middleware that gives each request its own loaders.
func WithLoaders(store domain.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(store))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// loaders returns the request's loaders, or a fresh set when the context has none
// (a websocket operation, a test calling the executor directly).
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.Store)
}
