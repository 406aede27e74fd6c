package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

const (
	keyDate     keyKind = iota // a DATE, as days since 1970-01-01
	keyString                  // a string
	keyDateTime                // a DATETIME, as RFC 3339 with nanoseconds
	keyInt                     // an integer
)

// Node implements domain.Store.
func (s *Store) Node(ctx context.Context, id string) (domain.Node, error) {
	v := visibilityOf(ctx)
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (domain.Node, error) {
		recs, err := collect(ctx, tx, `
			OPTIONAL MATCH (l:Letter {id: $id}) WHERE `+v.letter("l")+`
			OPTIONAL MATCH (c:Correspondent {id: $id}) WHERE `+v.node("c")+`
			OPTIONAL MATCH (p:Place {id: $id}) WHERE `+v.node("p")+`
			RETURN `+v.letterProjection()+` AS letter, `+v.correspondentProjection()+` AS correspondent,
			       p {`+v.placeFields("p")+`} AS place`, map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		rec := recs[0]
		if m := mapOf(rec.Values[0]); m != nil {
			return toLetter(m, domain.AllParts), nil
		}
		if m := mapOf(rec.Values[1]); m != nil {
			return toCorrespondent(m), nil
		}
		if m := mapOf(rec.Values[2]); m != nil {
			return toPlace(m), nil
		}
		return nil, domain.NotFound("node", id)
	})
}

// Letter implements domain.Store.
func (s *Store) Letter(ctx context.Context, id string) (*domain.Letter, error) {
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.Letter, error) {
		return loadLetter(ctx, tx, id)
	})
}

// loadLetter reads one letter with its links inside tx; NOT_FOUND when missing or
// not visible to ctx's caller.
func loadLetter(ctx context.Context, tx neo4j.ManagedTransaction, id string) (*domain.Letter, error) {
	v := visibilityOf(ctx)
	recs, err := collect(ctx, tx, `MATCH (l:Letter {id: $id}) WHERE `+v.letter("l")+` RETURN `+v.letterProjection()+` AS letter`,
		map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, domain.NotFound("letter", id)
	}
	return toLetter(mapOf(recs[0].Values[0]), domain.AllParts), nil
}

// LettersByID implements domain.Store.
func (s *Store) LettersByID(ctx context.Context, ids []string) ([]*domain.Letter, error) {
	v := visibilityOf(ctx)
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*domain.Letter, error) {
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (l:Letter {id: id}) WHERE `+v.letter("l")+`
			RETURN `+v.letterProjection()+` AS letter`, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		byID := make(map[string]*domain.Letter, len(recs))
		for _, rec := range recs {
			l := toLetter(mapOf(rec.Values[0]), domain.AllParts)
			byID[l.ID] = l
		}
		out := make([]*domain.Letter, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
		}
		return out, nil
	})
}

// Letters implements domain.Store.
func (s *Store) Letters(ctx context.Context, f domain.LetterFilter, order domain.LetterOrder, page domain.PageRequest) (*domain.LetterPage, error) {
	part, out, err := lettersRead(visibilityOf(ctx), f, order, page, newParams(""))
	if err != nil {
		return nil, err
	}
	if err := s.runParts(ctx, part); err != nil {
		return nil, err
	}
	return out, nil
}

// lettersRead reads one page of the letters f selects into the page it returns.
func lettersRead(v visibility, f domain.LetterFilter, order domain.LetterOrder, page domain.PageRequest, p params) (readPart, *domain.LetterPage, error) {
	if order == "" {
		order = domain.OrderDateDesc
	}
	spec, ok := letterOrders[order]
	if !ok {
		return readPart{}, nil, domain.Invalid("orderBy", "%q is not a letter order", order)
	}
	sel, err := selectLettersAt(v, f, "", p)
	if err != nil {
		return readPart{}, nil, err
	}
	kp, err := keysetPage(spec, "l", string(order), page, p)
	if err != nil {
		return readPart{}, nil, err
	}
	out := &domain.LetterPage{}
	decode := func(rows []any) { *out = *kp.letterPage(spec, order, f.Parts, rows) }
	cypher := pageOf(sel, spec, kp) + "RETURN [k, " + v.letterProjectionOf(f.Parts) + "] AS row"
	return readPart{cypher: cypher, params: sel.params, decode: decode}, out, nil
}

// CountLetters implements domain.Store.
func (s *Store) CountLetters(ctx context.Context, f domain.LetterFilter) (int, error) {
	sel, err := selectLetters(visibilityOf(ctx), f)
	if err != nil {
		return 0, err
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
		recs, err := collect(ctx, tx, sel.cypher+"RETURN count(l) AS n", sel.params)
		if err != nil {
			return 0, err
		}
		n, _ := recs[0].Values[0].(int64)
		return int(n), nil
	})
}

// LettersOfMany implements domain.Store: the same page of letters for each of many
// correspondents (f.Involving[0] names the role; its id is each of ids), in one
// query, so that a list of correspondents with their letters costs one round trip.
func (s *Store) LettersOfMany(ctx context.Context, ids []string, f domain.LetterFilter, order domain.LetterOrder, page domain.PageRequest) (map[string]*domain.LetterPage, error) {
	if len(f.Involving) == 0 {
		return nil, domain.Invalid("filter.involving", "names no correspondent role")
	}
	if order == "" {
		order = domain.OrderDateDesc
	}
	spec, ok := letterOrders[order]
	if !ok {
		return nil, domain.Invalid("orderBy", "%q is not a letter order", order)
	}
	v := visibilityOf(ctx)
	p := newParams("")
	sel, err := selectLettersAt(v, f, "cid", p)
	if err != nil {
		return nil, err
	}
	kp, err := keysetPage(spec, "l", string(order), page, p)
	if err != nil {
		return nil, err
	}
	cypher := `UNWIND ` + p.bind("ids", ids) + ` AS cid
		CALL {
			WITH cid
			` + pageOf(sel, spec, kp) + `RETURN collect([k, ` + v.letterProjectionOf(f.Parts) + `]) AS rows
		}
		RETURN cid, rows`
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (map[string]*domain.LetterPage, error) {
		recs, err := collect(ctx, tx, cypher, sel.params)
		if err != nil {
			return nil, err
		}
		out := make(map[string]*domain.LetterPage, len(recs))
		for _, rec := range recs {
			cid, _ := rec.Values[0].(string)
			rows, _ := rec.Values[1].([]any)
			out[cid] = kp.letterPage(spec, order, f.Parts, rows)
		}
		return out, nil
	})
}
