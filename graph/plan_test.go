package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// planOf is the plan below the first root field of query.
func planOf(t *testing.T, query string, vars map[string]any) string {
	t.Helper()
	doc, errs := gqlparser.LoadQuery(parsedSchema, query)
	if errs != nil {
		t.Fatalf("query: %v", errs)
	}
	op := doc.Operations[0]
	oc := &graphql.OperationContext{RawQuery: query, Variables: vars, Doc: doc, Operation: op}
	root := graphql.CollectFields(oc, op.SelectionSet, []string{"Query"})[0]
	return buildPlan(context.Background(), oc, "Query."+root.Alias, root.Definition.Type.Name(), root.Selections).String()
}

// TestBuildPlan: the places of a selection that read the store, through fragments,
// aliases, interfaces and @include, keyed as the resolvers' field contexts will be.
func TestBuildPlan(t *testing.T) {
	tests := []struct {
		name, query string
		vars        map[string]any
		want        string
	}{
		{
			name:  "a page of letters with their authors' offices",
			query: `{ letters(first: 5) { nodes { title authors { correspondent { ... on Person { holds { office { title } } } } } } } }`,
			want: `Query.letters
  LetterConnection.nodes
    Letter.authors [links]
      Authorship.correspondent
        Person.holds [holdings]
`,
		},
		{
			name: "aliases and fragments on interfaces",
			query: `query { c: correspondents(first: 3) { edges { node { ...who } } } }
				fragment who on Correspondent { id ... on Person { m: memberships { organisation { members { person { name } } } } }
				  written: lettersWritten(first: 2) { totalCount } }`,
			want: `Query.c
  CorrespondentConnection.edges
    CorrespondentEdge.node
      Person.m [memberships]
        Membership.organisation
          Organisation.members [memberships]
      Person.written [letters]
      Organisation.written [letters]
      Office.written [letters]
`,
		},
		{
			name:  "a field left out by @include",
			query: `query($deep: Boolean!) { letters { nodes { authors { correspondent { id } } recipients @include(if: $deep) { as } } } }`,
			vars:  map[string]any{"deep": false},
			want: `Query.letters
  LetterConnection.nodes
    Letter.authors [links]
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := planOf(t, tt.query, tt.vars); got != tt.want {
				t.Errorf("plan:\n%s\nwant:\n%s", got, strings.TrimLeft(tt.want, "\n"))
			}
		})
	}
}

// notWalked are the fields through which a place that reads could be reached, but
// which the plan does not walk: resolvers that read the store themselves, whose
// objects' fields are read alone (plannedValue), and why that is enough.
var notWalked = map[string]string{
	"GraphStatistics.topCorrespondents": "ten correspondents at most, below a statistics query",
}

// TestPlanWalksEveryField: every field of the schema through which a field that
// reads the store can be reached is one the plan reads, walks (structFields) or
// leaves knowingly (notWalked), so that no operation reads one object at a time
// unseen; and every walked field is in the schema.
func TestPlanWalksEveryField(t *testing.T) {
	reaches := map[string]bool{}
	var reachesRead func(typ string) bool
	reachesRead = func(typ string) bool {
		if r, ok := reaches[typ]; ok {
			return r
		}
		reaches[typ] = false // cycles: decided by the other fields
		for _, object := range objectTypes(parsedSchema, typ) {
			for _, f := range parsedSchema.Types[object].Fields {
				if planReads[object+"."+f.Name] != readNone || reachesRead(f.Type.Name()) {
					reaches[typ] = true
					return true
				}
			}
		}
		return false
	}
	for name, def := range parsedSchema.Types {
		if def.Kind != ast.Object || def.BuiltIn || name == "Query" || name == "Mutation" || name == "Subscription" {
			continue
		}
		for _, f := range def.Fields {
			key := name + "." + f.Name
			if planReads[key] != readNone || !reachesRead(f.Type.Name()) {
				continue
			}
			if _, ok := structFields[key]; !ok && notWalked[key] == "" {
				t.Errorf("%s leads to fields that read the store, but the plan neither walks it (structFields) nor leaves it knowingly (notWalked)", key)
			}
		}
	}
	for key := range structFields {
		object, field, _ := strings.Cut(key, ".")
		if def := parsedSchema.Types[object]; def == nil || def.Fields.ForName(field) == nil {
			t.Errorf("structFields walks %s, which the schema does not have", key)
		}
	}
}
