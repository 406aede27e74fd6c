package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
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
			name: "planned field in place",
			src:  "package graph\n\nfunc f() {\n\tout.ResolveConcurrently(ec.OperationContext, &deferred, i,\n\t\ttrue, true,\n\t\tfunc(ctx context.Context) graphql.Marshaler {\n\t\t\treturn ec._Letter_authors(ctx, field, obj)\n\t\t})\n}\n",
			want: "resolveInPlace(ctx, ec.OperationContext, out, &deferred, field, i,\n\t\ttrue, true,",
		},
		{
			name: "field that reads the store keeps its goroutine",
			src:  "package graph\n\nfunc f() {\n\tout.ResolveConcurrently(ec.OperationContext, &deferred, i,\n\t\ttrue, true,\n\t\tfunc(ctx context.Context) graphql.Marshaler {\n\t\t\treturn ec._LetterConnection_totalCount(ctx, field, obj)\n\t\t})\n}\n",
			want: "out.ResolveConcurrently(ec.OperationContext, &deferred, i,",
		},
		{
			name:    "scheduled field in an unknown form",
			src:     "package graph\n\nfunc f() {\n\tout.ResolveConcurrently(ec.OperationContext, &deferred, i, true, true, resolve)\n}\n",
			wantErr: true,
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
	all := "var _ = marshalInOrder(ctx, len(v), f)\nvar _ = newDeferredGroup(ctx)\n" + inPlace + "\n"
	if err := Applied("generated.go", []byte(all)); err != nil {
		t.Errorf("all rewritten: %v, want nil", err)
	}
	noGroup := "var _ = marshalInOrder(ctx, len(v), f)\n" + inPlace + "\n"
	if err := Applied("generated.go", []byte(noGroup)); err == nil || !strings.Contains(err.Error(), "NewDeferredGroup") {
		t.Errorf("no deferred group: %v, want an error naming NewDeferredGroup", err)
	}
	noInPlace := "var _ = marshalInOrder(ctx, len(v), f)\nvar _ = newDeferredGroup(ctx)\n"
	if err := Applied("generated.go", []byte(noInPlace)); err == nil || !strings.Contains(err.Error(), "ResolveConcurrently") {
		t.Errorf("nothing in place: %v, want an error naming ResolveConcurrently", err)
	}
}

// TestConcurrentFieldsReadTheStore: the fields that keep gqlgen's goroutine are
// exactly the resolvers below the root that do not take the read planner's value
// (plannedValue, letterLink), so a new resolver that reads the store itself is not
// run in place, one object after another, unnoticed.
func TestConcurrentFieldsReadTheStore(t *testing.T) {
	files, err := filepath.Glob("../../*.resolvers.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no resolvers: %v", err)
	}
	roots := map[string]bool{"queryResolver": true, "mutationResolver": true, "subscriptionResolver": true}
	got := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || fn.Body == nil {
				continue
			}
			recv := receiverName(fn.Recv.List[0].Type)
			if roots[recv] || !strings.HasSuffix(recv, "Resolver") || recv == "Resolver" {
				continue
			}
			if !takesPlannedValue(fn.Body) {
				typ := strings.ToUpper(recv[:1]) + strings.TrimSuffix(recv[1:], "Resolver")
				got[typ+"."+strings.ToLower(fn.Name.Name[:1])+fn.Name.Name[1:]] = true
			}
		}
	}
	if !maps.Equal(got, concurrent) {
		t.Errorf("resolvers below the root that read the store themselves: got %v, want postgen's concurrent %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(concurrent)))
	}
}

func receiverName(e ast.Expr) string {
	if star, ok := e.(*ast.StarExpr); ok {
		e = star.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// takesPlannedValue tells whether body calls plannedValue or letterLink.
func takesPlannedValue(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return !found
		}
		fun := call.Fun
		if ix, ok := fun.(*ast.IndexExpr); ok {
			fun = ix.X
		}
		if id, ok := fun.(*ast.Ident); ok && (id.Name == "plannedValue" || id.Name == "letterLink") {
			found = true
		}
		return !found
	})
	return found
}
