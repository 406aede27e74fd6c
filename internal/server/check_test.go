package server_test

import (
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/server"
)

// TestCheck: the settings config.Validate leaves to other packages are refused
// at start, naming the setting.
func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(*config.Config)
		wantErr string // "" for valid
	}{
		{"defaults", func(*config.Config) {}, ""},
		{"api key", func(c *config.Config) { c.APIKeys = []string{"ci:editor:" + strings.Repeat("ab", 32)} }, ""},
		{"api key without hash", func(c *config.Config) { c.APIKeys = []string{"ci:editor"} }, "API_KEYS"},
		{"anonymous role unknown", func(c *config.Config) { c.AnonymousRole = "guest" }, "ANONYMOUS_ROLE"},
		{"restricted role none", func(c *config.Config) { c.RestrictedRole = "none" }, "RESTRICTED_ROLE"},
		{"restricted role unknown", func(c *config.Config) { c.RestrictedRole = "boss" }, "RESTRICTED_ROLE"},
		{"a key set not fetched here", func(c *config.Config) { c.JWTJWKS = "https://idp.example.org/jwks.json" }, ""},
		{"otlp endpoint", func(c *config.Config) { c.OTLPEndpoint = "http://collector:4318" }, ""},
		{"otlp endpoint without scheme", func(c *config.Config) { c.OTLPEndpoint = "collector:4318" }, "OTLP_ENDPOINT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.Config{AnonymousRole: "none", RestrictedRole: "editor"}
			tt.mutate(&c)
			err := server.Check(c)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Check() = %v, want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("Check() = %v, want an error naming %s", err, tt.wantErr)
			}
		})
	}
}
