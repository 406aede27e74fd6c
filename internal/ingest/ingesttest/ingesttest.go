// Package ingesttest compares what a parser produced with an expected canonical
// document (a *.expected.json file beside the input), by meaning: names after
// normalisation, parties in order, and every field both ways, so that a fact the
// parser invents fails as surely as one it misses.
package ingesttest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/corpus"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// Expected is an expected document (see package corpus).
type Expected = corpus.Expected

// Load reads an expected document that holds one letter.
func Load(tb testing.TB, path string) Expected {
	tb.Helper()
	list, err := corpus.Load(path)
	if err != nil {
		tb.Fatalf("expected document: %v", err)
	}
	if len(list) != 1 {
		tb.Fatalf("%s: %d expected documents, want one", path, len(list))
	}
	return list[0]
}

// Compare reports every difference between got and the expected document at path.
func Compare(tb testing.TB, got domain.LetterInput, path string) {
	tb.Helper()
	CompareTo(tb, got, Load(tb, path))
}

// CompareTo reports every difference between got and want.
func CompareTo(tb testing.TB, got domain.LetterInput, want Expected) {
	tb.Helper()
	compareTo(tb, got, want, "")
}

// CompareFrom is CompareTo for a document read from origin: a source equal to the
// origin needs no "source" in the expected document.
func CompareFrom(tb testing.TB, got domain.LetterInput, want Expected, origin string) {
	tb.Helper()
	compareTo(tb, got, want, origin)
}

// ExpectKnown runs check and reports its failures, except those listed in known: the
// exact messages of differences that a reported, not yet fixed bug causes. Those are
// logged instead, and one that no longer happens fails, so that the list shrinks when
// the bug is fixed and never hides a new difference. Fatal failures are not held back.
func ExpectKnown(tb testing.TB, known []string, check func(tb testing.TB)) {
	tb.Helper()
	r := &recorder{TB: tb}
	check(r)
	happened := map[string]bool{}
	for _, msg := range r.failures {
		happened[msg] = true
		if slices.Contains(known, msg) {
			tb.Logf("known failure: %s", msg)
		} else {
			tb.Error(msg)
		}
	}
	for _, msg := range known {
		if !happened[msg] {
			tb.Errorf("known failure no longer happens, take it off the list: %s", msg)
		}
	}
}

// recorder is a testing.TB that keeps the failures reported to it.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Error(args ...any) {
	r.failures = append(r.failures, strings.TrimSuffix(fmt.Sprintln(args...), "\n"))
}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

// compareTo compares got with want field by field, both ways: every fact the parser
// produced must be in the expected document and every fact of the expected document
// must have been produced. The fields are found by walking domain.LetterInput (see
// flatten), so a field added to it is compared without a change here. The only
// exceptions, each with its reason:
//   - body: free text, described by "body" (compared after collapsing white space) or
//     by the body checks (bodyStartsWith, bodyEndsWith, bodyContains) standing in for
//     it; with neither, the body must be empty;
//   - source: when the expected document gives none, the item's origin is accepted too,
//     since that is the reader's provenance (the file name), not a fact of the letter;
//   - mentions: the store keeps no order of mentions, so they are compared as a
//     multiset by content, and mentionsOptional lists those the parser may find.
func compareTo(tb testing.TB, got domain.LetterInput, want Expected, origin string) {
	tb.Helper()
	w, err := want.Document.ToInput("expected")
	if err != nil {
		tb.Fatalf("expected document: %v", err)
	}
	if err := got.Normalize("got"); err != nil {
		tb.Errorf("the parsed document does not validate: %v", err)
		return
	}
	// An expected document that describes its body only by checks has no title,
	// subject or body to validate; a stand-in body lets Normalize derive the rest
	// (date bounds, honorifics) as it does for got. The body is compared apart.
	if w.Title == "" && w.Subject == "" && w.Body == "" {
		w.Body = "(described by the body checks)"
	}
	if err := w.Normalize("expected"); err != nil {
		tb.Fatalf("expected document does not validate: %v", err)
	}
	c := &cmp{tb: tb}
	c.body(got.Body, want)
	if want.Source == "" && origin != "" && got.Source == origin {
		got.Source = ""
	}
	c.mentions(got.Mentions, w.Mentions, optionalMentions(tb, want.MentionsOptional))
	got.Body, w.Body = "", ""
	got.Mentions, w.Mentions = nil, nil
	c.fields(got, w)
}

// optionalMentions converts the expected document's mentionsOptional and normalises
// them as a letter's mentions are.
func optionalMentions(tb testing.TB, list []canonical.Party) []domain.MentionInput {
	tb.Helper()
	if len(list) == 0 {
		return nil
	}
	d := canonical.Document{Title: "optional mentions", Mentions: list}
	in, err := d.ToInput("expected")
	if err == nil {
		err = in.Normalize("expected")
	}
	if err != nil {
		tb.Fatalf("expected document: mentionsOptional: %v", err)
	}
	return in.Mentions
}

// LoadAll reads the expected documents of a source holding several (an mbox, a CMIF
// file, NDJSON): a JSON array of expected documents, in source order. A single object
// is read as an array of one.
func LoadAll(tb testing.TB, path string) []Expected {
	tb.Helper()
	list, err := corpus.Load(path)
	if err != nil {
		tb.Fatalf("expected documents: %v", err)
	}
	return list
}

// CompareItems checks the items a parser yielded against the expected documents at
// path, in order: an expected document with "error" must be a failed item whose error
// contains that text; any other must be a read document that matches. known lists the
// differences of a reported parser bug (see ExpectKnown).
func CompareItems(tb *testing.T, items []document.Item, path string, known ...string) {
	tb.Helper()
	want := LoadAll(tb, path)
	if len(known) > 0 && len(want) > 1 {
		tb.Fatalf("%s: known failures are for a file of one document, this has %d", path, len(want))
	}
	if len(items) != len(want) {
		var origins []string
		for _, it := range items {
			origins = append(origins, it.Origin)
		}
		tb.Fatalf("%d documents read (%q), want %d", len(items), origins, len(want))
	}
	for i, w := range want {
		it := items[i]
		tb.Run(fmt.Sprintf("%d", i+1), func(t *testing.T) {
			t.Helper()
			switch {
			case w.Error != "" && it.Err == nil:
				t.Errorf("%s: read without error, want an error containing %q", it.Origin, w.Error)
			case w.Error != "" && !strings.Contains(it.Err.Error(), w.Error):
				t.Errorf("%s: error %q, want it to contain %q", it.Origin, it.Err, w.Error)
			case w.Error == "" && it.Err != nil:
				t.Errorf("%s: %v", it.Origin, it.Err)
			case w.Error == "":
				ExpectKnown(t, known, func(tb testing.TB) {
					tb.Helper()
					compareTo(tb, it.Letter, w, it.Origin)
				})
			}
		})
	}
}
