package telemetry

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestOperationLabelsAreBounded: names are cut to 64 bytes, the first
// MaxOperationNames distinct names keep theirs, later ones are "other", and an
// unnamed operation is "anonymous".
func TestOperationLabelsAreBounded(t *testing.T) {
	tel := NewMetrics()
	long := strings.Repeat("a", 100)
	tests := []struct {
		name, want string
	}{
		{"", OperationAnonymous},
		{"Letters", "Letters"},
		{long, long[:MaxOperationNameLength]},
		{"Letters", "Letters"},
	}
	for _, tc := range tests {
		if got := tel.OperationLabel(tc.name); got != tc.want {
			t.Errorf("OperationLabel(%q): got %q, want %q", tc.name, got, tc.want)
		}
	}
	for i := 0; len(tel.names.seen) < MaxOperationNames; i++ {
		tel.OperationLabel(fmt.Sprintf("Op%d", i))
	}
	if got := tel.OperationLabel("OneTooMany"); got != OperationOther {
		t.Errorf("a name past the first %d: got %q, want %q", MaxOperationNames, got, OperationOther)
	}
	if got := tel.OperationLabel("Letters"); got != "Letters" {
		t.Errorf("a name seen before the limit: got %q, want it kept", got)
	}
	if got := tel.OperationLabel(""); got != OperationAnonymous {
		t.Errorf("anonymous past the limit: got %q, want %q", got, OperationAnonymous)
	}
	// A name is cut at a character boundary: é, bytes 64 and 65, goes whole.
	if got, want := ShortName(strings.Repeat("x", 63)+"éé"), strings.Repeat("x", 63); got != want {
		t.Errorf("ShortName: got %q, want %q", got, want)
	}
}

// TestOff: a nil Telemetry and one without metrics or tracing do nothing and serve
// no metrics.
func TestOff(t *testing.T) {
	var none *Telemetry
	off, err := New(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, tel := range map[string]*Telemetry{"nil": none, "off": off} {
		tel.ObserveOperation("x", "query", "ok", true, time.Millisecond)
		tel.ObserveHTTP("/graphql", 200)
		tel.WatchSubscriptions(func() int { return 1 })
		if tel.MetricsOn() || tel.Store() != nil || tel.Tracer() != nil || tel.TracerProvider() != nil {
			t.Errorf("%s: something is on", name)
		}
		rec := httptest.NewRecorder()
		tel.MetricsHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: /metrics status %d, want 404", name, rec.Code)
		}
		if err := tel.Shutdown(context.Background()); err != nil {
			t.Errorf("%s: Shutdown: %v", name, err)
		}
	}
}

// TestTracingConfigured: the standard variables turn tracing on, OTEL_SDK_DISABLED
// and OTEL_TRACES_EXPORTER=none off.
func TestTracingConfigured(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		o    Options
		want bool
	}{
		{"nothing", nil, Options{}, false},
		{"OTLP_ENDPOINT", nil, Options{OTLPEndpoint: "http://collector:4318"}, true},
		{"OTEL_EXPORTER_OTLP_ENDPOINT", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318"}, Options{}, true},
		{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", map[string]string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://c:4318/v1/traces"}, Options{}, true},
		{"disabled", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_SDK_DISABLED": "true"}, Options{}, false},
		{"exporter none", map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_TRACES_EXPORTER": "none"}, Options{}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, k := range []string{"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SDK_DISABLED", "OTEL_TRACES_EXPORTER"} {
				t.Setenv(k, tc.env[k])
			}
			if got := TracingConfigured(tc.o); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOTLPTracesURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"http://collector:4318", "http://collector:4318/v1/traces", true},
		{"https://collector:4318/", "https://collector:4318/v1/traces", true},
		{"http://collector:4318/custom/path", "http://collector:4318/custom/path", true},
		{"collector:4318", "", false},
		{"ftp://collector", "", false},
	}
	for _, tc := range tests {
		got, err := OTLPTracesURL(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("OTLPTracesURL(%q): got %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestOTLPProtocol: only OTLP over HTTP is built in; asking for gRPC fails at start
// rather than sending nowhere.
func TestOTLPProtocol(t *testing.T) {
	t.Setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")
	t.Setenv("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "")
	if _, err := New(context.Background(), Options{OTLPEndpoint: "http://127.0.0.1:1"}); err == nil || !strings.Contains(err.Error(), "http/protobuf") {
		t.Errorf("grpc: got %v, want an error naming http/protobuf", err)
	}
	t.Setenv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
	tel, err := New(context.Background(), Options{OTLPEndpoint: "http://127.0.0.1:1"})
	if err != nil || tel.Tracer() == nil {
		t.Fatalf("http/protobuf: got %v, want a tracer", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = tel.Shutdown(ctx) // nothing listens there; the flush gives up
}
