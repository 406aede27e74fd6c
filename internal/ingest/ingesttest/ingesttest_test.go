package ingesttest

import (
	"testing"

	"github.com/lettergraph/lettergraph/internal/seed"
)

// The hand-made seed input matches the corpus's expected document: the comparison
// reads the expected format, and the seed stays true to it.
func TestSeedMatchesItsExpectedDocument(t *testing.T) {
	in, err := seed.Letter()
	if err != nil {
		t.Fatalf("seed.Letter: %v", err)
	}
	Compare(t, in, "../../seed/corpus/nejat-society-to-albania-pm.expected.json")
}
