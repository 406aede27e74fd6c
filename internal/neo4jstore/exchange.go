package neo4jstore

import (
	"context"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

var _ domain.Explorer = (*Store)(nil)

// Exchange implements domain.Explorer, in one query.
func (s *Store) Exchange(ctx context.Context, a, b string, from, to *time.Time) (domain.Exchange, error) {
	var e domain.Exchange
	err := s.runParts(ctx, exchangeRead(visibilityOf(ctx), a, b, from, to, &e, newParams("")))
	return e, err
}

// exchangeRead counts the letters each way between a and b that v may see into out.
// Each way starts from whichever end has fewer links of its kind (see
// selectLettersAt).
func exchangeRead(v visibility, a, b string, from, to *time.Time, out *domain.Exchange, p params) readPart {
	conds := append([]string{"l.stub = false", v.letter("l")}, dateConds(from, to, p)...)
	received := v.received()
	where := strings.Join(conds, " AND ")
	// direction counts the letters x wrote to y into n, carrying what came before.
	direction := func(x, y, carry, n string) string {
		guard := func(cmp string) string {
			return "COUNT { (" + x + ")-[:WROTE]->() } " + cmp + " COUNT { (" + y + ")<-[:" + received + "]-() }"
		}
		return `CALL {
				WITH a, b
				WITH a, b WHERE ` + guard("<=") + `
				MATCH (` + x + `)-[:WROTE]->(l:Letter)
				WHERE ` + where + ` AND EXISTS { (l)-[:` + received + `]->(` + y + `) }
				RETURN count(l) AS n
				UNION ALL
				WITH a, b
				WITH a, b WHERE ` + guard(">") + `
				MATCH (l:Letter)-[:` + received + `]->(` + y + `)
				WITH DISTINCT l, ` + x + `
				WHERE ` + where + ` AND EXISTS { (` + x + `)-[:WROTE]->(l) }
				RETURN count(l) AS n
			}
			WITH a, b` + carry + `, sum(n) AS ` + n + "\n"
	}
	ends := "MATCH (a:Correspondent {id: " + p.bind("a", a) + "}), (b:Correspondent {id: " + p.bind("b", b) + "})\nWHERE " + v.node("a") + " AND " + v.node("b") + "\n"
	cypher := ends + direction("a", "b", "", "na") + direction("b", "a", ", na", "nb") + "RETURN [na, nb] AS row"
	if pairsTallied && from == nil && to == nil && a != b {
		cypher = ends + "OPTIONAL MATCH (a)-[p:" + pairRelOf(v) + "]-(b)\n" +
			"RETURN CASE WHEN p IS NULL THEN [0, 0] WHEN startNode(p) = a THEN [p.abSent, p.baSent] ELSE [p.baSent, p.abSent] END AS row"
	}
	return readPart{
		cypher: cypher,
		params: p.m,
		decode: func(rows []any) {
			if len(rows) == 0 {
				return // a or b is no correspondent
			}
			pair, _ := rows[0].([]any)
			ab, _ := pair[0].(int64)
			ba, _ := pair[1].(int64)
			*out = domain.Exchange{AToB: int(ab), BToA: int(ba)}
		},
	}
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
	part, out, err := pairsRead(visibilityOf(ctx), id, f, order, page, newParams(""))
	if err != nil {
		return nil, err
	}
	if err := s.runParts(ctx, part); err != nil {
		return nil, err
	}
	return out, nil
}

// pairsRead reads one page of id's pairs, counting the letters and links v may see,
// into the page it returns.
func pairsRead(v visibility, id string, f domain.PairFilter, order domain.PairOrder, page domain.PageRequest, p params) (readPart, *domain.PairPage, error) {
	if order == "" {
		order = domain.PairByLetters
	}
	spec, ok := pairOrders[order]
	if !ok {
		return readPart{}, nil, domain.Invalid("orderBy", "%q is not a correspondent order", order)
	}
	types, err := v.roleTypes(f.Role, "role")
	if err != nil {
		return readPart{}, nil, err
	}
	mine, _ := v.roleTypes(domain.RoleAny, "role")
	where := "WHERE y <> x AND l.stub = false AND " + v.letter("l")
	if conds := dateConds(f.DateFrom, f.DateTo, p); len(conds) > 0 {
		where += " AND " + strings.Join(conds, " AND ")
	}
	kp, err := keysetPageOf(spec, "y, s", "y", string(order), page, p)
	if err != nil {
		return readPart{}, nil, err
	}
	var stats string
	if pairsTallied && (f.Role == "" || f.Role == domain.RoleAny) && f.DateFrom == nil && f.DateTo == nil {
		stats = tallied(v, p.bind("x", id))
	} else {
		stats = `
			MATCH (x:Correspondent {id: ` + p.bind("x", id) + `})-[r1:` + mine + `]-(l:Letter)-[r2:` + types + `]-(y:Correspondent)
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
			} AS s`
	}
	cypher := stats + "\n" + kp.cypher + `RETURN [k, ` + v.correspondentMap("y") + `, s] AS row`
	out := &domain.PairPage{}
	decode := func(rows []any) {
		keys := make([]any, len(rows))
		ids := make([]string, len(rows))
		pairs := make([]domain.Pair, len(rows))
		for i, row := range rows {
			v, _ := row.([]any)
			keys[i] = v[0]
			st := mapOf(v[2])
			pairs[i] = domain.Pair{
				Correspondent:   toCorrespondent(mapOf(v[1])),
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
		*out = domain.PairPage{Pairs: reorder(pairs[:n], page.Backward()), Cursors: cursors, PageInfo: info}
	}
	return readPart{cypher: cypher, params: p.m, decode: decode}, out, nil
}
