package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// marshalInOrder marshals a list's elements one after another, in the calling
// goroutine. gqlgen's generated code marshals every element of a list of objects in
// a goroutine of its own (graphql.MarshalSliceConcurrently, with no sequential
// option); a page of 50 letters with their parties started some 500 goroutines, and
// growing their stacks and collecting them cost a third of the server's CPU under
// load (docs/benchmarks.md, run 4). Nothing is lost by waiting: every nested field
// that reads the store goes through loadAlong, whose first caller at a place fetches
// the values of all its cousins at once, so the later elements find theirs ready.
// The resolver fields of one object still run concurrently (graphql.FieldSet).
//
// cmd/inorder rewrites the generated code to call it after each `go generate`;
// TestListsMarshalInOrder fails when a regeneration skipped that step. A panic in an
// element is recovered as gqlgen recovers it: the element is null and the error is
// added to the response.
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
