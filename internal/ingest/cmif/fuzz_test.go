package cmif

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// FuzzParse checks that no input makes Parse panic or hang, that every error is a
// *document.ParseError, and that every letter it yields is one the domain accepts
// (so a bad document is reported where it is, with its element path, not later).
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(corpus, "*.xml"))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{wrap(simple), wrap(""), "<TEI/>", "<a:TEI xmlns:a='x'/>", "\xfe\xff\x00<"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_ = LooksLikeCMIF(src[:min(len(src), 8<<10)])
		done := make(chan error, 1)
		go func() {
			done <- Parse(bytes.NewReader(src), "fuzz", func(it document.Item) error {
				checkItem(t, it)
				return nil
			})
		}()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Parse has not returned after 10s")
		}
		var pe *document.ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Errorf("Parse error %T %v, want a *document.ParseError", err, err)
		}
	})
}

// checkItem fails t when an item is neither a letter the domain accepts nor a
// *document.ParseError naming its document.
func checkItem(t *testing.T, it document.Item) {
	t.Helper()
	if !strings.HasPrefix(it.Origin, "fuzz#") {
		t.Errorf("origin %q, want fuzz#n", it.Origin)
	}
	if it.Err != nil {
		var pe *document.ParseError
		if !errors.As(it.Err, &pe) || pe.Origin != it.Origin {
			t.Errorf("item error %T %v, want a *document.ParseError for %s", it.Err, it.Err, it.Origin)
		}
		return
	}
	in := it.Letter
	if err := in.Normalize("document"); err != nil {
		t.Errorf("yielded letter does not validate: %v\n%+v", err, it.Letter)
	}
}

// FuzzFields puts arbitrary values into a well-formed correspDesc, where byte-level
// mutation of whole files rarely reaches: names, refs, keys and date attributes.
func FuzzFields(f *testing.F) {
	f.Add("Goethe, Johann Wolfgang von", "http://d-nb.info/gnd/118540238", "1794-06-13", "", "", "13. Juni", "42", "Weimar")
	f.Add("Unknown", "", "", "1794-06", "1794-05", "", "", "")
	f.Add("مصدق، محمد", "gnd:1 https://x.example/ #p", "1794-06-13T10:00:00Z", "1794", "1795", "", "k", "Tehran")
	f.Fuzz(func(t *testing.T, name, ref, when, notBefore, notAfter, dateText, key, place string) {
		esc := func(s string) string {
			var b bytes.Buffer
			_ = xml.EscapeText(&b, []byte(s))
			return b.String()
		}
		src := wrap(`<correspDesc key="` + esc(key) + `" source="#b"><correspAction type="sent"><persName ref="` + esc(ref) + `">` +
			esc(name) + `</persName><orgName>` + esc(name) + `</orgName><placeName ref="` + esc(ref) + `">` + esc(place) +
			`</placeName><date when="` + esc(when) + `" notBefore="` + esc(notBefore) + `" notAfter="` + esc(notAfter) + `">` +
			esc(dateText) + `</date></correspAction><correspAction type="received"><persName>` + esc(name) +
			`</persName></correspAction><note><ref type="cmif:mentionsPerson" target="` + esc(ref) + `">` + esc(name) +
			`</ref><ref type="cmif:hasLanguage" target="` + esc(key) + `"/></note></correspDesc>`)
		err := Parse(strings.NewReader(src), "fuzz", func(it document.Item) error {
			checkItem(t, it)
			return nil
		})
		var pe *document.ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Errorf("Parse error %T %v, want a *document.ParseError", err, err)
		}
	})
}
