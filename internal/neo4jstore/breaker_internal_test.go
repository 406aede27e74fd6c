package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestOutage(t *testing.T) {
	unreachable := &neo4j.ConnectivityError{Inner: errors.New("connection refused")}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"no connection", unreachable, true},
		{"retries ended on no connection", &neo4j.TransactionExecutionLimit{Cause: "timeout", Errors: []error{unreachable}}, true},
		{"retries ended on a deadlock", &neo4j.TransactionExecutionLimit{Cause: "timeout",
			Errors: []error{&neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}}}, false},
		{"a bad query", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, false},
		{"a caller's deadline", fmt.Errorf("run: %w", context.DeadlineExceeded), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outage(tt.err); got != tt.want {
				t.Errorf("outage(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
