package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Loaders batch the look-ups that nested fields make, so that a GraphQL operation
// costs a number of Cypher round trips bounded by its depth, not by the size of its
// results. One set lives for one request.
type Loaders struct {
	Letters     *loader[string, *domain.Letter]
	LetterPages *loader[pageKey, *domain.LetterPage]
	Holdings    *loader[string, []domain.Holding]
	Memberships *loader[string, []domain.Membership]
	Structure   *loader[string, domain.OrgStructure]

	// primed holds what a look-ahead read before the field resolvers asked for it
	// (pages of pairs, a correspondence's letters), by the JSON of the request.
	primed sync.Map
	// along marks the lists whose siblings a loader was given (see loadAlong).
	along sync.Map
}

// prime keeps v as the answer to the request req.
func (l *Loaders) prime(req, v any) {
	l.primed.Store(primedKey(req), v)
}

// primedAnswer returns the answer primed for req, if any.
func primedAnswer[V any](l *Loaders, req any) (V, bool) {
	v, ok := l.primed.Load(primedKey(req))
	out, _ := v.(V)
	return out, ok && v != nil
}

func primedKey(req any) string {
	b, _ := json.Marshal(req) // plain data always marshals
	return fmt.Sprintf("%T%s", req, b)
}

// wait is how long a loader gathers keys before it queries, for the keys loadAlong
// cannot foresee; the resolvers of one level run concurrently and ask within
// microseconds of each other.
const wait = 2 * time.Millisecond

// loader is a dataloader with its fetch function at hand, for loadAlong to fetch a
// whole place at once.
type loader[K comparable, V any] struct {
	*dataloadgen.Loader[K, V]
	fetch  func(context.Context, []K) ([]V, []error)
	primed sync.Map // the keys primed, which loadAlong need not fetch
}

// Prime keeps value as the answer to key, unless the key has one already.
func (l *loader[K, V]) Prime(key K, value V) bool {
	l.primed.Store(key, true)
	return l.Loader.Prime(key, value)
}

// isPrimed reports whether key was primed.
func (l *loader[K, V]) isPrimed(key K) bool {
	_, ok := l.primed.Load(key)
	return ok
}

func newLoader[K comparable, V any](fetch func(context.Context, []K) ([]V, []error)) *loader[K, V] {
	return &loader[K, V]{Loader: dataloadgen.NewLoader(fetch, dataloadgen.WithWait(wait)), fetch: fetch}
}

// byKey adapts a fetch that answers with a map: a key it has nothing for gets the
// zero value.
func byKey[V any](fetch func(context.Context, []string) (map[string]V, error)) func(context.Context, []string) ([]V, []error) {
	return func(ctx context.Context, keys []string) ([]V, []error) {
		m, err := fetch(ctx, keys)
		if err != nil {
			return nil, fill(len(keys), err)
		}
		out := make([]V, len(keys))
		for i, k := range keys {
			out[i] = m[k]
		}
		return out, nil
	}
}

// LoaderStore is what the loaders read: letters, and what is between
// correspondents.
type LoaderStore interface {
	domain.LetterReader
	domain.CorrespondentReader
}

// NewLoaders returns a fresh set of loaders over store.
func NewLoaders(store LoaderStore) *Loaders {
	return &Loaders{
		Letters: newLoader(func(ctx context.Context, ids []string) ([]*domain.Letter, []error) {
			letters, err := store.LettersByID(ctx, ids)
			if err != nil {
				return nil, fill(len(ids), err)
			}
			return letters, nil
		}),
		LetterPages: newLoader(func(ctx context.Context, keys []pageKey) ([]*domain.LetterPage, []error) {
			return letterPages(ctx, store, keys)
		}),
		Holdings:    newLoader(byKey(store.Holdings)),
		Memberships: newLoader(byKey(store.Memberships)),
		Structure:   newLoader(byKey(store.Structure)),
	}
}

// pageKey asks for one correspondent's page of letters. Spec is the JSON of the rest
// of the request (filter, order, page), so that keys asking the same of different
// correspondents group into one query.
type pageKey struct {
	ID   string
	Spec string
}

// pageSpec is what a pageKey's Spec holds.
type pageSpec struct {
	Filter domain.LetterFilter
	Order  domain.LetterOrder
	Page   domain.PageRequest
}

func newPageKey(id string, spec pageSpec) pageKey {
	b, _ := json.Marshal(spec) // plain data always marshals
	return pageKey{ID: id, Spec: string(b)}
}

// letterPages answers page keys with one LettersOfMany query per distinct spec.
func letterPages(ctx context.Context, store domain.LetterReader, keys []pageKey) ([]*domain.LetterPage, []error) {
	groups := map[string][]int{}
	var specs []string
	for i, k := range keys {
		if _, ok := groups[k.Spec]; !ok {
			specs = append(specs, k.Spec)
		}
		groups[k.Spec] = append(groups[k.Spec], i)
	}
	pages := make([]*domain.LetterPage, len(keys))
	errs := make([]error, len(keys))
	for _, raw := range specs {
		idx := groups[raw]
		var spec pageSpec
		err := json.Unmarshal([]byte(raw), &spec)
		var byID map[string]*domain.LetterPage
		if err == nil {
			ids := make([]string, len(idx))
			for j, i := range idx {
				ids[j] = keys[i].ID
			}
			byID, err = store.LettersOfMany(ctx, ids, spec.Filter, spec.Order, spec.Page)
		}
		for _, i := range idx {
			if err != nil {
				errs[i] = err
				continue
			}
			pages[i] = byID[keys[i].ID]
			if pages[i] == nil {
				pages[i] = &domain.LetterPage{}
			}
		}
	}
	return pages, errs
}

func fill(n int, err error) []error {
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

type loadersKey struct{}

// WithLoaders returns ctx with a fresh set of loaders: one set per operation,
// whatever the transport (the server calls it around every operation).
func WithLoaders(ctx context.Context, store LoaderStore) context.Context {
	return context.WithValue(ctx, loadersKey{}, NewLoaders(store))
}

// loaders returns the operation's loaders, or a fresh set when the context has none
// (a test calling the executor directly).
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.Store)
}
