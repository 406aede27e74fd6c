package cmif

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// A CMIF file of 100k letters is read with memory that does not grow with it: the
// letters are generated into a pipe, and the live heap is sampled while they are read.
func TestStreamsLargeFile(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 10000
	}
	pr, pw := io.Pipe()
	go func() {
		_, _ = io.WriteString(pw, `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc>`)
		for i := range n {
			_, _ = fmt.Fprintf(pw, `<correspDesc ref="https://letters.example.org/%d"><correspAction type="sent">`+
				`<persName ref="http://d-nb.info/gnd/%d">Sender %d, Anna</persName><placeName>Weimar</placeName>`+
				`<date when="1800-01-%02d"/></correspAction><correspAction type="received"><persName>Recipient %d</persName>`+
				"</correspAction></correspDesc>\n", i, i, i, i%28+1, i)
		}
		_, _ = io.WriteString(pw, `</profileDesc></teiHeader><text><body><p/></body></text></TEI>`)
		_ = pw.Close()
	}()
	var read int
	var peak uint64
	err := Parse(pr, "big.xml", func(it document.Item) error {
		if it.Err != nil {
			return it.Err
		}
		read++
		if read%10000 == 0 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if read != n {
		t.Errorf("%d letters read, want %d", read, n)
	}
	if limit := uint64(32 << 20); peak > limit {
		t.Errorf("live heap reached %d bytes, want at most %d", peak, limit)
	}
}
