package main_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
)

// browserDir is the npm project of the browser tests (playwright-core): the
// explorer's and the playground's.
var browserDir = filepath.Join("..", "..", "scripts", "browser-test")

// chromiumAndNode returns the paths of Chromium (CHROMIUM, default Debian's
// /usr/bin/chromium) and Node.js, once browserDir's node_modules holds
// playwright-core. Without any of them the test fails in CI and is skipped elsewhere.
func chromiumAndNode(tb testing.TB) (chromium, node string) {
	tb.Helper()
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	_, err := os.Stat(chromium)
	if err == nil {
		node, err = exec.LookPath("node")
	}
	if err == nil {
		_, err = os.Stat(filepath.Join(browserDir, "node_modules", "playwright-core"))
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("the browser tests need Chromium (apt-get install chromium; .ci/run does), Node.js and "+
				"`npm ci --prefix scripts/browser-test` (scripts/test.sh runs it): %v", err)
		}
		tb.Skipf("no Chromium, Node.js or scripts/browser-test/node_modules: %v", err)
	}
	return chromium, node
}

// artifactsDir is where the browser test leaves its screenshots: ARTIFACTS_DIR
// when set, else cmd/lettergraph/testdata/artifacts (ignored by git).
func artifactsDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("ARTIFACTS_DIR")
	if dir == "" {
		dir = filepath.Join("testdata", "artifacts")
	}
	dir, err := filepath.Abs(dir)
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		tb.Fatalf("artifacts folder: %v", err)
	}
	return dir
}

// apiKey makes a key with `lettergraph apikey` and returns it with its API_KEYS entry.
func apiKey(tb testing.TB, bin, name, role string) (key, entry string) {
	tb.Helper()
	out, err := exec.Command(bin, "apikey", "--name", name, "--role", role).Output()
	if err != nil {
		tb.Fatalf("apikey: %v", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "key: "); ok {
			key = v
		} else if v, ok := strings.CutPrefix(line, "entry: "); ok {
			entry = v
		}
	}
	if key == "" || entry == "" {
		tb.Fatalf("apikey printed no key and entry:\n%s", out)
	}
	return key, entry
}

// runBrowserScript runs one of browserDir's scripts in Node.js with the
// environment given (and CHROMIUM and ARTIFACTS_DIR), failing the test when it
// fails. Its screenshots stay in artifactsDir.
func runBrowserScript(t *testing.T, script string, env ...string) {
	t.Helper()
	chromium, node := chromiumAndNode(t)
	artifacts := artifactsDir(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, filepath.Join(browserDir, script))
	cmd.Env = append(append(os.Environ(), env...), "CHROMIUM="+chromium, "ARTIFACTS_DIR="+artifacts)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("%s (%s):\n%s", script, time.Since(start).Round(time.Millisecond), out)
	t.Logf("screenshots: %s", artifacts)
	if err != nil {
		t.Fatalf("%s failed in Chromium: %v", script, err)
	}
}

// TestExplorerInChromium runs the explorer page end to end in headless Chromium
// (scripts/browser-test/explore.mjs, through playwright-core) against the real
// server, as `make run` starts it (development mode, anonymous readers), over Neo4j
// holding the sample letter and a dated reply: a search finds the sample letter,
// its view shows the four copies, Edi Rama's network draws them as four COPIED
// edges, clicks on the canvas open a correspondent's counts and an edge's letters,
// a reloaded address restores the view, and the date range filters the network.
// A second server refuses anonymous readers: the page shows UNAUTHENTICATED and
// reads once given an API key. Requests to any other origin are refused and fail
// the test. Screenshots are left in artifactsDir.
func TestExplorerInChromium(t *testing.T) {
	chromiumAndNode(t)
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	if _, _, err := seed.Load(ctx, store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	replied := time.Date(2022, 10, 3, 0, 0, 0, 0, time.UTC)
	if _, _, err := store.CreateLetter(ctx, domain.LetterInput{
		Title:      "Reply from the Prime Minister's office",
		Date:       &replied,
		Body:       "The Prime Minister thanks you for your letter.",
		Authors:    []domain.PartyInput{{Person: &domain.PersonInput{Name: "Edi Rama"}}},
		Recipients: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Ebrahim Khodabandeh"}}},
	}); err != nil {
		t.Fatalf("CreateLetter: %v", err)
	}

	bin := build(t)
	key, entry := apiKey(t, bin, "browser-test", "reader")
	url := serveWith(t, bin, []string{"ANONYMOUS_ROLE=reader"}, "--mode", "development", "--rate-limit", "0")
	locked := serveWith(t, bin, []string{"ANONYMOUS_ROLE=none", "API_KEYS=" + entry}, "--mode", "production", "--rate-limit", "0")
	runBrowserScript(t, "explore.mjs", "LG_URL="+url, "LG_LOCKED_URL="+locked, "LG_API_KEY="+key)
}

// docsScreenshot is the playground's picture in the analysts' guide, which
// TestPlaygroundInChromium takes anew on every run.
var docsScreenshot = filepath.Join("..", "..", "docs", "images", "playground.png")

// TestPlaygroundInChromium runs the GraphQL playground (/graphiql) end to end in
// headless Chromium (scripts/browser-test/playground.mjs) against the real server
// over Neo4j holding the sample letter, with every request to another origin
// refused, as on a machine without internet access: the page loads with no failed
// request and no console error; two questions of docs/analysts.md, opened from
// Examples, give the guide's answers; a list comes out as CSV and JSON; ticking
// fields in the query builder makes a query that runs; a subscription receives one
// letterAdded event over the websocket; and on a server that refuses anonymous
// readers an API key typed once in the header editor loads the schema, runs
// queries, and is kept across a new tab and a reload, in sessionStorage only. It
// writes docs/images/playground.png, so the guide's screenshot follows the page.
func TestPlaygroundInChromium(t *testing.T) {
	chromiumAndNode(t)
	store := neo4jtest.Store(t)
	if _, _, err := seed.Load(neo4jtest.Context(), store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	bin := build(t)
	editorKey, editorEntry := apiKey(t, bin, "playground-editor", "editor")
	readerKey, readerEntry := apiKey(t, bin, "playground-reader", "reader")
	url := serveWith(t, bin, []string{"ANONYMOUS_ROLE=reader", "API_KEYS=" + editorEntry}, "--mode", "development", "--rate-limit", "0")
	locked := serveWith(t, bin, []string{"ANONYMOUS_ROLE=none", "API_KEYS=" + readerEntry}, "--mode", "development", "--rate-limit", "0")
	guide, err := filepath.Abs(filepath.Join("..", "..", "docs", "analysts.md"))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := filepath.Abs(docsScreenshot)
	if err != nil {
		t.Fatal(err)
	}
	runBrowserScript(t, "playground.mjs", "LG_URL="+url, "LG_EDITOR_KEY="+editorKey, "LG_LOCKED_URL="+locked,
		"LG_API_KEY="+readerKey, "LG_GUIDE="+guide, "LG_DOCS_SCREENSHOT="+shot)
}
