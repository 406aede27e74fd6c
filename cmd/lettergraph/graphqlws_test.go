package main_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

// TestSubscriptionWithGraphQLWSClient subscribes to letterAdded with the graphql-ws
// client over graphql-transport-ws (scripts/http-audit/subscribe.mjs), authenticated
// by an API key in the connection_init payload, and creates two letters: the client
// receives both, in order, and exits 0. A token the server does not know is refused
// before the subscription starts.
func TestSubscriptionWithGraphQLWSClient(t *testing.T) {
	node := nodeWith(t, "graphql-ws", "ws")
	neo4jtest.Store(t) // empties the database
	key, entry, err := auth.NewAPIKey("graphql-ws", auth.Reader)
	if err != nil {
		t.Fatal(err)
	}
	url := serveWith(t, build(t), []string{"API_KEYS=" + entry})

	// The server registers a subscription a moment after the client sends it, and
	// delivers only what is added after that: the test creates probes, which the
	// client prints but does not count, until one arrives.
	const probe = "probe "
	sub := startSubscriber(t, node, key, "--ignore", probe, url+"/graphql", "2")
	if line, ok := sub.next(30 * time.Second); line != "subscribed" {
		t.Fatalf("first line: got %q (%v), want %q\n%s", line, ok, "subscribed", sub.wait(t))
	}
	create := func(title string) {
		t.Helper()
		r := servertest.Do(t, url, createLetter, map[string]any{"title": title})
		if len(r.Errors) > 0 {
			t.Fatalf("createLetter %q: %+v", title, r.Errors)
		}
	}
	var lines []string
	for n := 1; len(lines) == 0; n++ {
		if n > 80 {
			t.Fatalf("no probe arrived within 20 s\n%s", sub.wait(t))
		}
		create(fmt.Sprintf("%s%d", probe, n))
		if line, ok := sub.next(250 * time.Millisecond); ok {
			lines = append(lines, line)
		}
	}
	want := []string{"the first letter", "the second letter"}
	for _, title := range want {
		create(title)
	}
	for {
		line, ok := sub.next(30 * time.Second)
		if !ok {
			break
		}
		lines = append(lines, line)
	}
	stderr := sub.wait(t)
	if err := sub.err; err != nil {
		t.Fatalf("subscribe.mjs: %v\n%s", err, stderr)
	}
	var got []string
	for _, line := range lines {
		var title string
		if err := json.Unmarshal([]byte(line), &title); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if !strings.HasPrefix(title, probe) {
			got = append(got, title)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q (all lines: %q)", got, want, lines)
	}

	// The token is sent and checked: the server closes the connection of one it does
	// not know before acknowledging it, and the client ends with that.
	refused := startSubscriber(t, node, "lgk_not-a-key", url+"/graphql")
	line, _ := refused.next(30 * time.Second)
	stderr = refused.wait(t)
	var exit *exec.ExitError
	if !errors.As(refused.err, &exit) || exit.ExitCode() != 1 || line != "" || !strings.HasPrefix(stderr, "connection: closed ") {
		t.Errorf("with an unknown token: got %v, output %q and %q, want exit status 1, no output and `connection: closed …`",
			refused.err, line, stderr)
	}
}

// subscriber is a running subscribe.mjs: its output lines, and its exit once wait
// has returned.
type subscriber struct {
	cmd    *exec.Cmd
	lines  chan string
	stderr bytes.Buffer
	err    error
}

// startSubscriber starts scripts/http-audit/subscribe.mjs with args, sending token
// (when not empty); the process is killed if the test ends first.
func startSubscriber(tb testing.TB, node, token string, args ...string) *subscriber {
	tb.Helper()
	s := &subscriber{lines: make(chan string, 100)}
	s.cmd = exec.Command(node, append([]string{filepath.Join(nodeDir, "subscribe.mjs")}, args...)...)
	s.cmd.Env = os.Environ()
	if token != "" {
		s.cmd.Env = append(s.cmd.Env, "LETTERGRAPH_TOKEN="+token)
	}
	s.cmd.Stderr = &s.stderr
	stdout, err := s.cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.cmd.Start(); err != nil {
		tb.Fatalf("starting subscribe.mjs: %v", err)
	}
	tb.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			_ = s.cmd.Process.Kill()
			_ = s.cmd.Wait()
		}
	})
	go func() {
		defer close(s.lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
	}()
	return s
}

// next returns the next output line, or false when none comes within d or the
// output has ended.
func (s *subscriber) next(d time.Duration) (string, bool) {
	select {
	case line, ok := <-s.lines:
		return line, ok
	case <-time.After(d):
		return "", false
	}
}

// wait waits (up to 40 s, past the script's own 30 s limit) for the process to
// end, setting s.err, and returns what it wrote to stderr. Output lines not yet
// read are dropped.
func (s *subscriber) wait(tb testing.TB) string {
	tb.Helper()
	done := make(chan error, 1)
	go func() {
		for range s.lines { // the pipe must be read to its end before Wait
		}
		done <- s.cmd.Wait()
	}()
	select {
	case s.err = <-done:
	case <-time.After(40 * time.Second):
		_ = s.cmd.Process.Kill()
		s.err = <-done
		tb.Errorf("subscribe.mjs did not end within 40 s; killed")
	}
	return s.stderr.String()
}
