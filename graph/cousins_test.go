package graph

import (
	"context"
	"slices"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// fieldCtx returns ctx inside a field, the way gqlgen's executor nests them.
func fieldCtx(ctx context.Context, object, name string, resolver bool, result any) context.Context {
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{
		Object: object, Field: graphql.CollectedField{Field: &ast.Field{Name: name}},
		IsResolver: resolver, Result: result,
	})
}

// elementCtx returns ctx inside element i of the list whose field ctx is in.
func elementCtx(ctx context.Context, i int, list any) context.Context {
	v := list
	switch l := list.(type) {
	case []*model.Letter:
		v = &l[i]
	case []*model.Authorship:
		v = &l[i]
	}
	return graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i, Result: v})
}

func TestCousins(t *testing.T) {
	person := func(id string) *domain.Person { return &domain.Person{ID: id} }
	letter := func(id string, authors ...string) *model.Letter {
		l := &domain.Letter{ID: id, Parts: domain.PartAuthors}
		for _, a := range authors {
			l.Authors = append(l.Authors, domain.Party{Correspondent: person(a)})
		}
		return toLetter(l)
	}
	unlinked := toLetter(&domain.Letter{ID: "l3"}) // read without its authors
	page := &model.LetterConnection{Nodes: []*model.Letter{letter("l1", "p1", "p2"), letter("l2", "p3"), unlinked}}

	top := fieldCtx(context.Background(), "Query", "letters", true, page)
	nodes := fieldCtx(top, "LetterConnection", "nodes", false, page.Nodes)
	first := elementCtx(nodes, 0, page.Nodes)
	authors := toAuthorships(page.Nodes[0].Links.Authors)
	inAuthors := fieldCtx(first, "Letter", "authors", true, authors)
	author := elementCtx(inAuthors, 1, authors)
	correspondent := fieldCtx(author, "Authorship", "correspondent", false, authors[1].Correspondent)
	holds := fieldCtx(correspondent, "Person", "holds", true, nil)
	repliesTo := fieldCtx(first, "Letter", "repliesTo", true, nil)
	// authors(first: 1): the response holds each letter's first author only.
	one := 1
	inFirstAuthor := graphql.WithFieldContext(first, &graphql.FieldContext{
		Object: "Letter", Field: graphql.CollectedField{Field: &ast.Field{Name: "authors"}},
		IsResolver: true, Result: authors[:1], Args: map[string]any{"first": &one},
	})
	firstAuthor := fieldCtx(fieldCtx(elementCtx(inFirstAuthor, 0, authors[:1]), "Authorship", "correspondent", false, authors[0].Correspondent),
		"Person", "holds", true, nil)
	third := elementCtx(nodes, 2, page.Nodes)

	tests := []struct {
		name     string
		ctx      context.Context
		wantPath string
		wantIDs  []string
	}{
		{"a letter of a page", repliesTo, "LetterConnection.nodes/[]", []string{"l1", "l2", "l3"}},
		{"the authors of every letter of the page", holds,
			"LetterConnection.nodes/[]/Letter.authors#20/[]/Authorship.correspondent", []string{"p1", "p2", "p3"}},
		{"the first author of every letter of the page", firstAuthor,
			"LetterConnection.nodes/[]/Letter.authors#1/[]/Authorship.correspondent", []string{"p1", "p3"}},
		{"a letter without its links", fieldCtx(third, "Letter", "cc", true, nil), "LetterConnection.nodes/[]", []string{"l1", "l2", "l3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := placeOf(tc.ctx)
			if !ok {
				t.Fatal("placeOf: no place")
			}
			if p.path != tc.wantPath {
				t.Errorf("path: got %q, want %q", p.path, tc.wantPath)
			}
			var ids []string
			for _, c := range cousins(tc.ctx, p) {
				id, _ := idOf(c)
				ids = append(ids, id)
			}
			if !slices.Equal(ids, tc.wantIDs) {
				t.Errorf("cousins: got %v, want %v", ids, tc.wantIDs)
			}
		})
	}

	t.Run("a top field has no place", func(t *testing.T) {
		if p, ok := placeOf(top); ok {
			t.Errorf("placeOf: got %+v, want none", p)
		}
	})
}
