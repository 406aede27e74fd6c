package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Metrics is told what a store does, for the operators' figures (internal/telemetry
// implements it over Prometheus). Each store has its own (Config.Metrics), so that two
// stores in one process, such as two servers in a test, keep their figures apart; the
// process-wide QueryObserver is for tests and profiling only. Its methods are called
// on every query and must be cheap and safe for concurrent use.
type Metrics interface {
	// ObserveQuery is told that one Cypher query of a transaction in mode ("read" or
	// "write") returned all its records, or failed, after took: one round trip.
	ObserveQuery(mode string, took time.Duration)
	// ObserveTransaction is told that a transaction in mode ended after took, the
	// driver's retries included, with outcome "ok" (committed) or the code of its
	// error (UNAVAILABLE, CONFLICT, LIMIT_EXCEEDED, NOT_FOUND …).
	ObserveTransaction(mode, outcome string, took time.Duration)
}

// Access modes as Metrics and spans name them.
const (
	ModeRead  = "read"
	ModeWrite = "write"
)

// maxTracedStatement is the longest Cypher text a span carries; longer statements are
// cut. Cypher is the store's constant text (values travel as parameters, which no
// span carries), so it is safe to show; only its length is bounded.
const maxTracedStatement = 4096

// instrument is what the queries of one access mode report to: the store's metrics
// and tracer. run puts it into the context of each transaction, so that collect and
// exec find it; a store with neither has none, and its queries pay nothing.
type instrument struct {
	mode     string
	span     string // the name of a query's span
	metrics  Metrics
	tracer   trace.Tracer
	database string
}

type instrumentKey struct{}

// instrumentWith sets what the store's queries report to (nil for nothing).
func (s *Store) instrumentWith(m Metrics, t trace.Tracer) {
	if m == nil && t == nil {
		return
	}
	for i, mode := range []string{ModeRead, ModeWrite} {
		s.instruments[i] = &instrument{mode: mode, span: "neo4j " + mode, metrics: m, tracer: t, database: s.database}
	}
}

func modeIndex(mode neo4j.AccessMode) int {
	if mode == neo4j.AccessModeRead {
		return 0
	}
	return 1
}

// run runs work in a transaction of mode (runTx), counted among those in flight and,
// when the store has metrics or a tracer, measured and traced.
func run[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, work txFunc[T]) (T, error) {
	i := modeIndex(mode)
	s.inFlight[i].Add(1)
	defer s.inFlight[i].Add(-1)
	if s.closed.Load() { // after counting, so that Close either waits for it or it stops here
		var zero T
		return zero, errClosed()
	}
	in := s.instruments[i]
	if in == nil {
		return runTx(ctx, s, mode, work)
	}
	start := time.Now()
	v, err := runTx(context.WithValue(ctx, instrumentKey{}, in), s, mode, work)
	if in.metrics != nil {
		outcome := "ok"
		if err != nil {
			outcome = string(domain.ErrorCode(err))
		}
		in.metrics.ObserveTransaction(in.mode, outcome, time.Since(start))
	}
	return v, err
}

// InFlight returns how many transactions the store has under way, read and write:
// each holds a session, and a pooled connection while it runs (the driver shows its
// pool to no one, so this is the nearest measure of it).
func (s *Store) InFlight() (read, write int) {
	return int(s.inFlight[0].Load()), int(s.inFlight[1].Load())
}

// BreakerState returns the state of the store's circuit breaker: 0 closed (serving),
// 1 half-open (one probe let through), 2 open (refusing every transaction).
func (s *Store) BreakerState() int { return int(s.breaker.State()) }

// query is one query being measured and traced, from beginQuery to end.
type query struct {
	cypher string
	params map[string]any
	start  time.Time
	in     *instrument // nil when the store reports to nothing
	span   trace.Span  // nil when not traced
}

// beginQuery starts timing a query (for the QueryObserver and the store's metrics),
// and a span for it when the store traces and ctx holds a span that records (an
// operation's): queries outside any traced operation, such as the live feed's polls,
// make no spans of their own.
func beginQuery(ctx context.Context, cypher string, params map[string]any) (context.Context, query) {
	in, _ := ctx.Value(instrumentKey{}).(*instrument)
	q := query{cypher: cypher, params: params, start: time.Now(), in: in}
	if in == nil {
		return ctx, q
	}
	if in.tracer != nil && trace.SpanFromContext(ctx).IsRecording() {
		attrs := []attribute.KeyValue{
			attribute.String("db.system", "neo4j"),
			attribute.String("db.system.name", "neo4j"),
			attribute.String("db.operation", in.mode),
			attribute.String("db.query.text", statement(cypher)),
		}
		if in.database != "" {
			attrs = append(attrs, attribute.String("db.namespace", in.database))
		}
		ctx, q.span = in.tracer.Start(ctx, in.span, trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
	}
	return ctx, q
}

// end ends the query: rows records were read, or err failed it. A span records the
// error's kind (a Neo4j status code or the Go type), never its message, which may
// quote a parameter (a constraint violation names the value).
func (q query) end(rows int, err error) {
	observe(q.cypher, q.params, q.start)
	if q.in == nil {
		return
	}
	if q.in.metrics != nil {
		q.in.metrics.ObserveQuery(q.in.mode, time.Since(q.start))
	}
	if q.span == nil {
		return
	}
	if err != nil {
		kind := fmt.Sprintf("%T", err)
		var ne *neo4j.Neo4jError
		if errors.As(err, &ne) {
			kind = ne.Code
		}
		q.span.SetAttributes(attribute.String("error.type", kind))
		q.span.SetStatus(codes.Error, kind)
	} else {
		q.span.SetAttributes(attribute.Int("db.response.returned_rows", rows))
	}
	q.span.End()
}

// statement is cypher cut to maxTracedStatement bytes, at a character boundary.
func statement(cypher string) string {
	if len(cypher) <= maxTracedStatement {
		return cypher
	}
	cut := maxTracedStatement
	for cut > 0 && !utf8.RuneStart(cypher[cut]) {
		cut--
	}
	return cypher[:cut] + "…"
}
