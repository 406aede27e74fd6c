package neo4jstore

import (
	"context"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The exports (domain.Exporter) read in keyset batches, each a read transaction of its
// own that collects a bounded number of rows, in order of id, after the last id of the
// batch before: a batch retried by the driver is read again whole, and nothing reaches
// fn twice; each batch is bounded by the query timeout, not the export as a whole;
// and memory holds one batch, whatever the size of the graph.
//
// A filter with neither text nor involvements is a set of conditions on a letter
// (selectLetters' conds), which the export tests inside an EXISTS while it reads
// letters, correspondents or authors in the order of their id index: each batch
// reads only as far as it needs. A filter with text or involvements starts from an
// index (full text, a correspondent's relationships) that no condition on one letter
// can express: the export runs that selection once, keeping the ids it needs (the
// letters', their correspondents', their authors' with their letters), and then
// reads them a batch at a time (eachChunk), so that its cost grows with what it
// writes, not with the selection run again for every batch.
var (
	exportLetterBatch        = 500
	exportCorrespondentBatch = 2000
	exportAuthorBatch        = 500
)

// EachLetter implements domain.Exporter.
func (s *Store) EachLetter(ctx context.Context, f domain.LetterFilter, fn func(*domain.LetterRecord) error) error {
	v := visibilityOf(ctx)
	sel, err := selectLetters(v, f)
	if err != nil {
		return err
	}
	// Related is read one way only, with the record; replies no export writes.
	parts := f.Parts.OrAll()
	read := parts&^(domain.PartRelated|domain.PartReplies) | domain.PartsChosen
	project := "RETURN " + v.letterProjectionOf(read) + " AS letter"
	if parts.Has(domain.PartAffiliations) {
		project += ",\n" + v.recordProjection()
	}
	if sel.anchored {
		ids, err := selectOnce(ctx, s, sel.cypher+"WITH DISTINCT l ORDER BY l.id RETURN l.id", sel.params)
		if err != nil {
			return err
		}
		return eachChunk(ctx, s, "UNWIND $batch AS id MATCH (l:Letter {id: id}) WHERE "+v.letter("l")+"\nWITH l ORDER BY l.id\n"+project,
			ids, exportLetterBatch, func(rec *neo4j.Record) error { return fn(toLetterRecord(rec, read)) })
	}
	return eachBatch(ctx, s, "MATCH (l:Letter) WHERE l.id > $after"+and(sel.conds)+"\nWITH l ORDER BY l.id LIMIT $limit\n"+project,
		sel.params, exportLetterBatch, func(rec *neo4j.Record) (string, error) {
			r := toLetterRecord(rec, read)
			return r.Letter.ID, fn(r)
		})
}

// recordProjection is what a LetterRecord adds to the letter bound to l, as v may see
// it: RELATED_TO from l, and the holdings, memberships and PART_OF chains of the
// correspondents it names that the letter asserts (names itself, or ASSERTS), so
// that importing the records gives each fact the sources it had (provenance.go). A
// caller below RESTRICTED_ROLE gets only what the letter names openly: a blind copy's
// membership must not bring its organisation into a visible party's record.
func (v visibility) recordProjection() string {
	types, _ := v.roleTypes(domain.RoleAny, "")
	// The correspondents the letter names: its parties, and what it mentions or
	// writes on behalf of.
	named := func(rest string) string {
		return `[(l)-[:` + types + `]-` + rest + `] + [(l)-[:MENTIONS|ON_BEHALF_OF]->` + rest + `]`
	}
	return `[(l)-[:RELATED_TO]->(x:Letter) WHERE ` + v.letter("x") + ` | ` + v.letterMap("x", letterFieldsNoBody) + `] AS relatedTo,
	` + named(`(p:Person)-[h:HOLDS]->(o:Office) WHERE `+v.names("l", "o")+` AND `+v.node("o")+` AND `+v.rel("h")+` | {person: p.id, rel: `+v.affiliation("h")+`, office: `+v.correspondentMap("o")+`}`) + ` AS holdings,
	` + named(`(p:Person)-[h:MEMBER_OF]->(g:Organisation) WHERE `+v.names("l", "g")+` AND `+v.node("g")+` AND `+v.rel("h")+` | {person: p.id, rel: `+v.affiliation("h")+`, org: `+v.correspondentFieldsOf("g")+`}`) + ` AS memberships,
	` + named(`(:Correspondent)-[:HOLDS|MEMBER_OF|OF*0..2]->(:Organisation)-[:PART_OF*0..4]->(c:Organisation)-[pq:PART_OF]->(q:Organisation) WHERE `+v.names("l", "q")+` AND `+v.node("q")+` AND `+v.rel("pq")+` | {child: c.id, parent: `+v.correspondentFieldsOf("q")+`}`) + ` AS partOf`
}

// toLetterRecord converts a row of EachLetter's query.
func toLetterRecord(rec *neo4j.Record, parts domain.LetterParts) *domain.LetterRecord {
	m := rec.AsMap()
	l := toLetter(mapOf(m["letter"]), parts)
	l.Related = toLetters(m["relatedTo"])
	r := &domain.LetterRecord{Letter: l, Holdings: map[string][]domain.Holding{},
		Memberships: map[string][]domain.Membership{}, PartOf: map[string]*domain.Organisation{}}
	seen := map[string]bool{}
	for _, h := range listOf(m["holdings"]) {
		person, office := str(h, "person"), toOffice(mapOf(h["office"]))
		if key := person + " " + office.ID; !seen[key] {
			seen[key] = true
			rel := mapOf(h["rel"])
			r.Holdings[person] = append(r.Holdings[person], domain.Holding{Office: office, From: date(rel, "from"), To: date(rel, "to")})
		}
	}
	for _, mm := range listOf(m["memberships"]) {
		person, org := str(mm, "person"), toOrganisation(mapOf(mm["org"]))
		if key := person + " " + org.ID; !seen[key] {
			seen[key] = true
			rel := mapOf(mm["rel"])
			r.Memberships[person] = append(r.Memberships[person], domain.Membership{Organisation: org,
				Role: str(rel, "role"), From: date(rel, "from"), To: date(rel, "to")})
		}
	}
	// Sorted by name (ids are random): the same graph in another database
	// exports alike.
	for id := range r.Holdings {
		sort.Slice(r.Holdings[id], func(i, j int) bool { return namedBefore(r.Holdings[id][i].Office, r.Holdings[id][j].Office) })
	}
	for id := range r.Memberships {
		list := r.Memberships[id]
		sort.Slice(list, func(i, j int) bool { return namedBefore(list[i].Organisation, list[j].Organisation) })
	}
	for _, p := range listOf(m["partOf"]) {
		child, parent := str(p, "child"), toOrganisation(mapOf(p["parent"]))
		if have, ok := r.PartOf[child]; !ok || namedBefore(parent, have) {
			r.PartOf[child] = parent
		}
	}
	return r
}

// namedBefore orders correspondents by their folded names, an office by its
// organisation's next, then by id.
func namedBefore(a, b domain.Correspondent) bool {
	ka, kb := sortName(a), sortName(b)
	if ka != kb {
		return ka < kb
	}
	return a.NodeID() < b.NodeID()
}

// EachCorrespondent implements domain.Exporter.
func (s *Store) EachCorrespondent(ctx context.Context, f domain.LetterFilter, fn func(domain.Correspondent) error) error {
	v := visibilityOf(ctx)
	sel, err := selectLetters(v, f)
	if err != nil {
		return err
	}
	types, _ := v.roleTypes(domain.RoleAny, "")
	// The correspondent is n: the filter's conditions bind c inside their EXISTS
	// (organisationCondition), which would otherwise be this one.
	project := "RETURN " + v.correspondentMap("n") + " AS n"
	handle := func(rec *neo4j.Record) (string, error) {
		m := mapOf(rec.Values[0])
		if c := toCorrespondent(m); c != nil {
			return c.NodeID(), fn(c)
		}
		return str(m, "id"), nil // no kind: not a correspondent to draw
	}
	if sel.anchored {
		ids, err := selectOnce(ctx, s, sel.cypher+"MATCH (l)-[:"+types+"]-(n:Correspondent)\nWITH DISTINCT n ORDER BY n.id RETURN n.id", sel.params)
		if err != nil {
			return err
		}
		return eachChunk(ctx, s, "UNWIND $batch AS id MATCH (n:Correspondent {id: id}) WHERE "+v.node("n")+"\nWITH n ORDER BY n.id\n"+project,
			ids, exportCorrespondentBatch, func(rec *neo4j.Record) error { _, err := handle(rec); return err })
	}
	return eachBatch(ctx, s, "MATCH (n:Correspondent) WHERE n.id > $after\n  AND EXISTS { MATCH (n)-[:"+types+"]-(l:Letter) WHERE true"+and(sel.conds)+" }\n"+
		"WITH n ORDER BY n.id LIMIT $limit\n"+project, sel.params, exportCorrespondentBatch, handle)
}

// EachEdge implements domain.Exporter: a batch of authors (in order of id), each with
// its edges, weighted and dated in the database.
func (s *Store) EachEdge(ctx context.Context, f domain.LetterFilter, fn func(domain.DatedEdge) error) error {
	v := visibilityOf(ctx)
	sel, err := selectLetters(v, f)
	if err != nil {
		return err
	}
	if sel.anchored {
		// The authors of the selected letters, each with those letters, once.
		rows, err := selectOnce(ctx, s, sel.cypher+"MATCH (a:Correspondent)-[:WROTE]->(l)\n"+
			"WITH a, collect(DISTINCT l.id) AS ls ORDER BY a.id RETURN {a: a.id, ls: ls}", sel.params)
		if err != nil {
			return err
		}
		return eachChunk(ctx, s, "UNWIND $batch AS row MATCH (a:Correspondent {id: row.a})\nWITH a, row.ls AS ids ORDER BY a.id\n"+
			edgesOf(v, "WITH a, ids UNWIND ids AS id MATCH (l:Letter {id: id}) WHERE "+v.letter("l")+"\n"),
			rows, exportAuthorBatch, func(rec *neo4j.Record) error { return eachEdgeOf(rec, fn) })
	}
	return eachBatch(ctx, s, "MATCH (a:Correspondent) WHERE a.id > $after\n  AND EXISTS { MATCH (a)-[:WROTE]->(l:Letter) WHERE true"+and(sel.conds)+" }\n"+
		"WITH a ORDER BY a.id LIMIT $limit\n"+edgesOf(v, "WITH a MATCH (a)-[:WROTE]->(l:Letter) WHERE true"+and(sel.conds)+"\n"),
		sel.params, exportAuthorBatch, func(rec *neo4j.Record) (string, error) {
			author, _ := rec.Values[0].(string)
			return author, eachEdgeOf(rec, fn)
		})
}

// edgesOf is the end of an edges query: for the author bound to a, the edges of the
// letters that letters binds to l.
func edgesOf(v visibility, letters string) string {
	return `CALL {
		` + letters + `MATCH (l)-[r:` + v.received() + `]->(b:Correspondent) WHERE b <> a
		WITH b, type(r) = 'ADDRESSED_TO' AS direct, count(DISTINCT l) AS weight,
		     min(l.dateNotBefore) AS first, max(l.dateNotAfter) AS last
		ORDER BY b.id, direct DESC
		RETURN collect({to: b.id, direct: direct, weight: weight, first: first, last: last}) AS edges
	}
	RETURN a.id AS author, edges`
}

// eachEdgeOf hands fn the edges of a row of an edges query.
func eachEdgeOf(rec *neo4j.Record, fn func(domain.DatedEdge) error) error {
	author, _ := rec.Values[0].(string)
	for _, e := range listOf(rec.Values[1]) {
		edge := domain.DatedEdge{NetworkEdge: toNetworkEdge(author, e), First: date(e, "first"), Last: date(e, "last")}
		if err := fn(edge); err != nil {
			return err
		}
	}
	return nil
}

// selectOnce reads, in one transaction, the values of cypher's single column, in
// order: what an anchored selection keeps for its batches.
func selectOnce(ctx context.Context, s *Store, cypher string, params map[string]any) ([]any, error) {
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]any, error) {
		recs, err := collect(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(recs))
		for i, rec := range recs {
			out[i] = rec.Values[0]
		}
		return out, nil
	})
}

// eachChunk runs cypher once for each chunk of at most size of rows, in order, given
// as $batch, each a read transaction of its own whose records row handles after it
// ends.
func eachChunk(ctx context.Context, s *Store, cypher string, rows []any, size int, row func(*neo4j.Record) error) error {
	for start := 0; start < len(rows); start += size {
		batch := rows[start:min(start+size, len(rows))]
		recs, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
			return collect(ctx, tx, cypher, map[string]any{"batch": batch})
		})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			if err := row(rec); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

// eachBatch reads cypher's rows a batch of size at a time: cypher takes $after (the
// key of the last row of the batch before, "" at first) and $limit, and returns at
// most $limit rows ordered by their key. row handles one row and returns its key.
// Each batch is a read transaction of its own, whose rows are handled after it ends.
func eachBatch(ctx context.Context, s *Store, cypher string, params map[string]any, size int, row func(*neo4j.Record) (string, error)) error {
	p := make(map[string]any, len(params)+2)
	for k, v := range params {
		p[k] = v
	}
	p["limit"] = size
	after := ""
	for {
		p["after"] = after
		recs, err := read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*neo4j.Record, error) {
			return collect(ctx, tx, cypher, p)
		})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			if after, err = row(rec); err != nil {
				return err
			}
		}
		if len(recs) < size {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

func sortName(c domain.Correspondent) string {
	name := c.DisplayName()
	if o, ok := c.(*domain.Office); ok && o.Organisation != nil {
		name += "\x00" + o.Organisation.Name
	}
	return domain.Fold(name)
}
