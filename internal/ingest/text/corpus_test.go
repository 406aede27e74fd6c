package text_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/ingest/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/letters/dev.differences.txt to the parser's misses now")

const (
	devLetters  = "../../../testdata/letters/dev"
	differences = "../../../testdata/letters/dev.differences.txt"
)

// TestLetterCorpusNoRegression reads every development letter and compares what the
// parser gets wrong with what it got wrong when dev.differences.txt was written: a
// fact missed or invented that is not listed there fails the test, so that no change
// loses a fact the parser read, on any letter. A fact read now that was missed then
// only asks for the file to be written again (go test ./internal/ingest/text -run
// TestLetterCorpusNoRegression -update). The held-out letters are never read here.
func TestLetterCorpusNoRegression(t *testing.T) {
	letters, err := corpus.Run(devLetters, ingest.ParseFile)
	if err != nil {
		t.Fatal(err)
	}
	var now []string
	for _, l := range letters {
		name := filepath.Base(l.Path)
		if l.Err != nil {
			now = append(now, name+": error: "+l.Err.Error())
		}
		for _, d := range l.Differences {
			now = append(now, name+": "+d.String())
		}
	}
	slices.Sort(now)
	if *update {
		if err := os.WriteFile(differences, []byte(strings.Join(now, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	raw, err := os.ReadFile(differences)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		known[l]++
	}
	fixed := 0
	for _, d := range now {
		if known[d] == 0 {
			t.Errorf("new difference: %s", d)
			continue
		}
		known[d]--
	}
	for _, n := range known {
		fixed += n
	}
	if fixed > 0 {
		t.Logf("%d differences listed are gone: write the file again with -update", fixed)
	}
}
