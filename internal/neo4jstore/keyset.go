package neo4jstore

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// keyKind says how a sort key travels in a cursor.
type keyKind int

type sortSpec struct {
	expr string // Cypher over l; never null (see letterProps)
	desc bool
	kind keyKind
	// indexed says expr is a property with a range index, which keysetPageOf then
	// asks the planner to read in order rather than sort every row.
	indexed bool
}

// letterOrders is the allowlist of letter orders and the stored keys behind them.
var letterOrders = map[domain.LetterOrder]sortSpec{
	domain.OrderDateDesc:       {"l.sortDate", true, keyDate, true},
	domain.OrderDateAsc:        {"l.sortDate", false, keyDate, true},
	domain.OrderTitleAsc:       {"l.titleKey", false, keyString, true},
	domain.OrderTitleDesc:      {"l.titleKey", true, keyString, true},
	domain.OrderImportedAtDesc: {"l.importedAt", true, keyDateTime, true},
	domain.OrderImportedAtAsc:  {"l.importedAt", false, keyDateTime, true},
}

// pageOf is the query that binds l and k to one page of the letters sel selects, in
// the keyset's order. One correspondent's letters by an indexed key are read the
// cheaper of two ways: walking its letters and sorting them, which costs its degree
// d; or reading the key's index in order and keeping its letters until the page is
// full, which costs about page × letters / d when its letters spread evenly over the
// key. The first wins while d² ≤ page × letters (about 1,450 letters of 100,000 for a
// page of 20); degrees and the count of letters are read in constant time. The LIMIT
// after the guard keeps the planner from testing it on every index entry.
func pageOf(sel letterSelection, spec sortSpec, kp keyset) string {
	if sel.oneID == "" || !spec.indexed {
		return sel.cypher + kp.cypher
	}
	rel := "(c0)-[:" + sel.oneTypes + "]-"
	degree := "COUNT { " + rel + "() }"
	guard := func(cmp string) string {
		return "WITH c0\nWITH c0 WHERE " + degree + " * " + degree + " " + cmp + " " + kp.limit + " * COUNT { (:Letter) }\nWITH c0 LIMIT 1\n"
	}
	conds := and(sel.conds)
	return "MATCH (c0:Correspondent {id: " + sel.oneID + "})\nCALL {\n" +
		guard("<=") + "MATCH " + rel + "(l:Letter)\nWITH DISTINCT l WHERE true" + conds + "\n" + kp.cypher + "RETURN l, k\n" +
		"UNION\n" +
		guard(">") + "MATCH (l:Letter)\nWHERE EXISTS { " + rel + "(l) }" + conds + "\n" + kp.cypher + "RETURN l, k\n" +
		"}\nWITH l, k\n" + kp.order
}

// keyset is the ordering, cursor condition and limit of one page.
type keyset struct {
	cypher   string
	order    string // its ORDER BY … LIMIT, to order the rows of several again
	limit    string // the parameter that holds the LIMIT
	size     int
	backward bool
	hasAfter bool // a cursor on the side we come from
}

// keysetPage builds "WITH v, key AS k WHERE <after cursor> ORDER BY … LIMIT size+1"
// for the node bound to v. A backward page is read in reverse order and turned round
// by finish, so both directions use the same index.
func keysetPage(spec sortSpec, v, order string, page domain.PageRequest, p params) (keyset, error) {
	return keysetPageOf(spec, v, v, order, page, p)
}

// keysetPageOf is keysetPage for rows that carry more than the node: carry is what
// the WITH keeps ("y, s"), node the variable whose id breaks ties.
func keysetPageOf(spec sortSpec, carry, node, order string, page domain.PageRequest, p params) (keyset, error) {
	if err := page.Validate(domain.MaxPageSize); err != nil {
		return keyset{}, err
	}
	ks := keyset{size: page.Size(), backward: page.Backward()}
	desc := spec.desc != ks.backward
	field, raw := "after", page.After
	if ks.backward {
		field, raw = "before", page.Before
	}
	op := ">"
	if desc {
		op = "<"
	}
	// before is a condition on the rows before the WITH that names the key, where
	// only an indexed key's own expression lets the planner read its index in order
	// and stop after a page; after is the condition on k.
	before, after := "", ""
	if raw != "" {
		c, err := domain.DecodeCursor(field, raw, order)
		if err != nil {
			return keyset{}, err
		}
		key, err := cursorParam(spec.kind, c.Key, field)
		if err != nil {
			return keyset{}, err
		}
		ck, cid := p.bind("ck", key), p.bind("cid", c.ID)
		ks.hasAfter = true
		if spec.indexed {
			// The key's half apart, as a range the index seeks, then the ties by id.
			before = spec.expr + " " + op + "= " + ck + " AND (" + spec.expr + " " + op + " " + ck + " OR " + node + ".id " + op + " " + cid + ")"
		} else {
			after = "k " + op + " " + ck + " OR (k = " + ck + " AND " + node + ".id " + op + " " + cid + ")"
		}
	} else if spec.indexed {
		before = spec.expr + " IS NOT NULL" // always true: the key is never null
	}
	var b strings.Builder
	if before != "" {
		b.WriteString("WITH " + carry + " WHERE " + before + "\n")
	}
	b.WriteString("WITH " + carry + ", " + spec.expr + " AS k\n")
	if after != "" {
		b.WriteString("WHERE " + after + "\n")
	}
	dir := ""
	if desc {
		dir = " DESC"
	}
	ks.limit = p.bind("limit", ks.size+1)
	ks.order = "ORDER BY k" + dir + ", " + node + ".id" + dir + "\nLIMIT " + ks.limit + "\n"
	b.WriteString(ks.order)
	ks.cypher = b.String()
	return ks, nil
}

// finish turns the keys and ids of the rows read (up to size+1, in reading order) into
// the number of rows on the page, their cursors in display order, and the page info.
func (ks keyset) finish(spec sortSpec, order string, keys []any, ids []string) (int, []string, domain.PageInfo) {
	more := len(ids) > ks.size
	n := min(len(ids), ks.size)
	cursors := make([]string, n)
	for i := 0; i < n; i++ {
		cursors[i] = domain.Cursor{Order: order, Key: cursorKey(spec.kind, keys[i]), ID: ids[i]}.Encode()
	}
	cursors = reorder(cursors, ks.backward)
	info := domain.PageInfo{HasNextPage: more, HasPreviousPage: ks.hasAfter}
	if ks.backward {
		info = domain.PageInfo{HasNextPage: ks.hasAfter, HasPreviousPage: more}
	}
	if n > 0 {
		info.StartCursor, info.EndCursor = cursors[0], cursors[n-1]
	}
	return n, cursors, info
}

// letterPage is the page of letters read as rows of [key, letter].
func (ks keyset) letterPage(spec sortSpec, order domain.LetterOrder, parts domain.LetterParts, rows []any) *domain.LetterPage {
	keys := make([]any, len(rows))
	letters := make([]*domain.Letter, len(rows))
	ids := make([]string, len(rows))
	for i, row := range rows {
		v, _ := row.([]any)
		keys[i] = v[0]
		letters[i] = toLetter(mapOf(v[1]), parts.OrAll())
		ids[i] = letters[i].ID
	}
	n, cursors, info := ks.finish(spec, string(order), keys, ids)
	return &domain.LetterPage{Letters: reorder(letters[:n], ks.backward), Cursors: cursors, PageInfo: info}
}

// reorder reverses list in place when backward, and returns it.
func reorder[T any](list []T, backward bool) []T {
	if backward {
		for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
			list[i], list[j] = list[j], list[i]
		}
	}
	return list
}

// cursorKey encodes a sort key read from Neo4j for a cursor.
func cursorKey(kind keyKind, v any) any {
	switch kind {
	case keyDate:
		if d, ok := v.(dbtype.Date); ok {
			// Calendar days, floored; a Duration would overflow 292 years from 1970.
			secs := d.Time().Unix()
			days := secs / 86400
			if secs%86400 < 0 {
				days--
			}
			return days
		}
	case keyDateTime:
		if t, ok := v.(time.Time); ok {
			return t.UTC().Format(time.RFC3339Nano)
		}
	case keyString:
		if s, ok := v.(string); ok {
			return s
		}
	case keyInt:
		if n, ok := v.(int64); ok {
			return n
		}
	}
	return nil
}

// cursorParam decodes a cursor's key into a query parameter of the key's type.
func cursorParam(kind keyKind, key any, field string) (any, error) {
	bad := domain.Invalid(field, "is not a cursor returned by this API")
	switch kind {
	case keyDate:
		n, ok := key.(json.Number)
		if !ok {
			return nil, bad
		}
		days, err := n.Int64()
		if err != nil {
			return nil, bad
		}
		return neo4j.DateOf(time.Unix(0, 0).UTC().AddDate(0, 0, int(days))), nil
	case keyDateTime:
		s, _ := key.(string)
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return nil, bad
		}
		return t, nil
	case keyInt:
		n, ok := key.(json.Number)
		if !ok {
			return nil, bad
		}
		i, err := n.Int64()
		if err != nil {
			return nil, bad
		}
		return i, nil
	default:
		s, ok := key.(string)
		if !ok {
			return nil, bad
		}
		return s, nil
	}
}
