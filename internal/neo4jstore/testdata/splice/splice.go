// Package splice is what TestCypherCheckCatchesSplicing must catch: a caller's value
// spliced into Cypher, directly and through a helper, a field, a closure, a
// package-level variable, an allowlist's entry, an allowlist handed on, an exported
// function, every caller of a function, a function used as a value and a method
// called through an interface; and what it must not: a value passed as a parameter,
// an allowlist read with a caller's key.
package splice

import (
	"context"
	"errors"

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

// orderBy is a package-level variable, which SortBy sets from its caller's value.
var orderBy = "n.name"

// SortBy sets orderBy.
func SortBy(by string) { orderBy = by }

// Sorted splices what SortBy was given through the package-level variable.
func Sorted(ctx context.Context, tx neo4j.ManagedTransaction) error {
	return run(ctx, tx, "MATCH (n) RETURN n ORDER BY "+orderBy)
}

// labels is an allowlist, to which AddLabel adds its caller's value.
var labels = map[string]string{"person": "Person", "place": "Place"}

// AddLabel sets an entry of labels.
func AddLabel(kind, label string) { labels[kind] = label }

// Labelled splices an entry of labels, which AddLabel may have set.
func Labelled(ctx context.Context, tx neo4j.ManagedTransaction, kind string) error {
	label, ok := labels[kind]
	if !ok {
		return errors.New("no such kind")
	}
	return run(ctx, tx, "MATCH (n:"+label+") RETURN n")
}

// kinds is an allowlist handed on by Kinds, whose caller may then change it.
var kinds = map[string]string{"person": "Person", "place": "Place"}

// Kinds hands kinds on.
func Kinds() map[string]string { return kinds }

// Kind splices an entry of kinds, which a caller of Kinds may have set.
func Kind(ctx context.Context, tx neo4j.ManagedTransaction, kind string) error {
	return run(ctx, tx, "MATCH (n:"+kinds[kind]+") RETURN n")
}

// Pattern builds a query from its argument. Persons calls it with a constant, but
// it is exported: code outside the package may call it with anything.
func Pattern(label string) string { return "MATCH (n:" + label + ") RETURN n" }

// Persons sends Pattern's query.
func Persons(ctx context.Context, tx neo4j.ManagedTransaction) error {
	return run(ctx, tx, Pattern("Person"))
}

// pattern is Pattern unexported: Places calls it with a constant, EveryCaller with
// its caller's value.
func pattern(label string) string { return "MATCH (n:" + label + ") RETURN n" }

// Places sends pattern's query for a constant.
func Places(ctx context.Context, tx neo4j.ManagedTransaction) error {
	return run(ctx, tx, pattern("Place"))
}

// EveryCaller sends it for its caller's value.
func EveryCaller(ctx context.Context, tx neo4j.ManagedTransaction, kind string) error {
	return run(ctx, tx, pattern(kind))
}

// node sends a query for a label; called directly, only with a constant.
func node(ctx context.Context, tx neo4j.ManagedTransaction, label string) error {
	return run(ctx, tx, "MATCH (n:"+label+") RETURN n")
}

// senders holds node as a value, which Value calls with its caller's value.
var senders = []func(context.Context, neo4j.ManagedTransaction, string) error{node}

// Value sends node's query through senders.
func Value(ctx context.Context, tx neo4j.ManagedTransaction, kind string) error {
	if err := node(ctx, tx, "Person"); err != nil {
		return err
	}
	return senders[0](ctx, tx, kind)
}

// sender is what Interface sends through, whatever type is behind it.
type sender interface {
	send(ctx context.Context, tx neo4j.ManagedTransaction, label string) error
}

// labelSender sends a query for a label; nothing calls its send but through sender.
type labelSender struct{}

func (labelSender) send(ctx context.Context, tx neo4j.ManagedTransaction, label string) error {
	return run(ctx, tx, "MATCH (n:"+label+") RETURN n")
}

// Interface sends its caller's value through sender.
func Interface(ctx context.Context, tx neo4j.ManagedTransaction, kind string) error {
	var s sender = labelSender{}
	return s.send(ctx, tx, kind)
}

// orders is an allowlist that nothing changes.
var orders = map[string]string{"name": "n.name", "date": "n.date DESC"}

// Ordered reads orders with its caller's key: no problem here, the key only chooses
// among constants.
func Ordered(ctx context.Context, tx neo4j.ManagedTransaction, by string) error {
	order, ok := orders[by]
	if !ok {
		return errors.New("no such order")
	}
	_, err := tx.Run(ctx, "MATCH (n) RETURN n ORDER BY "+order, nil)
	return err
}
