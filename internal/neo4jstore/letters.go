package neo4jstore

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// keyKind says how a sort key travels in a cursor.
type keyKind int

const (
	keyDate     keyKind = iota // a DATE, as days since 1970-01-01
	keyString                  // a string
	keyDateTime                // a DATETIME, as RFC 3339 with nanoseconds
	keyInt                     // an integer
)

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

// letterSelection is the start of a letter query: a clause that binds l to each
// letter the filter selects, once, followed by WHERE conditions (if any).
type letterSelection struct {
	cypher string
	params map[string]any
	// When the selection is one correspondent's letters (one involvement, no text),
	// oneID names the correspondent (a parameter or a row's variable) and oneTypes its
	// relationship types: pageOf may then read the sort key's index instead.
	oneID, oneTypes string
	// conds are the conditions on l after the starting clause; when the selection is
	// not anchored (it starts from all letters), they are the whole filter.
	conds []string
	// anchored says the selection starts from an index (full text, correspondents'
	// relationships) rather than from all letters.
	anchored bool
}

// and is conds joined for a WHERE that already has a condition.
func and(conds []string) string {
	out := ""
	for _, c := range conds {
		out += " AND " + c
	}
	return out
}

// selectLetters builds the selection for f, of the letters v may see. The clause it
// starts from is the most selective one the filter allows: the full-text index, a
// correspondent's relationships, or all letters.
func selectLetters(v visibility, f domain.LetterFilter) (letterSelection, error) {
	return selectLettersAt(v, f, "")
}

// selectLettersAt is selectLetters where the first involvement's correspondent id is
// the Cypher variable firstID (a batch's row) rather than a parameter.
func selectLettersAt(v visibility, f domain.LetterFilter, firstID string) (letterSelection, error) {
	params := map[string]any{}
	invID := func(i int) string {
		if i == 0 && firstID != "" {
			return firstID
		}
		n := strconv.Itoa(i)
		params["inv"+n] = f.Involving[i].CorrespondentID
		return "$inv" + n
	}
	var b strings.Builder
	var conds []string
	var oneID, oneTypes string
	start := 0 // the first involvement not yet expressed
	anchored := true
	switch {
	case strings.TrimSpace(f.Text) != "":
		q := FoldedLuceneQuery(f.Text)
		if q == "" {
			return letterSelection{}, domain.Invalid("filter.text", "has no words to search for")
		}
		params["text"] = q
		b.WriteString("CALL db.index.fulltext.queryNodes('letter_search', $text) YIELD node AS l\n")
	case len(f.Involving) >= 2 && firstID == "":
		// Letters two correspondents share: walk from whichever has fewer links in
		// its role (a degree is read in constant time), and test the other's on each
		// letter, so that a busy correspondent's thousands of letters are not walked
		// to find the few it shares with a quiet one.
		t0, err := v.roleTypes(f.Involving[0].Role, "filter.involving[0].role")
		if err != nil {
			return letterSelection{}, err
		}
		t1, err := v.roleTypes(f.Involving[1].Role, "filter.involving[1].role")
		if err != nil {
			return letterSelection{}, err
		}
		branch := func(from, fromTypes, other, otherTypes, cmp string) string {
			return `WITH c0, c1
				WITH c0, c1 WHERE COUNT { (c0)-[:` + t0 + `]-() } ` + cmp + ` COUNT { (c1)-[:` + t1 + `]-() }
				MATCH (` + from + `)-[:` + fromTypes + `]-(l:Letter)
				WITH DISTINCT l, ` + other + ` WHERE EXISTS { (` + other + `)-[:` + otherTypes + `]-(l) }
				RETURN l`
		}
		b.WriteString("MATCH (c0:Correspondent {id: " + invID(0) + "}), (c1:Correspondent {id: " + invID(1) + "})\nCALL {\n" +
			branch("c0", t0, "c1", t1, "<=") + "\nUNION\n" + branch("c1", t1, "c0", t0, ">") + "\n}\nWITH l\n")
		start = 2
	case len(f.Involving) > 0:
		types, err := v.roleTypes(f.Involving[0].Role, "filter.involving[0].role")
		if err != nil {
			return letterSelection{}, err
		}
		oneID, oneTypes = invID(0), types
		b.WriteString("MATCH (:Correspondent {id: " + oneID + "})-[:" + types + "]-(l:Letter)\nWITH DISTINCT l\n")
		start = 1
	default:
		b.WriteString("MATCH (l:Letter)\n")
		anchored = false
	}
	for i := start; i < len(f.Involving); i++ {
		n := strconv.Itoa(i)
		types, err := v.roleTypes(f.Involving[i].Role, "filter.involving["+n+"].role")
		if err != nil {
			return letterSelection{}, err
		}
		conds = append(conds, "EXISTS { MATCH (:Correspondent {id: "+invID(i)+"})-[:"+types+"]-(l) }")
	}
	if o := f.Organisation; o != nil {
		cond, err := organisationCondition(v, o)
		if err != nil {
			return letterSelection{}, err
		}
		params["org"] = o.OrganisationID
		conds = append(conds, cond)
	}
	if !f.IncludeStubs {
		conds = append(conds, "l.stub = false")
	}
	if !v.restricted || f.IncludeStubs {
		conds = append(conds, v.letter("l"))
	}
	conds = append(conds, dateConds(f.DateFrom, f.DateTo, params)...)
	if f.PlaceID != "" {
		params["placeId"] = f.PlaceID
		conds = append(conds, "EXISTS { MATCH (l)-[:WRITTEN_AT]->(:Place {id: $placeId}) }")
	}
	if len(f.Formats) > 0 {
		formats := make([]string, len(f.Formats))
		for i, v := range f.Formats {
			formats[i] = string(v)
		}
		params["formats"] = formats
		conds = append(conds, "l.sourceFormat IN $formats")
	}
	if f.Language != "" {
		params["language"] = f.Language
		conds = append(conds, "l.language = $language")
	}
	if len(conds) > 0 {
		b.WriteString("WHERE " + strings.Join(conds, "\n  AND ") + "\n")
	}
	sel := letterSelection{cypher: b.String(), params: params, conds: conds, anchored: anchored}
	if len(f.Involving) == 1 {
		sel.oneID, sel.oneTypes = oneID, oneTypes
	}
	return sel, nil
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
		return "WITH c0\nWITH c0 WHERE " + degree + " * " + degree + " " + cmp + " $limit * COUNT { (:Letter) }\nWITH c0 LIMIT 1\n"
	}
	conds := and(sel.conds)
	return "MATCH (c0:Correspondent {id: " + sel.oneID + "})\nCALL {\n" +
		guard("<=") + "MATCH " + rel + "(l:Letter)\nWITH DISTINCT l WHERE true" + conds + "\n" + kp.cypher + "RETURN l, k\n" +
		"UNION\n" +
		guard(">") + "MATCH (l:Letter)\nWHERE EXISTS { " + rel + "(l) }" + conds + "\n" + kp.cypher + "RETURN l, k\n" +
		"}\nWITH l, k\n" + kp.order
}

// organisationCondition is the roll-up: a party of l in the role is the organisation,
// or (as chosen) one of its parts, an office of it or of a part, a holder of such an
// office, or a member of it or of a part. Every piece is a fixed string.
func organisationCondition(v visibility, o *domain.OrganisationInvolvement) (string, error) {
	types, err := v.roleTypes(o.Role, "filter.organisation.role")
	if err != nil {
		return "", err
	}
	// seen keeps, for a caller below RESTRICTED_ROLE, only the relationships that
	// a source they see asserts (provenance.go): rels are single relationships,
	// lists variable-length ones.
	seen := func(rels, lists []string) string {
		if v.restricted {
			return ""
		}
		var conds []string
		for _, r := range rels {
			conds = append(conds, v.rel(r))
		}
		for _, l := range lists {
			conds = append(conds, "all(x IN "+l+" WHERE "+v.rel("x")+")")
		}
		return " WHERE " + strings.Join(conds, " AND ")
	}
	within := "(:Organisation {id: $org})" // the organisation, or with parts one of them
	var lists []string
	if o.Parts {
		within = "(:Organisation)-[ps:PART_OF*0..5]->(:Organisation {id: $org})"
		lists = []string{"ps"}
	}
	alts := []string{"c.id = $org"}
	if o.Parts {
		alts = append(alts, "EXISTS { MATCH (c:Organisation)-[ps:PART_OF*1..5]->(:Organisation {id: $org})"+seen([]string{}, lists)+" }")
	}
	if o.Offices {
		alts = append(alts, "EXISTS { MATCH (c:Office)-[r1:OF]->"+within+seen([]string{"r1"}, lists)+" }",
			"EXISTS { MATCH (c:Person)-[r0:HOLDS]->(:Office)-[r1:OF]->"+within+seen([]string{"r0", "r1"}, lists)+" }")
	}
	if o.Members {
		alts = append(alts, "EXISTS { MATCH (c:Person)-[r0:MEMBER_OF]->"+within+seen([]string{"r0"}, lists)+" }")
	}
	return "EXISTS { MATCH (l)-[:" + types + "]-(c:Correspondent) WHERE " + strings.Join(alts, " OR ") + " }", nil
}

// dateConds keeps letters l whose possible dates overlap [from, to], adding the
// parameters it needs.
func dateConds(from, to *time.Time, params map[string]any) []string {
	var conds []string
	if from != nil {
		params["dateFrom"] = neoDate(from)
		conds = append(conds, "l.dateNotAfter >= $dateFrom")
	}
	if to != nil {
		params["dateTo"] = neoDate(to)
		conds = append(conds, "l.dateNotBefore <= $dateTo")
	}
	return conds
}

// Letters implements domain.Store.
func (s *Store) Letters(ctx context.Context, f domain.LetterFilter, order domain.LetterOrder, page domain.PageRequest) (*domain.LetterPage, error) {
	part, out, err := lettersRead(visibilityOf(ctx), f, order, page)
	if err != nil {
		return nil, err
	}
	if err := s.runParts(ctx, part); err != nil {
		return nil, err
	}
	return out, nil
}

// lettersRead reads one page of the letters f selects into the page it returns.
func lettersRead(v visibility, f domain.LetterFilter, order domain.LetterOrder, page domain.PageRequest) (readPart, *domain.LetterPage, error) {
	if order == "" {
		order = domain.OrderDateDesc
	}
	spec, ok := letterOrders[order]
	if !ok {
		return readPart{}, nil, domain.Invalid("orderBy", "%q is not a letter order", order)
	}
	sel, err := selectLetters(v, f)
	if err != nil {
		return readPart{}, nil, err
	}
	kp, err := keysetPage(spec, "l", string(order), page)
	if err != nil {
		return readPart{}, nil, err
	}
	for k, v := range kp.params {
		sel.params[k] = v
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

// keyset is the ordering, cursor condition and limit of one page.
type keyset struct {
	cypher   string
	order    string // its ORDER BY … LIMIT, to order the rows of several again
	params   map[string]any
	size     int
	backward bool
	hasAfter bool // a cursor on the side we come from
}

// keysetPage builds "WITH v, key AS k WHERE <after cursor> ORDER BY … LIMIT size+1"
// for the node bound to v. A backward page is read in reverse order and turned round
// by finish, so both directions use the same index.
func keysetPage(spec sortSpec, v, order string, page domain.PageRequest) (keyset, error) {
	return keysetPageOf(spec, v, v, order, page)
}

// keysetPageOf is keysetPage for rows that carry more than the node: carry is what
// the WITH keeps ("y, s"), node the variable whose id breaks ties.
func keysetPageOf(spec sortSpec, carry, node, order string, page domain.PageRequest) (keyset, error) {
	if err := page.Validate(domain.MaxPageSize); err != nil {
		return keyset{}, err
	}
	ks := keyset{params: map[string]any{}, size: page.Size(), backward: page.Backward()}
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
		ks.params["ck"], ks.params["cid"] = key, c.ID
		ks.hasAfter = true
		if spec.indexed {
			// The key's half apart, as a range the index seeks, then the ties by id.
			before = spec.expr + " " + op + "= $ck AND (" + spec.expr + " " + op + " $ck OR " + node + ".id " + op + " $cid)"
		} else {
			after = "k " + op + " $ck OR (k = $ck AND " + node + ".id " + op + " $cid)"
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
	ks.order = "ORDER BY k" + dir + ", " + node + ".id" + dir + "\nLIMIT $limit\n"
	b.WriteString(ks.order)
	ks.params["limit"] = ks.size + 1
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
	sel, err := selectLettersAt(v, f, "cid")
	if err != nil {
		return nil, err
	}
	kp, err := keysetPage(spec, "l", string(order), page)
	if err != nil {
		return nil, err
	}
	for k, v := range kp.params {
		sel.params[k] = v
	}
	sel.params["ids"] = ids
	cypher := `UNWIND $ids AS cid
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
