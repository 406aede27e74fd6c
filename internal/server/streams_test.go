package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/golang-jwt/jwt/v5"
)

// wsClient is a bare graphql-transport-ws client, to see what the server sends
// (errors, close codes) as it is. A goroutine reads the socket into msgs; the error
// that ended it is in err once msgs is closed.
type wsClient struct {
	t    *testing.T
	ctx  context.Context
	conn *websocket.Conn
	msgs chan map[string]any
	err  error
}

func dialWS(t *testing.T, a *api, h http.Header) (*wsClient, *http.Response, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	conn, res, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(a.url, "http")+"/graphql",
		&websocket.DialOptions{HTTPHeader: h, Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, res, err
	}
	t.Cleanup(func() { conn.CloseNow() })
	c := &wsClient{t: t, ctx: ctx, conn: conn, msgs: make(chan map[string]any, 100)}
	go func() {
		defer close(c.msgs)
		for {
			_, b, err := conn.Read(ctx)
			if err != nil {
				c.err = err
				return
			}
			var m map[string]any
			_ = json.Unmarshal(b, &m)
			if m["type"] != "ping" && m["type"] != "pong" && m["type"] != "ka" {
				c.msgs <- m
			}
		}
	}()
	return c, res, nil
}

func (c *wsClient) send(v map[string]any) {
	c.t.Helper()
	b, _ := json.Marshal(v)
	if err := c.conn.Write(c.ctx, websocket.MessageText, b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// within returns the next message other than ping and pong within wait, nil when
// none came, or the error that ended the connection.
func (c *wsClient) within(wait time.Duration) (map[string]any, error) {
	select {
	case m, ok := <-c.msgs:
		if !ok {
			return nil, c.err
		}
		return m, nil
	case <-time.After(wait):
		return nil, nil
	}
}

// read returns the next message, or the error that ended the connection.
func (c *wsClient) read() (map[string]any, error) {
	for {
		if m, err := c.within(time.Second); m != nil || err != nil {
			return m, err
		}
		if c.ctx.Err() != nil {
			return nil, c.ctx.Err()
		}
	}
}

func (c *wsClient) init(payload map[string]any) {
	c.t.Helper()
	c.send(map[string]any{"type": "connection_init", "payload": payload})
	if m, err := c.read(); err != nil || m["type"] != "connection_ack" {
		c.t.Fatalf("after connection_init: %v %v, want connection_ack", m, err)
	}
}

func (c *wsClient) subscribe(id, query string) {
	c.t.Helper()
	c.send(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": query}})
}

// answer reads until a next or error message for id, and returns its payload.
func (c *wsClient) answer(id string) string {
	c.t.Helper()
	for {
		m, err := c.read()
		if err != nil {
			c.t.Fatalf("waiting for %s: %v", id, err)
		}
		if m["id"] == id && (m["type"] == "next" || m["type"] == "error") {
			return mustJSON(m["payload"])
		}
	}
}

// running probes, until every subscription of ids has delivered a letter: an
// operation on a socket starts on a goroutine of its own, some time after it is sent.
func (c *wsClient) running(a *api, ids ...string) {
	c.t.Helper()
	seen := map[string]bool{}
	for try := 0; len(seen) < len(ids); try++ {
		if try == 100 {
			c.t.Fatalf("subscriptions %v: %d of them running after 100 letters", ids, len(seen))
		}
		a.data(c.t, createLetter, map[string]any{"input": map[string]any{"title": fmt.Sprintf("probe %d", try)}}, &struct{}{})
		for {
			m, err := c.within(100 * time.Millisecond)
			if err != nil {
				c.t.Fatal(err)
			}
			if m == nil {
				break
			}
			if id, _ := m["id"].(string); m["type"] == "next" {
				seen[id] = true
			}
		}
	}
}

// TestStreamsAreBounded: what bounds a request on POST bounds each operation on a
// websocket, and the sockets themselves are bounded.
func TestStreamsAreBounded(t *testing.T) {
	const stats = "{ statistics { letters } }"
	t.Run("connection_init in time, or 4408", func(t *testing.T) {
		cfg := testConfig()
		cfg.WSInitTimeout = 300 * time.Millisecond
		c, _, err := dialWS(t, newAPIWith(t, cfg), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.read()
		if got := websocket.CloseStatus(err); got != 4408 {
			t.Errorf("a socket silent past WS_INIT_TIMEOUT: closed with %d (%v), want 4408", got, err)
		}
	})
	t.Run("closed with 4403 when the token expires", func(t *testing.T) {
		cfg := testConfig()
		cfg.AnonymousRole = "none"
		cfg.JWTSecret, cfg.JWTLeeway = jwtSecret, 0
		a := newAPIWith(t, cfg)
		for _, how := range []string{"connection_init", "upgrade header"} {
			token, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "ana",
				"exp": time.Now().Add(2 * time.Second).Unix(), "role": "reader"}).SignedString([]byte(jwtSecret))
			var h http.Header
			payload := map[string]any{"Authorization": "Bearer " + token}
			if how == "upgrade header" {
				h, payload = http.Header{"Authorization": {"Bearer " + token}}, nil
			}
			c, _, err := dialWS(t, a, h)
			if err != nil {
				t.Fatal(err)
			}
			c.init(payload)
			c.subscribe("1", "subscription { letterAdded { id } }")
			for err == nil {
				_, err = c.read()
			}
			if got := websocket.CloseStatus(err); got != 4403 {
				t.Errorf("token in the %s expired: closed with %d (%v), want 4403", how, got, err)
			}
		}
	})
	t.Run("the rate limit counts each operation", func(t *testing.T) {
		cfg := testConfig()
		cfg.RateLimit, cfg.RateBurst = 0.001, 3
		c, _, err := dialWS(t, newAPIWith(t, cfg), nil) // the upgrade is one request
		if err != nil {
			t.Fatal(err)
		}
		c.init(nil)
		var got []string
		for _, id := range []string{"1", "2", "3"} {
			c.subscribe(id, stats)
			got = append(got, c.answer(id))
		}
		if !strings.Contains(got[0], `"letters"`) || !strings.Contains(got[1], `"letters"`) || !strings.Contains(got[2], `"limit":"rateLimit"`) {
			t.Errorf("three queries on a socket with two requests left: %q, want two answers and a rateLimit error", got)
		}
	})
	t.Run("a socket runs STREAM_OPERATIONS at once", func(t *testing.T) {
		cfg := testConfig()
		cfg.StreamOps = 2
		a := newAPIWith(t, cfg)
		c, _, err := dialWS(t, a, nil)
		if err != nil {
			t.Fatal(err)
		}
		c.init(nil)
		c.subscribe("1", "subscription { letterAdded { id } }")
		c.subscribe("2", "subscription { letterAdded { id } }")
		c.running(a, "1", "2")
		c.subscribe("3", stats)
		if got := c.answer("3"); !strings.Contains(got, `"limit":"streamOperations"`) {
			t.Errorf("a third operation beside two subscriptions: %s, want a streamOperations error", got)
		}
		c.send(map[string]any{"id": "1", "type": "complete"})
		for try := 0; ; try++ { // the server ends it some time after
			c.subscribe("4", stats)
			got := c.answer("4")
			if strings.Contains(got, `"letters"`) {
				break
			}
			if try == 50 || !strings.Contains(got, `"limit":"streamOperations"`) {
				t.Fatalf("after one subscription completed: %s, want an answer", got)
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
	t.Run("a client holds STREAMS_PER_CLIENT sockets", func(t *testing.T) {
		cfg := testConfig()
		cfg.StreamsPerClient = 2
		a := newAPIWith(t, cfg)
		for i := range 2 {
			if _, _, err := dialWS(t, a, nil); err != nil {
				t.Fatalf("socket %d: %v", i+1, err)
			}
		}
		_, res, err := dialWS(t, a, nil)
		if err == nil || res == nil || res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
			t.Errorf("a third socket: %v, want 429 with Retry-After", err)
		}
	})
}
