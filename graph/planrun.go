package graph

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// Running the plan (docs/planner.md). Planner is the gqlgen extension that, around
// each response, keeps the plan's results, and, as each root field returns its
// value, runs the plan below it: one store call per place (or per group of places
// that read alike), whatever the size of the results. The resolvers below only look
// up their value (planned).

// Planner runs the read plan of every root field over its store.
type Planner struct{ Store PlanStore }

var (
	_ graphql.HandlerExtension    = Planner{}
	_ graphql.ResponseInterceptor = Planner{}
	_ graphql.FieldInterceptor    = Planner{}
)

// ExtensionName implements graphql.HandlerExtension.
func (Planner) ExtensionName() string { return "ReadPlanner" }

// Validate implements graphql.HandlerExtension.
func (Planner) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse keeps the plan's results for one response: a query's, or one
// event of a subscription, whose results would otherwise grow while it stays open.
func (pl Planner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	return next(context.WithValue(ctx, resultsKey{}, &planResults{store: pl.Store}))
}

// InterceptField runs the plan below a root field's value once the field has it.
func (pl Planner) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	fc := graphql.GetFieldContext(ctx)
	if err != nil || fc == nil || !isRoot(fc) {
		return res, err
	}
	if results := resultsOf(ctx); results != nil {
		node := results.plan(ctx, fc)
		(&planRun{store: pl.Store, results: results}).below(ctx, node, valuesIn(res))
	}
	return res, err
}

// isRoot reports whether fc is a root field's: a field of an operation type.
func isRoot(fc *graphql.FieldContext) bool {
	return fc.Object == "Query" || fc.Object == "Mutation" || fc.Object == "Subscription"
}

// onTop reports whether no field stands above fc: a root field, or a field of a
// subscription event's value.
func onTop(fc *graphql.FieldContext) bool {
	for c := fc.Parent; c != nil; c = c.Parent {
		if c.Field.Field != nil {
			return false
		}
	}
	return true
}

type resultsKey struct{}

// resultsOf is the response's results, nil outside a response (a direct call).
func resultsOf(ctx context.Context) *planResults {
	r, _ := ctx.Value(resultsKey{}).(*planResults)
	return r
}

// planResults are the values the plan computed for one response, by place and
// object id, with the plans of its root fields.
type planResults struct {
	store  PlanStore
	event  sync.Once // a subscription event's plan, run by its first field
	mu     sync.Mutex
	values map[string]map[string]planned
	plans  map[string]*planNode
}

// planned is a field's value for one object, or its error.
type planned struct {
	value any
	err   error
}

// plan is the plan below the root field fc, built once per response.
func (r *planResults) plan(ctx context.Context, fc *graphql.FieldContext) *planNode {
	key := placeKey(fc)
	r.mu.Lock()
	defer r.mu.Unlock()
	if n, ok := r.plans[key]; ok {
		return n
	}
	if r.plans == nil {
		r.plans = map[string]*planNode{}
	}
	oc := graphql.GetOperationContext(ctx)
	n := buildPlan(ctx, oc, key, fc.Field.Definition.Type.Name(), fc.Field.Selections)
	r.plans[key] = n
	return n
}

func (r *planResults) set(key, id string, v any) { r.put(key, id, func() any { return v }, nil) }

func (r *planResults) fail(key, id string, err error) { r.put(key, id, nil, err) }

// put keeps value() as the value at key for id, or err when not nil.
func (r *planResults) put(key, id string, value func() any, err error) {
	p := planned{err: err}
	if err == nil {
		p.value = value()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.values == nil {
		r.values = map[string]map[string]planned{}
	}
	if r.values[key] == nil {
		r.values[key] = map[string]planned{}
	}
	r.values[key][id] = p
}

// get is the value at key for id; ok is false when the plan has none.
func (r *planResults) get(key, id string) (value any, err error, ok bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.values[key][id]
	return p.value, p.err, ok
}

// planRun runs one plan into results.
type planRun struct {
	store   PlanStore
	results *planResults
}

// below runs the places below n, whose objects are parents: the places that read
// alike in one call, the groups concurrently, and each place's own places below it
// when it has its values.
func (p *planRun) below(ctx context.Context, n *planNode, parents []any) {
	if len(parents) == 0 || len(n.Children) == 0 {
		return
	}
	groups := groupPlaces(n.Children)
	if len(groups) == 1 {
		p.group(ctx, groups[0], parents)
		return
	}
	var wg sync.WaitGroup
	for _, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.group(ctx, g, parents)
		}()
	}
	wg.Wait()
}

// group runs the places g (one that reads nothing, or places that read alike), then
// the places below each.
func (p *planRun) group(ctx context.Context, g []*planNode, parents []any) {
	if g[0].Read == readNone {
		n := g[0]
		values, ok := structFields[n.Object+"."+n.Field.Name]
		if !ok {
			return // a resolver the plan does not know: its objects read alone (planned)
		}
		var objects []any
		for _, v := range parents {
			objects = append(objects, values(v)...)
		}
		p.below(ctx, n, objects)
		return
	}
	p.readGroup(ctx, g, parents)
	for _, n := range g {
		if len(n.Children) == 0 {
			continue
		}
		var objects []any
		for _, v := range parents {
			if id, ok := idOf(v); ok {
				if value, err, ok := p.results.get(n.Key, id); ok && err == nil {
					objects = append(objects, valuesIn(value)...)
				}
			}
		}
		p.below(ctx, n, objects)
	}
}

// groupPlaces groups places that read the same kind of thing, to be read in one
// call; each place that reads nothing is a group of its own.
func groupPlaces(nodes []*planNode) [][]*planNode {
	var groups [][]*planNode
	byKind := map[readKind]int{}
	for _, n := range nodes {
		if n.Read == readNone {
			groups = append(groups, []*planNode{n})
			continue
		}
		if i, ok := byKind[n.Read]; ok {
			groups[i] = append(groups[i], n)
			continue
		}
		byKind[n.Read] = len(groups)
		groups = append(groups, []*planNode{n})
	}
	return groups
}

// A subscription's events are marshalled without its field above them (gqlgen
// resolves the subscription field once, and each event's letter in a context of
// the event's own), so no root field plans below an event: the first of the
// letter's fields to look for its value runs the plan below the letter, for the
// others.

// atEventTop reports whether fc is a field of a subscription event's letter: no
// field above it, in a subscription.
func atEventTop(ctx context.Context, fc *graphql.FieldContext) bool {
	return fc.Object == "Letter" && onTop(fc) && graphql.HasOperationContext(ctx) &&
		graphql.GetOperationContext(ctx).Operation.Operation == ast.Subscription
}

// planEventOf runs the plan below a subscription event's letter once, when the
// field ctx resolves is one of the letter's, obj.
func planEventOf(ctx context.Context, obj any) {
	results := resultsOf(ctx)
	letter, ok := obj.(*model.Letter)
	if results == nil || !ok {
		return
	}
	if fc := graphql.GetFieldContext(ctx); fc != nil && atEventTop(ctx, fc) {
		results.event.Do(func() { results.planEvent(ctx, letter) })
	}
}

// planEvent runs the plan below letter, the value of the subscription field of the
// operation in ctx, keyed as the letter's fields are.
func (r *planResults) planEvent(ctx context.Context, letter *model.Letter) {
	oc := graphql.GetOperationContext(ctx)
	fields := graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Subscription"})
	if len(fields) != 1 {
		return
	}
	n := buildPlan(ctx, oc, "", "Letter", fields[0].Selections)
	(&planRun{store: r.store, results: r}).below(ctx, n, []any{letter})
}

// fallbacks counts the fields read alone (PlanFallbacks).
var fallbacks atomic.Int64

// PlanFallbacks is how many fields, since the process started, the plan had no
// value for and read alone, for one object: a field below a resolver that the plan
// does not walk, or a resolver called outside a response. Tests assert it does not
// move for the operations the plan must cover.
func PlanFallbacks() int64 { return fallbacks.Load() }

// letterLink is the value of the Letter field (one of letterLinkFields) ctx
// resolves, with its first argument: from the letter's links when it was read with
// that part (the value comes with the letter, as a struct field's does, computed by
// the function the plan computes it with), else as the plan read it.
func letterLink[V any](ctx context.Context, store PlanStore, obj *model.Letter, field string, first *int) (V, error) {
	var zero V
	if f := letterLinkFields[field]; obj.Links != nil && obj.Links.Parts.Has(f.part) {
		planEventOf(ctx, obj) // for the fields below this one
		n, err := domain.ListSize(first)
		if err != nil {
			return zero, err
		}
		v, _ := f.value(obj.Links, n).(V)
		return v, nil
	}
	return plannedValue[V](ctx, store, obj)
}

// plannedValue is the value of the field ctx resolves, for the object parent, as
// the plan computed it; a field the plan has no value for is read for that one
// object, by the same code.
func plannedValue[V any](ctx context.Context, store PlanStore, parent any) (V, error) {
	var zero V
	fc := graphql.GetFieldContext(ctx)
	id, _ := idOf(parent)
	results := resultsOf(ctx)
	if results != nil {
		planEventOf(ctx, parent)
		if value, err, ok := results.get(placeKey(fc), id); ok {
			v, _ := value.(V)
			return v, err
		}
	} else {
		results = &planResults{store: store}
	}
	fallbacks.Add(1)
	var oc *graphql.OperationContext
	if graphql.HasOperationContext(ctx) {
		oc = graphql.GetOperationContext(ctx)
	}
	n := fieldNode(oc, fc.Object, fc.Field, placeKey(fc), fc.Args)
	if n.Read == readNone {
		return zero, nil
	}
	(&planRun{store: store, results: results}).readGroup(ctx, []*planNode{n}, []any{parent})
	value, err, _ := results.get(n.Key, id)
	v, _ := value.(V)
	return v, err
}
