package canonical

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

func readAll(t *testing.T, src string) ([]document.Item, error) {
	t.Helper()
	var items []document.Item
	err := Read(strings.NewReader(src), "in", func(it document.Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		titles  []string // "" for a failed item
		origins []string
		wantErr bool
	}{
		{"one object", `{"title": "A"}`, []string{"A"}, []string{"in:1"}, false},
		{"pretty object", "{\n  \"title\": \"A\",\n  \"body\": \"x\"\n}\n", []string{"A"}, []string{"in:1"}, false},
		{"ndjson", "{\"title\":\"A\"}\n\n{\"title\":\"B\"}\n", []string{"A", "B"}, []string{"in:1", "in:3"}, false},
		{"ndjson with a bad line goes on", "{\"title\":\"A\"}\n{\"title\": 5}\n{\"title\":\"C\"}\n", []string{"A", "", "C"}, []string{"in:1", "in:2", "in:3"}, false},
		{"unknown field", `{"title":"A","recipents":[]}`, []string{""}, []string{"in:1"}, false},
		{"bad date", `{"title":"A","date":"March 2019"}`, []string{""}, []string{"in:1"}, false},
		{"other schema version", `{"title":"A","schemaVersion":2}`, []string{""}, []string{"in:1"}, false},
		{"array", `[{"title":"A"},{"title":"B"}]`, []string{"A", "B"}, []string{"in#1", "in#2"}, false},
		{"broken array", `[{"title":"A"},{"title"`, []string{"A"}, []string{"in#1"}, true},
		{"empty", "  \n", nil, nil, false},
		{"byte order mark", "\xef\xbb\xbf{\"title\":\"A\"}", []string{"A"}, []string{"in:1"}, false},
		{"a broken line does not swallow the next", "{\"title\":\"A\"\n{\"title\":\"B\"}\n", []string{"", "B"}, []string{"in:1", "in:2"}, false},
		{"truncated object at end", `{"title":"A"`, []string{""}, []string{"in:1"}, false},
		{"truncated object ending in a newline", "{\"title\":\"A\",\n", []string{""}, []string{"in:1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := readAll(t, tt.src)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Read error = %v, want error %v", err, tt.wantErr)
			}
			if len(items) != len(tt.titles) {
				t.Fatalf("%d items, want %d: %+v", len(items), len(tt.titles), items)
			}
			for i, it := range items {
				if got := it.Letter.Title; got != tt.titles[i] || (tt.titles[i] == "") != (it.Err != nil) {
					t.Errorf("item %d = %q (err %v), want %q", i, got, it.Err, tt.titles[i])
				}
				if it.Origin != tt.origins[i] {
					t.Errorf("item %d origin = %q, want %q", i, it.Origin, tt.origins[i])
				}
			}
		})
	}
}

// A document that names its source format keeps it; one that does not is JSON.
func TestReadSourceFormat(t *testing.T) {
	items, err := readAll(t, "{\"title\":\"A\"}\n{\"title\":\"B\",\"sourceFormat\":\"CMIF\"}\n")
	if err != nil || len(items) != 2 {
		t.Fatalf("Read = %d items, %v; want 2", len(items), err)
	}
	for i, want := range []string{"JSON", "CMIF"} {
		if got := string(items[i].Letter.SourceFormat); got != want {
			t.Errorf("item %d source format = %q, want %q", i, got, want)
		}
	}
}

// A document survives the round trip through its canonical form.
func TestRoundTrip(t *testing.T) {
	src := `{"schemaVersion":1,"title":"T","date":"2019-03-12","datePrecision":"DAY","place":{"name":"Tehran","country":"Iran"},` +
		`"authors":[{"person":{"name":"A B","emails":["a@b.org"]},"capacity":"CEO","memberOf":{"organisation":{"name":"Org"},"role":"CEO"}}],` +
		`"recipients":[{"person":{"name":"Edi Rama","honorific":"Mr."},"as":"PM","holds":{"office":{"title":"Prime Minister","of":{"name":"Albania","kind":"STATE"}}}}],` +
		`"cc":[{"office":{"title":"Minister of Interior","of":{"name":"Albania"}}},{"organisation":{"name":"The Media","kind":"GROUP"}}],` +
		`"onBehalfOf":[{"organisation":{"name":"Org"}}],"related":[{"title":"R"}],"repliesTo":[{"externalId":"<x@y>"}],` +
		`"mentions":[{"organisation":{"name":"MEK"}},{"place":{"name":"Tirana"}},{"letter":{"title":"L"}}]}`
	items, err := readAll(t, src)
	if err != nil || len(items) != 1 || items[0].Err != nil {
		t.Fatalf("Read = %+v, %v", items, err)
	}
	var out strings.Builder
	if err := Write(&out, FromInput(items[0].Letter)); err != nil {
		t.Fatalf("Write: %v", err)
	}
	again, err := readAll(t, out.String())
	if err != nil || len(again) != 1 || again[0].Err != nil {
		t.Fatalf("Read(Write(…)) = %+v, %v", again, err)
	}
	var out2 strings.Builder
	_ = Write(&out2, FromInput(again[0].Letter))
	if out.String() != out2.String() {
		t.Errorf("round trip changed the document:\n%s\n%s", out.String(), out2.String())
	}
	for _, want := range []string{`"capacity":"CEO"`, `"holds":{"office":{"title":"Prime Minister"`, `"place":{"name":"Tirana"}`, `"externalId":"<x@y>"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("canonical form %s lacks %s", out.String(), want)
		}
	}
}
