package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ReadCypher runs one read query through the store's transaction machinery (its
// timeout, retries, breaker and error translation), for tests of that machinery.
func (s *Store) ReadCypher(ctx context.Context, cypher string) error {
	_, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		_, err := collect(ctx, tx, cypher, nil)
		return struct{}{}, err
	})
	return err
}
