package server

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// limits refuses, before anything runs, introspection when it is off (production
// mode: GRAPHQL_VALIDATION_FAILED), and an operation nested deeper than maxDepth,
// with more than maxAliases aliased fields (the way to ask one costly field many
// times over), or costing more than maxComplexity (each field 1, a list field its children times the
// page size asked for: graph.Complexity). The error is LIMIT_EXCEEDED and names the
// limit.
type limits struct {
	schema        graphql.ExecutableSchema
	maxDepth      int
	maxComplexity int
	maxAliases    int
	// introspection allows __schema and __type (development mode).
	introspection bool
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = limits{}

func (limits) ExtensionName() string                          { return "Limits" }
func (limits) Validate(schema graphql.ExecutableSchema) error { return nil }

func (l limits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if !l.introspection && introspects(oc.Operation.SelectionSet) {
		return &gqlerror.Error{Message: "introspection is disabled on this server",
			Extensions: map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}}
	}
	if d := depth(oc.Operation.SelectionSet, 0); d > l.maxDepth {
		return limitError("maxDepth", fmt.Sprintf("the operation is nested %d deep; maxDepth is %d", d, l.maxDepth))
	}
	if n := aliases(oc.Operation.SelectionSet); n > l.maxAliases {
		return limitError("maxAliases", fmt.Sprintf("the operation has %d aliased fields; maxAliases is %d", n, l.maxAliases))
	}
	c := complexity.Calculate(ctx, l.schema, oc.Operation, oc.Variables)
	oc.Stats.SetExtension(complexityStat, c)
	if c > l.maxComplexity {
		return limitError("maxComplexity", fmt.Sprintf("the operation costs %d (each field 1, a list its children times its page size); maxComplexity is %d", c, l.maxComplexity))
	}
	return nil
}

func limitError(limit, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": string(domain.CodeLimitExceeded), "limit": limit}}
}

// depth is how deeply a selection set nests fields, fragments included. Fragment
// cycles are invalid GraphQL and refused by validation before this runs.
func depth(set ast.SelectionSet, level int) int {
	deepest := level
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.SelectionSet) == 0 {
				d = level + 1
			} else {
				d = depth(s.SelectionSet, level+1)
			}
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, level)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = depth(s.Definition.SelectionSet, level)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// aliases counts the aliased fields of a selection set, in fragments as often as
// they are spread.
func aliases(set ast.SelectionSet) int {
	n := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				n++
			}
			n += aliases(s.SelectionSet)
		case *ast.InlineFragment:
			n += aliases(s.SelectionSet)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				n += aliases(s.Definition.SelectionSet)
			}
		}
	}
	return n
}

// introspects reports whether a selection set asks for __schema or __type, in
// fragments too (__typename is not introspection of the schema).
func introspects(set ast.SelectionSet) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" || introspects(s.SelectionSet) {
				return true
			}
		case *ast.InlineFragment:
			if introspects(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition != nil && introspects(s.Definition.SelectionSet) {
				return true
			}
		}
	}
	return false
}
