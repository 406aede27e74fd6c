package telemetry

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
)

// TracingConfigured reports whether o, with the environment, asks for traces: an
// exporter given, OTLPEndpoint, or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or
// OTEL_EXPORTER_OTLP_ENDPOINT set; OTEL_SDK_DISABLED=true or
// OTEL_TRACES_EXPORTER=none turns the variables' tracing off.
func TracingConfigured(o Options) bool {
	if o.Exporter != nil || o.OTLPEndpoint != "" {
		return true
	}
	if strings.EqualFold(os.Getenv("OTEL_SDK_DISABLED"), "true") || strings.EqualFold(os.Getenv("OTEL_TRACES_EXPORTER"), "none") {
		return false
	}
	return os.Getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != "" || os.Getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != ""
}

// OTLPTracesURL is the URL spans are sent to for endpoint, an OTLP/HTTP endpoint as
// OTEL_EXPORTER_OTLP_ENDPOINT takes it: without a path, the traces path /v1/traces
// is added. It fails unless endpoint is an http or https URL with a host.
func OTLPTracesURL(endpoint string) (string, error) {
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http or https URL such as http://collector:4318", endpoint)
	}
	if u.Path == "" || u.Path == "/" {
		u.Path = "/v1/traces"
	}
	return u.String(), nil
}

// newTracerProvider returns the tracer provider o asks for, or nil for none: then
// nothing is traced, no exporter runs and spans cost nothing.
func newTracerProvider(ctx context.Context, o Options) (*sdktrace.TracerProvider, error) {
	if !TracingConfigured(o) {
		return nil, nil
	}
	var processor sdktrace.SpanProcessor
	if o.Exporter != nil {
		processor = sdktrace.NewSimpleSpanProcessor(o.Exporter)
	} else {
		// Only OTLP over HTTP (protobuf) is built in: gRPC would bring its stack for
		// the same spans.
		for _, v := range []string{"OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"} {
			if p := os.Getenv(v); p != "" && p != "http/protobuf" {
				return nil, fmt.Errorf("%s=%s: lettergraph exports traces over OTLP/HTTP only (http/protobuf, port 4318)", v, p)
			}
		}
		var opts []otlptracehttp.Option
		if o.OTLPEndpoint != "" {
			u, err := OTLPTracesURL(o.OTLPEndpoint)
			if err != nil {
				return nil, fmt.Errorf("OTLP_ENDPOINT: %w", err)
			}
			opts = append(opts, otlptracehttp.WithEndpointURL(u))
		}
		exp, err := otlptracehttp.New(ctx, opts...)
		if err != nil {
			return nil, fmt.Errorf("the OTLP trace exporter: %w", err)
		}
		processor = sdktrace.NewBatchSpanProcessor(exp)
	}
	version := o.Version
	if version == "" {
		version = "dev"
	}
	// OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES override these.
	res, err := resource.New(ctx,
		resource.WithAttributes(attribute.String("service.name", "lettergraph"), attribute.String("service.version", version)),
		resource.WithTelemetrySDK(), resource.WithFromEnv())
	if err != nil {
		return nil, fmt.Errorf("the trace resource: %w", err)
	}
	// The sampler is the SDK's: parent-based, always sampling a root, unless
	// OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG say otherwise.
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(processor), sdktrace.WithResource(res)), nil
}

// Tracer returns the tracer, nil when tracing is off.
func (t *Telemetry) Tracer() trace.Tracer {
	if t == nil {
		return nil
	}
	return t.tracer
}

// TracerProvider returns the tracer provider, nil when tracing is off.
func (t *Telemetry) TracerProvider() trace.TracerProvider {
	if t == nil || t.tp == nil {
		return nil
	}
	return t.tp
}

// Propagator reads the W3C trace context (traceparent, tracestate) of
// requests, so that a client's trace continues into the server's spans.
func Propagator() propagation.TextMapPropagator {
	return propagation.TraceContext{}
}
