package neo4jstore

import (
	"context"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// readPart is one read that runs alone or together with others in one query. Its
// Cypher returns one column named row; decode receives every row's value in order.
type readPart struct {
	cypher string
	params map[string]any
	decode func(rows []any)
}

// params are the parameters of one read's Cypher. Reads that run together in one
// query (runParts) each bind theirs under a prefix of their own (p0_, p1_, …), so
// that none clash, and no text is rewritten.
type params struct {
	prefix string
	m      map[string]any
}

// newParams starts the parameters of a read; prefix is "" for a read that runs
// alone.
func newParams(prefix string) params { return params{prefix: prefix, m: map[string]any{}} }

// bind sets the parameter name to value and returns its reference in Cypher.
func (p params) bind(name string, value any) string {
	p.m[p.prefix+name] = value
	return "$" + p.prefix + name
}

// partParams are the parameters of the i-th of several reads run together.
func partParams(i int) params { return newParams("p" + strconv.Itoa(i) + "_") }

// runParts runs the parts in one query: alone, a part's Cypher as it is; together,
// each part in a subquery that collects its rows (so that a part with no rows leaves
// the others theirs). Parts run together were built with partParams, so their
// parameters do not clash.
func (s *Store) runParts(ctx context.Context, parts ...readPart) error {
	if len(parts) == 0 {
		return nil
	}
	cypher, params := parts[0].cypher, parts[0].params
	if len(parts) > 1 {
		cypher, params = combine(parts)
	}
	_, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, cypher, params)
		if err != nil {
			return struct{}{}, err
		}
		if len(parts) == 1 {
			rows := make([]any, len(recs))
			for i, rec := range recs {
				rows[i] = rec.Values[0]
			}
			parts[0].decode(rows)
			return struct{}{}, nil
		}
		for i, p := range parts {
			rows, _ := recs[0].Values[i].([]any)
			p.decode(rows)
		}
		return struct{}{}, nil
	})
	return err
}

// combine is the query of several parts, returning the list of each one's rows.
func combine(parts []readPart) (string, map[string]any) {
	var b strings.Builder
	params := map[string]any{}
	var names []string
	for i, p := range parts {
		for k, v := range p.params {
			params[k] = v
		}
		name := "r" + strconv.Itoa(i)
		b.WriteString("CALL {\n\tCALL {\n" + p.cypher + "\n\t}\n\tRETURN collect(row) AS " + name + "\n}\n")
		names = append(names, name)
	}
	b.WriteString("RETURN " + strings.Join(names, ", "))
	return b.String(), params
}

// ReadTogether implements domain.Store: every read asked for, in one query.
func (s *Store) ReadTogether(ctx context.Context, rs domain.Reads) (*domain.ReadResults, error) {
	v := visibilityOf(ctx)
	out := &domain.ReadResults{}
	var parts []readPart
	if rs.Correspondent != "" {
		parts = append(parts, correspondentRead(v, rs.Correspondent, &out.Correspondent, partParams(len(parts))))
	}
	for _, r := range rs.LetterPages {
		p, page, err := lettersRead(v, r.Filter, r.Order, r.Page, partParams(len(parts)))
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
		out.LetterPages = append(out.LetterPages, page)
	}
	for _, r := range rs.PairPages {
		p, page, err := pairsRead(v, r.ID, r.Filter, r.Order, r.Page, partParams(len(parts)))
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
		out.PairPages = append(out.PairPages, page)
	}
	if e := rs.Exchange; e != nil {
		out.Exchange = &domain.Exchange{}
		parts = append(parts, exchangeRead(v, e.A, e.B, e.From, e.To, out.Exchange, partParams(len(parts))))
	}
	if err := s.runParts(ctx, parts...); err != nil {
		return nil, err
	}
	return out, nil
}
