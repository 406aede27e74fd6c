package domain

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorCode(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want Code
	}{
		{name: "nil", err: nil, want: ""},
		{name: "plain error", err: errors.New("boom"), want: CodeInternal},
		{name: "wrapped plain error", err: fmt.Errorf("ctx: %w", errors.New("boom")), want: CodeInternal},
		{name: "invalid", err: Invalid("input.title", "too long"), want: CodeBadUserInput},
		{name: "not found", err: NotFound("letter", "x"), want: CodeNotFound},
		{name: "internal", err: Internal(errors.New("driver")), want: CodeInternal},
		{name: "errorf conflict", err: Errorf(CodeConflict, "dup"), want: CodeConflict},
		{name: "wrapped *Error", err: fmt.Errorf("store: %w", NotFound("person", "p1")), want: CodeNotFound},
		{name: "doubly wrapped *Error", err: fmt.Errorf("a: %w", fmt.Errorf("b: %w", Errorf(CodeUnavailable, "down"))), want: CodeUnavailable},
		{name: "outermost *Error wins", err: &Error{Code: CodeForbidden, Message: "no", Err: Invalid("f", "x")}, want: CodeForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ErrorCode(tt.err); got != tt.want {
				t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}

func TestAsError(t *testing.T) {
	notFound := NotFound("letter", "l1")
	plain := errors.New("bolt: connection reset")
	tests := []struct {
		name        string
		err         error
		wantSame    *Error // when set, AsError must return this very value
		wantCode    Code
		wantMessage string
		wantCause   error // when set, errors.Is(result, wantCause) must hold
	}{
		{name: "*Error itself", err: notFound, wantSame: notFound, wantCode: CodeNotFound, wantMessage: `no letter with id "l1"`},
		{name: "wrapped *Error", err: fmt.Errorf("loading: %w", notFound), wantSame: notFound, wantCode: CodeNotFound, wantMessage: `no letter with id "l1"`},
		{name: "plain error becomes internal", err: plain, wantCode: CodeInternal, wantMessage: "internal error", wantCause: plain},
		{name: "wrapped plain error becomes internal", err: fmt.Errorf("tx: %w", plain), wantCode: CodeInternal, wantMessage: "internal error", wantCause: plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AsError(tt.err)
			if got == nil {
				t.Fatalf("AsError(%v) = nil, want an *Error", tt.err)
			}
			if tt.wantSame != nil && got != tt.wantSame {
				t.Errorf("AsError(%v) = %p, want the same *Error %p", tt.err, got, tt.wantSame)
			}
			if got.Code != tt.wantCode {
				t.Errorf("AsError(%v).Code = %q, want %q", tt.err, got.Code, tt.wantCode)
			}
			if got.Message != tt.wantMessage {
				t.Errorf("AsError(%v).Message = %q, want %q", tt.err, got.Message, tt.wantMessage)
			}
			if tt.wantCause != nil && !errors.Is(got, tt.wantCause) {
				t.Errorf("errors.Is(AsError(%v), cause) = false, want true", tt.err)
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	cause := errors.New("boom")
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{name: "invalid with field", err: Invalid("input.cc[2].office.title", "is required"), want: "BAD_USER_INPUT: input.cc[2].office.title: is required"},
		{name: "invalid with format args", err: Invalid("first", "is %d, at most %d", 200, 100), want: "BAD_USER_INPUT: first: is 200, at most 100"},
		{name: "no field", err: Errorf(CodeConflict, "letter %s exists", "l1"), want: "CONFLICT: letter l1 exists"},
		{name: "not found", err: NotFound("letter", "l1"), want: `NOT_FOUND: no letter with id "l1"`},
		{name: "internal with cause", err: Internal(cause), want: "INTERNAL: internal error: boom"},
		{name: "field and cause", err: &Error{Code: CodeUnavailable, Field: "db", Message: "down", Err: cause}, want: "UNAVAILABLE: db: down: boom"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorUnwrap(t *testing.T) {
	sentinel := errors.New("sentinel")
	tests := []struct {
		name string
		err  *Error
		want error
	}{
		{name: "internal keeps cause", err: Internal(sentinel), want: sentinel},
		{name: "no cause", err: Invalid("f", "x"), want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Unwrap(); got != tt.want {
				t.Errorf("Unwrap() = %v, want %v", got, tt.want)
			}
		})
	}
}
