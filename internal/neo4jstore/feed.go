package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// feedSequence names the counter of the letters added (domain.LetterFeed). The batch
// writer takes the next positions of it in the transaction that writes the letters,
// as its last statement (batch.takePositions): the counter's lock orders the writers,
// so positions become visible in order.
const feedSequence = "letterAdded"

// LastAdded implements domain.LetterFeed.
func (s *Store) LastAdded(ctx context.Context) (int64, error) {
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (int64, error) {
		recs, err := collect(ctx, tx, `MATCH (c:Sequence {name: $feed}) RETURN c.value`,
			map[string]any{"feed": feedSequence})
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		n, _ := recs[0].Values[0].(int64)
		return n, nil
	})
}

// LettersAdded implements domain.LetterFeed, in one query on the addedSeq index.
func (s *Store) LettersAdded(ctx context.Context, after int64, limit int) ([]domain.AddedLetter, error) {
	v := visibilityOf(ctx)
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.AddedLetter, error) {
		recs, err := collect(ctx, tx, `
			MATCH (l:Letter) WHERE l.addedSeq > $after AND `+v.letter("l")+`
			WITH l ORDER BY l.addedSeq LIMIT $limit
			RETURN l.addedSeq AS seq, `+v.letterProjection()+` AS letter,
				[(l)-[:WROTE|ADDRESSED_TO|CC]-(c:Correspondent) | c.id] +
				[(l)-[:WROTE|ADDRESSED_TO|CC]-(:Office)-[ofr:OF]->(:Organisation)-[ps:PART_OF*0..5]->(o:Organisation)
				 WHERE `+v.rel("ofr")+` AND all(x IN ps WHERE `+v.rel("x")+`) | o.id] AS involved`,
			map[string]any{"after": after, "limit": limit})
		if err != nil {
			return nil, err
		}
		out := make([]domain.AddedLetter, len(recs))
		for i, rec := range recs {
			m := rec.AsMap()
			out[i].Seq, _ = m["seq"].(int64)
			out[i].Letter = toLetter(mapOf(m["letter"]), domain.AllParts)
			out[i].Involved = strs(m, "involved")
		}
		return out, nil
	})
}
