// Package telemetry holds what operators watch a server by: Prometheus metrics in a
// registry of the server's own (not the process-wide default, so that a test can run
// several servers and read each one's figures), and OpenTelemetry traces exported
// over OTLP when an endpoint is configured. docs/operations.md lists the metrics and
// spans.
//
// A nil *Telemetry, or one with metrics or tracing off, is valid: its methods do
// nothing, so callers need no checks and a server without them pays nothing.
package telemetry

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

const namespace = "lettergraph"

// Bounds of the operation label: operation names are the client's choice, so only
// the first MaxOperationNames distinct names of operations that parsed and validated
// are kept as themselves, each cut to MaxOperationNameLength bytes; the rest are
// OperationOther.
const (
	MaxOperationNames      = 100
	MaxOperationNameLength = 64
)

// Values of the operation label that are not an operation's name.
const (
	// OperationAnonymous is an operation without a name.
	OperationAnonymous = "anonymous"
	// OperationOther is a named operation past the first MaxOperationNames names.
	OperationOther = "other"
	// OperationInvalid is a request whose operation did not parse or validate, or
	// that named none of its document's operations: its name is not trusted.
	OperationInvalid = "invalid"
)

// OutcomeOK is the outcome of an operation answered without errors; otherwise the
// outcome is the first error's extensions.code.
const OutcomeOK = "ok"

// Options say what a Telemetry does.
type Options struct {
	// Metrics makes a Prometheus registry with the server's figures and Go's and the
	// process's collectors.
	Metrics bool
	// OTLPEndpoint is where traces go (OTLP over HTTP, such as
	// http://collector:4318); empty leaves it to the standard variables
	// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT and OTEL_EXPORTER_OTLP_ENDPOINT, and with
	// none of the three set there is no tracing.
	OTLPEndpoint string
	// Exporter, if set, receives the spans instead (tests: an in-memory exporter),
	// synchronously as each span ends.
	Exporter sdktrace.SpanExporter
	// Version is the service.version of the spans.
	Version string
}

// Telemetry is one server's metrics and tracer. Its methods are safe for concurrent
// use.
type Telemetry struct {
	reg    *prometheus.Registry     // nil: no metrics
	tp     *sdktrace.TracerProvider // nil: no tracing
	tracer trace.Tracer             // nil: no tracing

	graphqlRequests *prometheus.CounterVec
	graphqlDuration *prometheus.HistogramVec
	httpRequests    *prometheus.CounterVec
	queryDuration   *prometheus.HistogramVec
	transactions    *prometheus.CounterVec
	txDuration      *prometheus.HistogramVec
	importDocuments *prometheus.CounterVec
	importParties   *prometheus.CounterVec

	names names
	// watched are the stores and subscription counts the gauges read, summed.
	mu          sync.Mutex
	stores      []StoreStats
	subscribers []func() int
}

// New returns the telemetry o describes. With tracing configured it starts the
// exporter (one goroutine, batching spans); Shutdown flushes and stops it.
func New(ctx context.Context, o Options) (*Telemetry, error) {
	t := &Telemetry{}
	if o.Metrics {
		t.initMetrics()
	}
	tp, err := newTracerProvider(ctx, o)
	if err != nil {
		return nil, err
	}
	if tp != nil {
		t.tp = tp
		t.tracer = tp.Tracer("github.com/lettergraph/lettergraph")
	}
	return t, nil
}

// NewMetrics returns a Telemetry with metrics and no tracing.
func NewMetrics() *Telemetry {
	t := &Telemetry{}
	t.initMetrics()
	return t
}

// Shutdown flushes the spans not yet exported and stops the exporter.
func (t *Telemetry) Shutdown(ctx context.Context) error {
	if t == nil || t.tp == nil {
		return nil
	}
	return t.tp.Shutdown(ctx)
}

// MetricsOn reports whether t keeps metrics.
func (t *Telemetry) MetricsOn() bool { return t != nil && t.reg != nil }

// MetricsHandler serves the metrics in Prometheus's text (or OpenMetrics) format.
func (t *Telemetry) MetricsHandler() http.Handler {
	if !t.MetricsOn() {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(t.reg, promhttp.HandlerOpts{Registry: t.reg, MaxRequestsInFlight: 4})
}

var (
	// Latency of operations: a query answers in milliseconds, a large import or a
	// costly exploration in seconds, and nothing outlives QUERY_TIMEOUT (30 s).
	operationBuckets = []float64{.0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}
	// Latency of one Cypher query or transaction: an index seek takes under a
	// millisecond, an import batch a second or so.
	queryBuckets = []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}
)

func (t *Telemetry) initMetrics() {
	t.reg = prometheus.NewRegistry()
	t.graphqlRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Subsystem: "graphql", Name: "requests_total",
		Help: "GraphQL operations answered, by operation name, type (query, mutation, subscription) and outcome (ok, or the first error's code).",
	}, []string{"operation", "type", "outcome"})
	t.graphqlDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Subsystem: "graphql", Name: "request_duration_seconds",
		Help:    "Time from reading a GraphQL request to its answer, for queries and mutations that ran, by operation name and type.",
		Buckets: operationBuckets,
	}, []string{"operation", "type"})
	t.httpRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Subsystem: "http", Name: "requests_total",
		Help: "HTTP requests answered, by route (the pattern that served it, or none) and status: refusals before GraphQL (401, 413, 429) are counted here.",
	}, []string{"route", "status"})
	t.queryDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Subsystem: "neo4j", Name: "query_duration_seconds",
		Help:    "Cypher queries sent to Neo4j (round trips), by access mode (read, write), and how long each took to return all its records.",
		Buckets: queryBuckets,
	}, []string{"mode"})
	t.transactions = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Subsystem: "neo4j", Name: "transactions_total",
		Help: "Neo4j transactions ended, by access mode and outcome (ok, or the error's code).",
	}, []string{"mode", "outcome"})
	t.txDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Subsystem: "neo4j", Name: "transaction_duration_seconds",
		Help:    "How long Neo4j transactions took, the driver's retries included, by access mode.",
		Buckets: queryBuckets,
	}, []string{"mode"})
	t.importDocuments = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Subsystem: "import", Name: "documents_total",
		Help: "Documents imported by importDocuments (not dry runs), by outcome: created, unchanged (already stored) or failed.",
	}, []string{"outcome"})
	t.importParties = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Subsystem: "import", Name: "correspondents_total",
		Help: "Correspondents the imported documents named, by outcome: created, or matched to an existing one.",
	}, []string{"outcome"})
	t.reg.MustRegister(t.graphqlRequests, t.graphqlDuration, t.httpRequests, t.queryDuration, t.transactions,
		t.txDuration, t.importDocuments, t.importParties,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace, Subsystem: "live", Name: "subscriptions",
			Help: "Subscriptions open (letterAdded), over websockets and event streams.",
		}, t.subscriptions),
		storeCollector{t},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewBuildInfoCollector(),
	)
	// Every outcome a dashboard sums over is there from the start, at 0.
	for _, o := range []string{"created", "unchanged", "failed"} {
		t.importDocuments.WithLabelValues(o)
	}
	for _, o := range []string{"created", "matched"} {
		t.importParties.WithLabelValues(o)
	}
	for _, m := range []string{"read", "write"} {
		t.queryDuration.WithLabelValues(m)
	}
}

// OperationLabel returns the operation label of a parsed and validated operation
// named name ("" for an anonymous one): the name cut to MaxOperationNameLength
// bytes if it is among the first MaxOperationNames distinct ones, else
// OperationOther.
func (t *Telemetry) OperationLabel(name string) string {
	if name == "" {
		return OperationAnonymous
	}
	name = ShortName(name)
	if t == nil {
		return name
	}
	return t.names.label(name)
}

// names are the operation names kept as labels.
type names struct {
	mu   sync.RWMutex
	seen map[string]struct{}
}

func (n *names) label(name string) string {
	n.mu.RLock()
	_, ok := n.seen[name]
	full := len(n.seen) >= MaxOperationNames
	n.mu.RUnlock()
	if ok {
		return name
	}
	if full {
		return OperationOther
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if _, ok := n.seen[name]; ok {
		return name
	}
	if len(n.seen) >= MaxOperationNames {
		return OperationOther
	}
	if n.seen == nil {
		n.seen = map[string]struct{}{}
	}
	n.seen[name] = struct{}{}
	return name
}

// ShortName is an operation's name cut to MaxOperationNameLength bytes, as labels
// and spans carry it.
func ShortName(name string) string { return truncate(name, MaxOperationNameLength) }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ObserveOperation counts a GraphQL operation with its outcome; ran says it was
// executed (not refused before it ran), and then took is its latency.
func (t *Telemetry) ObserveOperation(operation, typ, outcome string, ran bool, took time.Duration) {
	if !t.MetricsOn() {
		return
	}
	t.graphqlRequests.WithLabelValues(operation, typ, outcome).Inc()
	if ran {
		t.graphqlDuration.WithLabelValues(operation, typ).Observe(took.Seconds())
	}
}

// ObserveHTTP counts an HTTP request answered with status by the route (a mux
// pattern; "" for none).
func (t *Telemetry) ObserveHTTP(route string, status int) {
	if !t.MetricsOn() {
		return
	}
	if route == "" {
		route = "none"
	}
	t.httpRequests.WithLabelValues(route, strconv.Itoa(status)).Inc()
}

// ImportCounts is what one import did, as the metrics count it: documents created,
// unchanged and failed, and the correspondents created and matched.
type ImportCounts struct {
	Created, Unchanged, Failed     int
	PartiesCreated, PartiesMatched int
}

// ObserveImport counts what an import did (dry runs are not counted).
func (t *Telemetry) ObserveImport(c ImportCounts) {
	if !t.MetricsOn() {
		return
	}
	t.importDocuments.WithLabelValues("created").Add(float64(c.Created))
	t.importDocuments.WithLabelValues("unchanged").Add(float64(c.Unchanged))
	t.importDocuments.WithLabelValues("failed").Add(float64(c.Failed))
	t.importParties.WithLabelValues("created").Add(float64(c.PartiesCreated))
	t.importParties.WithLabelValues("matched").Add(float64(c.PartiesMatched))
}

// WatchSubscriptions adds a count of open subscriptions (live.Tiered.Subscribers)
// to the gauge.
func (t *Telemetry) WatchSubscriptions(count func() int) {
	if !t.MetricsOn() || count == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.subscribers = append(t.subscribers, count)
}

func (t *Telemetry) subscriptions() float64 {
	t.mu.Lock()
	counts := t.subscribers
	t.mu.Unlock()
	n := 0
	for _, c := range counts {
		n += c()
	}
	return float64(n)
}
