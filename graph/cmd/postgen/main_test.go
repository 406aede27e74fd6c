package main

import (
	"strings"
	"testing"
)

func TestRewrite(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    string // a line of the output
		wantErr bool
	}{
		{
			name: "list of objects",
			src:  "package graph\n\nimport \"github.com/99designs/gqlgen/graphql\"\n\nvar _ = graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, f)\n",
			want: "var _ = marshalInOrder(ctx, len(v), f)",
		},
		{
			name: "unused import dropped",
			src:  "package graph\n\nimport (\n\t\"fmt\"\n\t\"github.com/99designs/gqlgen/graphql\"\n)\n\nvar _ graphql.Marshaler\n",
			want: "import (\n\t\"github.com/99designs/gqlgen/graphql\"\n)",
		},
		{
			name: "deferred group",
			src:  "package graph\n\nvar _ = graphql.NewDeferredGroup(ctx)\n",
			want: "var _ = newDeferredGroup(ctx)",
		},
		{
			name:    "unknown form",
			src:     "package graph\n\nvar _ = graphql.MarshalSliceConcurrently(ctx, len(v), 8, false, f)\n",
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Rewrite("generated.go", []byte(tt.src))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Rewrite() = %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Rewrite() error = %v", err)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("Rewrite() = %q, want a line %q", got, tt.want)
			}
		})
	}
}

// TestApplied: an executor in which a rewrite found nothing to rewrite stops the
// generation.
func TestApplied(t *testing.T) {
	both := "var _ = marshalInOrder(ctx, len(v), f)\nvar _ = newDeferredGroup(ctx)\n"
	if err := Applied("generated.go", []byte(both)); err != nil {
		t.Errorf("both rewritten: %v, want nil", err)
	}
	one := "var _ = marshalInOrder(ctx, len(v), f)\n"
	if err := Applied("generated.go", []byte(one)); err == nil || !strings.Contains(err.Error(), "NewDeferredGroup") {
		t.Errorf("no deferred group: %v, want an error naming NewDeferredGroup", err)
	}
}
