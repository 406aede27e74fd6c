package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/lettergraph/lettergraph/internal/neo4jstore"
)

// checkCmd recomputes the maintained aggregates from the letters and reports drift
// (docs/operations.md, Checking the aggregates).
type checkCmd struct {
	Repair bool `help:"Write the recomputed value of each aggregate that drifted in its place. Run it while no one writes."`
}

// errDrift is the exit status of a check that found drift and did not repair it.
var errDrift = errors.New("the aggregates drifted from the letters")

func (c *checkCmd) Run(ctx context.Context, a *app) error {
	store, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	drifted := 0
	checked, err := store.CheckAggregates(ctx, c.Repair, func(d neo4jstore.Drift) {
		drifted++
		fmt.Fprintf(os.Stdout, "drift: %s %s: stored %v, recomputed %v\n", d.Aggregate, d.Key, d.Stored, d.Want)
	})
	if err != nil {
		return err
	}
	switch {
	case drifted == 0:
		fmt.Printf("lettergraph: %d aggregates checked, no drift\n", checked)
	case c.Repair:
		fmt.Printf("lettergraph: %d aggregates checked, %d drifted and are repaired\n", checked, drifted)
	default:
		fmt.Printf("lettergraph: %d aggregates checked, %d drifted (check --repair writes them again)\n", checked, drifted)
		return errDrift
	}
	return nil
}
