// Package web serves the explorer: the page at / that searches the graph, draws a
// correspondent's network and shows letters, through the public GraphQL API only.
// Its source is web/ (TypeScript, built by Vite); the built files are in dist/,
// committed and embedded in the binary, so a build needs no Node.js. Rebuild them
// with `npm ci --prefix web && npm run build --prefix web` after changing web/;
// TestDistIsBuiltFromSource fails when they are stale. See docs/explorer.md.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed dist
var dist embed.FS

// contentSecurityPolicy lets the page load only its own files and talk only to its
// own server: no inline script or style, no other origin, not framed.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

type file struct {
	data  []byte
	etag  string
	ctype string
	cache string
}

// Handler serves the explorer: index.html at /, the files Vite built at their
// paths (those under /assets/ carry a hash of their content in their name and are
// cached for a year), and 404 for anything else. The view is in the URL's
// fragment, which never reaches the server, so no other path needs the page.
// Only GET and HEAD are served. Mount it at "/": every other route is more specific.
func Handler() http.Handler {
	files, err := load(dist)
	if err != nil {
		// dist is embedded at build time; an unreadable one is a broken build.
		panic("web: reading the embedded explorer: " + err.Error())
	}
	return handler(files)
}

func load(fsys fs.FS) (map[string]file, error) {
	root, err := fs.Sub(fsys, "dist")
	if err != nil {
		return nil, err
	}
	files := map[string]file{}
	err = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		f := file{data: data, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, cache: "public, max-age=3600"}
		f.ctype = mime.TypeByExtension(path.Ext(p))
		if f.ctype == "" {
			f.ctype = http.DetectContentType(data)
		}
		switch {
		case p == "index.html":
			// Always asked again (a 304 when unchanged), so a new binary's page and
			// its new asset names are seen at once.
			f.cache = "no-cache"
		case strings.HasPrefix(p, "assets/"):
			f.cache = "public, max-age=31536000, immutable"
		}
		files["/"+p] = f
		return nil
	})
	return files, err
}

func handler(files map[string]file) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/" {
			p = "/index.html"
		} else if p == "/index.html" {
			// One address for the page.
			http.Redirect(w, r, "/", http.StatusMovedPermanently)
			return
		}
		f, ok := files[p]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.ctype)
		h.Set("Cache-Control", f.cache)
		h.Set("ETag", f.etag)
		h.Set("X-Content-Type-Options", "nosniff")
		if p == "/index.html" {
			h.Set("Content-Security-Policy", contentSecurityPolicy)
			h.Set("Referrer-Policy", "no-referrer")
		}
		http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(f.data))
	})
}
