package main_test

import (
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

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
	if os.Getenv("CI") != "true" && os.Getenv("LETTERGRAPH_FAULT_TESTS") == "" {
		t.Skip("starts and stops a Neo4j of its own: set LETTERGRAPH_FAULT_TESTS=1 (CI runs it)")
	}
	n := startOwnNeo4j(t)
	bin := build(t)
	url := serveWith(t, bin, []string{"NEO4J_URI=bolt://127.0.0.1:" + n.port, "NEO4J_USER="})
	const q = `{ statistics { letters } }`
	if r := servertest.Do(t, url, q, nil); len(r.Errors) > 0 {
		t.Fatalf("before the stop: %+v", r.Errors)
	}

	n.stop()
	t.Logf("/readyz answered 503 %s after the stop", ready(t, url, http.StatusServiceUnavailable, 15*time.Second).Round(time.Millisecond))
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
		t.Logf("query %d with Neo4j stopped: UNAVAILABLE after %s", i+1, took.Round(time.Millisecond))
	}

	n.start()
	t.Logf("/readyz answered 200 %s after the restart", ready(t, url, http.StatusOK, 60*time.Second).Round(time.Millisecond))
	if r := servertest.Do(t, url, q, nil); len(r.Errors) > 0 {
		t.Fatalf("after the restart: %+v", r.Errors)
	}
}
