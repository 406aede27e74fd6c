// Package domain holds lettergraph's core types (letters and the correspondents who
// write, receive and are copied on them), the inputs that create them, the pure rules
// that validate and normalise those inputs, and the interfaces that adapters (the Neo4j
// store, the GraphQL API, importers) implement or consume. It imports no adapter.
package domain

import (
	"errors"
	"fmt"
)

// Code classifies an Error. The set is closed and stable: clients branch on it (the
// GraphQL layer exposes it as extensions.code).
type Code string

// The error codes of docs/design.md §3.
const (
	CodeBadUserInput    Code = "BAD_USER_INPUT"
	CodeNotFound        Code = "NOT_FOUND"
	CodeConflict        Code = "CONFLICT"
	CodeUnauthenticated Code = "UNAUTHENTICATED"
	CodeForbidden       Code = "FORBIDDEN"
	CodeLimitExceeded   Code = "LIMIT_EXCEEDED"
	CodeUnavailable     Code = "UNAVAILABLE"
	CodeInternal        Code = "INTERNAL"
)

// Error is the application's one error type. Message is safe to show to a caller;
// Field, when set, is the input path the error is about (for example
// "input.cc[2].office.title"). Err is the underlying cause, for logs only: it is never
// shown to a caller because it may hold Cypher or driver detail.
type Error struct {
	Code    Code
	Message string
	Field   string
	Err     error
}

func (e *Error) Error() string {
	msg := e.Message
	if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, msg, e.Err)
	}
	return string(e.Code) + ": " + msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error with the given code and a formatted, caller-safe message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns a BAD_USER_INPUT error about the input at field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: CodeBadUserInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Limit returns a LIMIT_EXCEEDED error about the input at field.
func Limit(field, format string, args ...any) *Error {
	return &Error{Code: CodeLimitExceeded, Field: field, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns a NOT_FOUND error for the node of the given kind and id.
func NotFound(kind, id string) *Error {
	return &Error{Code: CodeNotFound, Message: fmt.Sprintf("no %s with id %q", kind, id)}
}

// Internal wraps an unexpected failure. The caller sees only "internal error".
func Internal(err error) *Error {
	return &Error{Code: CodeInternal, Message: "internal error", Err: err}
}

// ErrorCode returns the code of err: the Code of the first *Error in its chain,
// CodeInternal for any other non-nil error, and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// AsError returns the first *Error in err's chain, or wraps err as Internal.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Internal(err)
}
