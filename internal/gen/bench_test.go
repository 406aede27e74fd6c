package gen

import (
	"io"
	"testing"
)

// BenchmarkWriteNDJSON measures the whole path: population, letters, canonical JSON.
// Its letters/s metric is the generator's speed; b.N counts corpora of 10k letters.
func BenchmarkWriteNDJSON(b *testing.B) {
	const letters = 10000
	cw := &countingWriter{}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteNDJSON(cw, Config{Letters: letters, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(letters*b.N)/b.Elapsed().Seconds(), "letters/s")
	b.ReportMetric(float64(cw.n)/float64(letters*b.N), "B/letter")
}

// countingWriter discards what it is given and counts the bytes.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)
