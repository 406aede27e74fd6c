package neo4jstore

import (
	"context"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

var _ domain.Explorer = (*Store)(nil)

// Exchange implements domain.Explorer, in one query.
func (s *Store) Exchange(ctx context.Context, a, b string, from, to *time.Time) (domain.Exchange, error) {
	params := map[string]any{"a": a, "b": b}
	where := "WHERE l.stub = false"
	if conds := dateConds(from, to, params); len(conds) > 0 {
		where += " AND " + strings.Join(conds, " AND ")
	}
	direction := func(from, to string) string {
		return `CALL { MATCH (:Correspondent {id: $` + from + `})-[:WROTE]->(l:Letter)-[:ADDRESSED_TO|CC|BCC]->(:Correspondent {id: $` + to + `})
			` + where + ` RETURN count(DISTINCT l) AS n` + from + ` }`
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (domain.Exchange, error) {
		recs, err := collect(ctx, tx, direction("a", "b")+"\n"+direction("b", "a")+"\nRETURN na, nb", params)
		if err != nil {
			return domain.Exchange{}, err
		}
		ab, _ := recs[0].Values[0].(int64)
		ba, _ := recs[0].Values[1].(int64)
		return domain.Exchange{AToB: int(ab), BToA: int(ba)}, nil
	})
}

// pairOrders is the allowlist of pair orders: the sort key over the stats map s and
// the correspondent y. Dates sort undated pairs last.
var pairOrders = map[domain.PairOrder]sortSpec{
	domain.PairByLetters:         {"s.letters", true, keyInt, false},
	domain.PairByWroteTo:         {"s.wroteTo", true, keyInt, false},
	domain.PairByReceivedFrom:    {"s.receivedFrom", true, keyInt, false},
	domain.PairByCopiedOnMine:    {"s.copiedOnMine", true, keyInt, false},
	domain.PairByCopiedOnTheirs:  {"s.copiedOnTheirs", true, keyInt, false},
	domain.PairByCopiedAlongside: {"s.copiedAlongside", true, keyInt, false},
	domain.PairByLastDate:        {"coalesce(s.last, date({year: -9999, month: 1, day: 1}))", true, keyDate, false},
	domain.PairByName:            {"y.nameKey", false, keyString, false},
}

// Pairs implements domain.Explorer: one query aggregates every letter the centre
// shares, per other correspondent, then sorts and pages the result.
func (s *Store) Pairs(ctx context.Context, id string, f domain.PairFilter, order domain.PairOrder, page domain.PageRequest) (*domain.PairPage, error) {
	if order == "" {
		order = domain.PairByLetters
	}
	spec, ok := pairOrders[order]
	if !ok {
		return nil, domain.Invalid("orderBy", "%q is not a correspondent order", order)
	}
	types, err := roleTypesOf(f.Role, "role")
	if err != nil {
		return nil, err
	}
	params := map[string]any{"x": id}
	where := "WHERE y <> x AND l.stub = false"
	if conds := dateConds(f.DateFrom, f.DateTo, params); len(conds) > 0 {
		where += " AND " + strings.Join(conds, " AND ")
	}
	kp, err := keysetPageOf(spec, "y, s", "y", string(order), page)
	if err != nil {
		return nil, err
	}
	for k, v := range kp.params {
		params[k] = v
	}
	cypher := `
		MATCH (x:Correspondent {id: $x})-[r1:WROTE|ADDRESSED_TO|CC|BCC]-(l:Letter)-[r2:` + types + `]-(y:Correspondent)
		` + where + `
		WITH y, l, type(r1) AS xr, type(r2) AS yr
		WITH y, {
			letters: count(DISTINCT l),
			wroteTo: count(DISTINCT CASE WHEN xr = 'WROTE' AND yr = 'ADDRESSED_TO' THEN l END),
			receivedFrom: count(DISTINCT CASE WHEN yr = 'WROTE' AND xr = 'ADDRESSED_TO' THEN l END),
			copiedOnMine: count(DISTINCT CASE WHEN xr = 'WROTE' AND yr IN ['CC', 'BCC'] THEN l END),
			copiedOnTheirs: count(DISTINCT CASE WHEN yr = 'WROTE' AND xr IN ['CC', 'BCC'] THEN l END),
			copiedAlongside: count(DISTINCT CASE WHEN xr IN ['CC', 'BCC'] AND yr IN ['CC', 'BCC'] THEN l END),
			first: min(l.dateNotBefore),
			last: max(l.dateNotAfter)
		} AS s
		` + kp.cypher + `RETURN k, ` + correspondentMap("y") + ` AS y, s`
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.PairPage, error) {
		recs, err := collect(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		keys := make([]any, len(recs))
		ids := make([]string, len(recs))
		pairs := make([]domain.Pair, len(recs))
		for i, rec := range recs {
			keys[i] = rec.Values[0]
			st := mapOf(rec.Values[2])
			pairs[i] = domain.Pair{
				Correspondent:   toCorrespondent(mapOf(rec.Values[1])),
				Letters:         integer(st, "letters"),
				WroteTo:         integer(st, "wroteTo"),
				ReceivedFrom:    integer(st, "receivedFrom"),
				CopiedOnMine:    integer(st, "copiedOnMine"),
				CopiedOnTheirs:  integer(st, "copiedOnTheirs"),
				CopiedAlongside: integer(st, "copiedAlongside"),
				First:           date(st, "first"),
				Last:            date(st, "last"),
			}
			ids[i] = pairs[i].Correspondent.NodeID()
		}
		n, cursors, info := kp.finish(spec, string(order), keys, ids)
		return &domain.PairPage{Pairs: reorder(pairs[:n], page.Backward()), Cursors: cursors, PageInfo: info}, nil
	})
}
