package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// withETag lets HTTP caches and clients keep the answers of GET queries (persisted
// queries make GET URLs short): an answer with data and no errors gets an ETag, the
// hash of its body, and Cache-Control; a request whose If-None-Match names the ETag is
// answered 304 with no body. The operation still runs: the ETag saves the transfer,
// and maxAge lets caches skip the request. Answers depend on the caller's role
// (restricted letters), so one that carries a token is private to it. Anything
// else (POST, websocket upgrades, event streams, errors) passes through untouched.
func withETag(maxAge time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet || isStream(r) {
			next.ServeHTTP(w, r)
			return
		}
		rec := &bufferedResponse{header: w.Header(), status: http.StatusOK}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if rec.status == http.StatusOK && !bytes.Contains(body, []byte(`"errors"`)) {
			sum := sha256.Sum256(body)
			tag := `"` + hex.EncodeToString(sum[:16]) + `"`
			w.Header().Set("ETag", tag)
			w.Header().Set("Cache-Control", cacheControl(maxAge, r.Header.Get("Authorization") != ""))
			w.Header().Add("Vary", "Authorization")
			if etagMatches(r.Header.Get("If-None-Match"), tag) {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		} else if rec.status == http.StatusOK {
			w.Header().Set("Cache-Control", "no-store")
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(body)
	})
}

func cacheControl(maxAge time.Duration, private bool) string {
	scope := "public"
	if private {
		scope = "private"
	}
	if maxAge <= 0 {
		return scope + ", no-cache" // keep, but ask again (If-None-Match) each time
	}
	return scope + ", max-age=" + strconv.Itoa(int(maxAge.Seconds()))
}

// etagMatches reports whether an If-None-Match header names tag (or is *).
func etagMatches(header, tag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == tag || t == "*" {
			return true
		}
	}
	return false
}

// bufferedResponse holds an answer until its ETag is known. Its header is the real
// response's, so that what the handler sets is kept.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferedResponse) WriteHeader(status int)      { b.status = status }
