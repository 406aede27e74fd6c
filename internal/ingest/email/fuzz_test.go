package email

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// seedCorpus adds every corpus file to a fuzz target.
func seedCorpus(f *testing.F) {
	f.Helper()
	for _, path := range inputs(f) {
		raw, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
}

// checkItems is what must hold for any input: items are named, and every document
// read passes the store's validation as it is.
func checkItems(t *testing.T, items []document.Item, origin string) {
	t.Helper()
	for _, it := range items {
		if !strings.HasPrefix(it.Origin, origin) {
			t.Errorf("origin = %q, want it to start %q", it.Origin, origin)
		}
		if it.Err != nil {
			continue
		}
		in := it.Letter
		if err := in.Normalize("letter"); err != nil {
			t.Errorf("%s: a document read does not validate: %v", it.Origin, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	seedCorpus(f)
	for _, s := range regressions {
		f.Add([]byte(s.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var items []document.Item
		if err := Parse(bytes.NewReader(data), "f.eml", func(it document.Item) error {
			items = append(items, it)
			return nil
		}); err != nil {
			t.Fatalf("Parse returned %v on an in-memory reader", err)
		}
		if len(items) != 1 {
			t.Fatalf("Parse yielded %d items, want 1", len(items))
		}
		checkItems(t, items, "f.eml")
		LooksLikeEmail(data)
	})
}

func FuzzParseMbox(f *testing.F) {
	seedCorpus(f)
	for _, s := range regressions {
		f.Add([]byte(sep + s.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var items []document.Item
		if err := ParseMbox(bytes.NewReader(data), "f.mbox", func(it document.Item) error {
			items = append(items, it)
			return nil
		}); err != nil {
			t.Fatalf("ParseMbox returned %v on an in-memory reader", err)
		}
		checkItems(t, items, "f.mbox#")
		LooksLikeMbox(data)
	})
}

// regressions are inputs that break checkItems' property when a guard is missing:
// each reaches a limit or a check of domain.LetterInput.Normalize. Crashers the
// fuzzers find belong here too (none so far).
var regressions = []struct{ name, in string }{
	{"honorific-only name", "From: \"Mr. ?\" <q@x.test>\n\n"},
	{"name without letters or address", "From: \"???\" <>\n\n"},
	{"quoted local part", "From: \"john q\"@example.com\n\n"},
	{"last first of honorifics", "From: \"Dr., Mr.\" <a@x.test>\n\n"},
	{"last first without letters", "From: \"?, Dr. ?\" <a@x.test>\n\n"},
	{"encoded word of a bad byte", "From: =?utf-8?B?/w==?= <a@x.test>\nSubject: =?utf-8?B?/w==?=\n\n"},
	{"long message id", "From: a@x.test\nMessage-ID: <" + strings.Repeat("x", 1200) + "@y>\n\n"},
	{"long reference", "From: a@x.test\nReferences: <a@x> <" + strings.Repeat("x", 1200) + "@y>\n\n"},
	{"long subject", "From: a@x.test\nSubject: " + strings.Repeat("ж", 1500) + "\n\n"},
	{"long date", "From: a@x.test\nDate: 1 Jan 2000 " + strings.Repeat("(x)", 1500) + "\n\n"},
	{"long name", "From: \"" + strings.Repeat("ж", 1500) + "\" <a@x.test>\n\n"},
	{"long address", "From: " + strings.Repeat("a", 300) + "@x.test\n\n"},
	{"impossible date", "From: a@x.test\nDate: 31 Feb 2001 10:00\n\n"},
	{"bad utf-8 body", "From: a@x.test\nContent-Type: text/plain; charset=utf-8\n\n\xff\xfe body"},
	{"bad utf-8 header", "From: \xff\xfe <a@x.test>\nSubject: \xc3\n\n"},
	{"empty subject and body", "From: a@x.test\nSubject:\n\n"},
}

func TestFuzzRegressions(t *testing.T) {
	for _, r := range regressions {
		t.Run(r.name, func(t *testing.T) {
			for _, parse := range []struct {
				name  string
				fn    func(string) []document.Item
				input string
			}{
				{"Parse", func(s string) []document.Item { return []document.Item{parseOne(t, s)} }, r.in},
				{"ParseMbox", func(s string) []document.Item { return parseMbox(t, s) }, sep + r.in},
			} {
				items := parse.fn(parse.input)
				checkItems(t, items, "")
				for _, it := range items {
					if it.Err != nil {
						t.Errorf("%s: %v, want a document", parse.name, it.Err)
					}
				}
			}
		})
	}
}
