package ingest_test

import (
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/ingest/corpus"
)

// TestLetterCorpusScore guards the text parser's score on the development
// letters (testdata/letters/dev): it fails when a change loses facts it read before.
// The floor follows the score up; the held-out letters are never scored here.
func TestLetterCorpusScore(t *testing.T) {
	const floor = 0.88
	letters, err := corpus.Run("../../testdata/letters/dev", ingest.ParseFile)
	if err != nil {
		t.Fatal(err)
	}
	sum := corpus.Score{}
	for _, l := range letters {
		if l.Err != nil {
			t.Errorf("%s: %v", l.Path, l.Err)
		}
		sum.Add(l.Score)
	}
	total := sum.Total()
	got := float64(total.Right) / float64(total.Expected)
	t.Logf("development letters: %d of %d facts (%.1f%%), %d invented", total.Right, total.Expected, 100*got, total.Invented)
	if got < floor {
		t.Errorf("development score %.3f, want at least %.2f", got, floor)
	}
}
