package auth

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// TestJWKS verifies RS256 and ES256 tokens with keys from a JWKS file and from a
// JWKS URL.
func TestJWKS(t *testing.T) {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Keys []jwkset.JWKMarshal `json:"keys"`
	}
	for _, k := range []struct {
		kid string
		key any
		alg jwkset.ALG
	}{{"r1", rsaKey.Public(), jwkset.AlgRS256}, {"e1", ecKey.Public(), jwkset.AlgES256}} {
		jwk, err := jwkset.NewJWKFromKey(k.key, jwkset.JWKOptions{Metadata: jwkset.JWKMetadataOptions{KID: k.kid, ALG: k.alg, USE: jwkset.UseSig}})
		if err != nil {
			t.Fatal(err)
		}
		set.Keys = append(set.Keys, jwk.Marshal())
	}
	raw, _ := json.Marshal(set)
	file := filepath.Join(t.TempDir(), "jwks.json")
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(raw)
	}))
	defer srv.Close()

	sign := func(method jwt.SigningMethod, kid string, key any, role string) string {
		tok := jwt.NewWithClaims(method, jwt.MapClaims{"sub": "ana", "exp": time.Now().Add(time.Hour).Unix(), "role": role})
		tok.Header["kid"] = kid
		s, err := tok.SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	otherKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	for _, source := range []string{file, srv.URL} {
		a, err := New(Config{JWKS: source})
		if err != nil {
			t.Fatalf("New with JWKS %s: %v", source, err)
		}
		tests := []struct {
			name     string
			token    string
			wantRole Role
			wantCode domain.Code
		}{
			{"RS256", sign(jwt.SigningMethodRS256, "r1", rsaKey, "editor"), Editor, ""},
			{"ES256", sign(jwt.SigningMethodES256, "e1", ecKey, "admin"), Admin, ""},
			{"RS256 signed by another key", sign(jwt.SigningMethodRS256, "r1", otherKey, "admin"), None, domain.CodeUnauthenticated},
			{"unknown kid", sign(jwt.SigningMethodRS256, "zz", rsaKey, "admin"), None, domain.CodeUnauthenticated},
			{"HS256 without a secret", func() string {
				s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"exp": time.Now().Add(time.Hour).Unix(), "role": "admin"}).
					SignedString([]byte("0123456789abcdef0123456789abcdef"))
				return s
			}(), None, domain.CodeUnauthenticated},
		}
		for _, tc := range tests {
			t.Run(filepath.Base(source)+"/"+tc.name, func(t *testing.T) {
				p, err := a.Authenticate(tc.token)
				if got := domain.ErrorCode(err); got != tc.wantCode || p.Role != tc.wantRole {
					t.Errorf("got role %s, code %q (%v); want %s, %q", p.Role, got, err, tc.wantRole, tc.wantCode)
				}
			})
		}
	}
	if _, err := New(Config{JWKS: filepath.Join(t.TempDir(), "missing.json")}); err == nil {
		t.Error("New with a missing JWKS file: got nil, want an error")
	}
}
