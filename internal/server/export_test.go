package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/export"
)

// download asks the server for path with token ("" for none) and returns the status, the
// headers and the body.
func download(tb testing.TB, base, path, token string) (int, http.Header, string) {
	tb.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		tb.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("GET %s: reading: %v", path, err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// TestExportsHideRestrictedLetters downloads every export format from
// GET /export/{format} as a reader and as an editor, of a graph with a restricted
// letter and a blind copy: the reader's files never name the restricted letter, the
// correspondents known only from it, or the one blind-copied; the editor's do.
func TestExportsHideRestrictedLetters(t *testing.T) {
	w := newRestrictedWorld(t)
	ids := w.ids
	forbidden := []string{ids["r"], "Zebra", "zebraquux", ids["sam"], "Sam Secret", ids["sec"], "Secretariat", ids["bea"], "Bea Blind"}
	for _, fm := range export.Formats {
		t.Run(fm.Name, func(t *testing.T) {
			status, h, body := download(t, w.api.url, "/export/"+fm.Name, "")
			if status != http.StatusOK {
				t.Fatalf("reader: %d %s", status, body)
			}
			if h.Get("Content-Type") != fm.ContentType || h.Get("Content-Disposition") != `attachment; filename="`+fm.File+`"` {
				t.Errorf("headers: %q, %q", h.Get("Content-Type"), h.Get("Content-Disposition"))
			}
			if !strings.Contains(body, "Pat Public") && fm.Name != "letters.csv" || !strings.Contains(body, "Open letter") && fm.Name == "letters.csv" {
				t.Errorf("the reader's %s lacks the open letters:\n%s", fm.Name, body)
			}
			for _, s := range forbidden {
				if strings.Contains(body, s) {
					t.Errorf("the reader's %s names %q:\n%s", fm.Name, s, body)
				}
			}
			status, _, body = download(t, w.api.url, "/export/"+fm.Name, w.editor)
			sees := []string{"Sam Secret", "Bea Blind"}
			if fm.Name == "letters.csv" {
				sees = []string{"Zebra memo"}
			}
			for _, s := range sees {
				if status != http.StatusOK || !strings.Contains(body, s) {
					t.Errorf("the editor's %s (%d) lacks %q", fm.Name, status, s)
				}
			}
		})
	}
}

// TestExportRequests checks what GET /export/{format} refuses, and that its filter
// selects: a filter that is no LetterFilter, an unknown format, a token refused, a
// reader's filter by blind copy; and the editor's filter by text finds the one
// letter.
func TestExportRequests(t *testing.T) {
	w := newRestrictedWorld(t)
	filter := func(f string) string { return "?filter=" + url.QueryEscape(f) }
	for _, tt := range []struct {
		name, path, token string
		status            int
		code              string
	}{
		{"not a filter", "/export/ndjson" + filter(`{"recipents": []}`), "", http.StatusBadRequest, "BAD_USER_INPUT"},
		{"no such format", "/export/pdf", "", http.StatusNotFound, "NOT_FOUND"},
		{"a token refused", "/export/ndjson", "lgk_not-a-key", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"blind copies, as a reader", "/export/graphml" + filter(`{"involving": [{"correspondent": "`+w.ids["bea"]+`", "role": "BCC"}]}`),
			"", http.StatusForbidden, "FORBIDDEN"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := download(t, w.api.url, tt.path, tt.token)
			var r struct {
				Errors []struct {
					Extensions struct{ Code string }
				}
			}
			_ = json.Unmarshal([]byte(body), &r)
			if status != tt.status || len(r.Errors) != 1 || r.Errors[0].Extensions.Code != tt.code {
				t.Errorf("%d %s, want %d %s", status, body, tt.status, tt.code)
			}
		})
	}
	status, _, body := download(t, w.api.url, "/export/ndjson"+filter(`{"text": "zebraquux"}`), w.editor)
	if status != http.StatusOK || strings.Count(body, "\n") != 1 || !strings.Contains(body, "Zebra memo") {
		t.Errorf("the editor's export of zebraquux: %d\n%s", status, body)
	}
}
