package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func serveOne(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestHandler: the page at /, its hashed assets cached for good with their types,
// and nothing else.
func TestHandler(t *testing.T) {
	h := Handler()
	page := serveOne(t, h, http.MethodGet, "/", nil)
	if page.Code != http.StatusOK || !strings.HasPrefix(page.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %q", page.Code, page.Header().Get("Content-Type"))
	}
	if got := page.Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("GET / Cache-Control = %q, want no-cache", got)
	}
	if csp := page.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("GET / Content-Security-Policy = %q", csp)
	}
	body := page.Body.String()
	if !strings.Contains(body, `id="search-input"`) {
		t.Errorf("the page has no search box:\n%s", body)
	}
	if etag := page.Header().Get("ETag"); etag == "" {
		t.Error("GET / has no ETag")
	} else if again := serveOne(t, h, http.MethodGet, "/", map[string]string{"If-None-Match": etag}); again.Code != http.StatusNotModified {
		t.Errorf("GET / with its ETag = %d, want 304", again.Code)
	}

	// Every asset the page names is served with its type and a year's caching.
	refs := regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`).FindAllStringSubmatch(body, -1)
	wantTypes := map[string]string{".js": "text/javascript", ".css": "text/css"}
	seen := map[string]bool{}
	for _, m := range refs {
		ext := filepath.Ext(m[1])
		seen[ext] = true
		res := serveOne(t, h, http.MethodGet, m[1], nil)
		if res.Code != http.StatusOK {
			t.Errorf("GET %s = %d", m[1], res.Code)
			continue
		}
		if ct := res.Header().Get("Content-Type"); !strings.HasPrefix(ct, wantTypes[ext]) {
			t.Errorf("GET %s Content-Type = %q, want %s", m[1], ct, wantTypes[ext])
		}
		if cc := res.Header().Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
			t.Errorf("GET %s Cache-Control = %q", m[1], cc)
		}
		if res.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no X-Content-Type-Options: nosniff", m[1])
		}
	}
	if !seen[".js"] || !seen[".css"] {
		t.Errorf("the page names no script or no stylesheet under /assets/: %v", refs)
	}
	if res := serveOne(t, h, http.MethodGet, "/favicon.svg", nil); res.Code != http.StatusOK || res.Header().Get("Content-Type") != "image/svg+xml" {
		t.Errorf("GET /favicon.svg = %d %q", res.Code, res.Header().Get("Content-Type"))
	}
	if res := serveOne(t, h, http.MethodHead, "/", nil); res.Code != http.StatusOK || res.Body.Len() != 0 {
		t.Errorf("HEAD / = %d with %d bytes", res.Code, res.Body.Len())
	}

	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/graphiql", http.StatusNotFound}, // no fallback to the page
		{http.MethodGet, "/network/01ABC", http.StatusNotFound},
		{http.MethodGet, "/assets/", http.StatusNotFound}, // no listing
		{http.MethodGet, "/assets/nope.js", http.StatusNotFound},
		{http.MethodGet, "/../web.go", http.StatusNotFound},
		{http.MethodGet, "/index.html", http.StatusMovedPermanently},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
		{http.MethodDelete, "/favicon.svg", http.StatusMethodNotAllowed},
	} {
		if res := serveOne(t, h, tc.method, tc.path, nil); res.Code != tc.want {
			t.Errorf("%s %s = %d, want %d", tc.method, tc.path, res.Code, tc.want)
		}
	}
}

// sourceHash is scripts/source-hash.mjs's hash of the explorer's sources in dir
// (web/): for each file, in byte order of its slash-separated path, the path, NUL,
// the content, NUL.
func sourceHash(t *testing.T, dir string) string {
	t.Helper()
	roots := []string{"index.html", "package.json", "package-lock.json", "tsconfig.json", "vite.config.ts", "public", "src"}
	var paths []string
	for _, r := range roots {
		err := filepath.WalkDir(filepath.Join(dir, r), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(dir, p)
			paths = append(paths, filepath.ToSlash(rel))
			return err
		})
		if err != nil {
			t.Fatalf("reading the explorer's sources: %v", err)
		}
	}
	slices.SortFunc(paths, func(a, b string) int { return bytes.Compare([]byte(a), []byte(b)) })
	h := sha256.New()
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestDistIsBuiltFromSource fails when web/ changed after dist/ was last built:
// `npm run build --prefix web` writes the sources' hash to dist.sha256 with the
// files, and this recomputes it.
func TestDistIsBuiltFromSource(t *testing.T) {
	recorded, err := os.ReadFile("dist.sha256")
	if err != nil {
		t.Fatalf("no dist.sha256: build the explorer with `npm ci --prefix web && npm run build --prefix web`: %v", err)
	}
	if got := sourceHash(t, filepath.Join("..", "..", "web")); got != strings.TrimSpace(string(recorded)) {
		t.Fatalf("internal/web/dist is stale: web/ has changed since it was built (sources %s, dist built from %s).\n"+
			"Rebuild and commit it: npm ci --prefix web && npm run build --prefix web", got, strings.TrimSpace(string(recorded)))
	}
}
