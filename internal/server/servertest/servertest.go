// Package servertest is a small GraphQL client for tests of a running lettergraph
// server: operations over POST, and subscriptions over graphql-transport-ws or
// server-sent events, read as the browser libraries would.
package servertest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// Error is one GraphQL error of a response.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Response is a GraphQL response.
type Response struct {
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
}

// Do posts an operation to baseURL/graphql and decodes the response, failing tb when
// the server cannot be reached or answers something other than JSON.
func Do(tb testing.TB, baseURL, query string, vars map[string]any) Response {
	tb.Helper()
	return DoAs(tb, baseURL, "", query, vars)
}

// DoAs is Do with a bearer token ("" for none).
func DoAs(tb testing.TB, baseURL, token, query string, vars map[string]any) Response {
	tb.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, baseURL+"/graphql", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("POST /graphql: %v", err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var r Response
	if err := json.Unmarshal(raw, &r); err != nil {
		tb.Fatalf("response %s: %v", raw, err)
	}
	return r
}

// Transports a subscription can use.
const (
	WS  = "graphql-transport-ws"
	SSE = "sse"
)

// Subscription is an open subscription. Its responses arrive in order on a channel
// that is closed when the server completes the stream or the connection ends.
type Subscription struct {
	responses chan Response
	cancel    context.CancelFunc
	done      chan struct{}
}

// Subscribe opens a subscription to baseURL/graphql over the transport (WS or SSE).
// It is closed when the test ends.
func Subscribe(tb testing.TB, baseURL, transport, query string, vars map[string]any) *Subscription {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &Subscription{responses: make(chan Response, 100), cancel: cancel, done: make(chan struct{})}
	var err error
	switch transport {
	case WS:
		err = s.websocket(ctx, baseURL, query, vars)
	case SSE:
		err = s.sse(ctx, baseURL, query, vars)
	default:
		tb.Fatalf("unknown transport %q", transport)
	}
	if err != nil {
		cancel()
		tb.Fatalf("subscribing over %s: %v", transport, err)
	}
	tb.Cleanup(s.Close)
	return s
}

// Close ends the subscription and waits for its reader.
func (s *Subscription) Close() {
	s.cancel()
	<-s.done
}

// Next returns the next response, or false when none comes within wait or the
// stream has ended.
func (s *Subscription) Next(wait time.Duration) (Response, bool) {
	select {
	case r, ok := <-s.responses:
		return r, ok
	case <-time.After(wait):
		return Response{}, false
	}
}

// Await calls probe, which should add something the subscription delivers, until a
// response comes, and returns that response. A subscription starts some time after
// the request that opens it (the server registers it asynchronously), and what is
// added before then is not its to deliver; a test therefore probes first.
func (s *Subscription) Await(tb testing.TB, probe func(), wait time.Duration) Response {
	tb.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		probe()
		select {
		case r, ok := <-s.responses:
			if !ok {
				tb.Fatal("the subscription ended while probing")
			}
			return r
		case <-time.After(250 * time.Millisecond):
		}
	}
	tb.Fatalf("the subscription delivered nothing within %s of probing", wait)
	return Response{}
}

func (s *Subscription) push(ctx context.Context, r Response) bool {
	select {
	case s.responses <- r:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *Subscription) websocket(ctx context.Context, baseURL, query string, vars map[string]any) error {
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(baseURL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{WS}})
	if err != nil {
		return err
	}
	send := func(v any) error {
		b, _ := json.Marshal(v)
		return conn.Write(ctx, websocket.MessageText, b)
	}
	if err := send(map[string]any{"type": "connection_init"}); err != nil {
		return err
	}
	if err := send(map[string]any{"id": "1", "type": "subscribe",
		"payload": map[string]any{"query": query, "variables": vars}}); err != nil {
		return err
	}
	go func() {
		defer close(s.done)
		defer close(s.responses)
		defer conn.CloseNow()
		for {
			_, b, err := conn.Read(ctx)
			if err != nil {
				return
			}
			var m struct {
				Type    string          `json:"type"`
				Payload json.RawMessage `json:"payload"`
			}
			_ = json.Unmarshal(b, &m)
			switch m.Type {
			case "ping":
				_ = send(map[string]any{"type": "pong"})
			case "next":
				var r Response
				_ = json.Unmarshal(m.Payload, &r)
				if !s.push(ctx, r) {
					return
				}
			case "error":
				var errs []Error
				_ = json.Unmarshal(m.Payload, &errs)
				s.push(ctx, Response{Errors: errs})
				return
			case "complete":
				return
			}
		}
	}()
	return nil
}

func (s *Subscription) sse(ctx context.Context, baseURL, query string, vars map[string]any) error {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+"/graphql", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	go func() {
		defer close(s.done)
		defer close(s.responses)
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
				if event == "complete" {
					return
				}
			case strings.HasPrefix(line, "data: ") && event == "next":
				var r Response
				_ = json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &r)
				if !s.push(ctx, r) {
					return
				}
			}
		}
	}()
	return nil
}

// LetterTitles reads letterAdded responses until none comes for quiet, and returns
// their titles in order, leaving out those skip is true of. A response with errors
// fails tb.
func (s *Subscription) LetterTitles(tb testing.TB, quiet time.Duration, skip func(title string) bool) []string {
	tb.Helper()
	var titles []string
	for {
		r, ok := s.Next(quiet)
		if !ok {
			return titles
		}
		if len(r.Errors) > 0 {
			tb.Fatalf("subscription errors: %+v", r.Errors)
		}
		var d struct{ LetterAdded struct{ Title string } }
		if err := json.Unmarshal(r.Data, &d); err != nil {
			tb.Fatalf("data %s: %v", r.Data, err)
		}
		if !skip(d.LetterAdded.Title) {
			titles = append(titles, d.LetterAdded.Title)
		}
	}
}
