// Package ingesttest compares what a parser produced with an expected canonical
// document (a *.expected.json file beside the input), by meaning: names after
// normalisation, parties in order, and every field both ways, so that a fact the
// parser invents fails as surely as one it misses.
package ingesttest

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

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

type cmp struct{ tb testing.TB }

// body compares the body with "body" or with the body checks standing in for it.
func (c *cmp) body(got string, want Expected) {
	c.tb.Helper()
	checked := want.BodyStartsWith != "" || want.BodyEndsWith != "" || len(want.BodyContains) > 0
	switch {
	case want.Body != "":
		if domain.CleanText(got) != domain.CleanText(want.Body) {
			c.tb.Errorf("body = %q, want %q", got, want.Body)
		}
	case !checked && strings.TrimSpace(got) != "":
		c.tb.Errorf("body = %q, want none (the expected document gives no body and no body check)", head(got))
	}
	if want.BodyStartsWith != "" && !strings.HasPrefix(got, want.BodyStartsWith) {
		c.tb.Errorf("body starts %q, want it to start %q", head(got), want.BodyStartsWith)
	}
	if want.BodyEndsWith != "" && !strings.HasSuffix(got, want.BodyEndsWith) {
		c.tb.Errorf("body ends %q, want it to end %q", tail(got), want.BodyEndsWith)
	}
	for _, s := range want.BodyContains {
		if !strings.Contains(got, s) {
			c.tb.Errorf("body does not contain %q", s)
		}
	}
	for _, s := range want.BodyExcludes {
		if strings.Contains(got, s) {
			c.tb.Errorf("body contains %q, want it left out", s)
		}
	}
}

// lists are the letter's lists whose entries a count mismatch makes pointless to
// compare one by one: their failure lists both sides instead.
var lists = []string{"authors", "recipients", "cc", "bcc", "onBehalfOf", "repliesTo", "related"}

// fields compares every other field of two normalised letters, both ways.
func (c *cmp) fields(got, want domain.LetterInput) {
	c.tb.Helper()
	g, w := c.flatten(reflect.ValueOf(got)), c.flatten(reflect.ValueOf(want))
	for _, l := range lists {
		gl, wl := reflect.ValueOf(got).FieldByName(goName(l)), reflect.ValueOf(want).FieldByName(goName(l))
		if gl.Len() == wl.Len() {
			continue
		}
		c.tb.Errorf("%s: %d entries %s, want %d %s", l, gl.Len(), describe(g, l, gl.Len()), wl.Len(), describe(w, l, wl.Len()))
		for _, m := range []map[string]string{g, w} {
			for k := range m {
				if strings.HasPrefix(k, l+"[") {
					delete(m, k)
				}
			}
		}
	}
	for _, k := range union(g, w) {
		gv, gok := g[k]
		wv, wok := w[k]
		switch {
		case !wok:
			c.tb.Errorf("%s = %q, want none", k, gv)
		case !gok:
			c.tb.Errorf("%s = none, want %q", k, wv)
		case key(k, gv) != key(k, wv):
			c.tb.Errorf("%s = %q, want %q", k, gv, wv)
		}
	}
}

// mentions compares mentions as a multiset by content: each expected one must be
// found, and each found one must be expected or optional.
func (c *cmp) mentions(got, want, optional []domain.MentionInput) {
	c.tb.Helper()
	count := map[string]int{}
	shown := map[string]string{}
	for _, m := range got {
		k, s := c.mentionKey(m)
		count[k]++
		shown[k] = s
	}
	for _, m := range want {
		k, s := c.mentionKey(m)
		if count[k] == 0 {
			c.tb.Errorf("mentions: %s not found, want it", s)
			continue
		}
		count[k]--
	}
	for _, m := range optional {
		if k, _ := c.mentionKey(m); count[k] > 0 {
			count[k]--
		}
	}
	var extra []string
	for k, n := range count {
		for ; n > 0; n-- {
			extra = append(extra, shown[k])
		}
	}
	slices.Sort(extra)
	for _, s := range extra {
		c.tb.Errorf("mentions: %s found, want it left out (not in mentions or mentionsOptional)", s)
	}
}

// mentionKey returns a mention's identity for matching (its fields compared by
// meaning) and a readable form for messages.
func (c *cmp) mentionKey(m domain.MentionInput) (k, shown string) {
	c.tb.Helper()
	f := c.flatten(reflect.ValueOf(m))
	var keys, shows []string
	for _, p := range union(f) {
		keys = append(keys, p+"="+key(p, f[p]))
		shows = append(shows, fmt.Sprintf("%s: %q", p, f[p]))
	}
	return strings.Join(keys, "\x00"), "{" + strings.Join(shows, ", ") + "}"
}

// key is the form in which a leaf is compared: names by their identity key, office
// titles as the store matches them, everything else after collapsing white space.
func key(path, v string) string {
	last := path[strings.LastIndex(path, ".")+1:]
	switch {
	case last == "name" || last == "country":
		return domain.NormalizeName(v)
	case strings.HasSuffix(path, "office.title"):
		return domain.NormalizeTitle(v)
	}
	return domain.CleanText(v)
}

// flatten lists every non-empty leaf of v by its path ("cc[0].office.of.name"),
// walking every field so that none is left out; a kind it cannot show fails the test
// rather than be skipped.
func (c *cmp) flatten(v reflect.Value) map[string]string {
	c.tb.Helper()
	out := map[string]string{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(path, v.Elem())
			}
		case reflect.Struct:
			if t, ok := v.Interface().(time.Time); ok {
				out[path] = t.Format(time.DateOnly)
				return
			}
			for i := 0; i < v.NumField(); i++ {
				name := jsonName(v.Type().Field(i).Name)
				if path != "" {
					name = path + "." + name
				}
				walk(name, v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.String:
			if v.String() != "" {
				out[path] = v.String()
			}
		case reflect.Bool:
			if v.Bool() {
				out[path] = "true"
			}
		default:
			c.tb.Fatalf("ingesttest: %s is a %s, which the comparison cannot show", path, v.Kind())
		}
	}
	walk("", v)
	// Name paths as the expected documents do: onBehalfOf lists organisations under
	// "organisation", and a mention's correspondent is inline.
	named := make(map[string]string, len(out))
	for k, val := range out {
		if strings.HasPrefix(k, "onBehalfOf[") {
			i := strings.Index(k, "].") + 2
			k = k[:i] + "organisation." + k[i:]
		}
		named[strings.TrimPrefix(k, "party.")] = val
	}
	return named
}

// describe lists the n entries of list l in the flattened letter m briefly, for
// failure messages.
func describe(m map[string]string, l string, n int) string {
	var parts []string
	for i := 0; i < n; i++ {
		prefix := fmt.Sprintf("%s[%d].", l, i)
		var leaves []string
		for _, p := range union(m) {
			if rest, ok := strings.CutPrefix(p, prefix); ok {
				leaves = append(leaves, rest+" "+m[p])
			}
		}
		parts = append(parts, strings.Join(leaves, ", "))
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// jsonName is the canonical document's name of a domain.LetterInput field, so that
// failures name fields as the expected files do.
func jsonName(goName string) string {
	if n, ok := renamed[goName]; ok {
		return n
	}
	return strings.ToLower(goName[:1]) + goName[1:]
}

// goName is the inverse of jsonName for the lists above.
func goName(name string) string {
	for g, n := range renamed {
		if n == name {
			return g
		}
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

var renamed = map[string]string{
	"ID": "id", "ExternalID": "externalId", "AuthorityIDs": "authorityIds",
	"CC": "cc", "BCC": "bcc", "WrittenAt": "place",
}

// union returns the keys of the maps, sorted.
func union(maps ...map[string]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
}

func head(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func tail(s string) string {
	if len(s) > 60 {
		return "…" + s[len(s)-60:]
	}
	return s
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
