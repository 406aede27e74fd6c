package config

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func valid() Config {
	return Config{Neo4jURI: "bolt://127.0.0.1:7687", Neo4jUser: "neo4j", Neo4jPassword: "s3cret-pass",
		Listen: "127.0.0.1:8080", QueryTimeout: time.Second, ShutdownGrace: time.Second, MaxDepth: 15, MaxComplexity: 200000, LivePoll: time.Second,
		Mode: "production", AnonymousRole: "none", JWTLeeway: 30 * time.Second, JWTRoleClaim: "role", MaxAliases: 30, MaxTokens: 10000, MaxBodyBytes: 1 << 20, RateLimit: 50, RateBurst: 100, RateClients: 100000, ProxyHops: 1, StreamsPerClient: 8, StreamOps: 16, WSInitTimeout: 10 * time.Second,
		Exports: 4, ExportsPerClient: 1, ExportTimeout: time.Minute, ExportMinRate: 16384}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(*Config)
		wantErr string // "" for valid
	}{
		{"defaults", func(*Config) {}, ""},
		{"aura", func(c *Config) { c.Neo4jURI = "neo4j+s://abcd.databases.neo4j.io" }, ""},
		{"cluster", func(c *Config) { c.Neo4jURI = "neo4j://core1:7687" }, ""},
		{"http is no bolt", func(c *Config) { c.Neo4jURI = "http://localhost:7474" }, "scheme"},
		{"not a URI", func(c *Config) { c.Neo4jURI = "localhost" }, "NEO4J_URI"},
		{"credentials in URI", func(c *Config) { c.Neo4jURI = "bolt://neo4j:pw@localhost:7687" }, "credentials"},
		{"listen without port", func(c *Config) { c.Listen = "localhost" }, "LISTEN_ADDR"},
		{"zero timeout", func(c *Config) { c.QueryTimeout = 0 }, "QUERY_TIMEOUT"},
		{"negative grace", func(c *Config) { c.ShutdownGrace = -time.Second }, "SHUTDOWN_GRACE"},
		{"no poll", func(c *Config) { c.LivePoll = 0 }, "LIVE_POLL"},
		{"no depth", func(c *Config) { c.MaxDepth = 0 }, "MAX_DEPTH"},
		{"tiny body", func(c *Config) { c.MaxBodyBytes = 10 }, "MAX_BODY_BYTES"},
		{"negative rate", func(c *Config) { c.RateLimit = -1 }, "RATE_LIMIT"},
		{"rate without burst", func(c *Config) { c.RateBurst = 0 }, "RATE_BURST"},
		{"no proxy hops", func(c *Config) { c.ProxyHops = 0 }, "PROXY_HOPS"},
		{"no stream per client", func(c *Config) { c.StreamsPerClient = 0 }, "STREAMS_PER_CLIENT"},
		{"no websocket init time", func(c *Config) { c.WSInitTimeout = 0 }, "WS_INIT_TIMEOUT"},
		{"a key set over http", func(c *Config) { c.JWTJWKS = "http://idp.example.org/jwks.json" }, "JWT_JWKS"},
		{"a key set over http from this machine", func(c *Config) { c.JWTJWKS = "http://127.0.0.1:9000/jwks.json" }, ""},
		{"a key set over https", func(c *Config) { c.JWTJWKS = "https://idp.example.org/jwks.json" }, ""},
		{"a trusted proxy that is no address", func(c *Config) { c.TrustedProxies = []string{"10.0.0.0/8", "proxy.example"} }, "TRUSTED_PROXIES"},
		{"a rate limit remembering no client", func(c *Config) { c.RateClients = 0 }, "RATE_CLIENTS"},
		{"no rate limit", func(c *Config) { c.RateLimit, c.RateBurst = 0, 0 }, ""},
		{"cors origin", func(c *Config) { c.CORSOrigins = []string{"https://app.example.org", "http://localhost:5173"} }, ""},
		{"cors origin with a path", func(c *Config) { c.CORSOrigins = []string{"https://app.example.org/x"} }, "CORS_ORIGINS"},
		{"short jwt secret", func(c *Config) { c.JWTSecret = "short" }, "JWT_HS256_SECRET"},
		{"jwks URL", func(c *Config) { c.JWTJWKS = "https://id.example.org/.well-known/jwks.json" }, ""},
		{"missing jwks file", func(c *Config) { c.JWTJWKS = "/nonexistent/jwks.json" }, "JWT_JWKS"},
		{"long leeway", func(c *Config) { c.JWTLeeway = time.Hour }, "JWT_LEEWAY"},
		{"cors wildcard", func(c *Config) { c.CORSOrigins = []string{"*"} }, "CORS_ORIGINS"},
		{"metrics elsewhere", func(c *Config) { c.MetricsListen = "10.0.0.5:9464" }, ""},
		{"metrics listen without port", func(c *Config) { c.MetricsListen = "10.0.0.5" }, "METRICS_LISTEN"},
		{"metrics on the API's address", func(c *Config) { c.MetricsListen = c.Listen }, "METRICS_LISTEN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := valid()
			tt.mutate(&c)
			err := c.Validate()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("Validate() = %v, want an error naming %q", err, tt.wantErr)
			}
		})
	}
}

func TestLogValueMasksThePassword(t *testing.T) {
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("config", "config", valid())
	if got := buf.String(); strings.Contains(got, "s3cret-pass") || !strings.Contains(got, "neo4j_password=********") {
		t.Errorf("logged %q, want the password masked", got)
	}
}

func TestFromEnvironment(t *testing.T) {
	t.Setenv("RATE_LIMIT", "7")
	c := FromEnvironment()
	if err := c.Validate(); err != nil {
		t.Fatalf("FromEnvironment().Validate() = %v", err)
	}
	if c.Mode != "production" || c.MaxBodyBytes != 1<<20 || c.RateLimit != 7 || c.MaxTokens != 10000 {
		t.Errorf("FromEnvironment() = mode %q, body %d, rate %v, tokens %d; want production, 1048576, 7 (from the environment), 10000",
			c.Mode, c.MaxBodyBytes, c.RateLimit, c.MaxTokens)
	}
}

func TestLogValueMasksTheCollectorsCredentials(t *testing.T) {
	var buf bytes.Buffer
	c := valid()
	c.OTLPEndpoint = "https://user:tok3n@collector:4318/v1/traces?key=s3cret"
	slog.New(slog.NewTextHandler(&buf, nil)).Info("config", "config", c)
	if got := buf.String(); strings.Contains(got, "tok3n") || strings.Contains(got, "s3cret") || !strings.Contains(got, "collector:4318") {
		t.Errorf("logged %q, want the endpoint without its credentials", got)
	}
}

func TestMetricsDefaultOn(t *testing.T) {
	if c := FromEnvironment(); !c.Metrics || c.MetricsListen != "" || c.OTLPEndpoint != "" {
		t.Errorf("defaults: metrics %v, metrics listen %q, OTLP endpoint %q; want on, the API's, none", c.Metrics, c.MetricsListen, c.OTLPEndpoint)
	}
	t.Setenv("METRICS", "false")
	if c := FromEnvironment(); c.Metrics {
		t.Error("METRICS=false: metrics on")
	}
}
