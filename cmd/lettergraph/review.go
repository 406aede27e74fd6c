package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
)

// review prints the likely duplicate correspondents as a table, with the ids a person
// passes to mergeCorrespondents.
func review(ctx context.Context, store *neo4jstore.Store, w io.Writer) error {
	dups, err := store.DuplicateCandidates(ctx)
	if err != nil {
		return err
	}
	if len(dups) == 0 {
		fmt.Fprintln(w, "review: no likely duplicate correspondents")
		return nil
	}
	fmt.Fprintf(w, "review: %d likely duplicate pairs (merge with the mergeCorrespondents mutation)\n", len(dups))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tNAME\tID\tNAME\tID\tWHY")
	for _, d := range dups {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", d.Kind, d.A.DisplayName(), d.A.NodeID(), d.B.DisplayName(), d.B.NodeID(), d.Reason)
	}
	return tw.Flush()
}

// toReview collects the letters a parser read with low confidence.
type toReview []ingest.Outcome

func (t *toReview) add(o ingest.Outcome) {
	if o.Err == nil && o.Reading != nil && len(o.Reading.Review) > 0 {
		*t = append(*t, o)
	}
}

// print lists each letter to review with its reasons, a line each.
func (t toReview) print(w io.Writer) {
	if len(t) == 0 {
		fmt.Fprintln(w, "review: every letter read with confidence")
		return
	}
	fmt.Fprintf(w, "review: %d letters read with low confidence (see why with import --dry-run --zones FILE)\n", len(t))
	for _, o := range t {
		fmt.Fprintf(w, "%s\n", o.Origin)
		for _, why := range o.Reading.Review {
			fmt.Fprintf(w, "    %s\n", why)
		}
	}
}
