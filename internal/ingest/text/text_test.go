package text

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
	"github.com/lettergraph/lettergraph/internal/ingest/ingesttest"
)

// corpus is the folder of sample letters, each NAME.EXT beside NAME.expected.json.
const corpus = "../../../testdata/text"

var dump = flag.Bool("dump", false, "print each parsed corpus letter as canonical JSON")

// corpusFiles returns the input files of the corpus.
func corpusFiles(tb testing.TB) []string {
	tb.Helper()
	entries, err := os.ReadDir(corpus)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".expected.json") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		out = append(out, filepath.Join(corpus, e.Name()))
	}
	if len(out) == 0 {
		tb.Fatal("the corpus is empty")
	}
	return out
}

// expectedPath returns the expected document of an input file.
func expectedPath(input string) string {
	return strings.TrimSuffix(input, filepath.Ext(input)) + ".expected.json"
}

// parseFile parses one corpus file and returns its items.
func parseFile(tb testing.TB, path string) []document.Item {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var items []document.Item
	if err := Parse(f, filepath.Base(path), func(it document.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	return items
}

// knownBugs lists, per corpus file, the exact differences from its expected document
// that a reported parser bug causes; the comparison logs them instead of failing, and
// fails once one no longer happens, so that the entry is removed with the fix.
var knownBugs = map[string][]string{}

func TestCorpus(t *testing.T) {
	for _, path := range corpusFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			items := parseFile(t, path)
			if *dump {
				for _, it := range items {
					if it.Err != nil {
						t.Logf("error: %v", it.Err)
						continue
					}
					b, _ := json.MarshalIndent(canonical.FromInput(it.Letter), "", "  ")
					t.Logf("%s", b)
				}
			}
			ingesttest.CompareItems(t, items, expectedPath(path), knownBugs[filepath.Base(path)]...)
			for _, it := range items {
				if it.Err == nil && it.Origin != filepath.Base(path) {
					t.Errorf("origin = %q, want %q", it.Origin, filepath.Base(path))
				}
				if it.Err == nil && it.Letter.Source != filepath.Base(path) {
					t.Errorf("source = %q, want %q", it.Letter.Source, filepath.Base(path))
				}
			}
		})
	}
}
