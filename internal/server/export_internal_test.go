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
	"time"

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
			h := exportHandler(tt.ex, testExportLimits(), slog.New(slog.NewTextHandler(io.Discard, nil)))
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

// testExportLimits are the defaults, with a short stall.
func testExportLimits() exportLimits {
	return exportLimits{total: 4, perClient: 1, timeout: time.Minute, minRate: 16384, stall: time.Second}
}

// exportServer serves h with the caller named by the request's X-Test-Caller header.
func exportServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("GET /export/{format}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := auth.Principal{Subject: "caller " + r.Header.Get("X-Test-Caller"), Role: auth.Reader}
		h.ServeHTTP(w, r.WithContext(auth.WithPrincipal(r.Context(), p)))
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func getAs(t *testing.T, url, caller string) (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("X-Test-Caller", caller)
	return http.DefaultClient.Do(req)
}

// blockingExporter holds every export open until release is closed (or its context
// ends), telling started when one has begun.
type blockingExporter struct {
	failingExporter
	started chan struct{}
	release chan struct{}
}

func (b blockingExporter) EachLetter(ctx context.Context, f domain.LetterFilter, fn func(*domain.LetterRecord) error) error {
	b.started <- struct{}{}
	select {
	case <-b.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TestExportSlots: a client streams EXPORTS_PER_CLIENT exports at once, the server
// EXPORTS; one more is refused with 429, LIMIT_EXCEEDED ("exportsPerClient",
// "exports") and Retry-After; when one ends, the next is served.
func TestExportSlots(t *testing.T) {
	ex := blockingExporter{started: make(chan struct{}), release: make(chan struct{})}
	lim := testExportLimits()
	lim.total = 2
	srv := exportServer(t, exportHandler(ex, lim, slog.New(slog.NewTextHandler(io.Discard, nil))))
	url := srv.URL + "/export/ndjson"
	refused := func(caller, limit string) {
		t.Helper()
		resp, err := getAs(t, url, caller)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(body), `"limit":"`+limit+`"`) {
			t.Errorf("%s: %d %q %s, want 429 %s", caller, resp.StatusCode, resp.Header.Get("Retry-After"), body, limit)
		}
	}
	done := make(chan int, 2)
	for _, caller := range []string{"a", "b"} {
		go func() {
			resp, err := getAs(t, url, caller)
			if err != nil {
				done <- 0
				return
			}
			resp.Body.Close()
			done <- resp.StatusCode
		}()
		<-ex.started
		if caller == "a" {
			refused("a", "exportsPerClient")
		}
	}
	refused("c", "exports")
	close(ex.release)
	for range 2 {
		if status := <-done; status != http.StatusOK {
			t.Errorf("a running export ended with %d", status)
		}
	}
	go func() { <-ex.started }()
	if resp, err := getAs(t, url, "a"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("after the others ended: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
}

// TestExportTimeout: an export that runs past EXPORT_TIMEOUT is ended, as
// LIMIT_EXCEEDED when nothing was sent yet.
func TestExportTimeout(t *testing.T) {
	ex := blockingExporter{started: make(chan struct{}, 1), release: make(chan struct{})}
	lim := testExportLimits()
	lim.timeout = 200 * time.Millisecond
	srv := exportServer(t, exportHandler(ex, lim, slog.New(slog.NewTextHandler(io.Discard, nil))))
	resp, err := getAs(t, srv.URL+"/export/ndjson", "a")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), `"code":"LIMIT_EXCEEDED"`) {
		t.Errorf("an export past its timeout: %d %s, want 503 LIMIT_EXCEEDED", resp.StatusCode, body)
	}
}

// TestExportSlowReaderIsCut: a client that stops reading is cut off once a write has
// waited its stall and its size at EXPORT_MIN_RATE, and its slot is free again.
func TestExportSlowReaderIsCut(t *testing.T) {
	lim := testExportLimits()
	lim.stall, lim.minRate = 300*time.Millisecond, 1<<20
	srv := exportServer(t, exportHandler(failingExporter{n: 100000}, lim, slog.New(slog.NewTextHandler(io.Discard, nil))))
	resp, err := getAs(t, srv.URL+"/export/ndjson", "a")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close() // read nothing: the socket's buffers fill, and the writes wait
	for try := 0; ; try++ {
		r, err := getAs(t, srv.URL+"/export/ndjson", "a")
		if err != nil {
			t.Fatal(err)
		}
		status := r.StatusCode
		r.Body.Close()
		if status != http.StatusTooManyRequests {
			break
		}
		if try == 100 {
			t.Fatalf("the stalled export still holds the client's slot after %d tries", try)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if _, err := io.ReadAll(resp.Body); err == nil {
		t.Errorf("the stalled export read to its end without an error, want it cut")
	}
}
