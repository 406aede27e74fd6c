package graph

import (
	"context"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// A loader batches by time alone: it gathers keys for a short wait, then queries.
// On a busy machine the resolvers of one level can start further apart than that
// wait, and a level then costs several queries. loadAlong makes the batch whole
// whatever the scheduling: the first resolver of a level puts into the batch the
// keys of every object at the same place in the response (its cousins: the other
// people of a page when one person's holds resolves, or the recipients of every
// letter of a page when one recipient's letters resolve).

// loadAlong loads key through l. The first resolver at a place fetches the values
// of every cousin there in one query and primes l with them; the others wait for it
// and find their values ready. keyOf gives a cousin's key from its id.
func loadAlong[K comparable, V any](ctx context.Context, l *loader[K, V], key K, keyOf func(id string) K) (V, error) {
	if ls, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		if place, ok := placeOf(ctx); ok {
			once, _ := ls.along.LoadOrStore(alongKey{loader: l, place: place}, new(sync.Once))
			once.(*sync.Once).Do(func() { fetchPlace(ctx, l, place, keyOf) })
		}
	}
	return l.Load(ctx, key)
}

// fetchPlace fetches the values of the cousins at place p and primes l with them;
// on an error it primes nothing, and each resolver loads its own key.
func fetchPlace[K comparable, V any](ctx context.Context, l *loader[K, V], p place, keyOf func(id string) K) {
	var keys []K
	seen := map[K]bool{}
	for _, c := range cousins(ctx, p) {
		id, ok := idOf(c)
		if !ok {
			continue
		}
		if k := keyOf(id); !seen[k] && !l.isPrimed(k) {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) < 2 {
		return
	}
	values, errs := l.fetch(ctx, keys)
	if len(values) != len(keys) {
		return
	}
	for i, k := range keys {
		if i >= len(errs) || errs[i] == nil {
			l.Prime(k, values[i])
		}
	}
}

// sameID is keyOf for loaders keyed by id.
func sameID(id string) string { return id }

// alongKey marks a place whose cousins' keys a loader has been given.
type alongKey struct {
	loader any
	place  place
}

// place is where in the response an object stands: the nearest field above it whose
// value is known (anchor) and the path of fields and list elements from there down
// to the object, with the indexes left out.
type place struct {
	anchor *graphql.FieldContext
	path   string
}

// placeOf returns the place of the object whose field resolves in ctx. The anchor
// is the nearest field above that cousins cannot be reached through (a field whose
// resolver reads the store), or the operation's top field.
func placeOf(ctx context.Context) (place, bool) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Parent == nil {
		return place{}, false
	}
	var steps []string
	for c := fc.Parent; c != nil; c = c.Parent {
		if c.Index != nil {
			steps = append(steps, "[]")
			continue
		}
		if c.Parent == nil || !reachable(c) {
			slices.Reverse(steps)
			return place{anchor: c, path: strings.Join(steps, "/")}, true
		}
		steps = append(steps, c.Object+"."+c.Field.Name+sizeOf(c))
	}
	return place{}, false
}

// cousins returns the objects at place p of the same type as the object whose field
// resolves in ctx; it holds that object too.
func cousins(ctx context.Context, p place) []any {
	own := reflect.TypeOf(valueOf(graphql.GetFieldContext(ctx).Parent))
	values := []any{p.anchor.Result}
	if p.path != "" {
		for _, step := range strings.Split(p.path, "/") {
			object, field, _ := strings.Cut(step, ".")
			field, size, _ := strings.Cut(field, "#")
			var next []any
			for _, v := range values {
				if step == "[]" {
					next = append(next, elements(v)...)
				} else if c, ok := fieldOf(v, object, field, size); ok {
					next = append(next, c)
				}
			}
			values = next
		}
	}
	out := values[:0]
	for _, v := range values {
		if reflect.TypeOf(v) == own {
			out = append(out, v)
		}
	}
	return out
}

// valueOf returns the value a field context holds: a list element's field context
// holds a pointer to the element.
func valueOf(c *graphql.FieldContext) any {
	if c.Index == nil {
		return c.Result
	}
	v := reflect.ValueOf(c.Result)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	return v.Elem().Interface()
}

// reachable reports whether the value of field c can be had from its parent's value
// without a resolver: a plain struct field, or a letter's link read with the letter.
func reachable(c *graphql.FieldContext) bool {
	if c.Object == "Letter" {
		_, ok := letterLinkFields[c.Field.Name]
		return ok
	}
	return !c.IsResolver && !c.IsMethod
}

// letterLinkFields give, for the Letter fields whose resolvers read a letter's links,
// the part of the links each needs and its value from them.
var letterLinkFields = map[string]struct {
	part  domain.LetterParts
	value func(l *domain.Letter, n int) any // the first n items
}{
	"authors":    {domain.PartAuthors, func(l *domain.Letter, n int) any { return toAuthorships(upTo(l.Authors, n)) }},
	"recipients": {domain.PartRecipients, func(l *domain.Letter, n int) any { return toAddressings(upTo(l.Recipients, n)) }},
	"cc":         {domain.PartCC, func(l *domain.Letter, n int) any { return toCopies(upTo(l.CC, n)) }},
	"bcc":        {domain.PartBCC, func(l *domain.Letter, n int) any { return toCopies(upTo(l.BCC, n)) }},
	"repliesTo":  {domain.PartRepliesTo, func(l *domain.Letter, n int) any { return toLetters(upTo(l.RepliesTo, n)) }},
	"replies":    {domain.PartReplies, func(l *domain.Letter, n int) any { return toLetters(upTo(l.Replies, n)) }},
	"related":    {domain.PartRelated, func(l *domain.Letter, n int) any { return toLetters(upTo(l.Related, n)) }},
}

// upTo is the first n items of list.
func upTo[T any](list []T, n int) []T { return list[:min(n, len(list))] }

// sizeOf is the part of a step of a place that tells how many items of a letter's
// link list the response holds ("#20"): cousins are the items the response holds,
// not every link the letter has.
func sizeOf(c *graphql.FieldContext) string {
	if _, ok := letterLinkFields[c.Field.Name]; !ok || c.Object != "Letter" {
		return ""
	}
	first, _ := c.Args["first"].(*int)
	n, err := domain.ListSize(first)
	if err != nil {
		return "#0"
	}
	return "#" + strconv.Itoa(n)
}

// fieldOf returns the value of field of v, of GraphQL type object, when it can be had
// without a resolver; a letter read without the links asked gives false. size is
// how many items of a letter's link list the response holds (sizeOf).
func fieldOf(v any, object, field, size string) (any, bool) {
	if object == "Letter" {
		l, ok := v.(*model.Letter)
		f, known := letterLinkFields[field]
		if !ok || !known || l == nil || l.Links == nil || !l.Links.Parts.Has(f.part) {
			return nil, false
		}
		n, err := strconv.Atoi(size)
		if err != nil {
			return nil, false
		}
		return f.value(l.Links, n), true
	}
	s := reflect.ValueOf(v)
	for s.Kind() == reflect.Pointer || s.Kind() == reflect.Interface {
		if s.IsNil() {
			return nil, false
		}
		s = s.Elem()
	}
	if s.Kind() != reflect.Struct {
		return nil, false
	}
	// gqlgen binds a field to the struct field of the same name, case aside.
	f := s.FieldByNameFunc(func(name string) bool { return strings.EqualFold(name, field) })
	if !f.IsValid() || !f.CanInterface() {
		return nil, false
	}
	return f.Interface(), true
}

// elements returns the elements of a list value, none for anything else.
func elements(v any) []any {
	s := reflect.ValueOf(v)
	if s.Kind() != reflect.Slice {
		return nil
	}
	out := make([]any, s.Len())
	for i := range out {
		out[i] = s.Index(i).Interface()
	}
	return out
}

// idOf returns the id of a GraphQL model object that has one.
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
	}
	return "", false
}
