package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// failingExporter yields n letters, then fails with err.
type failingExporter struct {
	n   int
	err error
}

func (f failingExporter) EachLetter(ctx context.Context, _ domain.LetterFilter, fn func(*domain.LetterRecord) error) error {
	for i := 0; i < f.n; i++ {
		l := &domain.Letter{ID: "L", Title: strings.Repeat("x", 1000), DatePrecision: domain.PrecisionUnknown}
		if err := fn(&domain.LetterRecord{Letter: l}); err != nil {
			return err
		}
	}
	return f.err
}

func (f failingExporter) EachCorrespondent(context.Context, domain.LetterFilter, func(domain.Correspondent) error) error {
	return f.err
}

func (f failingExporter) EachEdge(context.Context, domain.LetterFilter, func(domain.DatedEdge) error) error {
	return f.err
}

// TestExportFailures: a store that fails before the export has sent anything is
// answered with its error as JSON (503 for UNAVAILABLE, and INTERNAL without its
// detail); one that fails after the first bytes cuts the connection, so that the
// client sees a broken download, never a short file that looks whole.
func TestExportFailures(t *testing.T) {
	unavailable := &domain.Error{Code: domain.CodeUnavailable, Message: "the database is unavailable; try again"}
	for _, tt := range []struct {
		name   string
		ex     failingExporter
		status int
		body   string // a part of the body; "" when reading it must fail
	}{
		{"before the first byte", failingExporter{0, unavailable}, http.StatusServiceUnavailable, `"code":"UNAVAILABLE"`},
		{"an internal error", failingExporter{0, errors.New("Neo.ClientError: secret detail")}, http.StatusInternalServerError, `"message":"internal error"`},
		{"after the first bytes", failingExporter{100, unavailable}, http.StatusOK, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := exportHandler(tt.ex, slog.New(slog.NewTextHandler(io.Discard, nil)))
			mux := http.NewServeMux()
			mux.Handle("GET /export/{format}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				h.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), auth.Principal{Subject: "t", Role: auth.Reader})))
			}))
			srv := httptest.NewServer(mux)
			defer srv.Close()
			resp, err := http.Get(srv.URL + "/export/ndjson")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			switch {
			case tt.body == "" && err == nil:
				t.Errorf("read %d bytes of a download cut short without an error", len(body))
			case tt.body != "" && (err != nil || !strings.Contains(string(body), tt.body) || strings.Contains(string(body), "secret")):
				t.Errorf("body %s (%v), want %s", body, err, tt.body)
			}
		})
	}
}

// blockingExporter holds every export open until release is closed, telling started
// when one has begun.
type blockingExporter struct {
	failingExporter
	started chan struct{}
	release chan struct{}
}

func (b blockingExporter) EachLetter(ctx context.Context, f domain.LetterFilter, fn func(*domain.LetterRecord) error) error {
	b.started <- struct{}{}
	<-b.release
	return nil
}

// TestExportSlots: while maxExports downloads are streaming, one more is refused with
// 429, LIMIT_EXCEEDED "exports" and Retry-After; when one ends, the next is served.
func TestExportSlots(t *testing.T) {
	ex := blockingExporter{started: make(chan struct{}), release: make(chan struct{})}
	h := exportHandler(ex, slog.New(slog.NewTextHandler(io.Discard, nil)))
	mux := http.NewServeMux()
	mux.Handle("GET /export/{format}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), auth.Principal{Subject: "t", Role: auth.Reader})))
	}))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	done := make(chan int, maxExports)
	for range maxExports {
		go func() {
			resp, err := http.Get(srv.URL + "/export/ndjson")
			if err != nil {
				done <- 0
				return
			}
			resp.Body.Close()
			done <- resp.StatusCode
		}()
		<-ex.started
	}
	resp, err := http.Get(srv.URL + "/export/ndjson")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), `"limit":"exports"`) {
		t.Errorf("one export too many: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	close(ex.release)
	for range maxExports {
		if status := <-done; status != http.StatusOK {
			t.Errorf("a running export ended with %d", status)
		}
	}
	go func() { <-ex.started }()
	if resp, err := http.Get(srv.URL + "/export/ndjson"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("after the others ended: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}
