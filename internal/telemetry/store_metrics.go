package telemetry

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// StoreStats is what a store tells of its state (neo4jstore.Store has it).
type StoreStats interface {
	InFlight() (read, write int)
	BreakerState() int
}

// StoreMetrics is what a store reports each query and transaction to; it is
// neo4jstore.Metrics, declared again so that this package does not import the store.
type StoreMetrics interface {
	ObserveQuery(mode string, took time.Duration)
	ObserveTransaction(mode, outcome string, took time.Duration)
}

// Store returns what a store should report its queries to (neo4jstore.Config's
// Metrics): nil when metrics are off.
func (t *Telemetry) Store() StoreMetrics {
	if !t.MetricsOn() {
		return nil
	}
	return storeMetrics{t}
}

// WatchStore adds a store's transactions in flight and circuit breaker to the
// gauges.
func (t *Telemetry) WatchStore(s StoreStats) {
	if !t.MetricsOn() || s == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.stores = append(t.stores, s)
}

// storeMetrics is a Telemetry as a store's StoreMetrics.
type storeMetrics struct{ t *Telemetry }

func (m storeMetrics) ObserveQuery(mode string, took time.Duration) {
	m.t.queryDuration.WithLabelValues(mode).Observe(took.Seconds())
}

func (m storeMetrics) ObserveTransaction(mode, outcome string, took time.Duration) {
	m.t.transactions.WithLabelValues(mode, outcome).Inc()
	m.t.txDuration.WithLabelValues(mode).Observe(took.Seconds())
}

// storeCollector reads the watched stores' gauges at each scrape.
type storeCollector struct{ t *Telemetry }

func (c storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- inFlightDesc
	ch <- breakerDesc
}

func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	c.t.mu.Lock()
	stores := c.t.stores
	c.t.mu.Unlock()
	if len(stores) == 0 {
		return
	}
	var read, write, state int
	for _, s := range stores {
		r, w := s.InFlight()
		read, write = read+r, write+w
		state = max(state, s.BreakerState())
	}
	ch <- prometheus.MustNewConstMetric(inFlightDesc, prometheus.GaugeValue, float64(read), "read")
	ch <- prometheus.MustNewConstMetric(inFlightDesc, prometheus.GaugeValue, float64(write), "write")
	ch <- prometheus.MustNewConstMetric(breakerDesc, prometheus.GaugeValue, float64(state))
}

var (
	inFlightDesc = prometheus.NewDesc(namespace+"_neo4j_transactions_in_flight",
		"Neo4j transactions under way, by access mode: each holds a session, and a pooled connection while it runs.",
		[]string{"mode"}, nil)
	breakerDesc = prometheus.NewDesc(namespace+"_neo4j_circuit_breaker_state",
		"The store's circuit breaker: 0 closed (serving), 1 half-open (one probe let through), 2 open (refusing transactions while Neo4j is unreachable).",
		nil, nil)
)
