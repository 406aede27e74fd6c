package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
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

// SetExportBatches makes every export read n rows a batch, so that tests page through
// small graphs; the returned function restores the sizes.
func SetExportBatches(n int) (restore func()) {
	l, c, a := exportLetterBatch, exportCorrespondentBatch, exportAuthorBatch
	exportLetterBatch, exportCorrespondentBatch, exportAuthorBatch = n, n, n
	return func() { exportLetterBatch, exportCorrespondentBatch, exportAuthorBatch = l, c, a }
}

// PathsCypher is pathsCypher for a caller who sees restricted letters (restricted)
// or not, for the plan tests.
func PathsCypher(restricted bool, types, length string) string {
	return pathsCypher(visibility{restricted: restricted}, types, length)
}

// NetworkCypher is networkCypher for a caller who sees restricted letters
// (restricted) or not, for the plan tests.
func NetworkCypher(restricted bool, q domain.NetworkQuery) (string, map[string]any, error) {
	return networkCypher(visibility{restricted: restricted}, &q)
}

// SetTopBatch makes TopCorrespondents read its candidates n at a time for readers;
// the returned function restores the size.
func SetTopBatch(n int) (restore func()) {
	old := topBatch
	topBatch = n
	return func() { topBatch = old }
}

// RefreshEverything runs the provenance refresh (refreshAll) over every letter,
// correspondent and place, as a write that touches them all would: for the test that
// what writes keep current is what a refresh computes from scratch.
func (s *Store) RefreshEverything(ctx context.Context) error {
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `MATCH (n) WHERE n:Letter OR n:Correspondent OR n:Place RETURN n.id`, nil)
		if err != nil {
			return struct{}{}, err
		}
		ids := make([]string, 0, len(recs))
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			ids = append(ids, id)
		}
		return struct{}{}, refreshAll(ctx, tx, ids)
	})
	return err
}

// SetPairsTallied makes the reads the pairs answer read them (true) or count the
// letters (false); the returned function restores the setting.
func SetPairsTallied(on bool) (restore func()) {
	was := pairsTallied
	pairsTallied = on
	return func() { pairsTallied = was }
}
