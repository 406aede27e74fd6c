// Command skipcheck reads the test events of a run (`go test -json`, as gotestsum's
// --jsonfile writes them) and fails when a test skipped that may not: the test
// command runs it after the Go tests (scripts/test.sh). A skipped test is a test
// that did not run, and in CI nothing should hide that way: a missing Neo4j,
// Chromium or networkx fails there (CI=true) rather than skips, and this check
// holds the rule for every test, including ones written later.
//
// Usage: skipcheck [-ci] FILE
//
// With -ci (the default when CI=true) only the skips that allowed lists with
// inCI may happen; without it, also the skips that depend on what this machine
// has (see allowed.go).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// event is one line of `go test -json` (test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// skip is a test that was skipped, with the reason it printed.
type skip struct {
	Package, Test, Reason string
}

func main() {
	ci := flag.Bool("ci", os.Getenv("CI") == "true", "check as CI does: only the skips allowed in CI")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: skipcheck [-ci] FILE")
		os.Exit(2)
	}
	f, err := os.Open(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "skipcheck:", err)
		os.Exit(2)
	}
	defer f.Close()
	skips, err := skipped(f)
	if err != nil {
		fmt.Fprintln(os.Stderr, "skipcheck:", err)
		os.Exit(2)
	}
	bad := report(os.Stdout, skips, allowed, *ci)
	if bad > 0 {
		os.Exit(1)
	}
}

// skipped reads test events and returns the tests that skipped, top-level and
// subtests alike, in the order of the file.
func skipped(r io.Reader) ([]skip, error) {
	type key struct{ pkg, test string }
	output := map[key]*strings.Builder{}
	var out []skip
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 || sc.Bytes()[0] != '{' {
			continue // a build failure's plain text, reported by go test itself
		}
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if e.Test == "" {
			continue
		}
		k := key{e.Package, e.Test}
		switch e.Action {
		case "output":
			if output[k] == nil {
				output[k] = &strings.Builder{}
			}
			output[k].WriteString(e.Output)
		case "skip":
			out = append(out, skip{Package: e.Package, Test: e.Test, Reason: reason(output[k])})
		}
	}
	return out, sc.Err()
}

// reason is the message a skipped test printed: its output without the framing
// lines go test adds ("=== RUN", "--- SKIP").
func reason(b *strings.Builder) string {
	if b == nil {
		return ""
	}
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- SKIP") {
			continue
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, " ")
}

// report prints every skip, allowed or not, and returns how many were not.
func report(w io.Writer, skips []skip, rules []rule, ci bool) (bad int) {
	sort.SliceStable(skips, func(i, j int) bool { return skips[i].Package+skips[i].Test < skips[j].Package+skips[j].Test })
	for _, s := range skips {
		r, ok := match(rules, s, ci)
		switch {
		case ok:
			fmt.Fprintf(w, "skipcheck: allowed: %s %s (%s)\n", s.Package, s.Test, r.why)
		default:
			bad++
			fmt.Fprintf(w, "skipcheck: NOT ALLOWED: %s %s skipped: %s\n", s.Package, s.Test, s.Reason)
		}
	}
	mode := "here"
	if ci {
		mode = "in CI"
	}
	fmt.Fprintf(w, "skipcheck: %d skipped, %d not allowed %s (scripts/skipcheck/allowed.go)\n", len(skips), bad, mode)
	return bad
}
