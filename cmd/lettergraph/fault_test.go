package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

// neo4jProcess is a Neo4j of the test's own, started and stopped with the repository's
// script, for fault tests that stop the database under a running server.
type neo4jProcess struct {
	tb         testing.TB
	data, port string
}

func startOwnNeo4j(tb testing.TB) *neo4jProcess {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	n := &neo4jProcess{tb: tb, data: tb.TempDir(), port: port}
	n.start()
	tb.Cleanup(func() { n.script("stop", "--data", n.data) })
	return n
}

func (n *neo4jProcess) script(args ...string) {
	n.tb.Helper()
	cmd := exec.Command(filepath.Join("..", "..", "scripts", "neo4j-local.sh"), args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		n.tb.Fatalf("neo4j-local.sh %v: %v\n%s", args, err, out)
	}
}

func (n *neo4jProcess) start() { n.script("start", "--no-auth", "--port", n.port, "--data", n.data) }
func (n *neo4jProcess) stop()  { n.script("stop", "--data", n.data) }

// kill crashes Neo4j (SIGKILL: no checkpoint, no clean shutdown of the store).
func (n *neo4jProcess) kill() { n.script("kill", "--data", n.data) }

func (n *neo4jProcess) uri() string { return "bolt://127.0.0.1:" + n.port }

// env points a lettergraph process at this Neo4j, which has no authentication; it
// overrides the test database's entries of env(t).
func (n *neo4jProcess) env() []string { return []string{"NEO4J_URI=" + n.uri(), "NEO4J_USER="} }

// driver is a driver of the test's own on this Neo4j, to look behind the API.
func (n *neo4jProcess) driver() neo4j.DriverWithContext {
	n.tb.Helper()
	d, err := neo4j.NewDriverWithContext(n.uri(), neo4j.NoAuth())
	if err != nil {
		n.tb.Fatal(err)
	}
	n.tb.Cleanup(func() { d.Close(context.Background()) })
	return d
}

// faultTest skips tb unless fault tests were asked for: they start, stop and kill
// Neo4j processes of their own, which takes a while.
func faultTest(tb testing.TB) {
	tb.Helper()
	if os.Getenv("CI") != "true" && os.Getenv("LETTERGRAPH_FAULT_TESTS") == "" {
		tb.Skip("starts and stops a Neo4j of its own: set LETTERGRAPH_FAULT_TESTS=1 (CI runs it)")
	}
}

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

const importLetters = 3000

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

var summaryLine = regexp.MustCompile(`import: read (\d+), created (\d+), unchanged (\d+), failed (\d+)`)

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

// ready polls /readyz until it answers want, and returns how long that took.
func ready(tb testing.TB, url string, want int, within time.Duration) time.Duration {
	tb.Helper()
	start := time.Now()
	for time.Since(start) < within {
		resp, err := http.Get(url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == want {
				return time.Since(start)
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	tb.Fatalf("/readyz did not answer %d within %s", want, within)
	return 0
}

// TestNeo4jStoppedAndBack stops Neo4j under a running server: /readyz answers 503
// within seconds, queries fail fast with UNAVAILABLE, the server stays up, and it
// serves again by itself once Neo4j is back, with every letter stored before the stop.
func TestNeo4jStoppedAndBack(t *testing.T) {
	faultTest(t)
	n := startOwnNeo4j(t)
	bin := build(t)
	imp := exec.Command(bin, "import", genCorpus(t, bin, 200))
	imp.Env = append(env(t), n.env()...)
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	driver := n.driver()
	before := lettersStored(t, driver)
	url := serveWith(t, bin, n.env())
	const q = `{ statistics { letters } }`
	if r := servertest.Do(t, url, q, nil); len(r.Errors) > 0 {
		t.Fatalf("before the stop: %+v", r.Errors)
	}
	// Load through the stop and the restart: every answer is data or UNAVAILABLE.
	load := underLoad(t, url, `{ letters(first: 20) { nodes { title authors { correspondent { name } } } } }`, 4)

	n.stop()
	t.Logf("/readyz answered 503 %s after the stop", ready(t, url, http.StatusServiceUnavailable, 15*time.Second).Round(time.Millisecond))
	// The first queries wait for the driver's retries; once they have failed, the
	// circuit breaker refuses the next at once, with its own message.
	var last string
	for i := range 3 {
		start := time.Now()
		r := servertest.Do(t, url, q, nil)
		took := time.Since(start)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAVAILABLE" {
			t.Fatalf("query %d with Neo4j stopped: %+v, want UNAVAILABLE", i+1, r.Errors)
		}
		if took > 12*time.Second {
			t.Errorf("query %d with Neo4j stopped took %s, want it to fail fast", i+1, took)
		}
		last = r.Errors[0].Message
		t.Logf("query %d with Neo4j stopped: UNAVAILABLE after %s: %s", i+1, took.Round(time.Millisecond), last)
	}
	if want := "try again in a few seconds"; !strings.Contains(last, want) {
		t.Errorf("the third query with Neo4j stopped: %q, want the circuit breaker's refusal (%q)", last, want)
	}

	n.start()
	t.Logf("/readyz answered 200 %s after the restart", ready(t, url, http.StatusOK, 60*time.Second).Round(time.Millisecond))
	if r := servertest.Do(t, url, q, nil); len(r.Errors) > 0 {
		t.Fatalf("after the restart: %+v", r.Errors)
	}
	after := lettersStored(t, driver)
	checkKept(t, "after the restart", before, after)
	if len(after) != len(before) {
		t.Errorf("after the restart: %d letters, want the %d stored before the stop", len(after), len(before))
	}
	// Some load after the restart too: wait for a client's answer with data.
	restarted := load.counts()["data"]
	for deadline := time.Now().Add(30 * time.Second); load.counts()["data"] == restarted; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no answer with data under load within 30 s of the restart: %v", load.counts())
		}
	}
	got := load.stop()
	if len(got) != 2 || got["data"] == 0 || got["UNAVAILABLE"] == 0 {
		t.Errorf("answers under load through the stop: %v, want data and UNAVAILABLE only", got)
	}
	t.Logf("answers under load through the stop and restart: %v", got)
}

// load is clients sending a query over and over, counting their answers: "data", or
// the error code.
type load struct {
	mu   sync.Mutex
	got  map[string]int
	halt atomic.Bool
	wg   sync.WaitGroup
}

// underLoad sends query to url from clients goroutines until the load is stopped.
func underLoad(t *testing.T, url, query string, clients int) *load {
	t.Helper()
	l := &load{got: map[string]int{}}
	for range clients {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			for !l.halt.Load() {
				r := servertest.Do(goroutineTB{t}, url, query, nil)
				outcome := "data"
				if len(r.Errors) > 0 {
					outcome, _ = r.Errors[0].Extensions["code"].(string)
				}
				l.mu.Lock()
				l.got[outcome]++
				l.mu.Unlock()
				time.Sleep(100 * time.Millisecond) // under the rate limit: loopback is one client
			}
		}()
	}
	t.Cleanup(func() { l.stop() })
	return l
}

// counts returns the answers so far.
func (l *load) counts() map[string]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return maps.Clone(l.got)
}

// stop stops the clients and returns their answers.
func (l *load) stop() map[string]int {
	l.halt.Store(true)
	l.wg.Wait()
	return l.counts()
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

// goroutineTB lets a helper that may call Fatal run in a goroutine other than the
// test's, where Fatal must not be called: it reports the failure and ends only that
// goroutine.
type goroutineTB struct{ testing.TB }

func (g goroutineTB) Fatal(args ...any) { g.Error(args...); runtime.Goexit() }
func (g goroutineTB) Fatalf(format string, args ...any) {
	g.Errorf(format, args...)
	runtime.Goexit()
}

// TestAcknowledgedWritesSurviveACrash kills Neo4j (SIGKILL) under a stream of
// createLetter mutations: every letter whose creation the API acknowledged is in the
// database after the restart, with its author, since Neo4j commits to its
// transaction log before it answers.
func TestAcknowledgedWritesSurviveACrash(t *testing.T) {
	faultTest(t)
	n := startOwnNeo4j(t)
	bin := build(t)
	url := serveWith(t, bin, n.env())
	// The first write compiles the queries; the stream then starts at full speed.
	const first = "before the crash"
	if r := servertest.Do(t, url, createLetter, map[string]any{"title": first}); len(r.Errors) > 0 {
		t.Fatalf("createLetter before the crash: %+v", r.Errors)
	}

	const writers = 8
	var (
		mu           sync.Mutex
		acknowledged = []string{first}
		failed       []string
		killing      atomic.Bool
		halt         atomic.Bool
		wg           sync.WaitGroup
	)
	stopWriters := sync.OnceFunc(func() { halt.Store(true); wg.Wait() })
	defer stopWriters()
	// Each writer writes until one of its writes fails as UNAVAILABLE after the kill:
	// then it has no write left from before the crash.
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !halt.Load(); i++ {
				title := fmt.Sprintf("crash test %d-%d", w, i)
				r := servertest.Do(goroutineTB{t}, url, createLetter, map[string]any{"title": title})
				mu.Lock()
				if len(r.Errors) > 0 {
					failed = append(failed, title)
				} else {
					acknowledged = append(acknowledged, title)
				}
				mu.Unlock()
				if len(r.Errors) > 0 && killing.Load() && r.Errors[0].Extensions["code"] == "UNAVAILABLE" {
					return
				}
			}
		}()
	}
	// Let a stream of writes be acknowledged first; how long that takes depends on the
	// machine's load.
	const enough = 40
	var beforeKill int
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		beforeKill = len(acknowledged)
		mu.Unlock()
		if beforeKill >= enough {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d writes acknowledged in 30 s; want %d before the crash", beforeKill, enough)
		}
	}
	killing.Store(true)
	n.kill()
	// Writes under way at the kill, and after it, fail: they are not acknowledged.
	// Wait for every writer to have run into the crash.
	ranInto := make(chan struct{})
	go func() { wg.Wait(); close(ranInto) }()
	select {
	case <-ranInto:
	case <-time.After(60 * time.Second):
		t.Fatal("a writer had no write fail as UNAVAILABLE within 60 s of the crash; want every writer to run into it")
	}

	restarting := time.Now()
	n.start()
	restarted := time.Since(restarting)

	stored := lettersStored(t, n.driver())
	var missing, orphaned []string
	for _, title := range acknowledged {
		switch parties, ok := stored[title]; {
		case !ok:
			missing = append(missing, title)
		case len(parties) != 1 || !strings.HasPrefix(parties[0], "WROTE "):
			orphaned = append(orphaned, title)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d acknowledged letters missing after the crash, e.g. %q; want none", len(missing), len(acknowledged), missing[:min(5, len(missing))])
	}
	if len(orphaned) > 0 {
		t.Errorf("%d of %d acknowledged letters stored without their one author after the crash, e.g. %q; want none", len(orphaned), len(acknowledged), orphaned[:min(5, len(orphaned))])
	}
	// A write that failed may still have committed, when the crash cut the answer to
	// its commit: worth knowing, not an error.
	storedAnyway := 0
	for _, title := range failed {
		if _, ok := stored[title]; ok {
			storedAnyway++
		}
	}
	t.Logf("%d writes acknowledged (%d before the kill), %d of them missing after the restart; %d failed, %d of which were stored all the same; Neo4j restarted in %s",
		len(acknowledged), beforeKill, len(missing), len(failed), storedAnyway, restarted.Round(time.Millisecond))
}

// TestSIGTERMDrainsRequests sends SIGTERM to a server while requests are in flight on
// it, and holds them there until the server has begun to shut down: during the
// shutdown delay /readyz answers 503 and new requests are still served; once the
// listener is closed, the requests in flight are still answered in full, and the
// process exits cleanly.
//
// A request that the test merely sent may not have reached the server by SIGTERM, or
// may be answered before the server stops listening: neither exercises the drain. So
// each request asks to continue (Expect: 100-continue) and its body is held back: the
// server's 100 Continue says the handler runs and reads the body, and the request
// cannot end before the test lets the body go.
func TestSIGTERMDrainsRequests(t *testing.T) {
	neo4jtest.Store(t)
	bin := build(t)
	seed := exec.Command(bin, "seed")
	seed.Env = env(t)
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	const delay = 2 * time.Second
	url, cmd := startServe(t, bin, nil, "--shutdown-grace", "20s", "--shutdown-delay", delay.String())
	// A transport of the test's own, which waits for 100 Continue as long as it takes.
	client := &http.Client{Transport: &http.Transport{ExpectContinueTimeout: time.Minute}}
	t.Cleanup(client.CloseIdleConnections)

	const requests = 20
	held := make([]*heldRequest, requests)
	for i := range held {
		held[i] = holdRequest(t, client, url)
	}
	for i, h := range held {
		select {
		case <-h.inHandler:
		case err := <-h.answer:
			t.Fatalf("request %d ended before the server read its body: %v", i+1, err)
		case <-time.After(30 * time.Second):
			t.Fatalf("request %d: no 100 Continue within 30 s; want its handler reading the body", i+1)
		}
	}

	signalled := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	ready(t, url, http.StatusServiceUnavailable, delay/2)
	if err := answered(client.Post(url+"/graphql", "application/json", strings.NewReader(drainQuery))); err != nil {
		t.Errorf("request sent %s after SIGTERM, within the shutdown delay: %v; want an answer", time.Since(signalled).Round(time.Millisecond), err)
	}
	// The shutdown proper has begun once the listener is closed: connections are refused.
	addr := strings.TrimPrefix(url, "http://")
	for deadline := time.Now().Add(delay + 10*time.Second); ; time.Sleep(20 * time.Millisecond) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatalf("the server still accepted connections %s after SIGTERM; want its listener closed after the %s delay", time.Since(signalled).Round(time.Millisecond), delay)
		}
	}
	t.Logf("listener closed %s after SIGTERM; releasing %d requests in flight", time.Since(signalled).Round(time.Millisecond), requests)
	for _, h := range held {
		h.release()
	}
	for i, h := range held {
		select {
		case err := <-h.answer:
			if err != nil {
				t.Errorf("request %d, in flight across SIGTERM and the listener's close: %v; want an answer", i+1, err)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("request %d: no answer within 30 s of its body", i+1)
		}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("server exit after SIGTERM: %v, want a clean exit", err)
		}
	case <-time.After(30 * time.Second):
		t.Error("the server did not exit within 30 s of SIGTERM")
	}
}

const drainQuery = `{"query":"{ statistics { letters } timeline(bucket: MONTH) { unplaced } }"}`

// heldRequest is a POST of drainQuery whose body the test holds back until release.
type heldRequest struct {
	body      *io.PipeWriter
	inHandler chan struct{} // closed when the server answers 100 Continue
	answer    chan error    // what answered says of the response
}

func holdRequest(tb testing.TB, client *http.Client, url string) *heldRequest {
	tb.Helper()
	pr, pw := io.Pipe()
	h := &heldRequest{body: pw, inHandler: make(chan struct{}), answer: make(chan error, 1)}
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		Got100Continue: func() { close(h.inHandler) },
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/graphql", pr)
	if err != nil {
		tb.Fatal(err)
	}
	req.ContentLength = int64(len(drainQuery))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Expect", "100-continue")
	go func() { h.answer <- answered(client.Do(req)) }()
	return h
}

// release sends the body. It does not wait: should the server have cut the
// connection, nobody reads the pipe, and the answer says so.
func (h *heldRequest) release() {
	go func() {
		_, _ = io.WriteString(h.body, drainQuery)
		_ = h.body.Close()
	}()
}

// answered reads a response of drainQuery to the end: nil when it is whole, with
// data and no errors.
func answered(resp *http.Response, err error) error {
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("reading the answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, raw)
	}
	var r struct {
		Data struct {
			Statistics *struct{ Letters int } `json:"statistics"`
		} `json:"data"`
		Errors []servertest.Error `json:"errors"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("answer %s: %w", raw, err)
	}
	if len(r.Errors) > 0 || r.Data.Statistics == nil || r.Data.Statistics.Letters == 0 {
		return fmt.Errorf("answer %s, want the statistics of the seeded letter", raw)
	}
	return nil
}
