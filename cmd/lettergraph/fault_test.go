package main_test

import (
	"context"
	"maps"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

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

const importLetters = 3000

var summaryLine = regexp.MustCompile(`import: read (\d+), created (\d+), unchanged (\d+), failed (\d+)`)

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

const drainQuery = `{"query":"{ statistics { letters } timeline(bucket: MONTH) { unplaced } }"}`
