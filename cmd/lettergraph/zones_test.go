package main

import (
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
	for _, want := range []string{"== letter.txt", "salutation", "| Dear Jane,", "body", "closing", "signature", "| John Smith"} {
		if !strings.Contains(got, want) {
			t.Errorf("zones lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "doc.json") {
		t.Errorf("zones of a JSON document were printed:\n%s", got)
	}
}
