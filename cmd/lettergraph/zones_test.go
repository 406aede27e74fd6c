package main

import (
	"context"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest"
)

// TestPrintZones: --zones shows each line of a plain-text letter with its zone, and
// nothing for a source in another format.
func TestPrintZones(t *testing.T) {
	sources := []ingest.Source{
		ingest.StringSource("letter.txt", "Dear Jane,\n\nWe met in Tirana and talked about the visas for the families.\n\nYours sincerely,\n\nJohn Smith\n"),
		ingest.StringSource("doc.json", `{"title": "x"}`),
	}
	var b strings.Builder
	printZones(&b, sources, nil)
	got := b.String()
	for _, want := range []string{"== letter.txt", "salutation", "| Dear Jane,", "body", "closing", "signature", "| John Smith",
		"author     0.85  signature block              John Smith", "recipient  0.50  salutation                   Jane",
		`REVIEW     recipient "Jane" only from the salutation`, "REVIEW     no date found"} {
		if !strings.Contains(got, want) {
			t.Errorf("zones lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "doc.json") {
		t.Errorf("zones of a JSON document were printed:\n%s", got)
	}
}

// --review lists the letters read with low confidence, each with its reasons, and
// none of the others.
func TestToReview(t *testing.T) {
	im := &ingest.Importer{Options: ingest.Options{DryRun: true}}
	var doubts toReview
	im.OnOutcome = doubts.add
	sources := []ingest.Source{
		ingest.StringSource("sure.txt", "TO: Jane Doe\nFROM: John Smith\nDATE: 12 March 2019\n\nThe budget is attached.\n"),
		ingest.StringSource("unsure.txt", "Dear Minister,\n\nWe write about the library.\n\nYours faithfully,\n\nJohn Smith\n"),
		ingest.StringSource("doc.json", `{"title": "x"}`),
	}
	if _, err := im.Import(context.Background(), sources); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	doubts.print(&b)
	want := "review: 1 letters read with low confidence (see why with import --dry-run --zones FILE)\n" +
		"unsure.txt\n    recipient \"Minister\" only from the salutation (confidence 0.50)\n    no date found\n"
	if got := b.String(); got != want {
		t.Errorf("review:\n%s\nwant:\n%s", got, want)
	}
}
