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
// mode: GRAPHQL_VALIDATION_FAILED), @defer (GRAPHQL_VALIDATION_FAILED: the server
// has no incremental delivery, and gqlgen would otherwise answer a plain POST with
// the first part alone and drop the deferred fields without a word), and an operation nested deeper than maxDepth,
// with more than maxAliases aliased fields (the way to ask one costly field many
// times over), or costing more than maxComplexity (each field 1, a list field its children times the
// page size asked for: graph.Complexity). The error is LIMIT_EXCEEDED and names the
// limit.
type limits struct {
	schema        graphql.ExecutableSchema
	maxDepth      int
	maxComplexity int
	maxAliases    int
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
	sh := measure(oc.Operation.SelectionSet, 0)
	// gqlgen allows introspection only where extension.Introspection, registered
	// before these limits (development mode), has said so.
	if oc.DisableIntrospection && sh.introspects {
		return &gqlerror.Error{Message: "introspection is disabled on this server",
			Extensions: map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}}
	}
	if sh.defers {
		return &gqlerror.Error{Message: "@defer is not supported by this server; ask for the fields without it",
			Extensions: map[string]any{"code": "GRAPHQL_VALIDATION_FAILED"}}
	}
	if sh.depth > l.maxDepth {
		return limitError("maxDepth", fmt.Sprintf("the operation is nested %d deep; maxDepth is %d", sh.depth, l.maxDepth))
	}
	if sh.aliases > l.maxAliases {
		return limitError("maxAliases", fmt.Sprintf("the operation has %d aliased fields; maxAliases is %d", sh.aliases, l.maxAliases))
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

// shape is what the limits read of a selection set: how deeply its fields nest, how
// many of them are aliased, whether it asks for __schema or __type (__typename is
// not introspection of the schema) and whether a fragment of it is deferred,
// fragments counted as often as they are spread.
// Fragment cycles are invalid GraphQL and refused by validation before this runs.
type shape struct {
	depth, aliases int
	introspects    bool
	defers         bool
}

// measure walks set, nested level deep, once for every limit.
func measure(set ast.SelectionSet, level int) shape {
	out := shape{depth: level}
	for _, sel := range set {
		var sub shape
		switch s := sel.(type) {
		case *ast.Field:
			sub = measure(s.SelectionSet, level+1)
			if s.Alias != "" && s.Alias != s.Name {
				sub.aliases++
			}
			sub.introspects = sub.introspects || s.Name == "__schema" || s.Name == "__type"
		case *ast.InlineFragment:
			sub = measure(s.SelectionSet, level)
			sub.defers = sub.defers || s.Directives.ForName("defer") != nil
		case *ast.FragmentSpread:
			if s.Definition == nil {
				continue
			}
			sub = measure(s.Definition.SelectionSet, level)
			sub.defers = sub.defers || s.Directives.ForName("defer") != nil
		}
		out.depth = max(out.depth, sub.depth)
		out.aliases += sub.aliases
		out.introspects = out.introspects || sub.introspects
		out.defers = out.defers || sub.defers
	}
	return out
}
