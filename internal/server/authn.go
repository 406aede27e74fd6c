package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lettergraph/lettergraph/internal/auth"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// bearer returns the token of an Authorization: Bearer header ("" for none).
func bearer(h string) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// enter puts the caller into ctx, with what it may see: restricted letters and
// blind copies when its role is at least restricted.
func enter(ctx context.Context, p auth.Principal, restricted auth.Role) context.Context {
	return domain.WithActor(domain.WithRestricted(auth.WithPrincipal(ctx, p), p.Role >= restricted), p.Subject)
}

// withAuth authenticates each request's bearer token and puts the caller into its
// context (enter). A request refused answers 401 (UNAUTHENTICATED) or 403
// (FORBIDDEN); it counts against its address's rate limit (limiter, nil for none), so
// that guessing keys, or sending JWTs to be verified, is as limited as any request.
// A websocket upgrade without a header goes on: browsers cannot set one, so its
// connection_init payload carries the token (wsInit).
func withAuth(a *auth.Authenticator, restricted auth.Role, limiter *rateLimiter, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := bearer(r.Header.Get("Authorization"))
		if token == "" && strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			next.ServeHTTP(w, r)
			return
		}
		p, err := a.Authenticate(token)
		if err != nil {
			if !limiter.over(w, r) {
				writeAuthError(w, err)
			}
			return
		}
		next.ServeHTTP(w, r.WithContext(enter(r.Context(), p, restricted)))
	})
}

// adminOnly serves next to admins (withAuth has put the caller into the request),
// and refuses others as withAuth refuses a token.
func adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, _ := auth.FromContext(r.Context())
		if err := auth.Require(p, auth.Admin); err != nil {
			writeAuthError(w, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeAuthError(w http.ResponseWriter, err error) {
	de := domain.AsError(err)
	status := http.StatusForbidden
	if de.Code == domain.CodeUnauthenticated {
		status = http.StatusUnauthorized
		w.Header().Set("WWW-Authenticate", `Bearer realm="lettergraph"`)
	}
	writeError(w, status, de.Code, "", de.Message)
}

// wsInit authenticates a websocket from its connection_init payload (an
// Authorization entry, "Bearer <token>", as graphql-ws clients send it), unless its
// upgrade request carried a token already. A token refused closes the socket with
// 4403, which graphql-ws clients take as final: the normal close gqlgen uses
// otherwise makes them reconnect at once, again and again.
func wsInit(a *auth.Authenticator, restricted auth.Role) transport.WebsocketInitFunc {
	return func(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
		if _, ok := auth.FromContext(ctx); ok { // streams.middleware bounded it by the token's expiry
			return ctx, nil, nil
		}
		token := bearer(payload.Authorization())
		if token == "" {
			token = bearer("Bearer " + payload.GetString("token"))
		}
		p, err := a.Authenticate(token)
		if err != nil {
			return transport.AppendCloseReason(transport.WithWebsocketCloseCode(ctx, 4403), "Forbidden"), nil, err
		}
		ctx = enter(ctx, p, restricted)
		if st := streamOf(ctx); st != nil {
			// Ended with the connection, whose context is ctx's parent.
			ctx, _ = st.until(ctx, p)
		}
		return ctx, nil, nil
	}
}

// adminFields are the mutations only an admin may run; every other mutation needs an
// editor, and so do the queries of editorQueries; other queries and subscriptions a
// reader.
var (
	adminFields   = map[string]bool{"mergeCorrespondents": true, "unmergeCorrespondents": true, "deleteLetter": true, "deleteNode": true}
	editorQueries = map[string]bool{"sources": true}
)

// roles refuses an operation its caller's role does not allow, before it runs:
// FORBIDDEN naming the role needed (UNAUTHENTICATED for a caller with no role).
type roles struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = roles{}

func (roles) ExtensionName() string                          { return "Roles" }
func (roles) Validate(schema graphql.ExecutableSchema) error { return nil }

func (roles) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	need := auth.Reader
	if oc.Operation.Operation == ast.Query {
		for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Query"}) {
			if editorQueries[f.Name] {
				need = auth.Editor
			}
		}
	}
	if oc.Operation.Operation == ast.Mutation {
		need = auth.Editor
		for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Mutation"}) {
			if adminFields[f.Name] {
				need = auth.Admin
			}
		}
	}
	p, _ := auth.FromContext(ctx)
	if p.Role == auth.None {
		return &gqlerror.Error{Message: "a bearer token is required",
			Extensions: map[string]any{"code": string(domain.CodeUnauthenticated)}}
	}
	if err := auth.Require(p, need); err != nil {
		return &gqlerror.Error{Message: domain.AsError(err).Message,
			Extensions: map[string]any{"code": string(domain.CodeForbidden)}}
	}
	return nil
}
