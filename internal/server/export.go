package server

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/lettergraph/lettergraph/graph"
	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/export"
)

// exportLimits share the exports among callers (docs/exports.md): each reads its
// whole selection from Neo4j and holds a connection while the client reads, so a
// few callers, or slow readers, must not keep the others out.
type exportLimits struct {
	// total exports stream at once on one server, perClient of them for one client
	// (clientKey); one more is refused with 429, LIMIT_EXCEEDED "exports" or
	// "exportsPerClient", and Retry-After.
	total, perClient int
	// timeout bounds a whole export.
	timeout time.Duration
	// minRate is the bytes a second a client must take the export at: each write
	// must be taken within stall plus its size at minRate, or the export is cut.
	minRate int
	stall   time.Duration
	proxies forwarded
}

// exportHandler serves GET /export/{format}: the letters a filter selects (the
// query parameter filter, a GraphQL LetterFilter in JSON), or their network, in one
// of export.Formats, streamed as it is read, as the caller may see them (restricted
// letters and blind copies only for RESTRICTED_ROLE and above). It needs the reader
// role. An export is no single request to Neo4j but batches, each bounded by
// QUERY_TIMEOUT, so the whole may take longer than the server's write timeout, which
// it lifts for itself. An error before the first byte is a JSON error as /graphql's
// limits give; after it the connection is cut, so that a client never takes a
// truncated file for a whole one.
func exportHandler(ex domain.Exporter, lim exportLimits, log *slog.Logger) http.Handler {
	slots := make(chan struct{}, lim.total)
	var mu sync.Mutex
	running := map[string]int{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		p, _ := auth.FromContext(ctx)
		if err := auth.Require(p, auth.Reader); err != nil {
			writeError(w, http.StatusForbidden, domain.CodeForbidden, "", domain.AsError(err).Message)
			return
		}
		fm, ok := export.FormatByName(r.PathValue("format"))
		if !ok {
			names := make([]string, len(export.Formats))
			for i, f := range export.Formats {
				names[i] = f.Name
			}
			writeError(w, http.StatusNotFound, domain.CodeNotFound, "",
				fmt.Sprintf("no export format %q; there are %s", r.PathValue("format"), strings.Join(names, ", ")))
			return
		}
		f, err := graph.DecodeLetterFilter(r.URL.Query().Get("filter"))
		if err != nil {
			writeExportError(w, err)
			return
		}
		client := clientKey(r, lim.proxies)
		mu.Lock()
		mine := running[client]
		if mine < lim.perClient {
			running[client]++
		}
		mu.Unlock()
		if mine >= lim.perClient {
			w.Header().Set("Retry-After", "10")
			writeLimitError(w, http.StatusTooManyRequests, "exportsPerClient",
				fmt.Sprintf("this client has %d exports running; try again when one ends", mine))
			return
		}
		defer func() {
			mu.Lock()
			if running[client]--; running[client] <= 0 {
				delete(running, client)
			}
			mu.Unlock()
		}()
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		default:
			w.Header().Set("Retry-After", "10")
			writeLimitError(w, http.StatusTooManyRequests, "exports",
				fmt.Sprintf("%d exports are running; try again in a few seconds", lim.total))
			return
		}
		ctx, cancel := context.WithTimeout(ctx, lim.timeout)
		defer cancel()
		// The writers start before the first read; their first bytes wait in the buffer,
		// so that a filter the store refuses is still answered as an error.
		out := &lazyResponse{w: w, fm: fm, lim: lim, rc: http.NewResponseController(w)}
		buf := bufio.NewWriterSize(out, 32<<10)
		o := export.Options{Now: time.Now(), CMIF: export.CMIFHeader{URL: requestURL(r)}}
		if err = fm.Write(ctx, ex, f, buf, o); err == nil {
			err = buf.Flush()
		}
		switch {
		case err == nil:
			if !out.started {
				_, _ = out.Write(nil) // an empty export is still a file, with its headers
			}
			return
		case !out.started:
			if domain.ErrorCode(err) == domain.CodeInternal {
				log.ErrorContext(ctx, "export failed", "request_id", RequestID(ctx), "format", fm.Name, "err", err)
			}
			writeExportError(w, err)
		default:
			level := slog.LevelError
			if errors.Is(err, context.Canceled) {
				level = slog.LevelInfo // the client went away: not a fault
			}
			log.Log(ctx, level, "export cut short", "request_id", RequestID(ctx), "format", fm.Name, "err", err)
			panic(http.ErrAbortHandler) // the client sees a broken transfer, not a short file
		}
	})
}

// lazyResponse sends the export's headers with its first bytes, so that an error
// before them can still be answered as an error, and gives each write the time its
// size takes at the least rate (exportLimits).
type lazyResponse struct {
	w       http.ResponseWriter
	fm      export.Format
	lim     exportLimits
	rc      *http.ResponseController
	started bool
}

func (l *lazyResponse) Write(p []byte) (int, error) {
	if l.rc != nil && l.lim.minRate > 0 {
		_ = l.rc.SetWriteDeadline(time.Now().Add(l.lim.stall + time.Duration(len(p))*time.Second/time.Duration(l.lim.minRate)))
	}
	if !l.started {
		l.started = true
		h := l.w.Header()
		h.Set("Content-Type", l.fm.ContentType)
		h.Set("Content-Disposition", `attachment; filename="`+l.fm.File+`"`)
		h.Set("Cache-Control", "no-store")
		h.Add("Vary", "Authorization")
	}
	return l.w.Write(p)
}

// writeExportError answers an error found before the export's first byte.
func writeExportError(w http.ResponseWriter, err error) {
	de := domain.AsError(err)
	status := map[domain.Code]int{
		domain.CodeBadUserInput:  http.StatusBadRequest,
		domain.CodeForbidden:     http.StatusForbidden,
		domain.CodeNotFound:      http.StatusNotFound,
		domain.CodeLimitExceeded: http.StatusServiceUnavailable,
		domain.CodeUnavailable:   http.StatusServiceUnavailable,
	}[de.Code]
	if errors.Is(err, context.DeadlineExceeded) {
		de, status = &domain.Error{Code: domain.CodeLimitExceeded, Message: "the export took longer than EXPORT_TIMEOUT"}, http.StatusServiceUnavailable
	}
	if status == 0 || errors.Is(err, context.Canceled) {
		status = http.StatusInternalServerError
	}
	writeError(w, status, de.Code, "", de.Message)
}

// requestURL is the address the export was asked at, for the CMIF header's idno.
func requestURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.RequestURI()
}

// mountExport serves exportHandler at GET /export/{format} behind the same
// authentication, rate limit and CORS as /graphql.
func mountExport(mux *http.ServeMux, ex domain.Exporter, authn *auth.Authenticator, restricted auth.Role,
	limiter *rateLimiter, lim exportLimits, origins []string, log *slog.Logger) {
	h := exportHandler(ex, lim, log)
	if limiter != nil {
		h = limiter.middleware(h)
	}
	mux.Handle("GET /export/{format}", withCORS(origins, withAuth(authn, restricted, limiter, h)))
}

// exportStall is the grace each write of an export has, on top of its size at the
// least rate: a client's reads pause (a window resized, a disk busy) without being
// slow.
const exportStall = 10 * time.Second
