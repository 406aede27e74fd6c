package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/lettergraph/lettergraph/bench/internal/gql"
)

// The phases: after the mix, the legitimate kinds alone for a while (quiet), then
// with each attack on a channel that issue #14 bounded, run by workers of its own
// from one key. A phase reports the legitimate traffic's latencies beside the quiet
// ones, the attack's outcomes, and the server's largest resident memory.

// attack is one way in, abused; do makes one attempt and names its outcome.
type attack struct {
	name    string
	workers int
	expect  []string
	do      func(ctx context.Context, e *attackEnv, r *rand.Rand) (outcome string)
}

// attackEnv is what attacks need: the server, the keys, the correspondents to ask
// about, and someone who shares no letter with the busiest of them.
type attackEnv struct {
	client   *http.Client
	base     string
	keys     map[string]string
	id       gql.Correspondents
	isolated string
}

// post sends one GraphQL operation with key and classifies the answer.
func (e *attackEnv) post(ctx context.Context, key, query string, vars map[string]any, header http.Header) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.base+"/graphql", bytes.NewReader(operation(query, vars)))
	if err != nil {
		return "transport error"
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.keys[key])
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := e.client.Do(req)
	if err != nil {
		return classify(answer{err: err})
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	return classify(answer{status: res.StatusCode, header: res.Header, body: raw, err: err})
}

// nestedLists is members → person → memberships → organisation → members … of
// first each, levels lists deep: first^levels objects by the complexity's count.
func nestedLists(levels, first int) string {
	var open, close strings.Builder
	for i := range levels {
		if i%2 == 0 {
			fmt.Fprintf(&open, "members(first: %d) { role person { ", first)
		} else {
			fmt.Fprintf(&open, "memberships(first: %d) { role organisation { ", first)
		}
		close.WriteString(" } }")
	}
	return `{ correspondents(first: 1, filter: {kinds: [ORGANISATION]}) { nodes { ... on Organisation { ` +
		open.String() + "name" + close.String() + ` } } } }`
}

// attacks are the attacks of the phases. streams is the server's STREAMS_PER_CLIENT.
func attacks(streams int) []attack {
	return []attack{
		{name: "socket flood: websockets from one key, never initialised", workers: 2 * streams,
			expect: []string{"closed 4408", "open at the phase's end", "429 streamsPerClient", rateLimited},
			do: func(ctx context.Context, e *attackEnv, _ *rand.Rand) string {
				h := http.Header{"Authorization": {"Bearer " + e.keys["abuse-sockets"]}}
				c, res, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(e.base, "http")+"/graphql",
					&websocket.DialOptions{HTTPHeader: h, Subprotocols: []string{"graphql-transport-ws"}})
				if err != nil {
					if res != nil {
						raw, _ := io.ReadAll(res.Body)
						return classify(answer{status: res.StatusCode, header: res.Header, body: raw})
					}
					return classify(answer{err: err})
				}
				defer c.CloseNow()
				_, _, err = c.Read(ctx) // the server closes it when connection_init does not come
				if s := websocket.CloseStatus(err); s != -1 {
					return "closed " + strconv.Itoa(int(s))
				}
				if ctx.Err() != nil {
					return "open at the phase's end"
				}
				return classify(answer{err: err})
			}},
		{name: "slow export readers: 512 bytes a second", workers: 4,
			expect: []string{"200 cut", "200 still reading at the phase's end", "429 exports", "429 exportsPerClient", rateLimited},
			do: func(ctx context.Context, e *attackEnv, _ *rand.Rand) string {
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.base+"/export/ndjson", nil)
				if err != nil {
					return "transport error"
				}
				req.Header.Set("Authorization", "Bearer "+e.keys["abuse-exports"])
				// The server is to cut it, not the client; a small receive buffer, so
				// that what the server writes waits for the reader soon.
				client := http.Client{Transport: &http.Transport{DisableKeepAlives: true,
					DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
						c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
						if tc, ok := c.(*net.TCPConn); ok {
							_ = tc.SetReadBuffer(4096)
						}
						return c, err
					}}}
				res, err := client.Do(req)
				if err != nil {
					return classify(answer{err: err})
				}
				defer res.Body.Close()
				if res.StatusCode != http.StatusOK {
					raw, _ := io.ReadAll(res.Body)
					return classify(answer{status: res.StatusCode, header: res.Header, body: raw})
				}
				buf := make([]byte, 512)
				for {
					if _, err := io.ReadFull(res.Body, buf); err != nil {
						if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) && ctx.Err() == nil {
							return "200 cut" // the server closed it before the export's end
						}
						if ctx.Err() != nil {
							return "200 still reading at the phase's end"
						}
						return "200 cut"
					}
					select {
					case <-ctx.Done():
						return "200 still reading at the phase's end"
					case <-time.After(time.Second):
					}
				}
			}},
		{name: "nested plain lists past MAX_COMPLEXITY", workers: 4, expect: []string{"200 maxComplexity", rateLimited},
			do: func(ctx context.Context, e *attackEnv, _ *rand.Rand) string {
				return e.post(ctx, "abuse-lists", nestedLists(5, 20), nil, nil)
			}},
		{name: "nested plain lists within MAX_COMPLEXITY", workers: 4, expect: []string{"200", rateLimited},
			do: func(ctx context.Context, e *attackEnv, _ *rand.Rand) string {
				return e.post(ctx, "abuse-lists", nestedLists(4, 12), nil, nil)
			}},
		{name: "paths from the busiest to someone it cannot reach", workers: 4, expect: []string{"200", rateLimited},
			do: func(ctx context.Context, e *attackEnv, _ *rand.Rand) string {
				return e.post(ctx, "abuse-paths", `query ($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 4) { hops { letter { id } } } }`,
					map[string]any{"a": e.id.A, "b": e.isolated}, nil)
			}},
		{name: "forged X-Forwarded-For, a new address each time", workers: 4, expect: []string{"200", rateLimited},
			do: func(ctx context.Context, e *attackEnv, r *rand.Rand) string {
				forged := fmt.Sprintf("%d.%d.%d.%d", 1+r.IntN(223), r.IntN(256), r.IntN(256), 1+r.IntN(254))
				return e.post(ctx, "abuse-forwarded", `{ letters(first: 10) { nodes { title } } }`, nil,
					http.Header{"X-Forwarded-For": {forged}, "X-Real-Ip": {forged}})
			}},
	}
}

// attackKeys are the API keys the attacks send, all a reader's.
var attackKeys = []string{"abuse-sockets", "abuse-exports", "abuse-lists", "abuse-paths", "abuse-forwarded"}

// phase is what one phase came to.
type phase struct {
	name          string
	legit, attack tally
	maxRSS        int64 // bytes; 0 when unknown
	took          time.Duration
}

// runPhases runs the quiet phase and one for each attack, d each, with legitWorkers
// sending the legitimate kinds of ks; pid is the server's process, for its memory.
func runPhases(ctx context.Context, e *attackEnv, ks []kind, as []attack, legitWorkers int, d time.Duration, pid int, seed uint64) []phase {
	var legit []kind
	for _, k := range ks {
		if k.legit {
			legit = append(legit, k)
		}
	}
	var out []phase
	out = append(out, phaseOf(ctx, e, legit, nil, legitWorkers, d, pid, seed))
	for i := range as {
		out = append(out, phaseOf(ctx, e, legit, &as[i], legitWorkers, d, pid, seed))
	}
	return out
}

// phaseOf runs the legitimate kinds for d, and attack a (when not nil) beside them.
func phaseOf(ctx context.Context, e *attackEnv, legit []kind, a *attack, legitWorkers int, d time.Duration, pid int, seed uint64) phase {
	p := phase{name: "quiet: legitimate traffic alone"}
	if a != nil {
		p.name = a.name
	}
	var maxRSS int64
	stopRSS := watchRSS(pid, &maxRSS)
	start := time.Now()
	var wg sync.WaitGroup
	if a != nil {
		actx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		var mu sync.Mutex
		for w := range a.workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := rand.New(rand.NewPCG(seed, uint64(1000+w)))
				for actx.Err() == nil {
					t0 := time.Now()
					outcome := a.do(actx, e, r)
					if actx.Err() != nil && strings.HasPrefix(outcome, "timeout") {
						break // cut by the phase's end, not by the server
					}
					mu.Lock()
					p.attack.add(outcome, slices.Contains(a.expect, outcome), time.Since(t0), answer{err: errors.New(outcome)})
					mu.Unlock()
				}
			}()
		}
	}
	lt, _ := run(ctx, e.client, e.base+"/graphql", legit, e.keys, legitWorkers, 0, d, seed)
	for i := range lt {
		p.legit.merge(&lt[i])
	}
	wg.Wait()
	p.took = time.Since(start)
	stopRSS()
	p.maxRSS = maxRSS
	return p
}

// watchRSS keeps in max the largest resident memory of process pid, read from
// /proc every 50 ms until the returned function is called (Linux; 0 elsewhere).
func watchRSS(pid int, max *int64) (stop func()) {
	if pid <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if rss := residentBytes(pid); rss > *max {
				*max = rss
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// residentBytes is VmRSS of process pid, 0 when it cannot be read.
func residentBytes(pid int) int64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// isolatedCorrespondent writes, with the editor's key, a letter between two people
// of their own, and returns the author: someone no path reaches from the busiest.
func isolatedCorrespondent(ctx context.Context, e *attackEnv) (string, error) {
	data, err := gql.Post(ctx, withKey(e.client, e.keys["editor"]), e.base+"/graphql",
		`mutation ($in: LetterInput!) { createLetter(input: $in) { letter { authors { correspondent { id } } } } }`,
		map[string]any{"in": map[string]any{"title": "A letter of the abuse run's own, " + strconv.FormatInt(time.Now().UnixNano(), 36),
			"authors":    []any{map[string]any{"person": map[string]any{"name": "Iso Lated " + strconv.FormatInt(time.Now().UnixNano(), 36)}}},
			"recipients": []any{map[string]any{"person": map[string]any{"name": "Alone Too " + strconv.FormatInt(time.Now().UnixNano(), 36)}}}}})
	if err != nil {
		return "", err
	}
	var got struct {
		CreateLetter struct {
			Letter struct {
				Authors []struct{ Correspondent struct{ ID string } }
			}
		}
	}
	if err := json.Unmarshal(data, &got); err != nil || len(got.CreateLetter.Letter.Authors) == 0 {
		return "", fmt.Errorf("createLetter: %s, %v", data, err)
	}
	return got.CreateLetter.Letter.Authors[0].Correspondent.ID, nil
}
