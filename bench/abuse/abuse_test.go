package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
)

func TestClassify(t *testing.T) {
	h := func(kv ...string) http.Header {
		h := http.Header{}
		for i := 0; i < len(kv); i += 2 {
			h.Set(kv[i], kv[i+1])
		}
		return h
	}
	for _, tc := range []struct {
		name string
		a    answer
		want string
	}{
		{"data", answer{status: 200, body: []byte(`{"data":{"letters":{}}}`)}, "200"},
		{"null data", answer{status: 200, body: []byte(`{"data":null}`)}, "200 no data"},
		{"limit", answer{status: 413, body: []byte(`{"errors":[{"extensions":{"code":"LIMIT_EXCEEDED","limit":"maxBodyBytes"}}]}`)}, "413 maxBodyBytes"},
		{"code", answer{status: 200, body: []byte(`{"errors":[{"extensions":{"code":"FORBIDDEN"}}],"data":null}`)}, "200 FORBIDDEN"},
		{"partial data", answer{status: 200, body: []byte(`{"errors":[{"extensions":{"code":"INTERNAL"}}],"data":{"a":1}}`)}, "200 INTERNAL"},
		{"no code", answer{status: 422, body: []byte(`{"errors":[{"message":"x"}]}`)}, "422 no code"},
		{"not JSON", answer{status: 502, body: []byte(`Bad Gateway`)}, "502 not JSON"},
		{"rate limited", answer{status: 429, header: h("Retry-After", "1"),
			body: []byte(`{"errors":[{"extensions":{"code":"LIMIT_EXCEEDED","limit":"rateLimit"}}]}`)}, rateLimited},
		{"rate limited, no Retry-After", answer{status: 429, header: h(),
			body: []byte(`{"errors":[{"extensions":{"code":"LIMIT_EXCEEDED","limit":"rateLimit"}}]}`)}, rateLimited + " without Retry-After"},
		{"unauthenticated", answer{status: 401, header: h("WWW-Authenticate", "Bearer"),
			body: []byte(`{"errors":[{"extensions":{"code":"UNAUTHENTICATED"}}]}`)}, "401 UNAUTHENTICATED"},
		{"unauthenticated, no challenge", answer{status: 401, header: h(),
			body: []byte(`{"errors":[{"extensions":{"code":"UNAUTHENTICATED"}}]}`)}, "401 UNAUTHENTICATED without WWW-Authenticate"},
		{"transport", answer{err: errors.New("connection reset by peer")}, "transport error"},
		{"timeout", answer{err: timeoutError{}}, "timeout"},
	} {
		if got := classify(tc.a); got != tc.want {
			t.Errorf("%s: classify = %q, want %q", tc.name, got, tc.want)
		}
	}
}

type timeoutError struct{}

func (timeoutError) Error() string { return "i/o timeout" }
func (timeoutError) Timeout() bool { return true }

func TestLoopback(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:8080/", "http://127.0.0.2"} {
		if err := loopback(u); err != nil {
			t.Errorf("loopback(%q) = %v, want nil", u, err)
		}
	}
	for _, u := range []string{"http://10.0.0.1:8080", "http://example.org", "http://localhost.example.org", "ftp://127.0.0.1", "127.0.0.1:8080", "http://0.0.0.0:8080"} {
		if err := loopback(u); err == nil {
			t.Errorf("loopback(%q) = nil, want an error", u)
		}
	}
}

// TestKinds checks that every kind's body is what it means to be: JSON (an object, or
// for the batch an array), over or under the limits as it should.
func TestKinds(t *testing.T) {
	const maxBody = 1 << 20
	ks := kinds(gql.Correspondents{A: "a", B: "b", Others: []string{"1", "2", "3", "4", "5"}}, maxBody)
	floods := 0
	for _, k := range ks {
		b := k.body()
		if !json.Valid(b) {
			t.Errorf("%s: the body is not JSON: %.100s", k.name, b)
		}
		if len(k.expect) == 0 {
			t.Errorf("%s: no outcome expected", k.name)
		}
		if k.flood {
			floods++
		}
		over := len(b) > maxBody
		if want := strings.HasPrefix(k.name, "body over"); over != want {
			t.Errorf("%s: body of %d bytes, over %d: %v, want %v", k.name, len(b), maxBody, over, want)
		}
		if k.name == "write: createLetter (editor)" && bytes.Equal(b, k.body()) {
			t.Errorf("%s: two letters alike: their content hash would make the second a no-op", k.name)
		}
	}
	if floods != 1 {
		t.Errorf("%d flood kinds, want 1", floods)
	}
}

func TestNested(t *testing.T) {
	// Fields deep: the braces nested, but for the operation's own and each inline
	// fragment's, plus the leaf field.
	q := nested(5)
	deepest, d := 0, 0
	for _, c := range q {
		switch c {
		case '{':
			d++
			deepest = max(deepest, d)
		case '}':
			d--
		}
	}
	if got, want := deepest-1-strings.Count(q, "... on")+1, 5*4+1; got != want {
		t.Errorf("nested(5) is %d fields deep, want %d: %s", got, want, q)
	}
}

func TestNeeds(t *testing.T) {
	ks := []kind{{key: "r"}, {key: "e", role: "editor"}, {}, {key: "r"}}
	got := needs(ks)
	want := []keyNeed{{"r", "reader"}, {"e", "editor"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("needs = %v, want %v", got, want)
	}
}

func TestPick(t *testing.T) {
	ks := []kind{{weight: 1}, {weight: 0, flood: true}, {weight: 3}}
	r := rand.New(rand.NewPCG(1, 2))
	n := [3]int{}
	for range 4000 {
		n[pick(r, ks, 4)]++
	}
	if n[1] != 0 || n[0] < 800 || n[0] > 1200 || n[2] < 2800 || n[2] > 3200 {
		t.Errorf("picked %v of 4000 with weights 1, 0, 3", n)
	}
}

func TestCounts(t *testing.T) {
	if got, want := counts(map[string]int{"429 rateLimit": 56, "200": 1234, "400": 56}), "200: 1234, 400: 56, 429 rateLimit: 56"; got != want {
		t.Errorf("counts = %q, want %q", got, want)
	}
	if got, want := counts(nil), "0"; got != want {
		t.Errorf("counts(nil) = %q, want %q", got, want)
	}
}

func TestReport(t *testing.T) {
	ks := []kind{{name: "read", legit: true}, {name: "flood", flood: true}}
	var ts [2]tally
	ts[0].add("200", true, time.Millisecond, answer{})
	ts[0].add("500 INTERNAL", false, 2*time.Millisecond, answer{status: 500})
	ts[1].add(rateLimited, true, time.Millisecond, answer{})
	var b bytes.Buffer
	report(&b, ks, ts[:], time.Second, 2, 1)
	got := b.String()
	for _, want := range []string{"| read ", "| 1 (500 INTERNAL: 1) ", "| **legitimate** | 2 ", "| **total**", "3 requests in 1.0 s", "1 unexpected"} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
}

func TestReadKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(path, []byte("flood lgk_a\n\neditor lgk_b\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := readKeys(path)
	if err != nil || got["flood"] != "lgk_a" || got["editor"] != "lgk_b" || len(got) != 2 {
		t.Errorf("readKeys = %v, %v; want flood and editor", got, err)
	}
	if err := os.WriteFile(path, []byte("flood\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readKeys(path); err == nil {
		t.Error("readKeys of a line without a key: no error")
	}
}
