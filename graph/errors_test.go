package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// TestPanicsAndInternalErrorsAreMasked: a panic in a resolver, and any error that is
// not the client's, reach the client as INTERNAL "internal error", while the log has
// the detail, the stack and the request id.
func TestPanicsAndInternalErrorsAreMasked(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	reqID := func(context.Context) string { return "req-42" }
	present := ErrorPresenter(log, reqID)
	ctx := context.Background()

	tests := []struct {
		name string
		err  error
	}{
		{"a panic", RecoverFunc(log, reqID)(ctx, "boom at /home/x/store.go:12")},
		{"a driver error", errors.New("Neo.ClientError.Statement.SyntaxError: Invalid input 'MATCH (n)' at store.go:7")},
		{"a wrapped internal error", domain.Internal(fmt.Errorf("reading: %w", errors.New("goroutine 7 [running]: MATCH (l:Letter)")))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			logs.Reset()
			got := present(ctx, tc.err)
			if got.Message != "internal error" || got.Extensions["code"] != "INTERNAL" {
				t.Errorf("presented %q %v, want \"internal error\" INTERNAL", got.Message, got.Extensions)
			}
			for _, leak := range []string{"boom", "Neo.", "MATCH", ".go:", "goroutine", "/home/"} {
				if strings.Contains(got.Message, leak) {
					t.Errorf("message %q leaks %q", got.Message, leak)
				}
			}
			if !strings.Contains(logs.String(), "request_id=req-42") {
				t.Errorf("log %q: want the request id", logs.String())
			}
		})
	}
	logs.Reset()
	_ = RecoverFunc(log, reqID)(ctx, "boom")
	if !strings.Contains(logs.String(), "stack=") || !strings.Contains(logs.String(), "request_id=req-42") {
		t.Errorf("panic log %q: want the stack and the request id", logs.String())
	}
}
