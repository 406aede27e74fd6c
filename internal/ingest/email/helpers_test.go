package email

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// parseOne runs Parse on msg and returns its one item.
func parseOne(t *testing.T, msg string) document.Item {
	t.Helper()
	var items []document.Item
	if err := Parse(strings.NewReader(msg), "test.eml", func(it document.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(items) != 1 {
		t.Fatalf("Parse yielded %d items, want 1", len(items))
	}
	return items[0]
}

// parseMbox runs ParseMbox on r's content and returns its items.
func parseMbox(t *testing.T, mbox string) []document.Item {
	t.Helper()
	var items []document.Item
	if err := ParseMbox(strings.NewReader(mbox), "a.mbox", func(it document.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatalf("ParseMbox: %v", err)
	}
	return items
}
