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
		after := ""
		for {
			n, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
				recs, err := collect(ctx, tx, match+` RETURN n.id ORDER BY n.id LIMIT 5000`, map[string]any{"after": after})
				if err != nil || len(recs) == 0 {
					return 0, err
				}
				ids := make([]string, len(recs))
				for i, rec := range recs {
					ids[i], _ = rec.Values[0].(string)
				}
				after = ids[len(ids)-1]
				return len(ids), refreshHidden(ctx, tx, ids)
			})
			if err != nil {
				return err
			}
			if n == 0 {
				break
			}
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
