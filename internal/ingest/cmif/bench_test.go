package cmif

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc>`)
	for i := range 1000 {
		fmt.Fprintf(&buf, `<correspDesc ref="https://letters.example.org/%d"><correspAction type="sent">`+
			`<persName ref="http://d-nb.info/gnd/%d">Sender %d, Anna</persName><placeName>Weimar</placeName>`+
			`<date when="1800-01-%02d"/></correspAction><correspAction type="received"><persName>Recipient %d</persName>`+
			"</correspAction></correspDesc>\n", i, i, i, i%28+1, i)
	}
	buf.WriteString(`</profileDesc></teiHeader></TEI>`)
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if err := Parse(bytes.NewReader(buf.Bytes()), "b", func(document.Item) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
