package ingesttest

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// cmp reports, as errors of tb, each difference between a parser's letter and the
// expected one: the body by its checks, the fields as flattened paths, the mentions by
// key. The exported entry points are in ingesttest.go.
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
