package server_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// TestRequestIDInErrors: every error response, from GraphQL or from the middleware
// in front of it, carries extensions.requestId equal to the answer's X-Request-Id,
// the client's own or a new one.
func TestRequestIDInErrors(t *testing.T) {
	tests := []struct {
		name        string
		reader      bool // with a reader's key of its own (else no token)
		prime       int  // requests sent first, to use up the burst
		contentType string
		body        string
		requestID   string // the client's X-Request-Id, or "" for none
		wantStatus  int
		wantCode    string
	}{
		{"no token", false, 0, "application/json", query("{ statistics { letters } }"), "", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"no token, the client's id", false, 0, "application/json", query("{ statistics { letters } }"), "client-chose-this", http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"a body too large", true, 0, "application/json", `{"query": "` + strings.Repeat("x", 2048) + `"}`, "", http.StatusRequestEntityTooLarge, "LIMIT_EXCEEDED"},
		{"past the rate limit", true, 2, "application/json", query("{ statistics { letters } }"), "", http.StatusTooManyRequests, "LIMIT_EXCEEDED"},
		{"a reader's mutation", true, 0, "application/json", query(`mutation { deleteLetter(id: "x") { id } }`), "", http.StatusOK, "FORBIDDEN"},
		{"a parse error", true, 0, "application/json", query("{ statistics { "), "", http.StatusUnprocessableEntity, "GRAPHQL_PARSE_FAILED"},
		{"a validation error", true, 0, "application/json", query("{ nope }"), "", http.StatusUnprocessableEntity, "GRAPHQL_VALIDATION_FAILED"},
		{"a JSON array", true, 0, "application/json", "[" + query("{ statistics { letters } }") + "]", "", http.StatusBadRequest, "BAD_REQUEST"},
		{"not a GraphQL request", true, 0, "text/plain", "{ statistics { letters } }", "", http.StatusBadRequest, "BAD_REQUEST"},
	}
	cfg := testConfig()
	cfg.AnonymousRole = "none"
	cfg.MaxBodyBytes = 1024
	cfg.TrustProxy = true // each case is a client of its own
	cfg.RateLimit, cfg.RateBurst = 0.001, 2
	keys := make([]string, len(tests))
	for i := range tests {
		key, entry, err := auth.NewAPIKey("reader"+strconv.Itoa(i), auth.Reader)
		if err != nil {
			t.Fatal(err)
		}
		keys[i] = key
		cfg.APIKeys = append(cfg.APIKeys, entry)
	}
	a := newObservedAPI(t, cfg, false, nil)
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			send := func() (*http.Response, string) {
				req, _ := http.NewRequest(http.MethodPost, a.url+"/graphql", strings.NewReader(tc.body))
				req.Header.Set("Content-Type", tc.contentType)
				req.Header.Set("X-Forwarded-For", "192.0.2."+strconv.Itoa(i+1))
				if tc.reader {
					req.Header.Set("Authorization", "Bearer "+keys[i])
				}
				if tc.requestID != "" {
					req.Header.Set("X-Request-Id", tc.requestID)
				}
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				defer resp.Body.Close()
				b, _ := io.ReadAll(resp.Body)
				return resp, string(b)
			}
			for range tc.prime {
				send()
			}
			resp, body := send()
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("status: got %d, want %d (%s)", resp.StatusCode, tc.wantStatus, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.Contains(ct, "json") {
				t.Errorf("Content-Type: got %q, want JSON", ct)
			}
			id := resp.Header.Get("X-Request-Id")
			if id == "" || (tc.requestID != "" && id != tc.requestID) {
				t.Errorf("X-Request-Id: got %q, want %q or a new one", id, tc.requestID)
			}
			code, gotID := errorAndRequestID(t, body)
			if code != tc.wantCode || gotID != id {
				t.Errorf("error: got %s with requestId %q, want %s with %q (%s)", code, gotID, tc.wantCode, id, body)
			}
		})
	}
}

// TestFailedRequestLogs: a request that fails logs lines that all carry its id,
// once, and its answer's extensions.requestId is that id.
func TestFailedRequestLogs(t *testing.T) {
	cfg := testConfig()
	a := newObservedAPI(t, cfg, false, func(s domain.Store) domain.Store { return brokenStatistics{s} })
	for _, clientID := range []string{"req-logs-1", ""} {
		t.Run("client id "+strconv.Quote(clientID), func(t *testing.T) {
			a.logs.Reset()
			h := map[string]string{}
			if clientID != "" {
				h["X-Request-Id"] = clientID
			}
			status, header, body := post(t, a.url, query("{ statistics { letters } }"), h)
			id := header.Get("X-Request-Id")
			if id == "" || (clientID != "" && id != clientID) {
				t.Fatalf("X-Request-Id: got %q, want %q or a new one", id, clientID)
			}
			if status != http.StatusOK {
				t.Errorf("status: got %d, want 200 with an error", status)
			}
			code, gotID := errorAndRequestID(t, body)
			if code != "INTERNAL" || gotID != id {
				t.Errorf("error: got %s with requestId %q, want INTERNAL with %q (%s)", code, gotID, id, body)
			}
			lines := strings.Split(strings.TrimSpace(a.logs.String()), "\n")
			if len(lines) < 2 {
				t.Fatalf("log lines: got %q, want the failure and the request", lines)
			}
			for _, l := range lines {
				if n := strings.Count(l, "request_id="); n != 1 || !strings.Contains(l, "request_id="+id) {
					t.Errorf("log line %q: want request_id=%s once", l, id)
				}
			}
			if !strings.Contains(a.logs.String(), "the disk is on fire") {
				t.Errorf("logs %q lack the failure", a.logs.String())
			}
		})
	}
}

// brokenStatistics is the real store whose Statistics fails as a bug would.
type brokenStatistics struct{ domain.Store }

func (brokenStatistics) Statistics(context.Context) (*domain.Statistics, error) {
	return nil, errors.New("the disk is on fire")
}

// errorAndRequestID returns the first error's code and requestId of a GraphQL
// response body.
func errorAndRequestID(tb testing.TB, body string) (code, requestID string) {
	tb.Helper()
	var r struct {
		Errors []struct {
			Extensions struct{ Code, RequestID string }
		}
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil || len(r.Errors) == 0 {
		tb.Fatalf("body %s: not a GraphQL error response", body)
	}
	return r.Errors[0].Extensions.Code, r.Errors[0].Extensions.RequestID
}
