package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/golang-jwt/jwt/v5"

	"github.com/lettergraph/lettergraph/internal/auth"
)

const jwtSecret = "0123456789abcdef0123456789abcdef"

// TestAuthenticationAndRoles: each rule of who may do what, through the real handler.
func TestAuthenticationAndRoles(t *testing.T) {
	readerKey, readerEntry, _ := auth.NewAPIKey("reader", auth.Reader)
	editorKey, editorEntry, _ := auth.NewAPIKey("editor", auth.Editor)
	adminKey, adminEntry, _ := auth.NewAPIKey("admin", auth.Admin)
	cfg := testConfig()
	cfg.AnonymousRole = "none"
	cfg.APIKeys = []string{readerEntry, editorEntry, adminEntry}
	cfg.JWTSecret, cfg.JWTAudience = jwtSecret, "lettergraph"
	a := newAPIWith(t, cfg)

	token := func(role string, exp time.Duration) string {
		s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "ana", "aud": "lettergraph",
			"exp": time.Now().Add(exp).Unix(), "role": role}).SignedString([]byte(jwtSecret))
		return s
	}
	read := query("{ statistics { letters } }")
	create := query(`mutation { createLetter(input: {title: "t"}) { created } }`)
	del := query(`mutation { deleteLetter(id: "nope") { id } }`)
	tests := []struct {
		name       string
		token      string
		body       string
		wantStatus int
		wantCode   string // "" for success
	}{
		{"no token", "", read, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"unknown API key", auth.APIKeyPrefix + "nope", read, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"expired JWT", token("admin", -time.Hour), read, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"reader reads", readerKey, read, http.StatusOK, ""},
		{"reader may not create", readerKey, create, http.StatusOK, "FORBIDDEN"},
		{"editor creates", editorKey, create, http.StatusOK, ""},
		{"editor may not delete", editorKey, del, http.StatusOK, "FORBIDDEN"},
		{"admin deletes (a letter that is not there)", adminKey, del, http.StatusOK, "NOT_FOUND"},
		{"JWT reader reads", token("reader", time.Hour), read, http.StatusOK, ""},
		{"JWT reader may not create", token("reader", time.Hour), create, http.StatusOK, "FORBIDDEN"},
		{"JWT editor creates", token("editor", time.Hour), create, http.StatusOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{}
			if tc.token != "" {
				h["Authorization"] = "Bearer " + tc.token
			}
			status, header, body := post(t, a.url, tc.body, h)
			if status != tc.wantStatus {
				t.Fatalf("status: got %d, want %d (%s)", status, tc.wantStatus, body)
			}
			if status == http.StatusUnauthorized && !strings.HasPrefix(header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("WWW-Authenticate: got %q, want Bearer", header.Get("WWW-Authenticate"))
			}
			if tc.wantCode == "" {
				if strings.Contains(body, `"errors"`) {
					t.Errorf("got errors %s, want none", body)
				}
				return
			}
			if code, _ := errorCode(t, body); code != tc.wantCode {
				t.Errorf("code: got %q, want %q (%s)", code, tc.wantCode, body)
			}
		})
	}
	for _, secret := range []string{readerKey, editorKey, adminKey, jwtSecret} {
		if strings.Contains(a.logs.String(), secret) {
			t.Errorf("a token or secret reached the log")
		}
	}

	t.Run("websocket authenticated by connection_init", func(t *testing.T) {
		wsURL := "ws" + strings.TrimPrefix(a.url, "http") + "/graphql"
		dial := func(payload map[string]any) (string, error) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			c, _, err := websocket.Dial(ctx, wsURL, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
			if err != nil {
				return "", err
			}
			defer c.CloseNow()
			if err := wsjson.Write(ctx, c, map[string]any{"type": "connection_init", "payload": payload}); err != nil {
				return "", err
			}
			var msg struct{ Type string }
			err = wsjson.Read(ctx, c, &msg)
			return msg.Type, err
		}
		if typ, err := dial(map[string]any{"Authorization": "Bearer " + readerKey}); err != nil || typ != "connection_ack" {
			t.Errorf("with a reader's key: got %q, %v; want connection_ack", typ, err)
		}
		if typ, err := dial(map[string]any{}); err == nil && typ == "connection_ack" {
			t.Error("without a token: acknowledged, want refused")
		}
	})
}
