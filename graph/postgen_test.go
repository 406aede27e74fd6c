package graph

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestGeneratedCodeIsRewritten fails when generated.go was regenerated without
// cmd/postgen (run `make generate`, or `go generate ./graph`).
func TestGeneratedCodeIsRewritten(t *testing.T) {
	src, err := os.ReadFile("generated.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ gqlgen, ours string }{
		{"graphql.MarshalSliceConcurrently(", "marshalInOrder("},
		{"graphql.NewDeferredGroup(", "newDeferredGroup("},
		{"out.ResolveConcurrently(ec.OperationContext, &deferred, i,\n\t\t\t\ttrue, true,\n\t\t\t\tfunc(ctx context.Context) graphql.Marshaler {\n\t\t\t\t\treturn ec._Letter_", "resolveInPlace("},
	} {
		if got := bytes.Count(src, []byte(tc.gqlgen)); got != 0 {
			t.Errorf("generated.go calls %s %d times, want 0: run `make generate`", tc.gqlgen, got)
		}
		if got := bytes.Count(src, []byte(tc.ours)); got == 0 {
			t.Errorf("generated.go calls %s %d times, want some", tc.ours, got)
		}
	}
}

func TestMarshalInOrder(t *testing.T) {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	var seen []int
	got := marshalInOrder(ctx, 3, func(ctx context.Context, i int) graphql.Marshaler {
		if idx := *graphql.GetFieldContext(ctx).Index; idx != i {
			t.Errorf("element %d has index %d in its field context", i, idx)
		}
		seen = append(seen, i) // no lock: the elements run in this goroutine
		if i == 1 {
			panic("boom")
		}
		return graphql.MarshalInt(i)
	})
	if len(seen) != 3 || seen[0] != 0 || seen[1] != 1 || seen[2] != 2 {
		t.Errorf("elements ran in the order %v, want [0 1 2]", seen)
	}
	var b strings.Builder
	got.MarshalGQL(&b)
	if want := "[0,null,2]"; b.String() != want {
		t.Errorf("marshalInOrder() = %s, want %s", b.String(), want)
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 {
		t.Errorf("errors = %v, want the one panic", errs)
	}
}

// TestResolveInPlace: a field resolved in place has its value before the object is
// dispatched, counts as invalid as gqlgen counts it, and a panic in it is an error
// of the response and a null.
func TestResolveInPlace(t *testing.T) {
	ctx := graphql.WithResponseContext(context.Background(), graphql.DefaultErrorPresenter, graphql.DefaultRecover)
	oc := &graphql.OperationContext{RecoverFunc: graphql.DefaultRecover}
	fields := []graphql.CollectedField{{Field: &ast.Field{Alias: "a"}}, {Field: &ast.Field{Alias: "b"}}, {Field: &ast.Field{Alias: "c"}}, {Field: &ast.Field{Alias: "d"}}}
	out := graphql.NewFieldSet(fields)
	deferred := newDeferredGroup(ctx)
	value := func(m graphql.Marshaler) func(context.Context) graphql.Marshaler {
		return func(context.Context) graphql.Marshaler { return m }
	}
	resolveInPlace(ctx, oc, out, &deferred, fields[0], 0, true, false, value(graphql.MarshalInt(1)))
	resolveInPlace(ctx, oc, out, &deferred, fields[1], 1, true, true, func(context.Context) graphql.Marshaler { panic("boom") })
	resolveInPlace(ctx, oc, out, &deferred, fields[2], 2, true, false, value(graphql.Null))
	resolveInPlace(ctx, oc, out, &deferred, fields[3], 3, true, false, value(graphql.RequiredNull))
	if out.Values[0] == nil {
		t.Fatal("a has no value before dispatch, want it resolved in place")
	}
	if got, want := out.Invalids, uint32(2); got != want {
		t.Errorf("invalids = %d, want %d (a panic in a non-null field, RequiredNull in a nullable one)", got, want)
	}
	var b strings.Builder
	out.Values[3] = graphql.Null // RequiredNull does not marshal
	out.MarshalGQL(&b)
	if want := `{"a":1,"b":null,"c":null,"d":null}`; b.String() != want {
		t.Errorf("fields = %s, want %s", b.String(), want)
	}
	if errs := graphql.GetErrors(ctx); len(errs) != 1 {
		t.Errorf("errors = %v, want the one panic", errs)
	}
}
