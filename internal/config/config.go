// Package config holds the server's configuration in one struct: defaults and help in
// its tags, values from the environment and then flags (kong reads both), checked by
// Validate at start and logged with secrets masked.
package config

import (
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"time"
)

// Config is everything a lettergraph process can be told.
type Config struct {
	Neo4jURI      string        `name:"neo4j-uri" env:"NEO4J_URI" default:"bolt://127.0.0.1:7687" help:"Neo4j address: bolt://, neo4j:// (cluster routing), with +s or +ssc for TLS."`
	Neo4jUser     string        `name:"neo4j-user" env:"NEO4J_USER" default:"neo4j" help:"Neo4j user; empty for a server without authentication."`
	Neo4jPassword string        `name:"neo4j-password" env:"NEO4J_PASSWORD" default:"" help:"Neo4j password."`
	Neo4jDatabase string        `name:"neo4j-database" env:"NEO4J_DATABASE" default:"" help:"Neo4j database; empty for the server's default."`
	Listen        string        `name:"listen" env:"LISTEN_ADDR" default:"127.0.0.1:8080" help:"HTTP listen address."`
	GraphiQL      bool          `name:"graphiql" env:"GRAPHIQL" default:"true" negatable:"" help:"Serve GraphiQL at /graphiql (--no-graphiql to turn it off)."`
	QueryTimeout  time.Duration `name:"query-timeout" env:"QUERY_TIMEOUT" default:"30s" help:"Deadline of one request, passed to Neo4j as the transaction timeout."`
	WaitNeo4j     time.Duration `name:"wait-neo4j" env:"WAIT_NEO4J" default:"60s" help:"How long to wait for Neo4j at start."`
	MaxDepth      int           `name:"max-depth" env:"MAX_DEPTH" default:"15" help:"Deepest nesting of fields an operation may have."`
	MaxComplexity int           `name:"max-complexity" env:"MAX_COMPLEXITY" default:"20000" help:"Most an operation may cost: each field 1, a list its children times its page size."`
	LivePoll      time.Duration `name:"live-poll" env:"LIVE_POLL" default:"1s" help:"How often a server with subscribers looks for letters added by other processes."`
	ShutdownGrace time.Duration `name:"shutdown-grace" env:"SHUTDOWN_GRACE" default:"20s" help:"How long shutdown waits for requests in flight."`
	LogFormat     string        `name:"log-format" env:"LOG_FORMAT" default:"text" enum:"text,json" help:"Log format: text or json."`
	LogLevel      slog.Level    `name:"log-level" env:"LOG_LEVEL" default:"info" help:"Log level: debug, info, warn, error."`
}

// Validate checks the configuration; the error names the setting.
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
	if c.LivePoll <= 0 {
		return fmt.Errorf("LIVE_POLL must be positive, not %s", c.LivePoll)
	}
	if c.ShutdownGrace <= 0 {
		return fmt.Errorf("SHUTDOWN_GRACE must be positive, not %s", c.ShutdownGrace)
	}
	return nil
}

// LogValue logs the configuration with the password masked.
func (c Config) LogValue() slog.Value {
	password := ""
	if c.Neo4jPassword != "" {
		password = "********"
	}
	return slog.GroupValue(
		slog.String("neo4j_uri", c.Neo4jURI),
		slog.String("neo4j_user", c.Neo4jUser),
		slog.String("neo4j_password", password),
		slog.String("neo4j_database", c.Neo4jDatabase),
		slog.String("listen", c.Listen),
		slog.Bool("graphiql", c.GraphiQL),
		slog.Duration("query_timeout", c.QueryTimeout),
		slog.Duration("wait_neo4j", c.WaitNeo4j),
		slog.Int("max_depth", c.MaxDepth),
		slog.Int("max_complexity", c.MaxComplexity),
		slog.Duration("live_poll", c.LivePoll),
		slog.Duration("shutdown_grace", c.ShutdownGrace),
		slog.String("log_format", c.LogFormat),
		slog.String("log_level", c.LogLevel.String()),
	)
}
