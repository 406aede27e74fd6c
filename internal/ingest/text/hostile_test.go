package text

import (
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// TestHostileInputs feeds texts built to make a careless zoning slow: megabytes of
// short lines, one line of megabytes, lists of a hundred thousand entries. Each must
// be read in about linear time; their times are logged, and a superlinear regression
// shows as the test's timeout.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("reads about 20 MiB")
	}
	inputs := map[string]string{
		"short lines":   strings.Repeat("Jane Doe\n", 200000),
		"prose":         strings.Repeat("We write to you about the roof, which has let in the rain since the storm.\n", 40000),
		"one long line": strings.Repeat("word ", 800000),
		"one long list": "Dear Sir,\n\nText here for the body of the letter.\n\nYours,\n\nJ\n\ncc: " + strings.Repeat("A B, ", 200000),
		"list lines":    "Dear Sir,\n\nText.\n\nYours,\n\nJ\n\ncc:\n" + strings.Repeat("- Minister of Interior of Albania\n", 50000),
		"blank lines":   strings.Repeat("\n", 1000000) + "x",
		"headers":       strings.Repeat("To: Jane Doe\n", 100000),
		"date lines":    strings.Repeat("12 March 2019\n", 100000),
		"commas":        strings.Repeat("Jane, ", 600000),
		"salutations":   strings.Repeat("Dear Sir,\n\n", 100000),
		"closings":      "Dear Sir,\n\nText.\n\n" + strings.Repeat("Yours sincerely,\n", 100000),
	}
	for name, in := range inputs {
		start := time.Now()
		err := Parse(strings.NewReader(in), name, func(document.Item) error { return nil })
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		t.Logf("%-14s %5d KB %v", name, len(in)>>10, time.Since(start))
	}
}
