package main_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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
	corpus := filepath.Join(tb.TempDir(), "corpus.ndjson")
	if out, err := exec.Command(bin, "gen", "-n", strconv.Itoa(importLetters), "-o", corpus).CombinedOutput(); err != nil {
		tb.Fatalf("gen: %v\n%s", err, out)
	}
	return &importRig{tb: tb, n: n, bin: bin, env: append(env(tb), n.env()...), corpus: corpus, driver: n.driver()}
}

// startImport starts importing the corpus in batches of 100, small enough for the
// test to cut the import between batches, and waits until 300 letters are stored.
// It returns the running importer and the letters stored by then.
func (r *importRig) startImport(stderr io.Writer) (*exec.Cmd, int64) {
	r.tb.Helper()
	imp := exec.Command(r.bin, "import", "--batch-size", "100", r.corpus)
	imp.Env = r.env
	imp.Stderr = stderr
	if err := imp.Start(); err != nil {
		r.tb.Fatal(err)
	}
	// Should the test end early, the importer must not outlive it.
	r.tb.Cleanup(func() { _ = imp.Process.Kill() })
	stored, _ := awaitLetters(r.tb, r.driver, 300, 90*time.Second)
	return imp, stored
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

// importAgain runs the import again, to the end: it writes the letters the cut one
// did not, and every letter ends up whole.
func (r *importRig) importAgain() {
	r.tb.Helper()
	imp := exec.Command(r.bin, "import", r.corpus)
	imp.Env = r.env
	if out, err := imp.CombinedOutput(); err != nil {
		r.tb.Fatalf("import again: %v\n%s", err, out)
	}
	if stored, bare := countLetters(r.driver); stored != importLetters || bare != 0 {
		r.tb.Fatalf("after importing again: %d letters, %d without parties; want %d, 0", stored, bare, importLetters)
	}
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
// serves again by itself once Neo4j is back.
func TestNeo4jStoppedAndBack(t *testing.T) {
	faultTest(t)
	n := startOwnNeo4j(t)
	bin := build(t)
	url := serveWith(t, bin, n.env())
	const q = `{ statistics { letters } }`
	if r := servertest.Do(t, url, q, nil); len(r.Errors) > 0 {
		t.Fatalf("before the stop: %+v", r.Errors)
	}
	// Load through the stop and the restart: every answer is data or UNAVAILABLE.
	outcomes := underLoad(t, url, `{ letters(first: 20) { nodes { title authors { correspondent { name } } } } }`, 4)

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
	time.Sleep(time.Second) // some load after the restart too
	got := outcomes()
	if len(got) != 2 || got["data"] == 0 || got["UNAVAILABLE"] == 0 {
		t.Errorf("answers under load through the stop: %v, want data and UNAVAILABLE only", got)
	}
	t.Logf("answers under load through the stop and restart: %v", got)
}

// underLoad sends query to url from clients goroutines until the returned function is
// called, which stops them and counts their answers: "data", or the error code.
func underLoad(t *testing.T, url, query string, clients int) func() map[string]int {
	t.Helper()
	var (
		mu   sync.Mutex
		got  = map[string]int{}
		halt atomic.Bool
		wg   sync.WaitGroup
	)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !halt.Load() {
				r := servertest.Do(goroutineTB{t}, url, query, nil)
				outcome := "data"
				if len(r.Errors) > 0 {
					outcome, _ = r.Errors[0].Extensions["code"].(string)
				}
				mu.Lock()
				got[outcome]++
				mu.Unlock()
				time.Sleep(100 * time.Millisecond) // under the rate limit: loopback is one client
			}
		}()
	}
	return func() map[string]int {
		halt.Store(true)
		wg.Wait()
		return got
	}
}

// TestImportKilledAndRunAgain kills `lettergraph import` while it writes: no letter is
// left without its links (a batch is one transaction), and running the import again
// writes the rest. Every letter acknowledged before a Neo4j restart is there after it.
func TestImportKilledAndRunAgain(t *testing.T) {
	faultTest(t)
	r := newImportRig(t)
	imp, _ := r.startImport(nil)
	_ = imp.Process.Kill()
	_ = imp.Wait()
	t.Logf("killed the import after %d of %d letters", r.checkCut("the kill"), importLetters)
	r.importAgain()

	r.n.stop()
	r.n.start()
	if after, _ := awaitLetters(t, r.driver, 1, 60*time.Second); after != importLetters {
		t.Errorf("after a Neo4j restart: %d letters, want the %d acknowledged", after, importLetters)
	}
}

// TestImportInterruptedByNeo4jStop stops Neo4j under a running import: the importer
// gives up after the driver's retries and exits with an error rather than hanging,
// no letter is left without its links, and running the import again writes the rest.
func TestImportInterruptedByNeo4jStop(t *testing.T) {
	faultTest(t)
	r := newImportRig(t)
	var stderr bytes.Buffer
	imp, atStop := r.startImport(&stderr)
	exited := make(chan error, 1)
	go func() { exited <- imp.Wait() }()
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
		t.Logf("%d of %d letters stored at the stop (which took %s); the importer exited %s after it began: %v, stderr %q",
			atStop, importLetters, stopped.Round(time.Millisecond), took.Round(time.Millisecond), err, last)
	case <-time.After(within):
		_ = imp.Process.Kill()
		<-exited
		t.Fatalf("the importer still ran %s after Neo4j stopped; want it to exit with an error (stderr: %q)", within, lastLine(stderr.String()))
	}

	r.n.start()
	t.Logf("after the restart: %d letters stored, each with its parties", r.checkCut("the stop"))
	r.importAgain()
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
// database after the restart, since Neo4j commits to its transaction log before it
// answers.
func TestAcknowledgedWritesSurviveACrash(t *testing.T) {
	faultTest(t)
	n := startOwnNeo4j(t)
	bin := build(t)
	url := serveWith(t, bin, n.env())
	// The first write compiles the queries; the stream then starts at full speed.
	if r := servertest.Do(t, url, createLetter, map[string]any{"title": "before the crash"}); len(r.Errors) > 0 {
		t.Fatalf("createLetter before the crash: %+v", r.Errors)
	}

	const writers = 8
	var (
		mu           sync.Mutex
		acknowledged []string
		failed       []string
		halt         atomic.Bool
		wg           sync.WaitGroup
	)
	stopWriters := sync.OnceFunc(func() { halt.Store(true); wg.Wait() })
	defer stopWriters()
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
			}
		}()
	}
	// Let a stream of writes be acknowledged first; how long that takes depends on the
	// machine's load.
	const (
		enough  = 20
		writing = 1500 * time.Millisecond
	)
	var beforeKill int
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		mu.Lock()
		beforeKill = len(acknowledged)
		mu.Unlock()
		if beforeKill >= enough && time.Since(start) >= writing {
			break
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("%d writes acknowledged in 30 s; want %d before the crash", beforeKill, enough)
		}
	}
	n.kill()
	// Writes under way at the kill, and after it, fail: they are not acknowledged.
	time.Sleep(time.Second)
	stopWriters()

	restarting := time.Now()
	n.start()
	restarted := time.Since(restarting)
	if len(failed) == 0 {
		t.Error("no write failed: the writers did not run into the crash")
	}

	driver := n.driver()
	missing := missingLetters(t, driver, acknowledged)
	if len(missing) > 0 {
		t.Errorf("%d of %d acknowledged letters missing after the crash, e.g. %q; want none", len(missing), len(acknowledged), missing[:min(5, len(missing))])
	}
	// A write that failed may still have committed, when the crash cut the answer to
	// its commit: worth knowing, not an error.
	t.Logf("%d writes acknowledged (%d before the kill), %d of them missing after the restart; %d failed, %d of which were stored all the same; Neo4j restarted in %s",
		len(acknowledged), beforeKill, len(missing), len(failed), len(failed)-len(missingLetters(t, driver, failed)), restarted.Round(time.Millisecond))
}

// missingLetters returns the titles of which no letter is stored.
func missingLetters(tb testing.TB, driver neo4j.DriverWithContext, titles []string) []string {
	tb.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), driver, `
		UNWIND $titles AS title
		WITH title WHERE NOT EXISTS { MATCH (:Letter {title: title}) }
		RETURN title`,
		map[string]any{"titles": titles}, neo4j.EagerResultTransformer)
	if err != nil {
		tb.Fatalf("looking for %d letters: %v", len(titles), err)
	}
	var missing []string
	for _, rec := range res.Records {
		missing = append(missing, rec.Values[0].(string))
	}
	return missing
}

// TestSIGTERMDrainsRequests sends SIGTERM to a server while requests are in flight:
// during the shutdown delay /readyz answers 503 and requests are still served; every
// request sent is answered in full, and the process exits cleanly.
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
	ask := func() error {
		body := strings.NewReader(`{"query":"{ statistics { letters } timeline(bucket: MONTH) { unplaced } }"}`)
		req, _ := http.NewRequest(http.MethodPost, url+"/graphql", body)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.ReadAll(resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	const requests = 40
	errs := make(chan error, requests)
	var started sync.WaitGroup
	started.Add(requests)
	for range requests {
		go func() {
			started.Done()
			errs <- ask()
		}()
	}
	started.Wait()
	time.Sleep(20 * time.Millisecond) // the requests are on their way
	signalled := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	ready(t, url, http.StatusServiceUnavailable, delay/2)
	if err := ask(); err != nil {
		t.Errorf("request sent %s after SIGTERM, within the shutdown delay: %v; want an answer", time.Since(signalled).Round(time.Millisecond), err)
	}
	for range requests {
		if err := <-errs; err != nil {
			t.Errorf("request across SIGTERM: %v; want an answer", err)
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
