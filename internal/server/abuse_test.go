package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coder/websocket"
)

// post sends body to the API's /graphql as JSON with extra headers and returns the
// status, the headers and the body.
func post(tb testing.TB, url, body string, header map[string]string) (int, http.Header, string) {
	tb.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	return send(tb, req, header)
}

// send sends req with extra headers and returns the status, the headers and the body.
func send(tb testing.TB, req *http.Request, header map[string]string) (int, http.Header, string) {
	tb.Helper()
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// errorCode returns the code and limit of the first error in a GraphQL response body.
func errorCode(tb testing.TB, body string) (code, limit string) {
	tb.Helper()
	var r struct {
		Errors []struct {
			Extensions struct{ Code, Limit string }
		}
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil || len(r.Errors) == 0 {
		tb.Fatalf("body %s: not a GraphQL error response", body)
	}
	return r.Errors[0].Extensions.Code, r.Errors[0].Extensions.Limit
}

func query(q string) string {
	b, _ := json.Marshal(map[string]any{"query": q})
	return string(b)
}

func TestAbuseLimits(t *testing.T) {
	cfg := testConfig()
	cfg.MaxBodyBytes = 2048
	cfg.MaxAliases = 3
	cfg.MaxTokens = 200
	a := newAPIWith(t, cfg)

	aliased := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("a" + string(rune('a'+i)) + ": statistics { letters } ")
		}
		return "{ " + b.String() + "}"
	}
	tests := []struct {
		name       string
		body       string
		wantStatus int
		wantCode   string
		wantLimit  string
	}{
		{"a body larger than maxBodyBytes", query("{ statistics { letters } }" + strings.Repeat(" ", 3000)),
			http.StatusRequestEntityTooLarge, "LIMIT_EXCEEDED", "maxBodyBytes"},
		{"more aliases than maxAliases", query(aliased(4)), http.StatusOK, "LIMIT_EXCEEDED", "maxAliases"},
		{"as many aliases as maxAliases", query(aliased(3)), http.StatusOK, "", ""},
		{"more tokens than maxTokens", query("{ " + strings.Repeat("statistics { letters } ", 60) + "}"),
			http.StatusUnprocessableEntity, "GRAPHQL_PARSE_FAILED", ""},
		{"a batch of operations (JSON array)", "[" + query("{ statistics { letters } }") + "]",
			http.StatusBadRequest, "BAD_REQUEST", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, _, body := post(t, a.url, tc.body, nil)
			if status != tc.wantStatus {
				t.Fatalf("status: got %d, want %d (%s)", status, tc.wantStatus, body)
			}
			if tc.wantCode == "" {
				if tc.wantStatus == http.StatusOK && strings.Contains(body, `"errors"`) {
					t.Errorf("got errors %s, want none", body)
				}
				return
			}
			code, limit := errorCode(t, body)
			if code != tc.wantCode || limit != tc.wantLimit {
				t.Errorf("error: got code %q limit %q, want %q %q (%s)", code, limit, tc.wantCode, tc.wantLimit, body)
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	cfg := testConfig()
	cfg.RateLimit, cfg.RateBurst = 1, 3
	a := newAPIWith(t, cfg)
	q := query("{ statistics { letters } }")
	for i := range 3 {
		if status, _, body := post(t, a.url, q, nil); status != http.StatusOK {
			t.Fatalf("request %d within the burst: status %d (%s)", i+1, status, body)
		}
	}
	status, header, body := post(t, a.url, q, nil)
	if status != http.StatusTooManyRequests {
		t.Fatalf("request past the burst: status %d, want 429", status)
	}
	if got := header.Get("Retry-After"); got != "1" {
		t.Errorf("Retry-After: got %q, want \"1\"", got)
	}
	if code, limit := errorCode(t, body); code != "LIMIT_EXCEEDED" || limit != "rateLimit" {
		t.Errorf("error: got %q %q, want LIMIT_EXCEEDED rateLimit", code, limit)
	}
	// Another client (behind a proxy the server trusts) has its own allowance.
	cfg.TrustProxy = true
	b := newAPIWith(t, cfg)
	for range 3 {
		post(t, b.url, q, map[string]string{"X-Forwarded-For": "192.0.2.1"})
	}
	if status, _, _ := post(t, b.url, q, map[string]string{"X-Forwarded-For": "192.0.2.2"}); status != http.StatusOK {
		t.Errorf("another client: status %d, want 200", status)
	}
	// A client that writes its own X-Forwarded-For before the proxy's entry is
	// still the address the proxy appended.
	c := newAPIWith(t, cfg)
	var got []int
	for i := range 4 {
		status, _, _ := post(t, c.url, q, map[string]string{"X-Forwarded-For": "198.51.100." + strconv.Itoa(i) + ", 192.0.2.3"})
		got = append(got, status)
	}
	if want := []int{200, 200, 200, 429}; !slices.Equal(got, want) {
		t.Errorf("four requests with forged addresses behind one proxy entry: %v, want %v", got, want)
	}
}

// TestRateLimitCountsRefusedTokens: requests refused at authentication count against
// their address, so guessing keys is as limited as any request.
func TestRateLimitCountsRefusedTokens(t *testing.T) {
	cfg := testConfig()
	cfg.AnonymousRole = "none"
	cfg.RateLimit, cfg.RateBurst = 1, 3
	a := newAPIWith(t, cfg)
	bad := map[string]string{"Authorization": "Bearer lgk_guess"}
	var got []int
	for range 4 {
		status, _, _ := post(t, a.url, query("{ statistics { letters } }"), bad)
		got = append(got, status)
	}
	if want := []int{401, 401, 401, 429}; !slices.Equal(got, want) {
		t.Errorf("statuses of four guesses: got %v, want %v", got, want)
	}
}

func TestProductionMode(t *testing.T) {
	cfg := testConfig()
	cfg.Mode = "production"
	a := newAPIWith(t, cfg)
	t.Run("no introspection", func(t *testing.T) {
		_, _, body := post(t, a.url, query("{ __schema { types { name } } }"), nil)
		if code, _ := errorCode(t, body); code != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("introspection: code %q, want GRAPHQL_VALIDATION_FAILED (%s)", code, body)
		}
	})
	t.Run("no field suggestions", func(t *testing.T) {
		_, _, body := post(t, a.url, query("{ statistic { letters } }"), nil)
		if strings.Contains(body, "Did you mean") {
			t.Errorf("error suggests a field: %s", body)
		}
	})
	t.Run("no GraphiQL", func(t *testing.T) {
		if status, _ := get(t, a.url+"/graphiql"); status != http.StatusNotFound {
			t.Errorf("GET /graphiql: status %d, want 404", status)
		}
	})
	t.Run("the explorer", func(t *testing.T) {
		if status, body := get(t, a.url+"/"); status != http.StatusOK || !strings.Contains(body, "lettergraph explorer") {
			t.Errorf("GET /: status %d, want 200 and the explorer page", status)
		}
	})
	t.Run("development suggests", func(t *testing.T) {
		dev := newAPIWith(t, testConfig())
		_, _, body := post(t, dev.url, query("{ statistic { letters } }"), nil)
		if !strings.Contains(body, "Did you mean") {
			t.Errorf("development error %s: want a suggestion", body)
		}
	})
}

func TestCORSAndWebsocketOrigins(t *testing.T) {
	cfg := testConfig()
	cfg.CORSOrigins = []string{"https://app.example.org"}
	a := newAPIWith(t, cfg)
	preflight := func(origin string) (int, string) {
		req, _ := http.NewRequest(http.MethodOptions, a.url+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin")
	}
	if status, allow := preflight("https://app.example.org"); status != http.StatusNoContent || allow != "https://app.example.org" {
		t.Errorf("preflight from an allowed origin: %d %q, want 204 and the origin", status, allow)
	}
	if _, allow := preflight("https://evil.example.com"); allow != "" {
		t.Errorf("preflight from another origin: Access-Control-Allow-Origin %q, want none", allow)
	}
	_, header, _ := post(t, a.url, query("{ statistics { letters } }"), map[string]string{"Origin": "https://evil.example.com"})
	if got := header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("POST from another origin: Access-Control-Allow-Origin %q, want none", got)
	}

	wsURL := "ws" + strings.TrimPrefix(a.url, "http") + "/graphql"
	dial := func(origin string) error {
		h := http.Header{}
		if origin != "" {
			h.Set("Origin", origin)
		}
		c, _, err := websocket.Dial(context.Background(), wsURL, &websocket.DialOptions{
			HTTPHeader: h, Subprotocols: []string{"graphql-transport-ws"}})
		if err == nil {
			c.CloseNow()
		}
		return err
	}
	if err := dial("https://evil.example.com"); err == nil {
		t.Error("websocket from another origin: accepted, want refused")
	}
	if err := dial("https://app.example.org"); err != nil {
		t.Errorf("websocket from an allowed origin: %v", err)
	}
	if err := dial(""); err != nil {
		t.Errorf("websocket without an origin (not a browser): %v", err)
	}
}
