package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// TestLetterCorpusIsWellFormed checks every expected document of testdata/letters: it
// loads strictly, validates as a letter, and quotes its body bounds, date and place
// from its own letter, so that a slip in writing one cannot pass for a parser error.
// It reads the held-out letters too, but says no more than which check failed.
func TestLetterCorpusIsWellFormed(t *testing.T) {
	for _, dir := range []string{"dev", "heldout"} {
		inputs, err := pairs(filepath.Join("../../../testdata/letters", dir))
		if err != nil {
			t.Fatal(err)
		}
		if len(inputs) < 20 {
			t.Errorf("%s: %d letters, want at least 20", dir, len(inputs))
		}
		for _, in := range inputs {
			want, err := Load(in.expected)
			if err != nil {
				t.Errorf("%s", err)
				continue
			}
			raw, err := os.ReadFile(in.path)
			if err != nil {
				t.Fatal(err)
			}
			text := domain.CleanText(string(raw))
			for _, w := range want {
				if _, _, err := Compare(w.asInput(), w); err != nil {
					t.Errorf("%s: the expected document does not validate: %v", in.expected, err)
				}
				for what, s := range map[string]string{"bodyStartsWith": w.BodyStartsWith, "bodyEndsWith": w.BodyEndsWith,
					"dateText": w.DateText, "placeText": w.PlaceText, "subject": w.Subject} {
					if s != "" && !strings.Contains(text, domain.CleanText(s)) {
						t.Errorf("%s: %s is not in the letter", in.expected, what)
					}
				}
				if w.Language == "" || w.SourceFormat != "TEXT" {
					t.Errorf("%s: language %q and source format %q, want both (TEXT)", in.expected, w.Language, w.SourceFormat)
				}
			}
		}
	}
}
