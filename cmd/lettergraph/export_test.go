package main_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// checkScript reads GraphML and GEXF with networkx (scripts/export-check).
var checkScript = filepath.Join("..", "..", "scripts", "export-check", "check.py")

// pythonWithNetworkx returns the path of a Python 3 that imports networkx. Without it
// the test fails in CI (scripts/test.sh installs the requirement) and is skipped
// elsewhere.
func pythonWithNetworkx(tb testing.TB) string {
	tb.Helper()
	python, err := exec.LookPath("python3")
	if err == nil {
		err = exec.Command(python, "-c", "import networkx").Run()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("the test needs Python 3 with networkx (pip install -r scripts/export-check/requirements.txt; scripts/test.sh runs it): %v", err)
		}
		tb.Skipf("no Python 3 with networkx: %v", err)
	}
	return python
}

// TestExportReadByNetworkx generates a corpus of 2,000 letters (EXPORT_CHECK_LETTERS
// sets another size: scripts/export-rate.sh checks 100,000 so), imports it, exports
// its network with `lettergraph export` as GraphML and as GEXF, and reads both with
// networkx: each has as many nodes, edges of each kind, and total weight as the
// database, counted here with Cypher of the test's own. The CSV and NDJSON exports
// of the same corpus have a row, and a line, a letter. It leaves the corpus in the
// database.
func TestExportReadByNetworkx(t *testing.T) {
	python := pythonWithNetworkx(t)
	letters := 2000
	if n, err := strconv.Atoi(os.Getenv("EXPORT_CHECK_LETTERS")); err == nil && n > 0 {
		letters = n
	}
	neo4jtest.Store(t)
	bin := build(t)
	dir := t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = env(t)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("lettergraph %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
		}
		return string(out)
	}
	corpus := filepath.Join(dir, "corpus.ndjson")
	run("gen", "-n", strconv.Itoa(letters), "-o", corpus)
	run("import", corpus)
	for _, f := range []string{"graphml", "gexf"} {
		run("export", "--format", f, "-o", filepath.Join(dir, "export."+f))
	}
	out, err := exec.Command(python, checkScript, filepath.Join(dir, "export.graphml"), filepath.Join(dir, "export.gexf")).Output()
	if err != nil {
		t.Fatalf("check.py: %v", err)
	}

	// The database's network, counted without the exporter.
	db := neo4jtest.Exec(t, `
		CALL {
			MATCH (c:Correspondent) WHERE EXISTS { (c)-[:WROTE|ADDRESSED_TO|CC|BCC]-(l:Letter) WHERE l.stub = false }
			RETURN count(c) AS nodes
		}
		CALL {
			MATCH (a:Correspondent)-[:WROTE]->(l:Letter)-[r:ADDRESSED_TO|CC|BCC]->(b:Correspondent)
			WHERE l.stub = false AND a <> b
			WITH a, b, type(r) = 'ADDRESSED_TO' AS direct, count(DISTINCT l) AS weight
			RETURN count(*) AS edges, sum(CASE WHEN direct THEN 1 ELSE 0 END) AS wroteTo, sum(weight) AS weight
		}
		RETURN nodes, edges, wroteTo, weight`, nil)[0]
	type counts struct {
		Nodes, Edges, Weight int64
		Kinds                map[string]int64
	}
	want := counts{Nodes: db["nodes"].(int64), Edges: db["edges"].(int64), Weight: db["weight"].(int64),
		Kinds: map[string]int64{"WROTE_TO": db["wroteTo"].(int64), "COPIED": db["edges"].(int64) - db["wroteTo"].(int64)}}
	sc := bufio.NewScanner(bytes.NewReader(out))
	files := 0
	for sc.Scan() {
		var got struct {
			counts
			Format string
		}
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatalf("check.py printed %q: %v", sc.Text(), err)
		}
		files++
		if got.Nodes != want.Nodes || got.Edges != want.Edges || got.Weight != want.Weight ||
			got.Kinds["WROTE_TO"] != want.Kinds["WROTE_TO"] || got.Kinds["COPIED"] != want.Kinds["COPIED"] {
			t.Errorf("networkx read the %s as %+v; the database has %+v", got.Format, got.counts, want)
		}
		t.Logf("networkx, %s: %s", got.Format, sc.Text())
	}
	if files != 2 || want.Edges == 0 {
		t.Fatalf("check.py read %d files (want 2); the database has %d edges", files, want.Edges)
	}

	run("export", "--format", "csv", "-o", filepath.Join(dir, "csv"))
	table, err := os.Open(filepath.Join(dir, "csv", "letters.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer table.Close()
	rows := 0
	for r := csv.NewReader(bufio.NewReader(table)); ; rows++ {
		if _, err := r.Read(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("letters.csv: %v", err)
		}
	}
	if rows != letters+1 {
		t.Errorf("letters.csv has %d rows, want a header and %d letters", rows, letters)
	}
	ndjson := filepath.Join(dir, "export.ndjson")
	run("export", "--format", "ndjson", "-o", ndjson)
	if data, err := os.ReadFile(ndjson); err != nil || bytes.Count(data, []byte("\n")) != letters {
		t.Errorf("the NDJSON export has %d lines (%v), want %d", bytes.Count(data, []byte("\n")), err, letters)
	}
}
