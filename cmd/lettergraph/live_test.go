package main_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

// build compiles the lettergraph command once per test into a temporary folder.
func build(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "lettergraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// env is the environment of a lettergraph process on the test database.
func env(tb testing.TB) []string {
	tb.Helper()
	cfg := neo4jtest.Config(tb)
	return append(os.Environ(), "NEO4J_URI="+cfg.URI, "NEO4J_USER="+cfg.User, "NEO4J_PASSWORD="+cfg.Password,
		"ANONYMOUS_ROLE=editor")
}

// serve starts `lettergraph serve` on a free loopback port and returns its base URL.
// The process is stopped with SIGTERM when the test ends.
func serve(tb testing.TB, bin string, args ...string) string {
	tb.Helper()
	return serveWith(tb, bin, nil, args...)
}

// serveWith is serve with extra environment entries, which override the test
// database's.
func serveWith(tb testing.TB, bin string, extraEnv []string, args ...string) string {
	tb.Helper()
	url, _ := startServe(tb, bin, extraEnv, args...)
	return url
}

// startServe is serveWith, returning the process too.
func startServe(tb testing.TB, bin string, extraEnv []string, args ...string) (string, *exec.Cmd) {
	tb.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--listen", "127.0.0.1:0", "--log-level", "warn"}, args...)...)
	cmd.Env = append(env(tb), extraEnv...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", bin, err)
	}
	tb.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "lettergraph: API at "); ok {
				found <- strings.TrimSuffix(rest, "/graphql")
			}
		}
	}()
	select {
	case url := <-found:
		return url, cmd
	case <-time.After(60 * time.Second):
		tb.Fatal("the server did not say where it listens within a minute")
		return "", nil
	}
}

const createLetter = `mutation ($title: String!) {
  createLetter(input: {title: $title, authors: [{person: {name: "Ana Amani"}}]}) { created }
}`

const letterAdded = `subscription { letterAdded { title } }`

// TestLetterAddedAcrossProcesses runs two servers on one database, as behind a load
// balancer, subscribes to each over a different transport, and writes letters
// through each server and through a third process, the importer: both subscribers
// receive every letter, once, in the order they were added.
func TestLetterAddedAcrossProcesses(t *testing.T) {
	neo4jtest.Store(t) // empties the database
	bin := build(t)
	a := serve(t, bin, "--live-poll", "200ms")
	b := serve(t, bin, "--live-poll", "200ms")

	create := func(url, title string) {
		t.Helper()
		r := servertest.Do(t, url, createLetter, map[string]any{"title": title})
		if len(r.Errors) > 0 {
			t.Fatalf("createLetter %q on %s: %+v", title, url, r.Errors)
		}
	}
	onA := servertest.Subscribe(t, a, servertest.SSE, letterAdded, nil)
	onB := servertest.Subscribe(t, b, servertest.WS, letterAdded, nil)
	n := 0
	probe := func() { n++; create(a, fmt.Sprintf("probe %d", n)) }
	onA.Await(t, probe, 20*time.Second)
	onB.Await(t, probe, 20*time.Second)

	create(a, "written through A")
	create(b, "written through B")
	file := filepath.Join(t.TempDir(), "letters.ndjson")
	if err := os.WriteFile(file, []byte(`{"title":"imported by a third process","authors":[{"person":{"name":"Ana Amani"}}]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	imp := exec.Command(bin, "import", file)
	imp.Env = env(t)
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("lettergraph import: %v\n%s", err, out)
	}

	// A last letter marks the end: each server delivers letters in the order they were
	// added, so a subscriber that has it has had every letter before it.
	const end = "the end"
	create(a, end)

	isProbe := func(title string) bool { return strings.HasPrefix(title, "probe ") }
	want := []string{"written through A", "written through B", "imported by a third process"}
	for name, sub := range map[string]*servertest.Subscription{"A over SSE": onA, "B over graphql-transport-ws": onB} {
		if got := titlesUntil(t, sub, end, 20*time.Second, isProbe); !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

// titlesUntil reads letterAdded responses until the letter titled end, and returns
// the titles before it in order, leaving out those skip is true of. It fails tb when
// end does not come within wait.
func titlesUntil(tb testing.TB, sub *servertest.Subscription, end string, wait time.Duration, skip func(title string) bool) []string {
	tb.Helper()
	var titles []string
	for deadline := time.Now().Add(wait); ; {
		r, ok := sub.Next(time.Until(deadline))
		if !ok {
			tb.Fatalf("got %q, and no %q within %s (or the subscription ended)", titles, end, wait)
		}
		if len(r.Errors) > 0 {
			tb.Fatalf("subscription errors: %+v", r.Errors)
		}
		var d struct{ LetterAdded struct{ Title string } }
		if err := json.Unmarshal(r.Data, &d); err != nil {
			tb.Fatalf("data %s: %v", r.Data, err)
		}
		switch title := d.LetterAdded.Title; {
		case title == end:
			return titles
		case !skip(title):
			titles = append(titles, title)
		}
	}
}
