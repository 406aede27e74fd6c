package main_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
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

// TestImportKilledAndRunAgain kills `lettergraph import` while it writes: no letter is
// left without its links (a batch is one transaction), and running the import again
// writes the rest. Every letter acknowledged before a Neo4j restart is there after it.
func TestImportKilledAndRunAgain(t *testing.T) {
	if os.Getenv("CI") != "true" && os.Getenv("LETTERGRAPH_FAULT_TESTS") == "" {
		t.Skip("starts and stops a Neo4j of its own: set LETTERGRAPH_FAULT_TESTS=1 (CI runs it)")
	}
	n := startOwnNeo4j(t)
	bin := build(t)
	uri := "bolt://127.0.0.1:" + n.port
	env := append(env(t), "NEO4J_URI="+uri, "NEO4J_USER=")
	const letters = 3000
	corpus := filepath.Join(t.TempDir(), "corpus.ndjson")
	if out, err := exec.Command(bin, "gen", "-n", strconv.Itoa(letters), "-o", corpus).CombinedOutput(); err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	// count returns the letters stored (stubs aside) and those without any party.
	count := func() (stored, bare int64) {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, driver, `
			MATCH (l:Letter) WHERE NOT l.stub
			RETURN count(l) AS stored,
			       count(CASE WHEN NOT EXISTS { (l)-[:WROTE|ADDRESSED_TO|CC|BCC]-() } THEN 1 END) AS bare`,
			nil, neo4j.EagerResultTransformer)
		if err != nil {
			return 0, 0 // Neo4j restarting: the caller tries again
		}
		stored, _ = res.Records[0].Values[0].(int64)
		bare, _ = res.Records[0].Values[1].(int64)
		return stored, bare
	}

	imp := exec.Command(bin, "import", "--batch-size", "100", corpus)
	imp.Env = env
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if stored, _ := count(); stored >= 300 {
			break
		}
	}
	_ = imp.Process.Kill()
	_ = imp.Wait()
	stored, bare := count()
	if stored == 0 || stored >= letters {
		t.Fatalf("after the kill: %d letters; want some of %d (the kill came too early or too late)", stored, letters)
	}
	if bare != 0 {
		t.Errorf("after the kill: %d letters without their parties; want none", bare)
	}
	t.Logf("killed the import after %d of %d letters", stored, letters)

	again := exec.Command(bin, "import", corpus)
	again.Env = env
	if out, err := again.CombinedOutput(); err != nil {
		t.Fatalf("import again: %v\n%s", err, out)
	}
	if stored, bare := count(); stored != letters || bare != 0 {
		t.Fatalf("after importing again: %d letters, %d without parties; want %d, 0", stored, bare, letters)
	}

	n.stop()
	n.start()
	var after int64
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline) && after == 0; time.Sleep(200 * time.Millisecond) {
		after, _ = count()
	}
	if after != letters {
		t.Errorf("after a Neo4j restart: %d letters, want the %d acknowledged", after, letters)
	}
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
