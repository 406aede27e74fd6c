package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/trace"

	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/live"
	"github.com/lettergraph/lettergraph/internal/telemetry"
)

// Option changes what Handler builds.
type Option func(*options)

type options struct {
	telemetry *telemetry.Telemetry
}

// WithTelemetry has the handler count its requests into t, trace them with t's
// tracer, and serve t's metrics at /metrics (unless METRICS_LISTEN serves them
// elsewhere, or METRICS is off). Give the store the same t (neo4jstore.Config's
// Metrics and Tracer: t.Store(), t.Tracer()), so that its Cypher figures are in the
// same registry and its spans in the same traces. Without it, a handler with
// cfg.Metrics makes a registry of its own, without the store's query figures.
func WithTelemetry(t *telemetry.Telemetry) Option {
	return func(o *options) { o.telemetry = t }
}

// complexityStat is where limits leaves an operation's cost (graphql.Stats), for
// its span.
const complexityStat = "lettergraph.complexity"

// observer counts each GraphQL operation by name, type and outcome, times those that
// run, and makes a span of each when tracing is on. An operation that runs is seen
// by InterceptOperation; one refused before (parse and validation errors, limits,
// roles, a body that is not a request) only passes through InterceptResponse.
type observer struct{ t *telemetry.Telemetry }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = observer{}

func (observer) ExtensionName() string                          { return "Observer" }
func (observer) Validate(schema graphql.ExecutableSchema) error { return nil }

// dispatchedKey marks the context of an operation that runs: its responses are
// counted by InterceptOperation's handler, not by InterceptResponse.
// importMetrics counts the imports of the importDocuments mutation: telemetry
// knows nothing of ingest, so its summary is turned into the metrics' counts here.
type importMetrics struct{ t *telemetry.Telemetry }

func (m importMetrics) ObserveImport(s ingest.Summary) {
	m.t.ObserveImport(telemetry.ImportCounts{Created: s.Created, Unchanged: s.Unchanged, Failed: s.Failed,
		PartiesCreated: s.CorrespondentsCreated, PartiesMatched: s.CorrespondentsMatched})
}

type dispatchedKey struct{}

func (o observer) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	name := o.t.OperationLabel(oc.Operation.Name)
	typ := string(oc.Operation.Operation)
	start := oc.Stats.OperationStart
	if start.IsZero() {
		start = time.Now()
	}
	ctx = context.WithValue(ctx, dispatchedKey{}, true)
	var span trace.Span
	if tr := o.t.Tracer(); tr != nil {
		ctx, span = tr.Start(ctx, spanName(typ, name), trace.WithTimestamp(start), trace.WithAttributes(operationAttrs(ctx, oc, typ)...))
	}
	h := next(ctx)
	if span != nil && oc.Operation.Operation == ast.Subscription {
		// A subscription's span is its start (the subscriber registered), not its
		// life, which may last hours.
		span.End()
		span = nil
	}
	answered := false
	return func(ctx context.Context) *graphql.Response {
		resp := h(ctx)
		if answered {
			return resp // the next events of a subscription
		}
		answered = true
		outcome := outcomeOf(resp)
		ran := oc.Operation.Operation != ast.Subscription
		o.t.ObserveOperation(name, typ, outcome, ran, time.Since(start))
		if span != nil {
			endSpan(span, outcome)
		}
		return resp
	}
}

func (o observer) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if ctx.Value(dispatchedKey{}) != nil {
		return resp
	}
	name, typ := telemetry.OperationInvalid, "unknown"
	var start time.Time
	var oc *graphql.OperationContext
	if graphql.HasOperationContext(ctx) {
		oc = graphql.GetOperationContext(ctx)
		start = oc.Stats.OperationStart
		if oc.Operation != nil {
			name, typ = o.t.OperationLabel(oc.Operation.Name), string(oc.Operation.Operation)
		}
	}
	outcome := outcomeOf(resp)
	o.t.ObserveOperation(name, typ, outcome, false, 0)
	if tr := o.t.Tracer(); tr != nil {
		if start.IsZero() {
			start = time.Now()
		}
		_, span := tr.Start(ctx, spanName(typ, name), trace.WithTimestamp(start), trace.WithAttributes(operationAttrs(ctx, oc, typ)...))
		endSpan(span, outcome)
	}
	return resp
}

// outcomeOf is an answer's outcome label: ok, or its first error's code.
func outcomeOf(resp *graphql.Response) string {
	if resp == nil || len(resp.Errors) == 0 {
		return telemetry.OutcomeOK
	}
	code, _ := resp.Errors[0].Extensions["code"].(string)
	if code == "" || len(code) > 40 || strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != "" {
		// The error presenter gives every error a code of its own; this is not one.
		return "UNKNOWN"
	}
	return code
}

// spanName names an operation's span as OpenTelemetry's GraphQL conventions do:
// its type and name ("query letters"), the name bounded as the metrics' label is.
func spanName(typ, name string) string {
	if name == telemetry.OperationAnonymous || name == telemetry.OperationInvalid {
		return "graphql " + typ
	}
	return typ + " " + name
}

func operationAttrs(ctx context.Context, oc *graphql.OperationContext, typ string) []attribute.KeyValue {
	attrs := []attribute.KeyValue{attribute.String("graphql.operation.type", typ)}
	if id := RequestID(ctx); id != "" {
		attrs = append(attrs, attribute.String("lettergraph.request_id", id))
	}
	if oc == nil || oc.Operation == nil {
		return attrs
	}
	if oc.Operation.Name != "" {
		attrs = append(attrs, attribute.String("graphql.operation.name", telemetry.ShortName(oc.Operation.Name)))
	}
	if c, ok := oc.Stats.GetExtension(complexityStat).(int); ok {
		attrs = append(attrs, attribute.Int("lettergraph.complexity", c))
	}
	return attrs
}

func endSpan(span trace.Span, outcome string) {
	span.SetAttributes(attribute.String("lettergraph.outcome", outcome))
	if outcome != telemetry.OutcomeOK {
		span.SetStatus(codes.Error, outcome)
	}
	span.End()
}

// withTracing makes a span of each HTTP request (W3C traceparent continues a
// client's trace), but not of health checks, scrapes or streams: a websocket or an
// event stream lives as long as its subscriptions, and their operations have spans
// of their own.
func withTracing(tp trace.TracerProvider, next http.Handler) http.Handler {
	return otelhttp.NewHandler(next, "lettergraph",
		otelhttp.WithTracerProvider(tp),
		otelhttp.WithPropagators(telemetry.Propagator()),
		otelhttp.WithMeterProvider(noop.NewMeterProvider()),
		otelhttp.WithFilter(func(r *http.Request) bool {
			switch r.URL.Path {
			case "/healthz", "/readyz", "/metrics":
				return false
			}
			return !isStream(r)
		}))
}

// LogHandler wraps h so that every record logged with a request's context carries
// its request_id (once, even if the call names it too) and, when the request is
// traced, its trace_id: the lines of one request can be found together, and next to
// its trace. Handler wraps the logger it is given with it.
func LogHandler(h slog.Handler) slog.Handler {
	if _, ok := h.(requestIDHandler); ok {
		return h
	}
	return requestIDHandler{h}
}

type requestIDHandler struct{ next slog.Handler }

func (h requestIDHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.next.Enabled(ctx, l)
}

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if ctx == nil {
		return h.next.Handle(ctx, r)
	}
	if id := RequestID(ctx); id != "" {
		named := false
		r.Attrs(func(a slog.Attr) bool {
			named = a.Key == "request_id"
			return !named
		})
		if !named {
			r.AddAttrs(slog.String("request_id", id))
		}
	}
	if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
		r.AddAttrs(slog.String("trace_id", sc.TraceID().String()))
	}
	return h.next.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.next.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.next.WithGroup(name)}
}

// observability returns the telemetry the handler counts into (opts', or with
// cfg.Metrics a registry of its own) and log, wrapped so that its records carry
// request ids (LogHandler).
func observability(cfg config.Config, log *slog.Logger, opts []Option) (*telemetry.Telemetry, *slog.Logger) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	tel := o.telemetry
	if tel == nil && cfg.Metrics {
		tel = telemetry.NewMetrics()
	}
	return tel, slog.New(LogHandler(log.Handler()))
}

// watch has tel's gauges read the store's transactions in flight and circuit
// breaker (when it tells them) and the hub's subscriptions.
func watch(tel *telemetry.Telemetry, store any, hub *live.Tiered) {
	if s, ok := store.(telemetry.StoreStats); ok {
		tel.WatchStore(s)
	}
	tel.WatchSubscriptions(hub.Subscribers)
}

// traced is next with a span for each request when tel traces.
func traced(tel *telemetry.Telemetry, next http.Handler) http.Handler {
	if tp := tel.TracerProvider(); tp != nil {
		return withTracing(tp, next)
	}
	return next
}

// unsupported takes the requests no other transport does (a POST of another
// content type, a PUT …): 400 BAD_REQUEST as a GraphQL error response, through the
// error presenter like any other, where gqlgen would answer a bare "transport not
// supported" without code or request id.
type unsupported struct{}

var _ graphql.Transport = unsupported{}

func (unsupported) Supports(r *http.Request) bool { return true }

func (unsupported) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	resp := exec.DispatchError(r.Context(), gqlerror.List{{
		Message:    "not a GraphQL request: POST application/json, GET with a query, or a websocket (graphql-transport-ws)",
		Extensions: map[string]any{"code": "BAD_REQUEST"}}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(resp)
}
