// Package neo4jstore is the Neo4j adapter: it implements domain.Store over
// neo4j-go-driver v5. Cypher lives next to the Go that runs it and takes values only as
// parameters; labels and relationship types are spliced in only from fixed allowlists.
// Reads run in read transactions and writes in write transactions, both through the
// driver's managed transactions, which retry transient errors, so every work function
// here may run more than once.
package neo4jstore

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/sony/gobreaker/v2"
	"go.opentelemetry.io/otel/trace"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j://, neo4j+s:// …
	User     string
	Password string
	Database string // "" for the server's default database
	// QueryTimeout bounds a transaction when the context has no earlier deadline.
	QueryTimeout time.Duration
	// Metrics, if set, is told of every query and transaction (instrument.go).
	Metrics Metrics
	// Tracer, if set, makes a span of every query run within a span that records.
	Tracer trace.Tracer
}

// Store implements domain.Store. It is safe for concurrent use.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	timeout  time.Duration
	log      *slog.Logger
	breaker  *gobreaker.CircuitBreaker[struct{}]
	// inFlight counts the transactions under way, read and write (InFlight), and
	// pinging the connectivity checks: Close waits for both to end.
	inFlight [2]atomic.Int64
	pinging  atomic.Int64
	// closed is set by Close; from then on the store refuses new work.
	closed atomic.Bool
	// instruments are what read and write queries report to; nil when nothing.
	instruments [2]*instrument
}

// The circuit breaker: once breakerTrips transactions (or pings) in a row have failed
// because Neo4j could not be reached (a transaction after the driver's retries, some
// 5 s), the store refuses every transaction at once, as UNAVAILABLE, for breakerOpen;
// then it lets one quick connectivity check through (Ping), and closes again when
// that gets an answer. So with Neo4j down a request fails in a moment instead of
// holding a connection for the retries, and the server serves again by itself, within
// a moment, when Neo4j is back.
const (
	breakerTrips = 2
	breakerOpen  = 2 * time.Second
)

func newBreaker(log *slog.Logger) *gobreaker.CircuitBreaker[struct{}] {
	return gobreaker.NewCircuitBreaker[struct{}](gobreaker.Settings{
		Name:        "neo4j",
		MaxRequests: 1,
		Timeout:     breakerOpen,
		ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= breakerTrips },
		// Only an outage counts against Neo4j: a bad query, a conflict or a caller's
		// deadline says nothing about whether it can be reached.
		IsSuccessful: func(err error) bool { return err == nil || !outage(err) },
		OnStateChange: func(_ string, from, to gobreaker.State) {
			log.Warn("neo4j circuit breaker", "from", from.String(), "to", to.String())
		},
	})
}

// outage reports whether err says Neo4j could not be reached (after the driver's
// retries, when there were some).
func outage(err error) bool {
	if neo4j.IsConnectivityError(err) {
		return true
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		for _, e := range limit.Errors {
			if neo4j.IsConnectivityError(e) {
				return true
			}
		}
	}
	return false
}

var _ domain.Store = (*Store)(nil)

// Open creates a driver for cfg and checks that the server answers. It returns an
// UNAVAILABLE *domain.Error when it cannot connect or authenticate.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.MaxConnectionPoolSize = 100
		c.ConnectionAcquisitionTimeout = 10 * time.Second
		c.SocketConnectTimeout = 5 * time.Second
		// Retrying a transaction rides out a cluster's leader change or a dropped
		// connection; with Neo4j down it only makes callers wait. After 5 s a request
		// fails with UNAVAILABLE instead of hanging until its deadline (the driver's
		// default is 30 s).
		c.MaxTransactionRetryTime = 5 * time.Second
	})
	if err != nil {
		return nil, &domain.Error{Code: domain.CodeUnavailable, Message: "cannot configure the Neo4j driver", Err: err}
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = 30 * time.Second
	}
	s := &Store{driver: driver, database: cfg.Database, timeout: cfg.QueryTimeout, log: log, breaker: newBreaker(log)}
	s.instrumentWith(cfg.Metrics, cfg.Tracer)
	if err := s.Ping(ctx); err != nil {
		_ = driver.Close(ctx)
		return nil, err
	}
	return s, nil
}

// Ping checks that Neo4j answers; it returns UNAVAILABLE otherwise. It goes through
// the circuit breaker like a transaction, so that /readyz and the queries agree: a
// probe that polls it trips the breaker when Neo4j goes, and closes it when Neo4j is
// back.
func (s *Store) Ping(ctx context.Context) error {
	s.pinging.Add(1)
	defer s.pinging.Add(-1)
	if s.closed.Load() {
		return errClosed()
	}
	_, err := s.breaker.Execute(func() (struct{}, error) {
		err := s.driver.VerifyConnectivity(ctx)
		if err != nil && !outage(err) {
			// Whatever keeps the driver from connecting is an outage here.
			err = &neo4j.ConnectivityError{Inner: err}
		}
		return struct{}{}, err
	})
	if refused := breakerRefused(err); refused != nil {
		return refused
	}
	if err != nil {
		return &domain.Error{Code: domain.CodeUnavailable, Message: "Neo4j is not reachable", Err: err}
	}
	return nil
}

// breakerRefused is the error of a transaction the open circuit breaker refused, or
// nil when err is not that.
func breakerRefused(err error) *domain.Error {
	if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
		return &domain.Error{Code: domain.CodeUnavailable, Message: "the database is unavailable; try again in a few seconds", Err: err}
	}
	return nil
}

// errClosed is what the store answers once Close has begun.
func errClosed() error {
	return &domain.Error{Code: domain.CodeUnavailable, Message: "the server is shutting down; try again"}
}

// Close refuses new work (UNAVAILABLE), waits for the transactions and checks under
// way to end, then closes the driver and its connections. Work still running when
// ctx ends, or after the longest a transaction may take, is cut off by the driver's
// close. Waiting matters because a background reader (a subscription hub's poll) may
// be inside a transaction when its server stops, and the driver must not be closed
// under it.
func (s *Store) Close(ctx context.Context) error {
	s.closed.Store(true)
	wait, cancel := context.WithTimeout(ctx, s.timeout+5*time.Second)
	defer cancel()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for s.inFlight[0].Load()+s.inFlight[1].Load()+s.pinging.Load() > 0 && wait.Err() == nil {
		select {
		case <-wait.Done():
		case <-tick.C:
		}
	}
	return s.driver.Close(ctx)
}

// txFunc is one unit of work in a managed transaction. It may run more than once.
type txFunc[T any] func(ctx context.Context, tx neo4j.ManagedTransaction) (T, error)

// read runs work in a read transaction, so that it can go to a secondary of a cluster.
func read[T any](ctx context.Context, s *Store, work txFunc[T]) (T, error) {
	return run(ctx, s, neo4j.AccessModeRead, work)
}

// write runs work in a write transaction: all of it is committed or none of it.
func write[T any](ctx context.Context, s *Store, work txFunc[T]) (T, error) {
	return run(ctx, s, neo4j.AccessModeWrite, work)
}

// runTx runs work in a managed transaction of mode, through the circuit breaker.
func runTx[T any](ctx context.Context, s *Store, mode neo4j.AccessMode, work txFunc[T]) (T, error) {
	var v, zero T
	if s.breaker.State() != gobreaker.StateClosed {
		// Neo4j was unreachable: a quick connectivity check is the breaker's probe,
		// or is refused with the others, rather than a transaction that would wait
		// out the driver's retries.
		if err := s.Ping(ctx); err != nil {
			return zero, err
		}
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: s.database})
	defer session.Close(context.WithoutCancel(ctx))
	timeout := s.timeout
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < timeout {
		// Carry the caller's deadline to the server so that it stops working too.
		timeout = max(time.Until(dl), time.Millisecond)
	}
	txWork := func(tx neo4j.ManagedTransaction) (T, error) { return work(ctx, tx) }
	_, err := s.breaker.Execute(func() (struct{}, error) {
		var err error
		if mode == neo4j.AccessModeRead {
			v, err = neo4j.ExecuteRead(ctx, session, txWork, neo4j.WithTxTimeout(timeout))
		} else {
			v, err = neo4j.ExecuteWrite(ctx, session, txWork, neo4j.WithTxTimeout(timeout))
		}
		return struct{}{}, err
	})
	if refused := breakerRefused(err); refused != nil {
		return zero, refused
	}
	if err != nil {
		return zero, s.translate(ctx, err)
	}
	return v, nil
}

// translate turns a driver error into a *domain.Error. Domain errors raised inside a
// work function pass through unchanged.
func (s *Store) translate(ctx context.Context, err error) error {
	var de *domain.Error
	if errors.As(err, &de) {
		return de
	}
	var ne *neo4j.Neo4jError
	switch {
	case errors.As(err, &ne) && ne.Code == "Neo.ClientError.Schema.ConstraintValidationFailed":
		return &domain.Error{Code: domain.CodeConflict, Message: conflictMessage(ne.Msg), Err: err}
	case errors.As(err, &ne) && (ne.Code == "Neo.ClientError.Transaction.TransactionTimedOut" ||
		ne.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"):
		return &domain.Error{Code: domain.CodeLimitExceeded, Message: "the request took longer than its deadline allows", Err: err}
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return &domain.Error{Code: domain.CodeLimitExceeded, Message: "the request took longer than its deadline allows", Err: err}
	case errors.Is(err, context.Canceled):
		return &domain.Error{Code: domain.CodeUnavailable, Message: "the request was cancelled", Err: err}
	case neo4j.IsConnectivityError(err) || neo4j.IsTransactionExecutionLimit(err):
		return &domain.Error{Code: domain.CodeUnavailable, Message: "the database is unavailable; try again", Err: err}
	case errors.As(err, &ne) && ne.Classification() == "TransientError":
		return &domain.Error{Code: domain.CodeUnavailable, Message: "the database is busy; try again", Err: err}
	}
	return domain.Internal(err)
}

// conflictMessage names the property a uniqueness constraint protects, without the
// rest of the server's message (which holds internal detail).
func conflictMessage(serverMsg string) string {
	for _, p := range []struct{ prop, msg string }{
		{"externalId", "another letter already has this externalId"},
		{"contentHash", "a letter with the same content already exists"},
		{"`id`", "a node with this id already exists"},
	} {
		if strings.Contains(serverMsg, p.prop) {
			return p.msg
		}
	}
	return "the change conflicts with existing data"
}

// QueryObserver is told of every query the store runs, with its parameters and how
// long it took to return all its records. Tests count round trips with it; profiling
// times them, and the benchmarks replay them through the bare driver. It must not
// keep or change params.
type QueryObserver func(cypher string, params map[string]any, took time.Duration)

var observer atomic.Pointer[QueryObserver]

// ObserveQueries installs f as the query observer (nil removes it). It is process
// wide: for tests and profiling, not for production.
func ObserveQueries(f QueryObserver) {
	if f == nil {
		observer.Store(nil)
		return
	}
	observer.Store(&f)
}

func observe(cypher string, params map[string]any, start time.Time) {
	if f := observer.Load(); f != nil {
		(*f)(cypher, params, time.Since(start))
	}
}

// collect runs one query and returns all its records.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (recs []*neo4j.Record, err error) {
	ctx, q := beginQuery(ctx, cypher, params)
	defer func() { q.end(len(recs), err) }()
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// exec runs one query for its effect and consumes the result.
func exec(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (err error) {
	ctx, q := beginQuery(ctx, cypher, params)
	defer func() { q.end(0, err) }()
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
