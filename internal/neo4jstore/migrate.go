package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// migrateProvenance gives a graph written before provenance existed its labels, once
// (a marker node records it): what no source asserts there (the organisations of
// offices, parents, written before letters asserted them) is asserted by one Change
// of the migration, as the graph showed it to everyone; then every letter, then
// every other node, is refreshed, a few thousand at a time.
func (s *Store) migrateProvenance(ctx context.Context) error {
	const marker = "provenance-1"
	done, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (bool, error) {
		recs, err := collect(ctx, tx, `MATCH (m:Migration {name: $name}) RETURN m.name`, map[string]any{"name": marker})
		if err != nil || len(recs) > 0 {
			return true, err
		}
		// Letters written before scoped uniqueness (schema.go).
		if err := exec(ctx, tx, `
			MATCH (l:Letter) WHERE l.hashScope IS NULL
			SET l.hashScope = CASE WHEN l:`+restrictedLabel+` THEN 'hidden' ELSE 'open' END`, nil); err != nil {
			return false, err
		}
		// Letters written before openHash existed: without blind copies, their
		// hash is the one readers may read; with them, readers get none.
		if err := exec(ctx, tx, `
			MATCH (l:Letter) WHERE l.openHash IS NULL AND l.contentHash IS NOT NULL AND NOT EXISTS { (l)-[:BCC]->() }
			SET l.openHash = l.contentHash`, nil); err != nil {
			return false, err
		}
		// Details written before the open view existed were shown to everyone.
		if err := exec(ctx, tx, `
			MATCH (n:Correspondent) WHERE n.openNameKeys IS NULL
			SET n.openHonorific = n.honorific, n.openAcronym = n.acronym, n.openKind = n.kind,
			    n.openAliases = coalesce(n.aliases, []), n.openEmails = coalesce(n.emails, []),
			    n.openAuthorityIds = coalesce(n.authorityIds, []), n.openNameKeys = coalesce(n.nameKeys, [])`, nil); err != nil {
			return false, err
		}
		recs, err = collect(ctx, tx, `
			MATCH (n:Correspondent) WHERE NOT `+anySource+` RETURN collect(n.id)`, nil)
		if err != nil {
			return false, err
		}
		if ids := toStrings(recs[0].Values[0]); len(ids) > 0 {
			_, err = recordEdit(ctx, tx, "migration", ids, nil, false)
		}
		return false, err
	})
	if err != nil || done {
		return err
	}
	for _, match := range []string{
		`MATCH (n:Letter) WHERE n.id > $after AND NOT coalesce(n.stub, false)`,
		`MATCH (n:Letter) WHERE n.id > $after AND n.stub`,
		`MATCH (n:Correspondent) WHERE n.id > $after`,
		`MATCH (n:Place) WHERE n.id > $after`,
	} {
		refresh := func(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (struct{}, error) {
			return struct{}{}, refreshHidden(ctx, tx, ids)
		}
		if err := eachPage(ctx, s, match, 5000, refresh, nil); err != nil {
			return err
		}
	}
	// Relationships between correspondents written before provenance: seen when
	// both ends are (the graph showed them to everyone).
	for {
		n, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
			recs, err := collect(ctx, tx, `
				MATCH (a:Correspondent)-[r:`+structuralTypes+`]->(b:Correspondent)
				WHERE r.seen IS NULL AND NOT a:`+hiddenLabel+` AND NOT b:`+hiddenLabel+`
				WITH r LIMIT 5000
				SET r.seen = true, r.legacySeen = true
				RETURN count(r)`, nil)
			if err != nil {
				return 0, err
			}
			n, _ := recs[0].Values[0].(int64)
			return int(n), nil
		})
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
	}
	_, err = write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `MERGE (:Migration {name: $name})`, map[string]any{"name": marker})
	})
	return err
}

// migrateOpenAffiliations gives the memberships and offices held written before they
// had open details the details they showed everyone then.
const migrateOpenAffiliations = `
	MATCH ()-[r:MEMBER_OF|HOLDS]->() WHERE coalesce(r.seen, false) AND r.openRole IS NULL AND r.openFrom IS NULL AND r.openTo IS NULL
	SET r.openRole = r.role, r.openFrom = r.from, r.openTo = r.to`

// once runs the statement cypher in one write transaction unless a Migration marker
// named name says it ran, and leaves that marker.
func (s *Store) once(ctx context.Context, name, cypher string) error {
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `MATCH (m:Migration {name: $name}) RETURN m.name`, map[string]any{"name": name})
		if err != nil || len(recs) > 0 {
			return struct{}{}, err
		}
		if err := exec(ctx, tx, cypher, nil); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, exec(ctx, tx, `MERGE (:Migration {name: $name})`, map[string]any{"name": name})
	})
	return err
}

// migratePairs writes the pairs (pairs.go) of a graph written before they existed,
// once: CheckAggregates repairs every one, from no pairs at all.
func (s *Store) migratePairs(ctx context.Context) error {
	const marker = "pairs-1"
	done, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (bool, error) {
		recs, err := collect(ctx, tx, `MATCH (m:Migration {name: $name}) RETURN m.name`, map[string]any{"name": marker})
		return len(recs) > 0, err
	})
	if err != nil || done {
		return err
	}
	if _, err := s.CheckAggregates(ctx, true, func(Drift) {}); err != nil {
		return err
	}
	_, err = write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, exec(ctx, tx, `MERGE (:Migration {name: $name})`, map[string]any{"name": marker})
	})
	return err
}

// eachPage runs work in a write transaction of its own on each page of up to size
// ids of the nodes that match (a MATCH of n whose conditions include n.id > $after),
// in the order of their ids, and gives done what work returned once its transaction
// committed (the driver may run work again when a transaction is retried).
func eachPage[T any](ctx context.Context, s *Store, match string, size int,
	work func(context.Context, neo4j.ManagedTransaction, []string) (T, error), done func(T)) error {
	after := ""
	for {
		type page struct {
			last string
			out  T
		}
		p, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (page, error) {
			recs, err := collect(ctx, tx, match+` RETURN n.id ORDER BY n.id LIMIT $size`, map[string]any{"after": after, "size": size})
			if err != nil || len(recs) == 0 {
				return page{}, err
			}
			ids := make([]string, len(recs))
			for i, rec := range recs {
				ids[i], _ = rec.Values[0].(string)
			}
			out, err := work(ctx, tx, ids)
			return page{last: ids[len(ids)-1], out: out}, err
		})
		if err != nil || p.last == "" {
			return err
		}
		after = p.last
		if done != nil {
			done(p.out)
		}
	}
}
