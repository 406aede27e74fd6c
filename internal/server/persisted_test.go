package server_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/auth"
)

const (
	registered   = `{ statistics { letters } }`
	unregistered = `{ statistics { persons } }`
)

func sha(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// persistedBody is a POST body with the persisted-query extension (text "" for the
// hash alone).
func persistedBody(text, hash string) string {
	req := map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}}
	if text != "" {
		req["query"] = text
	}
	b, _ := json.Marshal(req)
	return string(b)
}

// getQuery sends a GET query by hash alone, with extra headers, and returns the
// status, headers and body.
func getQuery(tb testing.TB, base, hash string, header map[string]string) (int, http.Header, string) {
	tb.Helper()
	ext, _ := json.Marshal(map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}})
	req, err := http.NewRequest(http.MethodGet, base+"/graphql?extensions="+url.QueryEscape(string(ext)), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return send(tb, req, header)
}

// code is the first error's extensions.code of a response body, "" for none.
func firstCode(body string) string {
	var r struct {
		Errors []struct{ Extensions struct{ Code string } }
	}
	_ = json.Unmarshal([]byte(body), &r)
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Extensions.Code
}

// TestAutomaticPersistedQueries: the APQ exchange of Apollo clients, then the same
// operation by GET with its ETag.
func TestAutomaticPersistedQueries(t *testing.T) {
	key, entry, _ := auth.NewAPIKey("reader", auth.Reader)
	cfg := testConfig()
	cfg.APIKeys = []string{entry}
	a := newAPIWith(t, cfg)
	steps := []struct {
		name     string
		body     string
		wantCode string // "" for data
	}{
		{"the hash alone, before the server knows it", persistedBody("", sha(registered)), "PERSISTED_QUERY_NOT_FOUND"},
		{"the text with its hash registers it", persistedBody(registered, sha(registered)), ""},
		{"the hash alone now runs it", persistedBody("", sha(registered)), ""},
		{"a hash that is not the text's", persistedBody(unregistered, sha(registered)), "BAD_REQUEST"},
		{"a version other than 1", strings.Replace(persistedBody("", sha(registered)), `"version":1`, `"version":2`, 1), "BAD_REQUEST"},
	}
	for _, s := range steps {
		_, _, body := post(t, a.url, s.body, nil)
		if got := firstCode(body); got != s.wantCode {
			t.Errorf("%s: code %q, want %q (%s)", s.name, got, s.wantCode, body)
		}
	}

	status, header, body := getQuery(t, a.url, sha(registered), nil)
	etag := header.Get("ETag")
	if status != http.StatusOK || etag == "" || firstCode(body) != "" {
		t.Fatalf("GET by hash: status %d, ETag %q, body %s; want 200 with an ETag and data", status, etag, body)
	}
	if got, want := header.Get("Cache-Control"), "public, no-cache"; got != want {
		t.Errorf("Cache-Control of an anonymous GET: got %q, want %q", got, want)
	}
	status, _, body = getQuery(t, a.url, sha(registered), map[string]string{"If-None-Match": etag})
	if status != http.StatusNotModified || body != "" {
		t.Errorf("GET with If-None-Match of its ETag: status %d, body %q; want 304 and none", status, body)
	}
	// A caller who does not see restricted letters cannot tell, by a hash alone, what
	// one who does has sent (the anonymous caller here is an admin).
	_, _, body = post(t, a.url, persistedBody("", sha(registered)), map[string]string{"Authorization": "Bearer " + key})
	if got := firstCode(body); got != "PERSISTED_QUERY_NOT_FOUND" {
		t.Errorf("a reader sends the hash an admin registered: code %q, want PERSISTED_QUERY_NOT_FOUND (%s)", got, body)
	}
	post(t, a.url, persistedBody(registered, sha(registered)), map[string]string{"Authorization": "Bearer " + key})
	_, header, _ = getQuery(t, a.url, sha(registered), map[string]string{"Authorization": "Bearer " + key})
	if got, want := header.Get("Cache-Control"), "private, no-cache"; got != want {
		t.Errorf("Cache-Control of a GET with a token: got %q, want %q", got, want)
	}
	if _, header, _ := post(t, a.url, query(registered), nil); header.Get("ETag") != "" {
		t.Errorf("POST answered with ETag %q, want none", header.Get("ETag"))
	}
}

// TestAllowlistOnly: with ALLOWLIST_ONLY, the registry's operations run by hash or by
// text; anything else is FORBIDDEN, and APQ cannot register it.
func TestAllowlistOnly(t *testing.T) {
	dir := t.TempDir()
	manifest, _ := json.Marshal(map[string]any{"format": "apollo-persisted-query-manifest", "version": 1,
		"operations": []map[string]any{{"id": sha(registered), "body": registered, "name": "Letters", "type": "query"}}})
	path := filepath.Join(dir, "operations.json")
	if err := os.WriteFile(path, manifest, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.PersistedQueries, cfg.AllowlistOnly = path, true
	a := newAPIWith(t, cfg)
	tests := []struct {
		name     string
		body     string
		wantCode string
	}{
		{"a registered operation by hash", persistedBody("", sha(registered)), ""},
		{"a registered operation by text", query(registered), ""},
		{"another operation by text", query(unregistered), "FORBIDDEN"},
		{"another operation registered by APQ", persistedBody(unregistered, sha(unregistered)), "FORBIDDEN"},
		{"… and then asked for by hash", persistedBody("", sha(unregistered)), "PERSISTED_QUERY_NOT_FOUND"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, body := post(t, a.url, tc.body, nil)
			if got := firstCode(body); got != tc.wantCode {
				t.Errorf("code %q, want %q (%s)", got, tc.wantCode, body)
			}
		})
	}
}

// TestBadRegistryFailsClosed: a registry whose hash is not its operation's makes a
// server that refuses every request, not one that runs without its allow-list.
func TestBadRegistryFailsClosed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "operations.json")
	bad, _ := json.Marshal(map[string]string{sha(unregistered): registered})
	if err := os.WriteFile(path, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.PersistedQueries, cfg.AllowlistOnly = path, true
	a := newAPIWith(t, cfg)
	if status, _, _ := post(t, a.url, query(registered), nil); status != http.StatusInternalServerError {
		t.Errorf("status %d, want 500 (misconfigured)", status)
	}
}
