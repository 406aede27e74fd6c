package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// countLetters returns the letters stored (stubs aside) and those without any party.
// It returns 0, 0 while Neo4j does not answer: callers poll.
func countLetters(driver neo4j.DriverWithContext) (stored, bare int64) {
	res, err := neo4j.ExecuteQuery(context.Background(), driver, `
		MATCH (l:Letter) WHERE NOT l.stub
		RETURN count(l) AS stored,
		       count(CASE WHEN NOT EXISTS { (l)-[:WROTE|ADDRESSED_TO|CC|BCC]-() } THEN 1 END) AS bare`,
		nil, neo4j.EagerResultTransformer)
	if err != nil {
		return 0, 0
	}
	stored, _ = res.Records[0].Values[0].(int64)
	bare, _ = res.Records[0].Values[1].(int64)
	return stored, bare
}

// awaitLetters polls countLetters until at least want letters are stored, also while
// Neo4j restarts. It polls tightly because the tests stop imports at a count, and a
// batch of 100 letters takes tens of milliseconds.
func awaitLetters(tb testing.TB, driver neo4j.DriverWithContext, want int64, within time.Duration) (stored, bare int64) {
	tb.Helper()
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if stored, bare = countLetters(driver); stored >= want {
			return stored, bare
		}
	}
	tb.Fatalf("%d letters stored after %s, want at least %d", stored, within, want)
	return 0, 0
}

// lettersStored returns the letters stored (stubs aside), each by its external id,
// or its title when it has none (letters created through the API), with its parties:
// each link to an author, recipient or copy, as the link's type and the party's
// element id, sorted. Durable writes keep both, so two readings compare as they are.
func lettersStored(tb testing.TB, driver neo4j.DriverWithContext) map[string][]string {
	tb.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), driver, `
		MATCH (l:Letter) WHERE NOT l.stub
		RETURN coalesce(l.externalId, l.title) AS key,
		       [(l)-[r:WROTE|ADDRESSED_TO|CC|BCC]-(p) | type(r) + ' ' + elementId(p)] AS parties`,
		nil, neo4j.EagerResultTransformer)
	if err != nil {
		tb.Fatalf("reading the letters stored: %v", err)
	}
	stored := make(map[string][]string, len(res.Records))
	for _, rec := range res.Records {
		var parties []string
		for _, p := range rec.Values[1].([]any) {
			parties = append(parties, p.(string))
		}
		slices.Sort(parties)
		stored[rec.Values[0].(string)] = parties
	}
	return stored
}

// checkKept checks that every letter of before is in after with the same parties.
func checkKept(tb testing.TB, when string, before, after map[string][]string) {
	tb.Helper()
	var missing, changed []string
	for key, parties := range before {
		got, ok := after[key]
		switch {
		case !ok:
			missing = append(missing, key)
		case !slices.Equal(got, parties):
			changed = append(changed, key)
		}
	}
	slices.Sort(missing)
	slices.Sort(changed)
	if len(missing) > 0 {
		tb.Errorf("%s: %d of the %d letters stored before are missing, e.g. %q; want none", when, len(missing), len(before), missing[:min(5, len(missing))])
	}
	if len(changed) > 0 {
		tb.Errorf("%s: %d of the %d letters stored before have other parties, e.g. %q; want the same", when, len(changed), len(before), changed[:min(5, len(changed))])
	}
}

// importRig is the setup of the import fault tests: a Neo4j of the test's own and a
// generated corpus of importLetters letters to import into it.
type importRig struct {
	tb     testing.TB
	n      *neo4jProcess
	bin    string
	env    []string
	corpus string
	driver neo4j.DriverWithContext
}

func newImportRig(tb testing.TB) *importRig {
	tb.Helper()
	n := startOwnNeo4j(tb)
	bin := build(tb)
	return &importRig{tb: tb, n: n, bin: bin, env: append(env(tb), n.env()...), corpus: genCorpus(tb, bin, importLetters), driver: n.driver()}
}

// genCorpus writes a generated corpus of n letters and returns its path.
func genCorpus(tb testing.TB, bin string, n int) string {
	tb.Helper()
	corpus := filepath.Join(tb.TempDir(), "corpus.ndjson")
	if out, err := exec.Command(bin, "gen", "-n", strconv.Itoa(n), "-o", corpus).CombinedOutput(); err != nil {
		tb.Fatalf("gen: %v\n%s", err, out)
	}
	return corpus
}

// externalIDs returns the external ids of the corpus's letters, in its order, which
// is the order the importer writes them in.
func (r *importRig) externalIDs() []string {
	r.tb.Helper()
	raw, err := os.ReadFile(r.corpus)
	if err != nil {
		r.tb.Fatal(err)
	}
	var ids []string
	for line := range strings.Lines(string(raw)) {
		var d struct{ ExternalID string }
		if err := json.Unmarshal([]byte(line), &d); err != nil || d.ExternalID == "" {
			r.tb.Fatalf("corpus line %d: no external id (%v)", len(ids)+1, err)
		}
		ids = append(ids, d.ExternalID)
	}
	return ids
}

// startImport starts importing the corpus in batches of 100, small enough for the
// test to cut the import between batches, and waits until 300 letters are stored.
func (r *importRig) startImport(stdout, stderr io.Writer) *exec.Cmd {
	r.tb.Helper()
	imp := exec.Command(r.bin, "import", "--batch-size", "100", r.corpus)
	imp.Env = r.env
	imp.Stdout = stdout
	imp.Stderr = stderr
	if err := imp.Start(); err != nil {
		r.tb.Fatal(err)
	}
	// Should the test end early, the importer must not outlive it.
	r.tb.Cleanup(func() { _ = imp.Process.Kill() })
	awaitLetters(r.tb, r.driver, 300, 90*time.Second)
	return imp
}

// checkCut checks that an import cut short left some letters, each whole, and
// returns how many.
func (r *importRig) checkCut(cut string) int64 {
	r.tb.Helper()
	stored, bare := awaitLetters(r.tb, r.driver, 1, 60*time.Second)
	if stored >= importLetters {
		r.tb.Fatalf("after %s: %d letters; want some of %d (it came too late)", cut, stored, importLetters)
	}
	if bare != 0 {
		r.tb.Errorf("after %s: %d letters without their parties; want none", cut, bare)
	}
	return stored
}

// importSummary is the importer's last line: what it wrote, as its batches committed.
type importSummary struct{ read, created, unchanged, failed int }

func parseSummary(tb testing.TB, out string) importSummary {
	tb.Helper()
	m := summaryLine.FindStringSubmatch(out)
	if m == nil {
		tb.Fatalf("no summary in the importer's output:\n%s", out)
	}
	n := make([]int, 4)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return importSummary{read: n[0], created: n[1], unchanged: n[2], failed: n[3]}
}

// importAgain runs the import again, to the end, onto the letters kept (as read after
// the cut and the restart): it writes the letters the cut one did not, leaves the kept
// ones as they were, and every letter ends up whole.
func (r *importRig) importAgain(kept map[string][]string) {
	r.tb.Helper()
	imp := exec.Command(r.bin, "import", r.corpus)
	imp.Env = r.env
	out, err := imp.CombinedOutput()
	if err != nil {
		r.tb.Fatalf("import again: %v\n%s", err, out)
	}
	got := parseSummary(r.tb, string(out))
	want := importSummary{read: importLetters, created: importLetters - len(kept), unchanged: len(kept)}
	if got != want {
		r.tb.Errorf("importing again: %+v, want %+v", got, want)
	}
	if stored, bare := countLetters(r.driver); stored != importLetters || bare != 0 {
		r.tb.Fatalf("after importing again: %d letters, %d without parties; want %d, 0", stored, bare, importLetters)
	}
	checkKept(r.tb, "after importing again", kept, lettersStored(r.tb, r.driver))
}

// TestImportKilledAndRunAgain kills `lettergraph import` while it writes: no letter is
// left without its links (a batch is one transaction). Then Neo4j crashes too: every
// letter committed before the kill is there after its restart, with the same parties,
// before the import runs again and writes the rest.
func TestImportKilledAndRunAgain(t *testing.T) {
	faultTest(t)
	r := newImportRig(t)
	imp := r.startImport(nil, nil)
	_ = imp.Process.Kill()
	_ = imp.Wait()
	t.Logf("killed the import after %d of %d letters", r.checkCut("the kill"), importLetters)
	// With the importer gone, what is readable is what its batches committed.
	before := lettersStored(t, r.driver)

	r.n.kill()
	r.n.start()
	after := lettersStored(t, r.driver)
	checkKept(t, "after a Neo4j crash", before, after)
	t.Logf("%d letters committed before the kill, %d stored after a Neo4j crash", len(before), len(after))
	r.importAgain(after)
}

// TestImportInterruptedByNeo4jStop stops Neo4j under a running import: the importer
// gives up after the driver's retries and exits with an error rather than hanging;
// after the restart every letter committed before the stop (as read just before it,
// and as the importer reported) is there with its parties, no letter is left without
// its links, and running the import again writes the rest.
func TestImportInterruptedByNeo4jStop(t *testing.T) {
	faultTest(t)
	r := newImportRig(t)
	var stdout, stderr bytes.Buffer
	imp := r.startImport(&stdout, &stderr)
	exited := make(chan error, 1)
	go func() { exited <- imp.Wait() }()
	// What is readable was committed. The importer goes on until the stop, so the
	// letters stored after the restart are these and then some.
	before := lettersStored(t, r.driver)
	stopping := time.Now()
	r.n.stop()
	stopped := time.Since(stopping)

	// The driver retries a failed transaction for about 5 s; then the importer must
	// give up, not wait for Neo4j.
	const within = 60 * time.Second
	select {
	case err := <-exited:
		took := time.Since(stopping)
		last := lastLine(stderr.String())
		if err == nil {
			t.Errorf("the importer exited cleanly %s after the stop began; want a failure (stderr: %q)", took.Round(time.Millisecond), last)
		}
		t.Logf("%d of %d letters read just before the stop (which took %s); the importer exited %s after it began: %v, stderr %q",
			len(before), importLetters, stopped.Round(time.Millisecond), took.Round(time.Millisecond), err, last)
	case <-time.After(within):
		_ = imp.Process.Kill()
		<-exited
		t.Fatalf("the importer still ran %s after Neo4j stopped; want it to exit with an error (stderr: %q)", within, lastLine(stderr.String()))
	}
	// The importer counts a batch once its transaction has committed, and writes them
	// in the corpus's order: it reports the first `read` letters as written. (A batch
	// whose answer the stop cut may be stored without being reported.)
	reported := parseSummary(t, stdout.String())
	if reported.failed != 0 {
		t.Fatalf("the importer reported %+v, want no document failed", reported)
	}

	r.n.start()
	after := lettersStored(t, r.driver)
	checkKept(t, "after the restart", before, after)
	var lost []string
	for _, id := range r.externalIDs()[:reported.read] {
		if len(after[id]) == 0 {
			lost = append(lost, id)
		}
	}
	if len(lost) > 0 {
		t.Errorf("after the restart: %d of the %d letters the importer reported written are missing or without parties, e.g. %q; want none",
			len(lost), reported.read, lost[:min(5, len(lost))])
	}
	t.Logf("after the restart: %d letters stored (%d read before the stop, %d reported written), each with its parties",
		r.checkCut("the stop"), len(before), reported.read)
	r.importAgain(after)
}

// lastLine is the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
