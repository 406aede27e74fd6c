// Package server wires the HTTP side: the GraphQL handler with its transports and
// error presenter, GraphiQL, health and readiness endpoints, request ids, deadlines and
// logs, and graceful shutdown.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/coder/websocket"
	"github.com/oklog/ulid/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/lettergraph/lettergraph/graph"
	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/live"
	"github.com/lettergraph/lettergraph/internal/telemetry"
	"github.com/lettergraph/lettergraph/internal/web"
)

// Pinger reports whether the store can serve; /readyz asks it.
type Pinger interface {
	Ping(ctx context.Context) error
}

// Handler returns the HTTP handler of the API: /graphql, /graphiql (when enabled),
// /export/{format}, /healthz, /readyz, and the explorer page at /.
//
// Metrics, traces and request ids in logs and errors: observe.go.
func Handler(cfg config.Config, store domain.Store, ping Pinger, log *slog.Logger, opts ...Option) http.Handler {
	tel, log := observability(cfg, log, opts)
	authn, err := authenticator(cfg)
	if err != nil {
		return misconfigured(log, "authentication", err)
	}
	restricted := restrictedRole(cfg)
	persistedQueries, err := newPersisted(cfg.PersistedQueries, cfg.AllowlistOnly)
	if err != nil {
		return misconfigured(log, "persisted queries", err)
	}
	ranges, err := cfg.ProxyRanges()
	if err != nil {
		return misconfigured(log, "trusted proxies", err)
	}
	proxies := forwarded{trust: cfg.TrustProxy, hops: cfg.ProxyHops, ranges: ranges}
	var limiter *rateLimiter
	if cfg.RateLimit > 0 {
		limiter = newRateLimiter(cfg.RateLimit, cfg.RateBurst, cfg.RateClients, proxies)
	}
	hub := live.NewTiered(store, cfg.LivePoll, cfg.QueryTimeout, log)
	watch(tel, store, hub)
	schema := graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Store: store, Live: hub, Imports: importMetrics{tel}}, Complexity: graph.Complexity()})
	gql := handler.New(schema)
	// Parsed and validated operations, by their text: front ends send the same few.
	gql.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	gql.SetParserTokenLimit(cfg.MaxTokens)
	gql.SetDisableSuggestion(!cfg.Development())
	// A websocket from a page of an origin not allowed is refused (the library
	// allows the server's own origin, and clients that send none).
	gql.AddTransport(transport.Websocket{KeepAlivePingInterval: 10 * time.Second, InitFunc: wsInit(authn, restricted),
		InitTimeout: cfg.WSInitTimeout,
		Implementation: expiringWebsockets{transport.CoderWebsocketImplementation{
			AcceptOptions: websocket.AcceptOptions{OriginPatterns: originHosts(cfg.CORSOrigins)}}}})
	// Before POST, which would take the request too: SSE is a POST asking for
	// text/event-stream.
	gql.AddTransport(transport.SSE{KeepAlivePingInterval: 10 * time.Second})
	gql.AddTransport(transport.Options{})
	gql.AddTransport(transport.GET{})
	gql.AddTransport(transport.POST{})
	gql.AddTransport(unsupported{})
	if cfg.Development() {
		gql.Use(extension.Introspection{})
	}
	gql.Use(persistedQueries)
	if tel.MetricsOn() || tel.Tracer() != nil {
		gql.Use(observer{tel})
	}
	gql.Use(roles{})
	gql.Use(limits{schema: schema, maxDepth: cfg.MaxDepth, maxComplexity: cfg.MaxComplexity, maxAliases: cfg.MaxAliases})
	gql.Use(gate{limiter: limiter, timeout: cfg.QueryTimeout, ops: cfg.StreamOps})
	gql.Use(graph.Planner{Store: store})
	gql.SetErrorPresenter(graph.ErrorPresenter(log, RequestID))
	gql.SetRecoverFunc(graph.RecoverFunc(log, RequestID))

	mux := http.NewServeMux()
	var api http.Handler = withETag(cfg.CacheMaxAge, withDeadline(cfg.QueryTimeout, gql))
	api = withBodyLimit(cfg.MaxBodyBytes, api)
	api = newStreams(cfg.StreamsPerClient, proxies).middleware(api)
	if limiter != nil {
		api = limiter.middleware(api)
	}
	api = withAuth(authn, restricted, limiter, api)
	mux.Handle("/graphql", withCORS(cfg.CORSOrigins, api))
	mountExport(mux, store, authn, restricted, limiter, exportLimits{total: cfg.Exports, perClient: cfg.ExportsPerClient,
		timeout: cfg.ExportTimeout, minRate: cfg.ExportMinRate, stall: exportStall, proxies: proxies}, cfg.CORSOrigins, log)
	if cfg.GraphiQL && cfg.Development() {
		mux.Handle("GET /graphiql", web.Playground())
	}
	// The explorer page at / in every mode, and its files; the least specific
	// pattern, so it takes only what no other route does (404 for unknown paths).
	mux.Handle("/", web.Handler())
	if tel.MetricsOn() && cfg.MetricsListen == "" {
		// On the API's listener the figures are an admin's: they count every
		// write, restricted ones too (docs/security.md, Channels).
		mux.Handle("GET /metrics", withAuth(authn, restricted, limiter, adminOnly(tel.MetricsHandler())))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := ping.Ping(ctx); err != nil {
			log.WarnContext(ctx, "not ready", "request_id", RequestID(ctx), "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("neo4j unavailable\n"))
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	return traced(tel, withRequestLog(log, tel, mux))
}

// isStream reports whether r opens a stream that outlives one operation: a websocket
// upgrade, or server-sent events.
func isStream(r *http.Request) bool {
	return r.Header.Get("Upgrade") != "" || strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// withDeadline bounds each request by timeout; the store passes what is left of it to
// Neo4j as the transaction timeout. Streams (websocket upgrades, server-sent events)
// live longer than any one operation, so they are left alone, and an event stream is
// freed from the server's write timeout.
func withDeadline(timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isStream(r) {
			if r.Header.Get("Upgrade") == "" { // an event stream
				_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
			}
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

type requestIDKey struct{}

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (websocket upgrades).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Flush lets server-sent events through as they are written.
func (s *statusRecorder) Flush() { _ = http.NewResponseController(s.ResponseWriter).Flush() }

// withRequestLog gives each request an id (X-Request-Id, echoed back), logs it and
// counts it by route and status.
func withRequestLog(log *slog.Logger, tel *telemetry.Telemetry, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			id = ulid.Make().String()
		}
		w.Header().Set("X-Request-Id", id)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		ctx := context.WithValue(r.Context(), requestIDKey{}, id)
		if span := trace.SpanFromContext(ctx); span.IsRecording() {
			span.SetAttributes(attribute.String("lettergraph.request_id", id))
		}
		routed := r.WithContext(ctx)
		next.ServeHTTP(rec, routed)
		r.Pattern = routed.Pattern // the route the mux chose, for the request's span
		tel.ObserveHTTP(routed.Pattern, rec.status)
		log.LogAttrs(ctx, slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Int("status", rec.status),
			slog.Duration("duration", time.Since(start)))
	})
}

// misconfigured is the handler of a server whose configuration what cannot be used:
// Validate refuses such a configuration at start, and a handler built without it
// fails closed, refusing every request.
func misconfigured(log *slog.Logger, what string, err error) http.Handler {
	log.Error(what+" misconfigured: every request is refused", "err", err)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "server misconfigured", http.StatusInternalServerError)
	})
}

// Serve serves h on cfg.Listen until ctx is done. Then /readyz answers 503 while it
// goes on serving for cfg.ShutdownDelay, so that a load balancer polling it sends no
// more; then it stops accepting, waits up to cfg.ShutdownGrace for requests in
// flight, and returns. ready, if not nil, is called with the bound address once the
// listener is open.
func Serve(ctx context.Context, cfg config.Config, h http.Handler, log *slog.Logger, ready func(addr net.Addr)) error {
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return err
	}
	var stopping atomic.Bool
	srv := &http.Server{
		Handler:           whileStopping(&stopping, h),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      cfg.QueryTimeout + 10*time.Second,
		IdleTimeout:       120 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stopping.Store(true)
	// Clients learn from each answer's Connection: close to open new connections,
	// which go to other servers, and none is left idle for Shutdown to cut.
	srv.SetKeepAlivesEnabled(false)
	if cfg.ShutdownDelay > 0 {
		log.Info("stopping: still serving, /readyz answers 503", "delay", cfg.ShutdownDelay)
		select {
		case err := <-errc:
			return err
		case <-time.After(cfg.ShutdownDelay):
		}
	}
	log.Info("shutting down: draining requests in flight", "grace", cfg.ShutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// whileStopping answers /readyz with 503 once stopping is set, and passes every
// other request on.
func whileStopping(stopping *atomic.Bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/readyz" && stopping.Load() {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("shutting down\n"))
			return
		}
		next.ServeHTTP(w, r)
	})
}
