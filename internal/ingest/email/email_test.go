package email

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
	"github.com/lettergraph/lettergraph/internal/ingest/ingesttest"
)

// corpus is the test corpus: every message in it has NAME.expected.json beside it.
const corpus = "../../../testdata/email"

// parseFile reads one corpus file with Parse (.eml) or ParseMbox (.mbox).
func parseFile(t *testing.T, path string) []document.Item {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	parse := Parse
	if strings.HasSuffix(path, ".mbox") {
		parse = ParseMbox
	}
	var items []document.Item
	if err := parse(f, filepath.Base(path), func(it document.Item) error {
		items = append(items, it)
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return items
}

// inputs lists the corpus messages: the .eml and .mbox files.
func inputs(tb testing.TB) []string {
	tb.Helper()
	entries, err := os.ReadDir(corpus)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".eml" || ext == ".mbox") {
			out = append(out, filepath.Join(corpus, e.Name()))
		}
	}
	return out
}

func expectedPath(input string) string {
	return strings.TrimSuffix(input, filepath.Ext(input)) + ".expected.json"
}

func TestCorpus(t *testing.T) {
	for _, path := range inputs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ingesttest.CompareItems(t, parseFile(t, path), expectedPath(path))
		})
	}
}

// TestCorpusIsComplete keeps the corpus honest: every input has an expected document
// and every expected document an input, and every example message of RFC 5322
// Appendix A is there.
func TestCorpusIsComplete(t *testing.T) {
	have := map[string]bool{}
	for _, path := range inputs(t) {
		have[filepath.Base(path)] = true
		if _, err := os.Stat(expectedPath(path)); err != nil {
			t.Errorf("%s has no expected document: %v", path, err)
		}
	}
	expected, err := filepath.Glob(filepath.Join(corpus, "*.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range expected {
		base := strings.TrimSuffix(filepath.Base(e), ".expected.json")
		if !have[base+".eml"] && !have[base+".mbox"] {
			t.Errorf("%s has no input", e)
		}
	}
	for _, name := range []string{
		"rfc5322-a1-1.eml", "rfc5322-a1-1-sender.eml", "rfc5322-a1-2.eml", "rfc5322-a1-3.eml",
		"rfc5322-a2-reply.eml", "rfc5322-a2-reply-to-reply.eml", "rfc5322-a3.eml",
		"rfc5322-a4.eml", "rfc5322-a5.eml", "rfc5322-a6-1.eml", "rfc5322-a6-2.eml",
		"rfc5322-a6-3.eml",
	} {
		if !have[name] {
			t.Errorf("RFC 5322 example %s is missing from %s", name, corpus)
		}
	}
}

// TestCorpusValidates checks what the comparison does not: every document read
// passes the store's own validation untouched, and is named by its origin.
func TestCorpusValidates(t *testing.T) {
	for _, path := range inputs(t) {
		for i, it := range parseFile(t, path) {
			if it.Err != nil {
				continue
			}
			if it.Letter.Source != it.Origin {
				t.Errorf("%s item %d: source = %q, want %q", path, i+1, it.Letter.Source, it.Origin)
			}
			in := it.Letter
			if err := in.Normalize("letter"); err != nil {
				t.Errorf("%s: %v", it.Origin, err)
			}
		}
	}
}
