package server

import (
	"context"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestGateGivesStreamQueriesTheDeadline: a query or mutation on a stream runs with
// the request deadline, a subscription without one; a plain request's operation is
// left to the HTTP middleware. Every operation gives its slot back when it ends.
func TestGateGivesStreamQueriesTheDeadline(t *testing.T) {
	g := gate{timeout: 5 * time.Second, ops: 2}
	for _, tc := range []struct {
		name         string
		stream       bool
		op           ast.Operation
		wantDeadline bool
	}{
		{"a query on a stream", true, ast.Query, true},
		{"a mutation on a stream", true, ast.Mutation, true},
		{"a subscription on a stream", true, ast.Subscription, false},
		{"a query on POST", false, ast.Query, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := graphql.WithOperationContext(context.Background(),
				&graphql.OperationContext{Operation: &ast.OperationDefinition{Operation: tc.op}})
			st := &stream{client: "c"}
			if tc.stream {
				ctx = context.WithValue(ctx, streamKey{}, st)
			}
			var deadline time.Time
			var has bool
			h := g.InterceptOperation(ctx, func(ctx context.Context) graphql.ResponseHandler {
				deadline, has = ctx.Deadline()
				return graphql.OneShot(&graphql.Response{})
			})
			if has != tc.wantDeadline || has && time.Until(deadline) > g.timeout {
				t.Errorf("deadline %v (%v), want one: %v, at most %s away", deadline, has, tc.wantDeadline, g.timeout)
			}
			for h(ctx) != nil {
			}
			if n := st.ops.Load(); n != 0 {
				t.Errorf("operations running after it ended: %d, want 0", n)
			}
		})
	}
}
