package text

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// FuzzParse checks that any input gives exactly one item, without panic: a letter that
// the domain accepts as it is, or a *document.ParseError; and the same item twice.
func FuzzParse(f *testing.F) {
	for _, path := range corpusFiles(f) {
		raw, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	for _, s := range []string{
		"", "\n", "\x00", "Dear ,", "cc:", "Copy to:\n-\n-", "(", "()", "A (B)", "Mr.", "To:",
		"Related posts", "x\nRelated posts\n", "To: a\nFrom: b", "Sincerely,", "۱۴ مهر ۱۴۰۱",
		"\u202e\u200f", "c.c.\n1.\n2)", "\t\t\t", "Jane Doe   John Smith\nA   B",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		first := parseOnce(t, raw)
		if a, b := describeItem(first), describeItem(parseOnce(t, raw)); a != b {
			t.Fatalf("two parses differ:\n%s\n%s", a, b)
		}
		if it := first; it.Err == nil {
			in := it.Letter
			if err := in.Normalize("fuzz"); err != nil {
				t.Fatalf("the parsed letter does not validate: %v\ninput %q", err, raw)
			}
		} else {
			var pe *document.ParseError
			if !errors.As(it.Err, &pe) {
				t.Fatalf("error %T %v, want a *document.ParseError", it.Err, it.Err)
			}
		}
	})
}

// parseOnce parses raw and returns its one item.
func parseOnce(t *testing.T, raw []byte) document.Item {
	t.Helper()
	var items []document.Item
	if err := Parse(bytes.NewReader(raw), "fuzz.txt", func(it document.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(items) != 1 {
		t.Fatalf("%d items, want 1", len(items))
	}
	return items[0]
}

func describeItem(it document.Item) string {
	if it.Err != nil {
		return it.Err.Error()
	}
	b, _ := json.Marshal(canonical.FromInput(it.Letter))
	return string(b)
}
