package server

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lettergraph/lettergraph/internal/auth"
)

// Streams (docs/security.md, Channels): a websocket or an event stream carries many
// operations over one HTTP request, so what bounds a request on POST bounds each of
// its operations here (gate): the rate limit, and the request deadline on queries
// and mutations. A client holds at most perClient streams at once, a websocket runs
// at most ops operations at once, and a websocket whose credential expires is closed
// with 4403, as one refused at connection_init is.

// stream is one open websocket or event stream.
type stream struct {
	client string // clientKey of its upgrade request
	ops    atomic.Int32
	// expires is when its caller's credential expires (zero: never), once known.
	expires atomic.Pointer[time.Time]
}

type streamKey struct{}

func streamOf(ctx context.Context) *stream {
	s, _ := ctx.Value(streamKey{}).(*stream)
	return s
}

// streams counts the open streams of each client.
type streams struct {
	perClient int
	proxies   forwarded

	mu   sync.Mutex
	open map[string]int
}

func newStreams(perClient int, proxies forwarded) *streams {
	return &streams{perClient: perClient, proxies: proxies, open: map[string]int{}}
}

// middleware opens a stream for each websocket upgrade or event stream, refusing the
// client's perClient+1st with 429, and ends a stream whose caller's credential
// expires (a token in the upgrade request; wsInit sees to one sent in
// connection_init).
func (s *streams) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !isStream(r) {
			next.ServeHTTP(w, r)
			return
		}
		st := &stream{client: clientKey(r, s.proxies)}
		s.mu.Lock()
		if s.open[st.client] >= s.perClient {
			s.mu.Unlock()
			// A stream frees its place when it closes, which may be long: a
			// client told nothing would retry at once (the other 429s say when).
			w.Header().Set("Retry-After", "10")
			writeLimitError(w, http.StatusTooManyRequests, "streamsPerClient",
				"this client has "+strconv.Itoa(s.perClient)+" websockets or event streams open already (streamsPerClient)")
			return
		}
		s.open[st.client]++
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			if s.open[st.client]--; s.open[st.client] <= 0 {
				delete(s.open, st.client)
			}
			s.mu.Unlock()
		}()
		ctx := context.WithValue(r.Context(), streamKey{}, st)
		if p, ok := auth.FromContext(ctx); ok {
			var cancel context.CancelFunc
			ctx, cancel = st.until(ctx, p)
			defer cancel()
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// until bounds ctx by the expiry of p's credential, and remembers it.
func (st *stream) until(ctx context.Context, p auth.Principal) (context.Context, context.CancelFunc) {
	if p.Expires.IsZero() {
		return ctx, func() {}
	}
	st.expires.Store(&p.Expires)
	return context.WithDeadline(ctx, p.Expires)
}

// expired reports whether the stream's credential has expired.
func (st *stream) expired(now time.Time) bool {
	e := st.expires.Load()
	return e != nil && !now.Before(*e)
}

// gate bounds each operation of a stream as a request is bounded: the caller's rate
// limit (limiter, nil for none), the request deadline on queries and mutations, and
// at most ops at once on one websocket. Operations of plain requests pass: the
// HTTP middleware bounded them already.
type gate struct {
	limiter *rateLimiter
	timeout time.Duration
	ops     int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = gate{}

func (gate) ExtensionName() string                          { return "StreamGate" }
func (gate) Validate(schema graphql.ExecutableSchema) error { return nil }

func (g gate) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	st := streamOf(ctx)
	if st == nil {
		return next(ctx)
	}
	refuse := func(limit, msg string) graphql.ResponseHandler {
		return graphql.OneShot(&graphql.Response{Errors: []*gqlerror.Error{limitError(limit, msg)}})
	}
	if g.limiter != nil {
		key := st.client
		if p, ok := auth.FromContext(ctx); ok && p.Subject != "anonymous" {
			key = p.Subject
		}
		if d := g.limiter.wait(key, time.Now()); d > 0 {
			return refuse("rateLimit", fmt.Sprintf("too many operations from this client; try again in %.0f s", d.Seconds()+0.5))
		}
	}
	if int(st.ops.Add(1)) > g.ops {
		st.ops.Add(-1)
		return refuse("streamOperations", "this connection runs "+strconv.Itoa(g.ops)+" operations already (streamOperations); complete one first")
	}
	var once sync.Once
	cancel := context.CancelFunc(func() {})
	sub := isSubscription(ctx)
	if !sub {
		ctx, cancel = context.WithTimeout(ctx, g.timeout)
	}
	release := func() { once.Do(func() { st.ops.Add(-1); cancel() }) }
	stop := context.AfterFunc(ctx, release) // a subscription completed, or the stream closed
	h := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if resp == nil || !sub {
			stop()
			release()
		}
		return resp
	}
}

func isSubscription(ctx context.Context) bool {
	if !graphql.HasOperationContext(ctx) {
		return false
	}
	oc := graphql.GetOperationContext(ctx)
	return oc.Operation != nil && oc.Operation.Operation == ast.Subscription
}

// expiringWebsockets closes a websocket whose caller's credential has expired with
// 4403 Forbidden, and one that sent no connection_init in time with 4408, the codes
// of graphql-transport-ws; gqlgen would close them as normal (1000), which clients
// take as a cue to reconnect at once, and as a protocol error (1002).
type expiringWebsockets struct {
	transport.WebsocketImplementation
}

func (e expiringWebsockets) Accept(w http.ResponseWriter, r *http.Request, opts transport.WebsocketAcceptOptions) (transport.WebsocketConn, error) {
	c, err := e.WebsocketImplementation.Accept(w, r, opts)
	if err != nil {
		return nil, err
	}
	return expiringConn{c, streamOf(r.Context())}, nil
}

type expiringConn struct {
	transport.WebsocketConn
	st *stream
}

func (c expiringConn) WriteClose(code int, msg string) error {
	switch {
	case code == transport.WebsocketCloseNormalClosure && c.st != nil && c.st.expired(time.Now()):
		code, msg = 4403, "Forbidden: the credential expired"
	case code == transport.WebsocketCloseProtocolError && msg == "connection initialisation timeout":
		code, msg = 4408, "Connection initialisation timeout"
	}
	return c.WebsocketConn.WriteClose(code, msg)
}
