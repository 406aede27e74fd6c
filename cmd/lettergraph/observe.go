package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/lettergraph/lettergraph/internal/telemetry"
)

// newTelemetry returns the server's metrics (METRICS) and tracer (OTLP_ENDPOINT or
// the OTEL_EXPORTER_OTLP_* variables), and a function that flushes the spans not yet
// sent, to call when the server has stopped.
func (a *app) newTelemetry(ctx context.Context) (*telemetry.Telemetry, func(), error) {
	version := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
	}
	tel, err := telemetry.New(ctx, telemetry.Options{Metrics: a.cfg.Metrics, OTLPEndpoint: a.cfg.OTLPEndpoint, Version: version})
	if err != nil {
		return nil, nil, err
	}
	if tel.Tracer() != nil {
		a.log.Info("tracing: spans go over OTLP/HTTP")
	}
	return tel, func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := tel.Shutdown(sctx); err != nil {
			a.log.Warn("flushing the last spans", "err", err)
		}
	}, nil
}

// serveMetrics serves /metrics on addr (METRICS_LISTEN) until ctx is done.
func serveMetrics(ctx context.Context, addr string, tel *telemetry.Telemetry, log *slog.Logger) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", tel.MetricsHandler())
	return serveAside(ctx, addr, mux, log, "metrics", "/metrics")
}

// serveAside serves h on addr beside the API until ctx is done, and logs where as
// what (the address and path).
func serveAside(ctx context.Context, addr string, h http.Handler, log *slog.Logger, what, path string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("serving "+what, "err", err)
		}
	}()
	go func() { <-ctx.Done(); _ = srv.Close() }()
	log.Info(what, what, "http://"+ln.Addr().String()+path)
	return nil
}
