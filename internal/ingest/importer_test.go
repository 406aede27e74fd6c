package ingest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

const batch = `{"title":"One","authors":[{"person":{"name":"Ann Lee","emails":["ann@example.org"]}}],"recipients":[{"person":{"name":"Bo Chen"}}]}
{"title":"Two","authors":[{"person":{"name":"Bo Chen"}}],"cc":[{"person":{"name":"Mrs. Ann Lee"}}]}
{"title":"Bad reference","authors":[{"id":"no-such-correspondent"}]}
{"title":"Four","authors":[{"person":{"name":"Ann Lee"}}],"cc":[{"organisation":{"name":"The Media","kind":"GROUP"}}]}
`

func importString(t *testing.T, opts ingest.Options, src string) (ingest.Summary, []ingest.Outcome, error) {
	t.Helper()
	store := neo4jtest.Store(t)
	return importWith(t, store, opts, src)
}

func importWith(t *testing.T, w ingest.Writer, opts ingest.Options, src string) (ingest.Summary, []ingest.Outcome, error) {
	t.Helper()
	var outcomes []ingest.Outcome
	im := &ingest.Importer{Writer: w, Options: opts, OnOutcome: func(o ingest.Outcome) { outcomes = append(outcomes, o) }}
	sum, err := im.Import(neo4jtest.Context(), []ingest.Source{ingest.StringSource("batch.ndjson", src)})
	return sum, outcomes, err
}

func TestImportBatchAndReimport(t *testing.T) {
	store := neo4jtest.Store(t)
	for _, size := range []int{100, 1} {
		neo4jtest.Wipe(t)
		sum, outcomes, err := importWith(t, store, ingest.Options{BatchSize: size}, batch)
		if err != nil {
			t.Fatalf("batch %d: Import: %v", size, err)
		}
		if sum.Read != 4 || sum.Created != 3 || sum.Failed != 1 || sum.Unchanged != 0 {
			t.Errorf("batch %d: summary = %+v, want read 4, created 3, failed 1", size, sum)
		}
		if sum.CorrespondentsCreated != 3 || sum.CorrespondentsMatched != 3 {
			t.Errorf("batch %d: correspondents created %d, matched %d; want 3, 3", size, sum.CorrespondentsCreated, sum.CorrespondentsMatched)
		}
		if o := outcomes[2]; o.Err == nil || o.Origin != "batch.ndjson:3" || !strings.Contains(o.Err.Error(), "authors[0].id") {
			t.Errorf("batch %d: third outcome = %s %v, want a failure at batch.ndjson:3 naming authors[0].id", size, o.Origin, o.Err)
		}
		if rows := neo4jtest.Exec(t, `MATCH (l:Letter {title: 'Bad reference'}) RETURN count(l) AS n`, nil); rows[0]["n"].(int64) != 0 {
			t.Errorf("batch %d: the failed document left a letter behind", size)
		}
		if rows := neo4jtest.Exec(t, `MATCH (p:Person) RETURN count(p) AS n`, nil); rows[0]["n"].(int64) != 2 {
			t.Errorf("batch %d: %d persons, want 2 (Ann Lee and Bo Chen)", size, rows[0]["n"])
		}
	}

	nodes, rels := neo4jtest.Counts(t)
	sum, _, err := importWith(t, store, ingest.Options{}, batch)
	if err != nil {
		t.Fatalf("reimport: %v", err)
	}
	if sum.Created != 0 || sum.Unchanged != 3 || sum.Failed != 1 {
		t.Errorf("reimport summary = %+v, want unchanged 3, failed 1", sum)
	}
	if n, r := neo4jtest.Counts(t); n != nodes || r != rels {
		t.Errorf("after reimport: %d nodes, %d relationships; want %d, %d", n, r, nodes, rels)
	}
}

func TestImportStrictAndDryRun(t *testing.T) {
	sum, _, err := importString(t, ingest.Options{Strict: true, BatchSize: 1}, batch)
	if !errors.Is(err, ingest.ErrStrict) || sum.Created != 2 || sum.Read != 3 {
		t.Errorf("strict: summary %+v, err %v; want stop after 2 created at the third document", sum, err)
	}

	neo4jtest.Wipe(t)
	sum, outcomes, err := importString(t, ingest.Options{DryRun: true}, batch+`{"title":""}`+"\n")
	if err != nil {
		t.Fatalf("dry run: %v", err)
	}
	// A dry run cannot know that an id is missing; it validates what it can.
	if sum.Valid != 4 || sum.Failed != 1 || len(outcomes) != 5 {
		t.Errorf("dry run summary = %+v, want 4 valid, 1 failed", sum)
	}
	if n, r := neo4jtest.Counts(t); n != 0 || r != 0 {
		t.Errorf("dry run wrote %d nodes, %d relationships", n, r)
	}
}

func TestUnreadableSourcesFailAlone(t *testing.T) {
	store := neo4jtest.Store(t)
	var outcomes []ingest.Outcome
	im := &ingest.Importer{Writer: store, OnOutcome: func(o ingest.Outcome) { outcomes = append(outcomes, o) }}
	json := ingest.StringSource("good.json", `{"title":"Good"}`)
	sum, err := im.Import(neo4jtest.Context(), []ingest.Source{
		ingest.StringSource("binary.bin", "\x00\x01\x02garbage"), json,
	})
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if sum.Read != 2 || sum.Failed != 1 || sum.Created != 1 {
		t.Errorf("summary = %+v, want the binary source failed and the JSON one created", sum)
	}
	if outcomes[0].Origin != "binary.bin" || outcomes[0].Err == nil {
		t.Errorf("first outcome = %+v, want binary.bin failed", outcomes[0])
	}
}
