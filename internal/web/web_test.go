package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
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

// sourceHash is scripts/source-hash.mjs's hash of the pages' sources in dir (web/,
// with the analysts' guide beside it): for each file, in byte order of its
// slash-separated path relative to dir, the path, NUL, the content, NUL.
func sourceHash(t *testing.T, dir string) string {
	t.Helper()
	roots := []string{"index.html", "graphiql.html", "package.json", "package-lock.json", "tsconfig.json", "vite.config.ts",
		"public", "src", "scripts", "../docs/analysts.md"}
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

// TestPlayground: the playground's page at /graphiql with its own policy, which
// lets scripts, workers and connections reach this server only; its files come from
// Handler, which does not serve the page itself.
func TestPlayground(t *testing.T) {
	page := serveOne(t, Playground(), http.MethodGet, "/graphiql", nil)
	if page.Code != http.StatusOK || !strings.HasPrefix(page.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("GET /graphiql = %d %q", page.Code, page.Header().Get("Content-Type"))
	}
	if !strings.Contains(page.Body.String(), `id="graphiql"`) {
		t.Errorf("GET /graphiql is not the playground:\n%s", page.Body.String())
	}
	csp := directives(page.Header().Get("Content-Security-Policy"))
	for name, want := range map[string]string{
		"default-src":     "'self'",
		"script-src":      "'self'",
		"worker-src":      "'self'",
		"connect-src":     "'self'",
		"object-src":      "'none'",
		"base-uri":        "'none'",
		"frame-ancestors": "'none'",
	} {
		if got := csp[name]; got != want {
			t.Errorf("the playground's %s = %q, want %q", name, got, want)
		}
	}
	for name, sources := range csp {
		// Nothing from another origin, whatever the directive.
		if strings.Contains(sources, "http") || strings.Contains(sources, "*") || strings.Contains(sources, "unsafe-eval") {
			t.Errorf("the playground's %s allows %q", name, sources)
		}
	}
	if got := page.Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("GET /graphiql Cache-Control = %q, want no-cache", got)
	}
	if res := serveOne(t, Handler(), http.MethodGet, "/graphiql.html", nil); res.Code != http.StatusNotFound {
		t.Errorf("GET /graphiql.html from the explorer's handler = %d, want 404", res.Code)
	}

	// Each file the page names is the server's own, and served.
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(page.Body.String(), -1)
	if len(refs) < 2 {
		t.Fatalf("the playground names %d files: %v", len(refs), refs)
	}
	for _, m := range refs {
		if !strings.HasPrefix(m[1], "/") || strings.HasPrefix(m[1], "//") {
			t.Errorf("the playground loads %s, not from its own server", m[1])
			continue
		}
		if res := serveOne(t, Handler(), http.MethodGet, m[1], map[string]string{"Accept-Encoding": "gzip"}); res.Code != http.StatusOK {
			t.Errorf("GET %s = %d", m[1], res.Code)
		}
	}
}

// directives splits a Content-Security-Policy into its directives' sources.
func directives(policy string) map[string]string {
	out := map[string]string{}
	for _, d := range strings.Split(policy, ";") {
		name, sources, _ := strings.Cut(strings.TrimSpace(d), " ")
		out[name] = strings.TrimSpace(sources)
	}
	return out
}

// TestCompressedAssets: an asset stored compressed is sent as it is to a browser
// that takes gzip, and inflated for a client that does not, each with its own ETag
// and Vary: Accept-Encoding, so caches keep the two apart.
func TestCompressedAssets(t *testing.T) {
	all, err := loaded()
	if err != nil {
		t.Fatal(err)
	}
	var name string
	for p, f := range all {
		if f.gzip && strings.HasSuffix(p, ".js") {
			name = p
			break
		}
	}
	if name == "" {
		t.Fatal("no compressed script in dist: the build's compress step did not run")
	}
	h := Handler()
	zipped := serveOne(t, h, http.MethodGet, name, map[string]string{"Accept-Encoding": "gzip, deflate, br"})
	plain := serveOne(t, h, http.MethodGet, name, nil)
	for _, res := range []*httptest.ResponseRecorder{zipped, plain} {
		if res.Code != http.StatusOK || !strings.HasPrefix(res.Header().Get("Content-Type"), "text/javascript") {
			t.Fatalf("GET %s = %d %q", name, res.Code, res.Header().Get("Content-Type"))
		}
		if res.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("GET %s Vary = %q, want Accept-Encoding", name, res.Header().Get("Vary"))
		}
	}
	if got := zipped.Header().Get("Content-Encoding"); got != "gzip" {
		t.Errorf("GET %s with gzip accepted: Content-Encoding %q, want gzip", name, got)
	}
	if got := plain.Header().Get("Content-Encoding"); got != "" {
		t.Errorf("GET %s without gzip: Content-Encoding %q, want none", name, got)
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatalf("the gzip answer: %v", err)
	}
	inflated, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(inflated, plain.Body.Bytes()) || len(inflated) <= zipped.Body.Len() {
		t.Errorf("the two answers differ: %d bytes inflated from %d, %d bytes plain", len(inflated), zipped.Body.Len(), plain.Body.Len())
	}
	ez, ep := zipped.Header().Get("ETag"), plain.Header().Get("ETag")
	if ez == "" || ep == "" || ez == ep {
		t.Errorf("ETags %q (gzip) and %q (plain): want two, different", ez, ep)
	}
	for _, tc := range []struct {
		name, etag string
		hdr        map[string]string
	}{
		{"gzip", ez, map[string]string{"Accept-Encoding": "gzip"}},
		{"plain", ep, nil},
	} {
		hdr := map[string]string{"If-None-Match": tc.etag}
		for k, v := range tc.hdr {
			hdr[k] = v
		}
		if res := serveOne(t, h, http.MethodGet, name, hdr); res.Code != http.StatusNotModified {
			t.Errorf("%s: GET %s with its ETag = %d, want 304", tc.name, name, res.Code)
		}
	}
	if res := serveOne(t, h, http.MethodHead, name, nil); res.Code != http.StatusOK || res.Body.Len() != 0 {
		t.Errorf("HEAD %s = %d with %d bytes", name, res.Code, res.Body.Len())
	}
}

func TestAcceptsGzip(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"gzip, deflate, br, zstd", true},
		{"br;q=1.0, gzip;q=0.8", true},
		{"GZIP", true},
		{"x-gzip", true},
		{"*", true},
		{"identity", false},
		{"deflate, br", false},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"gzip;q=nonsense", false},
		{"gzipped", false},
	} {
		if got := acceptsGzip(tc.header); got != tc.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tc.header, got, tc.want)
		}
	}
}
