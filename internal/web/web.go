// Package web serves the two pages the server ships: the explorer at / (search the
// graph, draw a correspondent's network, read letters) and the GraphQL playground at
// /graphiql (GraphiQL with the query builder, the analysts' examples and results as
// CSV or JSON). Both talk to the server through the public GraphQL API only, and
// neither loads anything from another origin. Their source is web/ (TypeScript and
// React, built by Vite); the built files are in dist/, committed and embedded in the
// binary, so a build needs no Node.js. Rebuild them with
// `npm ci --prefix web && npm run build --prefix web` after changing web/;
// TestDistIsBuiltFromSource fails when they are stale. See docs/explorer.md and
// docs/analysts.md.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed dist
var dist embed.FS

// explorerPolicy lets the explorer load only its own files and talk only to its own
// server: no inline script or style, no other origin, not framed.
const explorerPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// playgroundPolicy is the explorer's, with what GraphiQL's editor (Monaco) needs and
// nothing from elsewhere: its language services run in workers loaded from this
// server, GraphiQL's stylesheet carries its fonts as data: URLs, and Monaco writes
// the colours of its themes into <style> elements it creates, which only
// 'unsafe-inline' for styles allows (scripts stay 'self' only). connect-src 'self'
// covers the websocket of subscriptions on the same host.
const playgroundPolicy = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

type file struct {
	data   []byte // as stored: gzip-compressed when gzip is set
	gzip   bool
	etag   string
	ctype  string
	cache  string
	policy string // Content-Security-Policy of a page; empty for other files
}

var loaded = sync.OnceValues(func() (map[string]file, error) { return load(dist) })

// Handler serves the explorer: its page at /, the files Vite built at their paths
// (those under /assets/ carry a hash of their content in their name and are cached
// for a year; the playground's are there too), and 404 for anything else. The view
// is in the URL's fragment, which never reaches the server, so no other path needs
// the page. Only GET and HEAD are served. Mount it at "/": every other route is more
// specific.
func Handler() http.Handler {
	pages := embedded()
	delete(pages, "/graphiql.html") // served at /graphiql by Playground, when it is on
	return handler(pages, func(p string) string {
		switch p {
		case "/":
			return "/index.html"
		case "/index.html":
			return "" // one address for the page: redirected to /
		}
		return p
	})
}

// Playground serves the GraphQL playground's page. Mount it at "GET /graphiql"; its
// files are served by Handler under /assets/.
func Playground() http.Handler {
	return handler(embedded(), func(string) string { return "/graphiql.html" })
}

func embedded() map[string]file {
	all, err := loaded()
	if err != nil {
		// dist is embedded at build time; an unreadable one is a broken build.
		panic("web: reading the embedded pages: " + err.Error())
	}
	own := make(map[string]file, len(all))
	for k, v := range all {
		own[k] = v
	}
	return own
}

// load reads dist: each file under its path, and a file stored compressed
// ("x.js.gz", written by web/scripts/compress.mjs) under the path it is served at
// ("x.js").
func load(fsys fs.FS) (map[string]file, error) {
	root, err := fs.Sub(fsys, "dist")
	if err != nil {
		return nil, err
	}
	out := map[string]file{}
	err = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		f := file{data: data, cache: "public, max-age=3600"}
		if name, ok := strings.CutSuffix(p, ".gz"); ok {
			p, f.gzip = name, true
		}
		sum := sha256.Sum256(data)
		f.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
		f.ctype = mime.TypeByExtension(path.Ext(p))
		if f.ctype == "" {
			f.ctype = http.DetectContentType(data)
		}
		switch {
		case p == "index.html" || p == "graphiql.html":
			// Always asked again (a 304 when unchanged), so a new binary's page and
			// its new asset names are seen at once.
			f.cache = "no-cache"
			f.policy = explorerPolicy
			if p == "graphiql.html" {
				f.policy = playgroundPolicy
			}
		case strings.HasPrefix(p, "assets/"):
			f.cache = "public, max-age=31536000, immutable"
		}
		out["/"+p] = f
		return nil
	})
	return out, err
}

// handler serves files; route maps a request's path to a file's, "" to redirect to /.
func handler(files map[string]file, route func(string) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := route(r.URL.Path)
		if p == "" {
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
		h.Set("X-Content-Type-Options", "nosniff")
		if f.policy != "" {
			h.Set("Content-Security-Policy", f.policy)
			h.Set("Referrer-Policy", "no-referrer")
		}
		if !f.gzip {
			h.Set("ETag", f.etag)
			http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(f.data))
			return
		}
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			h.Set("ETag", f.etag)
			h.Set("Content-Encoding", "gzip")
			http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(f.data))
			return
		}
		serveInflated(w, r, f)
	})
}

// serveInflated answers a client that does not take gzip (curl without
// --compressed, some proxies) with the file decompressed as it is sent: such clients
// are rare, and keeping the files compressed saves most of their size in the binary.
// It has its own ETag, since it is another representation, and no ranges.
func serveInflated(w http.ResponseWriter, r *http.Request, f file) {
	etag := strings.TrimSuffix(f.etag, `"`) + `-identity"`
	w.Header().Set("ETag", etag)
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.Method == http.MethodHead {
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(f.data))
	if err == nil {
		_, err = io.Copy(w, zr)
	}
	if err != nil {
		// The client went away, or a broken build; the status has gone: cut the response.
		panic(http.ErrAbortHandler)
	}
}

// acceptsGzip reports whether an Accept-Encoding header takes gzip (or *) with a
// weight above zero.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		if v, ok := strings.CutPrefix(strings.ReplaceAll(strings.ToLower(params), " ", ""), "q="); ok {
			if q, err := strconv.ParseFloat(v, 64); err != nil || q <= 0 {
				continue
			}
		}
		return true
	}
	return false
}
