package auth

import (
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/lettergraph/lettergraph/internal/domain"
)

const secret = "0123456789abcdef0123456789abcdef"

func sign(tb testing.TB, claims jwt.MapClaims) string {
	tb.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestAuthenticate(t *testing.T) {
	key, entry, err := NewAPIKey("ci", Editor)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(entry, key) || !strings.HasPrefix(key, APIKeyPrefix) {
		t.Fatalf("entry %q holds the key, or key %q lacks the prefix", entry, key)
	}
	a, err := New(Config{APIKeys: []string{entry}, JWTSecret: secret, Issuer: "https://id.example.org",
		Audience: "lettergraph", Leeway: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	claims := func(mutate func(jwt.MapClaims)) string {
		c := jwt.MapClaims{"sub": "ana", "iss": "https://id.example.org", "aud": "lettergraph",
			"exp": now.Add(time.Hour).Unix(), "iat": now.Unix(), "role": "reader"}
		mutate(c)
		return sign(t, c)
	}
	tests := []struct {
		name     string
		token    string
		wantRole Role
		wantCode domain.Code
	}{
		{"no token, anonymous off", "", None, domain.CodeUnauthenticated},
		{"API key", key, Editor, ""},
		{"unknown API key", APIKeyPrefix + "nope", None, domain.CodeUnauthenticated},
		{"JWT", claims(func(jwt.MapClaims) {}), Reader, ""},
		{"JWT with a list of roles", claims(func(c jwt.MapClaims) { c["role"] = []any{"reader", "admin"} }), Admin, ""},
		{"JWT without sub", claims(func(c jwt.MapClaims) { delete(c, "sub") }), None, domain.CodeUnauthenticated},
		{"expired JWT", claims(func(c jwt.MapClaims) { c["exp"] = now.Add(-time.Minute).Unix() }), None, domain.CodeUnauthenticated},
		{"JWT expired within the leeway", claims(func(c jwt.MapClaims) { c["exp"] = now.Add(-10 * time.Second).Unix() }), Reader, ""},
		{"JWT without exp", claims(func(c jwt.MapClaims) { delete(c, "exp") }), None, domain.CodeUnauthenticated},
		{"JWT from another issuer", claims(func(c jwt.MapClaims) { c["iss"] = "https://evil.example" }), None, domain.CodeUnauthenticated},
		{"JWT for another audience", claims(func(c jwt.MapClaims) { c["aud"] = "other" }), None, domain.CodeUnauthenticated},
		{"JWT without a role", claims(func(c jwt.MapClaims) { delete(c, "role") }), None, domain.CodeForbidden},
		{"JWT signed with another secret", func() string {
			s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "role": "admin"}).
				SignedString([]byte("another secret, just as long as it"))
			return s
		}(), None, domain.CodeUnauthenticated},
		{"unsigned JWT (alg none)", func() string {
			s, _ := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"exp": now.Add(time.Hour).Unix(), "role": "admin"}).
				SignedString(jwt.UnsafeAllowNoneSignatureType)
			return s
		}(), None, domain.CodeUnauthenticated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := a.Authenticate(tc.token)
			if got := domain.ErrorCode(err); got != tc.wantCode {
				t.Fatalf("code: got %q (%v), want %q", got, err, tc.wantCode)
			}
			if p.Role != tc.wantRole {
				t.Errorf("role: got %s, want %s", p.Role, tc.wantRole)
			}
			if err != nil && tc.token != "" && strings.Contains(err.Error(), tc.token) {
				t.Errorf("the error holds the token: %v", err)
			}
		})
	}
}

func TestAnonymousAndRequire(t *testing.T) {
	a, err := New(Config{Anonymous: Reader})
	if err != nil {
		t.Fatal(err)
	}
	p, err := a.Authenticate("")
	if err != nil || p.Role != Reader {
		t.Fatalf("anonymous: got %+v, %v; want a reader", p, err)
	}
	if err := Require(p, Editor); domain.ErrorCode(err) != domain.CodeForbidden {
		t.Errorf("Require(reader, editor): got %v, want FORBIDDEN", err)
	}
	if err := Require(Principal{Role: Admin}, Editor); err != nil {
		t.Errorf("Require(admin, editor): got %v, want nil", err)
	}
}

func TestBadKeyEntries(t *testing.T) {
	for _, entry := range []string{"ci", "ci:editor", "ci:boss:" + strings.Repeat("a", 64), ":reader:" + strings.Repeat("a", 64), "ci:reader:zz"} {
		if _, err := New(Config{APIKeys: []string{entry}}); err == nil {
			t.Errorf("New with key entry %q: got nil, want an error", entry)
		}
	}
}
