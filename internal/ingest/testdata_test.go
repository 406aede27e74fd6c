package ingest_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

const seedText = "../../testdata/text/nejat-society-to-albania-pm.txt"

// TestRawSeedLetterGivesItsGraph imports the published text of the seed letter, not
// the hand-made input, and checks the graph docs/design.md §2 describes; a second import
// changes nothing.
func TestRawSeedLetterGivesItsGraph(t *testing.T) {
	store := neo4jtest.Store(t)
	sources, err := ingest.Sources([]string{seedText}, nil)
	if err != nil {
		t.Fatalf("Sources: %v", err)
	}
	im := &ingest.Importer{Writer: store}
	sum, err := im.Import(neo4jtest.Context(), sources)
	if err != nil || sum.Created != 1 || sum.Failed != 0 {
		t.Fatalf("Import = %+v, %v; want one letter created", sum, err)
	}
	neo4jtest.CheckSeedGraph(t)
	nodes, rels := neo4jtest.Counts(t)
	sum, err = im.Import(neo4jtest.Context(), sources)
	if err != nil || sum.Unchanged != 1 {
		t.Fatalf("second Import = %+v, %v; want one unchanged", sum, err)
	}
	if n, r := neo4jtest.Counts(t); n != nodes || r != rels {
		t.Errorf("after the second import: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}
}

// TestEveryTestdataFileImports imports the whole corpus under testdata/ into Neo4j:
// every document the expected files call good is written, every one they call bad
// fails, and importing it all again writes nothing.
func TestEveryTestdataFileImports(t *testing.T) {
	store := neo4jtest.Store(t)
	var paths []string
	wantFailed := 0
	err := filepath.WalkDir("../../testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".expected.json") && detectedOtherwise[filepath.ToSlash(p)] != "":
			// the file fails only when read in the format its folder names
		case strings.HasSuffix(p, ".expected.json"):
			wantFailed += expectedErrors(t, p)
		case strings.HasSuffix(p, ".md"):
		default:
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("walking testdata: %v", err)
	}
	sources, err := ingest.Sources(paths, nil)
	if err != nil {
		t.Fatalf("Sources: %v", err)
	}
	var failed []string
	im := &ingest.Importer{Writer: store, OnOutcome: func(o ingest.Outcome) {
		if o.Err != nil {
			failed = append(failed, o.Origin+": "+o.Err.Error())
		}
	}}
	sum, err := im.Import(neo4jtest.Context(), sources)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if sum.Failed != wantFailed {
		t.Errorf("%d documents failed, want %d (the expected files' errors):\n%s", sum.Failed, wantFailed, strings.Join(failed, "\n"))
	}
	if sum.Created == 0 {
		t.Errorf("nothing created: %+v", sum)
	}
	nodes, rels := neo4jtest.Counts(t)
	again, err := im.Import(neo4jtest.Context(), sources)
	if err != nil || again.Created != 0 || again.Unchanged != sum.Created+sum.Unchanged {
		t.Errorf("second import = %+v, %v; want all %d unchanged", again, err, sum.Created+sum.Unchanged)
	}
	if n, r := neo4jtest.Counts(t); n != nodes || r != rels {
		t.Errorf("after the second import: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}
	t.Logf("testdata: %d sources, %+v", len(sources), sum)
}

// detectedOtherwise lists the expected files of inputs that fail in their folder's
// format but are another format when detected, with what they become.
var detectedOtherwise = map[string]string{
	"../../testdata/email/bad-not-email.expected.json": "a plain-text letter",
}

// expectedErrors counts the documents an expected file says must fail.
func expectedErrors(t *testing.T, path string) int {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var list []map[string]any
	if err := json.Unmarshal(raw, &list); err != nil {
		var one map[string]any
		if err := json.Unmarshal(raw, &one); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		list = []map[string]any{one}
	}
	n := 0
	for _, e := range list {
		if _, ok := e["error"]; ok {
			n++
		}
	}
	return n
}
