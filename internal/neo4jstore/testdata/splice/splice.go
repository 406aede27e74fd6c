// Package splice is what TestCypherCheckCatchesSplicing must catch: a caller's value
// spliced into Cypher, directly and through a helper, a field and a closure.
package splice

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

type query struct{ cypher string }

func run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string) error {
	_, err := tx.Run(ctx, cypher, nil)
	return err
}

func match(id string) string { return "MATCH (n {id: '" + id + "'}) RETURN n" }

// Direct splices id into the query itself.
func Direct(ctx context.Context, tx neo4j.ManagedTransaction, id string) error {
	return run(ctx, tx, "MATCH (n {id: '"+id+"'}) RETURN n")
}

// Helper splices it through a function of the package.
func Helper(ctx context.Context, tx neo4j.ManagedTransaction, id string) error {
	return run(ctx, tx, match(id))
}

// Field splices it through a struct field.
func Field(ctx context.Context, tx neo4j.ManagedTransaction, name string) error {
	q := query{cypher: "MATCH (n {name: '" + name + "'}) RETURN n"}
	return run(ctx, tx, q.cypher)
}

// Closure splices it through a function literal's parameter.
func Closure(ctx context.Context, tx neo4j.ManagedTransaction, text string) error {
	where := func(s string) string { return "WHERE n.text = '" + s + "'" }
	return run(ctx, tx, "MATCH (n) "+where(text)+" RETURN n")
}

// Safe passes its value as a parameter: no problem here.
func Safe(ctx context.Context, tx neo4j.ManagedTransaction, id string) error {
	_, err := tx.Run(ctx, "MATCH (n {id: $id}) RETURN n", map[string]any{"id": id})
	return err
}
