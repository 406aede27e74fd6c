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

// browserDir is the npm project of the explorer's browser test (playwright-core).
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
			tb.Fatalf("the explorer test needs Chromium (apt-get install chromium; .ci/run does), Node.js and "+
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

// TestExplorerInChromium runs the explorer page end to end in headless Chromium
// (scripts/browser-test/explore.mjs, through playwright-core) against the real
// server, as `make run` starts it (development mode, anonymous readers), over Neo4j
// holding the sample letter and a dated reply: a search finds the sample letter,
// its view shows the four copies, Edi Rama's network draws them as four COPIED
// edges, clicks on the canvas open a correspondent's counts and an edge's letters,
// a reloaded address restores the view, and the date range filters the network.
// A second server refuses anonymous readers: the page shows UNAUTHENTICATED and
// reads once given an API key. Screenshots are left in artifactsDir.
func TestExplorerInChromium(t *testing.T) {
	chromium, node := chromiumAndNode(t)
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
	artifacts := artifactsDir(t)

	runCtx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(runCtx, node, filepath.Join(browserDir, "explore.mjs"))
	cmd.Env = append(os.Environ(), "LG_URL="+url, "LG_LOCKED_URL="+locked, "LG_API_KEY="+key,
		"CHROMIUM="+chromium, "ARTIFACTS_DIR="+artifacts)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("explore.mjs (%s):\n%s", time.Since(start).Round(time.Millisecond), out)
	t.Logf("screenshots: %s", filepath.Join(artifacts, "explorer-*.png"))
	if err != nil {
		t.Fatalf("the explorer failed in Chromium: %v", err)
	}
}
