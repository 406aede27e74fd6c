package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// RequestIDFunc returns the id of the request a context belongs to, for logs.
type RequestIDFunc func(ctx context.Context) string

// ErrorPresenter maps errors to GraphQL errors with a stable extensions.code. A
// domain error shows its caller-safe message (and extensions.field, naming the input
// it is about); gqlgen's own parse and validation errors keep their codes; anything
// else is logged and shown as INTERNAL "internal error", so that no Cypher, driver
// message, file path or stack trace reaches a client. Every error carries
// extensions.requestId, the id the logs name the request by (X-Request-Id).
func ErrorPresenter(log *slog.Logger, requestID RequestIDFunc) graphql.ErrorPresenterFunc {
	present := presenter(log, requestID)
	return func(ctx context.Context, err error) *gqlerror.Error {
		return withRequestID(present(ctx, err), requestID(ctx))
	}
}

// withRequestID is e with extensions.requestId set to id (unless id is empty): a
// copy, since gqlgen's own errors may be shared.
func withRequestID(e *gqlerror.Error, id string) *gqlerror.Error {
	if e == nil || id == "" {
		return e
	}
	c := *e
	c.Extensions = maps.Clone(e.Extensions)
	if c.Extensions == nil {
		c.Extensions = map[string]any{}
	}
	c.Extensions["requestId"] = id
	return &c
}

func presenter(log *slog.Logger, requestID RequestIDFunc) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var de *domain.Error
		if errors.As(err, &de) {
			switch {
			case de.Code == domain.CodeUnavailable && errors.Is(de.Err, context.Canceled):
				// The client went away (or the server is stopping): not a fault.
				log.InfoContext(ctx, "request cancelled", "request_id", requestID(ctx), "path", gqlErr.Path.String())
			case de.Code == domain.CodeInternal || (de.Code == domain.CodeUnavailable && de.Err != nil):
				log.ErrorContext(ctx, "request failed", "request_id", requestID(ctx), "code", de.Code,
					"path", gqlErr.Path.String(), "err", de)
			}
			gqlErr.Message = de.Message
			if de.Field != "" {
				gqlErr.Message = de.Field + ": " + de.Message
			}
			gqlErr.Extensions = map[string]any{"code": string(de.Code)}
			if de.Field != "" {
				gqlErr.Extensions["field"] = de.Field
			}
			return gqlErr
		}
		if _, ok := gqlErr.Extensions["code"]; ok {
			return gqlErr // gqlgen's GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED …
		}
		var unwrapped *gqlerror.Error
		if errors.As(err, &unwrapped) && unwrapped.Err == nil && unwrapped.Rule != "" {
			return gqlErr
		}
		// gqlgen's POST transport refusing a body that is not a request object (a
		// batch array, a number for variables …): the client's fault, answered 400;
		// its message quotes the body, which neither the answer nor the log repeats.
		if strings.HasPrefix(gqlErr.Message, "json request body could not be decoded") {
			gqlErr.Message = "the request body is not a JSON object of query, variables, operationName and extensions"
			gqlErr.Extensions = map[string]any{"code": "BAD_REQUEST"}
			return gqlErr
		}
		log.ErrorContext(ctx, "request failed", "request_id", requestID(ctx),
			"path", gqlErr.Path.String(), "err", err)
		gqlErr.Message = "internal error"
		gqlErr.Extensions = map[string]any{"code": string(domain.CodeInternal)}
		return gqlErr
	}
}

// RecoverFunc logs a panic in a resolver with its stack and request id, and answers
// INTERNAL.
func RecoverFunc(log *slog.Logger, requestID RequestIDFunc) graphql.RecoverFunc {
	return func(ctx context.Context, v any) error {
		log.ErrorContext(ctx, "panic in resolver", "request_id", requestID(ctx),
			"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		return domain.Internal(fmt.Errorf("panic: %v", v))
	}
}
