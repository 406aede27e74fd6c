package graph

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
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
