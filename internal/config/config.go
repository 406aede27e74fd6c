// Package config holds the server's configuration in one struct: defaults and help in
// its tags, values from the environment and then flags (kong reads both), checked by
// Validate at start and logged with secrets masked.
package config

import (
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/alecthomas/kong"
)

// Config is everything a lettergraph process can be told.
type Config struct {
	Neo4jURI         string        `name:"neo4j-uri" env:"NEO4J_URI" default:"bolt://127.0.0.1:7687" help:"Neo4j address: bolt://, neo4j:// (cluster routing), with +s or +ssc for TLS."`
	Neo4jUser        string        `name:"neo4j-user" env:"NEO4J_USER" default:"neo4j" help:"Neo4j user; empty for a server without authentication."`
	Neo4jPassword    string        `name:"neo4j-password" env:"NEO4J_PASSWORD" default:"" help:"Neo4j password."`
	Neo4jDatabase    string        `name:"neo4j-database" env:"NEO4J_DATABASE" default:"" help:"Neo4j database; empty for the server's default."`
	Listen           string        `name:"listen" env:"LISTEN_ADDR" default:"127.0.0.1:8080" help:"HTTP listen address."`
	Mode             string        `name:"mode" env:"MODE" default:"production" enum:"development,production" help:"development serves GraphiQL, introspection and field suggestions; production none of them."`
	GraphiQL         bool          `name:"graphiql" env:"GRAPHIQL" default:"true" negatable:"" help:"In development mode, serve GraphiQL at /graphiql (--no-graphiql to turn it off)."`
	QueryTimeout     time.Duration `name:"query-timeout" env:"QUERY_TIMEOUT" default:"30s" help:"Deadline of one request, passed to Neo4j as the transaction timeout."`
	WaitNeo4j        time.Duration `name:"wait-neo4j" env:"WAIT_NEO4J" default:"60s" help:"How long to wait for Neo4j at start."`
	MaxDepth         int           `name:"max-depth" env:"MAX_DEPTH" default:"15" help:"Deepest nesting of fields an operation may have."`
	MaxComplexity    int           `name:"max-complexity" env:"MAX_COMPLEXITY" default:"200000" help:"Most an operation may cost: each field 1, a list its children times its page size (first, or the default)."`
	MaxAliases       int           `name:"max-aliases" env:"MAX_ALIASES" default:"30" help:"Most aliased fields an operation may have."`
	MaxTokens        int           `name:"max-tokens" env:"MAX_TOKENS" default:"10000" help:"Most tokens the parser reads of an operation."`
	MaxBodyBytes     int64         `name:"max-body-bytes" env:"MAX_BODY_BYTES" default:"1048576" help:"Largest request body, in bytes."`
	RateLimit        float64       `name:"rate-limit" env:"RATE_LIMIT" default:"50" help:"Requests a second each client may make on average (0: no limit)."`
	RateBurst        int           `name:"rate-burst" env:"RATE_BURST" default:"100" help:"Requests a client may make at once above the rate."`
	StreamsPerClient int           `name:"streams-per-client" env:"STREAMS_PER_CLIENT" default:"8" help:"Most websockets and event streams one client may hold open at once."`
	StreamOps        int           `name:"stream-operations" env:"STREAM_OPERATIONS" default:"16" help:"Most operations (subscriptions, queries) running at once on one websocket."`
	WSInitTimeout    time.Duration `name:"ws-init-timeout" env:"WS_INIT_TIMEOUT" default:"10s" help:"How long a websocket may take to send connection_init."`
	Exports          int           `name:"exports" env:"EXPORTS" default:"4" help:"Most exports (GET /export/{format}) one server streams at once."`
	ExportsPerClient int           `name:"exports-per-client" env:"EXPORTS_PER_CLIENT" default:"1" help:"Most exports one client may stream at once."`
	ExportTimeout    time.Duration `name:"export-timeout" env:"EXPORT_TIMEOUT" default:"15m" help:"Longest an export may take, from its request to its last byte."`
	ExportMinRate    int           `name:"export-min-rate" env:"EXPORT_MIN_RATE" default:"16384" help:"Bytes a second a client must read an export at (after 10 s of grace per write), or it is cut."`
	RateClients      int           `name:"rate-clients" env:"RATE_CLIENTS" default:"100000" help:"Most clients the rate limit remembers; the least recently seen are forgotten first."`
	TrustProxy       bool          `name:"trust-proxy" env:"TRUST_PROXY" default:"false" help:"Take the client's address from X-Forwarded-For as the proxies you run in front appended it (PROXY_HOPS, TRUSTED_PROXIES)."`
	ProxyHops        int           `name:"proxy-hops" env:"PROXY_HOPS" default:"1" help:"With TRUST_PROXY: how many proxies you run in front, each appending to X-Forwarded-For; the client is the address the outermost appended."`
	TrustedProxies   []string      `name:"trusted-proxies" env:"TRUSTED_PROXIES" help:"With TRUST_PROXY: the addresses or CIDR ranges of your proxies; X-Forwarded-For is read only from them, and the client is its last address outside them (instead of PROXY_HOPS)."`
	AnonymousRole    string        `name:"anonymous-role" env:"ANONYMOUS_ROLE" default:"none" enum:"none,reader,editor,admin" help:"Role of a request without a token: none refuses it (make run: reader)."`
	RestrictedRole   string        `name:"restricted-role" env:"RESTRICTED_ROLE" default:"editor" enum:"reader,editor,admin" help:"Least role that sees restricted letters and blind copies (BCC)."`
	APIKeys          []string      `name:"api-keys" env:"API_KEYS" help:"API keys, as name:role:sha256hex entries (lettergraph apikey makes them), comma-separated."`
	JWTSecret        string        `name:"jwt-hs256-secret" env:"JWT_HS256_SECRET" help:"Secret that verifies HS256 JWTs; empty accepts none."`
	JWTJWKS          string        `name:"jwt-jwks" env:"JWT_JWKS" help:"https URL (http only from localhost; refreshed hourly) or file of the JWKS whose keys verify RS256 and ES256 JWTs; empty accepts none."`
	JWTIssuer        string        `name:"jwt-issuer" env:"JWT_ISSUER" help:"The iss a JWT must have (empty: any)."`
	JWTAudience      string        `name:"jwt-audience" env:"JWT_AUDIENCE" help:"An aud a JWT must have (empty: any)."`
	JWTLeeway        time.Duration `name:"jwt-leeway" env:"JWT_LEEWAY" default:"30s" help:"Clock skew allowed on a JWT's exp, nbf and iat (at most 5m)."`
	JWTRoleClaim     string        `name:"jwt-role-claim" env:"JWT_ROLE_CLAIM" default:"role" help:"Claim holding the caller's role: reader, editor, admin, or a list of them."`
	PersistedQueries string        `name:"persisted-queries" env:"PERSISTED_QUERIES" help:"File of registered operations by SHA-256 (a JSON object of hash to text, or an Apollo persisted-query manifest)."`
	AllowlistOnly    bool          `name:"allowlist-only" env:"ALLOWLIST_ONLY" default:"false" help:"Run only the operations of PERSISTED_QUERIES (and register none by APQ)."`
	CacheMaxAge      time.Duration `name:"cache-max-age" env:"CACHE_MAX_AGE" default:"0s" help:"How long HTTP caches may keep the answer of a GET query (0: keep it but ask again, with its ETag)."`
	CORSOrigins      []string      `name:"cors-origins" env:"CORS_ORIGINS" help:"Origins whose pages may call the API (comma-separated, such as https://app.example.org); none by default."`
	LivePoll         time.Duration `name:"live-poll" env:"LIVE_POLL" default:"1s" help:"How often a server with subscribers looks for letters added by other processes."`
	ShutdownGrace    time.Duration `name:"shutdown-grace" env:"SHUTDOWN_GRACE" default:"20s" help:"How long shutdown waits for requests in flight."`
	ShutdownDelay    time.Duration `name:"shutdown-delay" env:"SHUTDOWN_DELAY" default:"0s" help:"How long a server told to stop keeps serving, with /readyz answering 503, so that a load balancer stops sending to it first."`
	LogFormat        string        `name:"log-format" env:"LOG_FORMAT" default:"text" enum:"text,json" help:"Log format: text or json."`
	LogLevel         slog.Level    `name:"log-level" env:"LOG_LEVEL" default:"info" help:"Log level: debug, info, warn, error."`
	Metrics          bool          `name:"metrics" env:"METRICS" default:"true" negatable:"" help:"Serve Prometheus metrics at /metrics: to admins on the API's listener, to anyone on METRICS_LISTEN (docs/operations.md)."`
	MetricsListen    string        `name:"metrics-listen" env:"METRICS_LISTEN" help:"Serve /metrics on this host:port instead of the API's listener (empty: the API's)."`
	OTLPEndpoint     string        `name:"otlp-endpoint" env:"OTLP_ENDPOINT" help:"Send traces over OTLP/HTTP to this URL, such as http://collector:4318 (else OTEL_EXPORTER_OTLP_ENDPOINT; none: no tracing)."`
}

// FromEnvironment returns the configuration the command line has without flags: the
// defaults, then the environment. It is for programs that build a server in process
// (benchmarks, tools); it panics only if the struct's tags are wrong.
func FromEnvironment() Config {
	var c Config
	parser, err := kong.New(&c, kong.Exit(func(int) {}))
	if err == nil {
		_, err = parser.Parse(nil)
	}
	if err != nil {
		panic("config: " + err.Error())
	}
	return c
}

// Validate checks the configuration; the error names the setting. It checks what
// this package can read alone: the settings that another package parses (API_KEYS
// and the roles by internal/auth, OTLP_ENDPOINT by internal/telemetry) are checked
// by server.Check, which the command runs right after (config imports nothing of
// the project's).
func (c *Config) Validate() error {
	u, err := url.Parse(c.Neo4jURI)
	if err != nil || u.Host == "" {
		return fmt.Errorf("NEO4J_URI %q is not a URI such as bolt://127.0.0.1:7687", c.Neo4jURI)
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
	default:
		return fmt.Errorf("NEO4J_URI scheme %q is not one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc", u.Scheme)
	}
	if u.User != nil {
		return fmt.Errorf("NEO4J_URI must not hold credentials; use NEO4J_USER and NEO4J_PASSWORD")
	}
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		return fmt.Errorf("LISTEN_ADDR %q is not host:port: %v", c.Listen, err)
	}
	if c.QueryTimeout <= 0 {
		return fmt.Errorf("QUERY_TIMEOUT must be positive, not %s", c.QueryTimeout)
	}
	if c.MaxDepth < 2 || c.MaxComplexity < 10 {
		return fmt.Errorf("MAX_DEPTH must be at least 2 and MAX_COMPLEXITY at least 10")
	}
	if c.MaxAliases < 1 || c.MaxTokens < 100 || c.MaxBodyBytes < 1024 {
		return fmt.Errorf("MAX_ALIASES must be at least 1, MAX_TOKENS at least 100 and MAX_BODY_BYTES at least 1024")
	}
	if c.RateLimit < 0 || (c.RateLimit > 0 && c.RateBurst < 1) {
		return fmt.Errorf("RATE_LIMIT must not be negative, and RATE_BURST at least 1 when it is set")
	}
	if c.RateLimit > 0 && c.RateClients < 1 {
		return fmt.Errorf("RATE_CLIENTS must be at least 1")
	}
	if c.Exports < 1 || c.ExportsPerClient < 1 || c.ExportTimeout <= 0 || c.ExportMinRate < 1 {
		return fmt.Errorf("EXPORTS, EXPORTS_PER_CLIENT and EXPORT_MIN_RATE must be at least 1, and EXPORT_TIMEOUT positive")
	}
	if c.StreamsPerClient < 1 || c.StreamOps < 1 || c.WSInitTimeout <= 0 {
		return fmt.Errorf("STREAMS_PER_CLIENT and STREAM_OPERATIONS must be at least 1, and WS_INIT_TIMEOUT positive")
	}
	if c.ProxyHops < 1 {
		return fmt.Errorf("PROXY_HOPS must be at least 1, not %d", c.ProxyHops)
	}
	if _, err := c.ProxyRanges(); err != nil {
		return err
	}
	if c.JWTLeeway < 0 || c.JWTLeeway > 5*time.Minute {
		return fmt.Errorf("JWT_LEEWAY must be between 0 and 5m, not %s", c.JWTLeeway)
	}
	// Keys fetched over plain http could be anyone's: only from this machine.
	if u, err := url.Parse(c.JWTJWKS); err == nil && u.Scheme == "http" && !loopback(u.Hostname()) {
		return fmt.Errorf("JWT_JWKS: fetch a key set over https (http only from localhost), not %s", c.JWTJWKS)
	}
	if j := c.JWTJWKS; j != "" && !strings.HasPrefix(j, "https://") && !strings.HasPrefix(j, "http://") {
		if _, err := os.Stat(j); err != nil {
			return fmt.Errorf("JWT_JWKS: %v", err)
		}
	}
	if len(c.JWTSecret) > 0 && len(c.JWTSecret) < 32 {
		return fmt.Errorf("JWT_HS256_SECRET must be at least 32 bytes")
	}
	for _, o := range c.CORSOrigins {
		if u, err := url.Parse(o); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" {
			return fmt.Errorf("CORS_ORIGINS: %q is not an origin such as https://app.example.org", o)
		}
	}
	if c.LivePoll <= 0 {
		return fmt.Errorf("LIVE_POLL must be positive, not %s", c.LivePoll)
	}
	if c.PersistedQueries != "" {
		if _, err := os.Stat(c.PersistedQueries); err != nil {
			return fmt.Errorf("PERSISTED_QUERIES: %w", err)
		}
	}
	if c.AllowlistOnly && c.PersistedQueries == "" {
		return fmt.Errorf("ALLOWLIST_ONLY needs PERSISTED_QUERIES, the file of the operations allowed")
	}
	if c.CacheMaxAge < 0 {
		return fmt.Errorf("CACHE_MAX_AGE must not be negative, not %s", c.CacheMaxAge)
	}
	if c.MetricsListen != "" {
		if _, _, err := net.SplitHostPort(c.MetricsListen); err != nil {
			return fmt.Errorf("METRICS_LISTEN %q is not host:port: %v", c.MetricsListen, err)
		}
		if c.MetricsListen == c.Listen {
			return fmt.Errorf("METRICS_LISTEN must differ from LISTEN_ADDR; leave it empty to serve /metrics there")
		}
	}
	if c.ShutdownDelay < 0 {
		return fmt.Errorf("SHUTDOWN_DELAY must not be negative, not %s", c.ShutdownDelay)
	}
	if c.ShutdownGrace <= 0 {
		return fmt.Errorf("SHUTDOWN_GRACE must be positive, not %s", c.ShutdownGrace)
	}
	return nil
}

// loopback reports whether host names this machine.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.IsLoopback()
}

// ProxyRanges are TRUSTED_PROXIES as prefixes (an address is a prefix of its full
// length).
func (c *Config) ProxyRanges() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, t := range c.TrustedProxies {
		p, err := netip.ParsePrefix(t)
		if err != nil {
			a, aerr := netip.ParseAddr(t)
			if aerr != nil {
				return nil, fmt.Errorf("TRUSTED_PROXIES: %q is neither an address nor a CIDR range", t)
			}
			p = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// Development reports whether the server runs in development mode.
func (c *Config) Development() bool { return c.Mode == "development" }

// LogValue logs the configuration with the password masked.
func (c Config) LogValue() slog.Value {
	mask := func(secret string) string {
		if secret == "" {
			return ""
		}
		return "********"
	}
	password := mask(c.Neo4jPassword)
	keys := make([]string, len(c.APIKeys))
	for i, k := range c.APIKeys {
		name, _, _ := strings.Cut(k, ":")
		keys[i] = name
	}
	return slog.GroupValue(
		slog.String("neo4j_uri", c.Neo4jURI),
		slog.String("neo4j_user", c.Neo4jUser),
		slog.String("neo4j_password", password),
		slog.String("neo4j_database", c.Neo4jDatabase),
		slog.String("listen", c.Listen),
		slog.String("mode", c.Mode),
		slog.Bool("graphiql", c.GraphiQL),
		slog.Duration("query_timeout", c.QueryTimeout),
		slog.Duration("wait_neo4j", c.WaitNeo4j),
		slog.Int("max_depth", c.MaxDepth),
		slog.Int("max_complexity", c.MaxComplexity),
		slog.Int("max_aliases", c.MaxAliases),
		slog.Int("max_tokens", c.MaxTokens),
		slog.Int64("max_body_bytes", c.MaxBodyBytes),
		slog.Float64("rate_limit", c.RateLimit),
		slog.Int("rate_burst", c.RateBurst),
		slog.Bool("trust_proxy", c.TrustProxy),
		slog.Int("proxy_hops", c.ProxyHops),
		slog.Int("exports", c.Exports),
		slog.Int("exports_per_client", c.ExportsPerClient),
		slog.Duration("export_timeout", c.ExportTimeout),
		slog.Int("export_min_rate", c.ExportMinRate),
		slog.Int("streams_per_client", c.StreamsPerClient),
		slog.Int("stream_operations", c.StreamOps),
		slog.Duration("ws_init_timeout", c.WSInitTimeout),
		slog.Any("trusted_proxies", c.TrustedProxies),
		slog.Int("rate_clients", c.RateClients),
		slog.Any("cors_origins", c.CORSOrigins),
		slog.String("anonymous_role", c.AnonymousRole),
		slog.String("restricted_role", c.RestrictedRole),
		slog.String("persisted_queries", c.PersistedQueries),
		slog.Bool("allowlist_only", c.AllowlistOnly),
		slog.Duration("cache_max_age", c.CacheMaxAge),
		slog.Any("api_keys", keys),
		slog.String("jwt_hs256_secret", mask(c.JWTSecret)),
		slog.String("jwt_jwks", c.JWTJWKS),
		slog.String("jwt_issuer", c.JWTIssuer),
		slog.String("jwt_audience", c.JWTAudience),
		slog.Duration("jwt_leeway", c.JWTLeeway),
		slog.Duration("live_poll", c.LivePoll),
		slog.Duration("shutdown_grace", c.ShutdownGrace),
		slog.Duration("shutdown_delay", c.ShutdownDelay),
		slog.String("log_format", c.LogFormat),
		slog.String("log_level", c.LogLevel.String()),
		slog.Bool("metrics", c.Metrics),
		slog.String("metrics_listen", c.MetricsListen),
		slog.String("otlp_endpoint", redactURL(c.OTLPEndpoint)),
	)
}

// redactURL is u without the user information or query it may hold (a collector's
// credentials).
func redactURL(u string) string {
	parsed, err := url.Parse(u)
	if err != nil || (parsed.User == nil && parsed.RawQuery == "") {
		return u
	}
	if parsed.User != nil {
		parsed.User = url.User("********")
	}
	if parsed.RawQuery != "" {
		parsed.RawQuery = "********"
	}
	return parsed.String()
}
