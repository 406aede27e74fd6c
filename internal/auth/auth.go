// Package auth authenticates the bearer tokens of requests (API keys and JWTs) and
// says which role each caller has. It knows nothing of HTTP handlers or GraphQL: the
// server asks it about a token and keeps the answer in the request's context.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Role is what a caller may do; each role may do what the ones below it may.
type Role int

// The roles, weakest first. None is no role at all (an anonymous caller where
// anonymous access is off).
const (
	None Role = iota
	Reader
	Editor
	Admin
)

// ParseRole reads a role's name: reader, editor or admin (any case), or none.
func ParseRole(s string) (Role, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "none", "":
		return None, nil
	case "reader":
		return Reader, nil
	case "editor":
		return Editor, nil
	case "admin":
		return Admin, nil
	}
	return None, fmt.Errorf("%q is not a role (reader, editor, admin or none)", s)
}

func (r Role) String() string {
	switch r {
	case Reader:
		return "reader"
	case Editor:
		return "editor"
	case Admin:
		return "admin"
	}
	return "none"
}

// Principal is the caller of a request: who, and in what role. Anonymous callers
// have the subject "anonymous".
type Principal struct {
	Subject string
	Role    Role
	// Expires is when the credential stops being accepted (a JWT's exp and the
	// leeway); zero for one that does not expire (an API key, anonymous).
	Expires time.Time
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the caller ctx carries, and whether there is one.
func FromContext(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

// Config is what the authenticator trusts.
type Config struct {
	// APIKeys are "name:role:sha256hex" entries (NewAPIKey makes them).
	APIKeys []string
	// JWTSecret verifies HS256 tokens; empty accepts none.
	JWTSecret string
	// JWKS, a URL (http or https, fetched at start and refreshed hourly) or a file,
	// holds the public keys that verify RS256 and ES256 tokens; empty accepts none.
	JWKS string
	// Issuer and Audience, when set, must be the token's iss and one of its aud.
	Issuer, Audience string
	// Leeway is the clock skew allowed on exp, nbf and iat.
	Leeway time.Duration
	// RoleClaim names the claim holding the role (a string, or a list whose
	// strongest role counts).
	RoleClaim string
	// Anonymous is the role of a request without a token (None: refused).
	Anonymous Role
}

// Authenticator checks bearer tokens.
type Authenticator struct {
	cfg     Config
	keys    map[string]Principal // by the hex SHA-256 of the key
	jwks    keyfunc.Keyfunc      // nil without Config.JWKS
	methods []string             // the JWT algorithms accepted
}

// New returns an authenticator for cfg; it fails on a malformed API key entry.
func New(cfg Config) (*Authenticator, error) {
	a := &Authenticator{cfg: cfg, keys: map[string]Principal{}}
	for _, entry := range cfg.APIKeys {
		name, rest, ok1 := strings.Cut(strings.TrimSpace(entry), ":")
		role, hash, ok2 := strings.Cut(rest, ":")
		r, err := ParseRole(role)
		if !ok1 || !ok2 || err != nil || r == None || len(hash) != 64 || name == "" {
			return nil, fmt.Errorf("API key entry %q is not name:role:sha256hex (lettergraph apikey makes one)", redact(entry))
		}
		if _, err := hex.DecodeString(hash); err != nil {
			return nil, fmt.Errorf("API key entry %q: the hash is not hex", redact(entry))
		}
		a.keys[strings.ToLower(hash)] = Principal{Subject: "apikey:" + name, Role: r}
	}
	if cfg.RoleClaim == "" {
		a.cfg.RoleClaim = "role"
	}
	if cfg.JWTSecret != "" {
		a.methods = append(a.methods, "HS256")
	}
	if cfg.JWKS != "" {
		k, err := loadJWKS(cfg.JWKS)
		if err != nil {
			return nil, fmt.Errorf("JWKS %s: %w", cfg.JWKS, err)
		}
		a.jwks = k
		a.methods = append(a.methods, "RS256", "ES256")
	}
	return a, nil
}

// loadJWKS reads a key set from a URL, which a goroutine then refreshes for the life
// of the process, or from a file.
func loadJWKS(source string) (keyfunc.Keyfunc, error) {
	if strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://") {
		return keyfunc.NewDefaultCtx(context.Background(), []string{source})
	}
	raw, err := os.ReadFile(source)
	if err != nil {
		return nil, err
	}
	return keyfunc.NewJWKSetJSON(raw)
}

// redact keeps a config entry's name for messages and hides the rest.
func redact(entry string) string {
	name, _, _ := strings.Cut(entry, ":")
	return name + ":…"
}

// APIKeyPrefix starts every API key, so that a key is told from a JWT (and found by
// secret scanners).
const APIKeyPrefix = "lgk_"

// NewAPIKey makes a key for name with role: the key, to give to the client once, and
// the entry for the APIKeys setting, which holds only its hash.
func NewAPIKey(name string, role Role) (key, entry string, err error) {
	if name == "" || strings.Contains(name, ":") || role == None {
		return "", "", errors.New("an API key needs a name without ':' and a role")
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	key = APIKeyPrefix + base64.RawURLEncoding.EncodeToString(b)
	return key, name + ":" + role.String() + ":" + hashKey(key), nil
}

func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// Authenticate returns the caller a bearer token stands for ("" for none). It returns
// an UNAUTHENTICATED *domain.Error for a missing token where anonymous access is off,
// and for a token that is not a known API key or a valid JWT; the error never holds
// the token.
func (a *Authenticator) Authenticate(token string) (Principal, error) {
	if token == "" {
		if a.cfg.Anonymous == None {
			return Principal{}, unauthenticated("a bearer token is required")
		}
		return Principal{Subject: "anonymous", Role: a.cfg.Anonymous}, nil
	}
	if strings.HasPrefix(token, APIKeyPrefix) {
		if p, ok := a.keys[hashKey(token)]; ok {
			return p, nil
		}
		return Principal{}, unauthenticated("the API key is not known")
	}
	if len(a.methods) == 0 {
		return Principal{}, unauthenticated("the token is not an API key, and this server accepts no JWT")
	}
	return a.jwt(token)
}

func (a *Authenticator) jwt(token string) (Principal, error) {
	opts := []jwt.ParserOption{jwt.WithValidMethods(a.methods), jwt.WithLeeway(a.cfg.Leeway),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt()}
	if a.cfg.Issuer != "" {
		opts = append(opts, jwt.WithIssuer(a.cfg.Issuer))
	}
	if a.cfg.Audience != "" {
		opts = append(opts, jwt.WithAudience(a.cfg.Audience))
	}
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(t *jwt.Token) (any, error) {
		if t.Method.Alg() == "HS256" {
			return []byte(a.cfg.JWTSecret), nil
		}
		return a.jwks.Keyfunc(t) // RS256 or ES256: WithValidMethods allowed it only with a JWKS
	}, opts...)
	if err != nil {
		return Principal{}, unauthenticated("the token is not valid: " + jwtReason(err))
	}
	// The subject names the caller in the history and keys its rate limit: tokens
	// without one would all be one caller.
	sub, _ := claims.GetSubject()
	if strings.TrimSpace(sub) == "" {
		return Principal{}, unauthenticated("the token has no sub (subject)")
	}
	role := strongest(claims[a.cfg.RoleClaim])
	if role == None {
		return Principal{}, &domain.Error{Code: domain.CodeForbidden,
			Message: fmt.Sprintf("the token's %q claim names no role (reader, editor, admin)", a.cfg.RoleClaim)}
	}
	exp, err := claims.GetExpirationTime()
	if err != nil || exp == nil { // WithExpirationRequired has refused these
		return Principal{}, unauthenticated("the token has no exp")
	}
	return Principal{Subject: "jwt:" + sub, Role: role, Expires: exp.Add(a.cfg.Leeway)}, nil
}

// jwtReason says why a token was refused, without its content.
func jwtReason(err error) string {
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return "expired"
	case errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return "not valid yet"
	case errors.Is(err, jwt.ErrTokenInvalidIssuer):
		return "wrong issuer"
	case errors.Is(err, jwt.ErrTokenInvalidAudience):
		return "wrong audience"
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing):
		return "a required claim (exp) is missing"
	case errors.Is(err, jwt.ErrTokenSignatureInvalid), errors.Is(err, jwt.ErrTokenUnverifiable):
		return "bad signature or algorithm"
	}
	return "malformed"
}

// strongest reads a role claim: a role's name, or a list of them.
func strongest(v any) Role {
	switch c := v.(type) {
	case string:
		r, _ := ParseRole(c)
		return r
	case []any:
		best := None
		for _, e := range c {
			best = max(best, strongest(e))
		}
		return best
	}
	return None
}

func unauthenticated(msg string) error {
	return &domain.Error{Code: domain.CodeUnauthenticated, Message: msg}
}

// Require returns nil when p may act as role, else FORBIDDEN naming the role needed.
func Require(p Principal, role Role) error {
	if p.Role >= role {
		return nil
	}
	return &domain.Error{Code: domain.CodeForbidden,
		Message: fmt.Sprintf("this needs the %s role; the caller (%s) is %s", role, p.Subject, p.Role)}
}
