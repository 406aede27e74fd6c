package graph

import (
	"context"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
)

// The functions here replace three of gqlgen's in the generated executor, where its
// own code cost the server most and offers no setting. cmd/postgen rewrites the
// generated code to call them after each `go generate`; TestGeneratedCodeIsRewritten
// fails when a regeneration skipped that step.

// marshalInOrder marshals a list's elements one after another, in the calling
// goroutine. gqlgen marshals every element of a list of objects in a goroutine of
// its own (graphql.MarshalSliceConcurrently, with no sequential option); a page of 50
// letters with their parties started some 500 goroutines, and growing their stacks
// and collecting them took about a third of the server's CPU under load
// (docs/benchmarks.md, run 4). Nothing is lost by waiting: the read planner has read
// every nested field's value before the elements are marshalled, so each finds its
// own ready (docs/planner.md). A panic
// in an element is recovered as gqlgen recovers it: the element is null and the
// error is added to the response.
func marshalInOrder(ctx context.Context, length int, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	ret := make(graphql.Array, length)
	for i := range length {
		ctx := graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(ctx, graphql.Recover(ctx, r))
					ret[i] = graphql.Null
				}
			}()
			ret[i] = marshalElement(ctx, i)
		}()
	}
	return ret
}

// newDeferredGroup is graphql.NewDeferredGroup without the response path, which
// gqlgen computes for every object (a walk up its field contexts and a slice) for
// the @defer payloads alone. The server refuses @defer before anything runs
// (server's limits), so no object has deferred fields and the path is never read.
func newDeferredGroup(ctx context.Context) graphql.DeferredGroup {
	return graphql.DeferredGroup{FieldSet: graphql.NewFieldSet(nil), Defers: map[string]*graphql.FieldSetView{}, Context: ctx}
}

// resolveInPlace is graphql.(*FieldSet).ResolveConcurrently for a resolver field
// whose value the read planner has read: it resolves the field now, in the
// object's goroutine. gqlgen schedules every resolver field of an object and, at
// the object's dispatch, runs all but one in a goroutine of its own, two or more
// for each letter of a page with its parties, each to return a value that is
// ready. The invalids are counted as gqlgen counts them (null in a non-null field,
// RequiredNull in a nullable one), and a panic is recovered as gqlgen recovers it.
// A field under @defer is scheduled as gqlgen does (the server refuses @defer, so
// none is).
func resolveInPlace(ctx context.Context, oc *graphql.OperationContext, out *graphql.FieldSet, deferred *graphql.DeferredGroup,
	field graphql.CollectedField, i int, recoverFromPanic, nonNull bool, resolve func(context.Context) graphql.Marshaler) {
	if field.IsDeferred() {
		out.ResolveConcurrently(oc, deferred, i, recoverFromPanic, nonNull, resolve)
		return
	}
	v := func() (v graphql.Marshaler) {
		if recoverFromPanic {
			defer func() {
				if r := recover(); r != nil {
					oc.Error(ctx, oc.Recover(ctx, r))
					v = graphql.Null
				}
			}()
		}
		return resolve(ctx)
	}()
	out.Values[i] = v
	if (nonNull && v == graphql.Null) || (!nonNull && v == graphql.RequiredNull) {
		atomic.AddUint32(&out.Invalids, 1)
	}
}
