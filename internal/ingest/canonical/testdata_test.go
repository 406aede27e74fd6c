package canonical_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
	"github.com/lettergraph/lettergraph/internal/ingest/ingesttest"
)

// Every canonical file under testdata/json reads as its expected file says.
func TestTestdata(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/json/*.*json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".expected.json") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			var items []document.Item
			if err := canonical.Read(src, f, func(it document.Item) error { items = append(items, it); return nil }); err != nil {
				t.Fatalf("Read: %v", err)
			}
			ingesttest.CompareItems(t, items, strings.TrimSuffix(strings.TrimSuffix(f, ".ndjson"), ".json")+".expected.json")
		})
	}
}
