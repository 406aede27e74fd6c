package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"
)

// answer is what the server sent back for one request, or the error in its place.
type answer struct {
	status int
	header http.Header
	body   []byte
	err    error
}

// classify names the outcome of an answer: "200" for data without errors; else the
// status and the first error's code, or for LIMIT_EXCEEDED the limit it names
// ("413 maxBodyBytes"); "timeout" or "transport error" when no answer came. A 429
// without a Retry-After in seconds, or a 401 without WWW-Authenticate, says so.
func classify(a answer) string {
	if a.err != nil {
		if errors.Is(a.err, context.DeadlineExceeded) || isTimeout(a.err) {
			return "timeout"
		}
		return "transport error"
	}
	var r struct {
		Data   json.RawMessage
		Errors []struct {
			Extensions struct{ Code, Limit string }
		}
	}
	var label string
	switch err := json.Unmarshal(a.body, &r); {
	case err != nil:
		label = fmt.Sprintf("%d not JSON", a.status)
	case len(r.Errors) > 0:
		code := r.Errors[0].Extensions.Code
		if code == "LIMIT_EXCEEDED" && r.Errors[0].Extensions.Limit != "" {
			code = r.Errors[0].Extensions.Limit
		}
		if code == "" {
			code = "no code"
		}
		label = fmt.Sprintf("%d %s", a.status, code)
	case len(r.Data) == 0 || string(r.Data) == "null":
		label = fmt.Sprintf("%d no data", a.status)
	default:
		label = strconv.Itoa(a.status)
	}
	if a.status == http.StatusTooManyRequests {
		if s, err := strconv.Atoi(a.header.Get("Retry-After")); err != nil || s < 1 {
			label += " without Retry-After"
		}
	}
	if a.status == http.StatusUnauthorized && a.header.Get("WWW-Authenticate") == "" {
		label += " without WWW-Authenticate"
	}
	return label
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// send makes one request of kind k to url and reads the whole answer.
func send(ctx context.Context, client *http.Client, url string, k kind, keys map[string]string) answer {
	var body io.Reader = bytes.NewReader(k.body())
	if k.chunked {
		body = struct{ io.Reader }{body} // no length known: Transfer-Encoding: chunked
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("Content-Type", "application/json")
	switch {
	case k.key != "":
		req.Header.Set("Authorization", "Bearer "+keys[k.key])
	case k.token != "":
		req.Header.Set("Authorization", "Bearer "+k.token)
	}
	res, err := client.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	return answer{status: res.StatusCode, header: res.Header, body: raw, err: err}
}

// tally is what the requests of one kind came to.
type tally struct {
	requests   int
	outcomes   map[string]int // expected outcomes
	unexpected map[string]int
	latencies  []time.Duration
	examples   []string // the first unexpected answers, for the log
}

func (t *tally) init() {
	if t.outcomes == nil {
		t.outcomes, t.unexpected = map[string]int{}, map[string]int{}
	}
}

// add counts one answer; a is kept, described, if it is among the first unexpected.
func (t *tally) add(outcome string, expected bool, took time.Duration, a answer) {
	t.init()
	t.requests++
	t.latencies = append(t.latencies, took)
	if expected {
		t.outcomes[outcome]++
		return
	}
	t.unexpected[outcome]++
	if len(t.examples) < 3 {
		t.examples = append(t.examples, describe(a))
	}
}

// merge adds what o counted.
func (t *tally) merge(o *tally) {
	t.init()
	t.requests += o.requests
	for k, v := range o.outcomes {
		t.outcomes[k] += v
	}
	for k, v := range o.unexpected {
		t.unexpected[k] += v
	}
	t.latencies = append(t.latencies, o.latencies...)
	for _, e := range o.examples {
		if len(t.examples) < 3 {
			t.examples = append(t.examples, e)
		}
	}
}

func (t *tally) unexpectedCount() int {
	n := 0
	for _, v := range t.unexpected {
		n += v
	}
	return n
}

// describe is an unexpected answer as the log shows it.
func describe(a answer) string {
	if a.err != nil {
		return a.err.Error()
	}
	return fmt.Sprintf("status %d, Retry-After %q: %.300s", a.status, a.header.Get("Retry-After"), a.body)
}

// pick chooses a kind at random by weight; total is the sum of the weights.
func pick(r *rand.Rand, ks []kind, total int) int {
	n := r.IntN(total)
	for i, k := range ks {
		if n < k.weight {
			return i
		}
		n -= k.weight
	}
	return len(ks) - 1
}

// run drives url with ks for d from c workers: the first floods of them send only
// the flood kind, the others the rest by weight. It returns a tally per kind, in the
// order of ks, and the time it took.
func run(ctx context.Context, client *http.Client, url string, ks []kind, keys map[string]string, c, floods int, d time.Duration, seed uint64) ([]tally, time.Duration) {
	total, flood := 0, -1
	for i, k := range ks {
		total += k.weight
		if k.flood {
			flood = i
		}
	}
	out := make([]tally, len(ks))
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for w := range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(w)))
			next := func() int { return pick(r, ks, total) }
			if w < floods && flood >= 0 {
				next = func() int { return flood }
			}
			mine := make([]tally, len(ks))
			for time.Now().Before(deadline) {
				i := next()
				t0 := time.Now()
				a := send(ctx, client, url, ks[i], keys)
				took := time.Since(t0)
				outcome := classify(a)
				mine[i].add(outcome, slices.Contains(ks[i].expect, outcome), took, a)
			}
			mu.Lock()
			defer mu.Unlock()
			for i := range mine {
				out[i].merge(&mine[i])
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	for i, t := range out {
		for _, e := range t.examples {
			fmt.Fprintf(os.Stderr, "unexpected, %s: %s\n", ks[i].name, e)
		}
	}
	return out, took
}
