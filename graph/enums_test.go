package graph_test

import (
	"slices"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lettergraph/lettergraph/graph"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// names turns a domain enumeration into its values' names.
func names[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// TestEnumsMatchTheSchema: the GraphQL adapter converts enums to the domain's by
// name, and the filter decoder reads them from the schema; each domain list must
// hold the schema's values, in its order.
func TestEnumsMatchTheSchema(t *testing.T) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	tests := []struct {
		enum string
		list []string
	}{
		{"DatePrecision", names(domain.DatePrecisions)},
		{"SourceFormat", names(domain.SourceFormats)},
		{"OrganisationKind", names(domain.OrganisationKinds)},
		{"Role", names(domain.Roles)},
		{"LetterOrder", names(domain.LetterOrders)},
		{"PairOrder", names(domain.PairOrders)},
		{"Bucket", names(domain.Buckets)},
		{"EdgeKind", names(domain.EdgeKinds)},
		{"LinkKind", names(domain.LinkKinds)},
		{"FactKind", names(domain.FactKinds)},
	}
	for _, tt := range tests {
		t.Run(tt.enum, func(t *testing.T) {
			def := schema.Types[tt.enum]
			if def == nil || def.Kind != ast.Enum {
				t.Fatalf("the schema has no enum %s", tt.enum)
			}
			var want []string
			for _, v := range def.EnumValues {
				want = append(want, v.Name)
			}
			if !slices.Equal(tt.list, want) {
				t.Errorf("domain's %s: got %v, want the schema's %v", tt.enum, tt.list, want)
			}
		})
	}
}
