package server

import (
	"fmt"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/config"
	"github.com/lettergraph/lettergraph/internal/telemetry"
)

// Check checks the settings that config.Validate leaves to the packages that read
// them: API_KEYS and the roles (internal/auth) and OTLP_ENDPOINT
// (internal/telemetry). The command runs it right after Validate, so a process
// with such a setting wrong stops before it connects to anything; the error names
// the setting.
func Check(cfg config.Config) error {
	// The key set is fetched when the server starts, not here.
	offline := cfg
	offline.JWTJWKS = ""
	if _, err := authenticator(offline); err != nil {
		return fmt.Errorf("API_KEYS or ANONYMOUS_ROLE: %v", err)
	}
	if r, err := auth.ParseRole(cfg.RestrictedRole); err != nil || r == auth.None {
		return fmt.Errorf("RESTRICTED_ROLE %q is not reader, editor or admin", cfg.RestrictedRole)
	}
	if cfg.OTLPEndpoint != "" {
		if _, err := telemetry.OTLPTracesURL(cfg.OTLPEndpoint); err != nil {
			return fmt.Errorf("OTLP_ENDPOINT %w", err)
		}
	}
	return nil
}

// restrictedRole is the least role that sees restricted letters and blind copies
// (editor when the setting is not a role; Check refuses that).
func restrictedRole(cfg config.Config) auth.Role {
	r, err := auth.ParseRole(cfg.RestrictedRole)
	if err != nil || r == auth.None {
		return auth.Editor
	}
	return r
}

// authenticator is the authenticator the settings describe.
func authenticator(cfg config.Config) (*auth.Authenticator, error) {
	anonymous, err := auth.ParseRole(cfg.AnonymousRole)
	if err != nil {
		return nil, err
	}
	return auth.New(auth.Config{APIKeys: cfg.APIKeys, JWTSecret: cfg.JWTSecret, JWKS: cfg.JWTJWKS, Issuer: cfg.JWTIssuer,
		Audience: cfg.JWTAudience, Leeway: cfg.JWTLeeway, RoleClaim: cfg.JWTRoleClaim, Anonymous: anonymous})
}
