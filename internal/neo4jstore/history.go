package neo4jstore

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

var _ domain.Historian = (*Store)(nil)

// The history (docs/api.md, History). Every direct write leaves a Change node: who
// (domain.Actor), when, the operation, the ids of the nodes it changed (nodes, kept
// after a node is deleted), and before and after as JSON where the operation has
// them; CHANGED links it to the nodes that still exist. A Change that wrote
// restricted material (a restricted letter, a blind copy, a detail only hidden
// sources gave) is marked hidden, and a caller below RESTRICTED_ROLE sees neither it
// nor a Change of a node hidden from them. The Changes of direct edits are also
// sources (provenance.go, recordEdit). Nothing changes or deletes a Change: the
// history is append-only.

// changed is one direct write to record.
type changed struct {
	op    string
	nodes []string
	// hiddenNodes are nodes it changed that a caller below RESTRICTED_ROLE does not
	// see (a deleted letter's blind copy).
	hiddenNodes   []string
	before, after any
	// openBefore is before as a caller below RESTRICTED_ROLE may read it (the
	// details the open view gives), when it differs in kind.
	openBefore any
	// hidden says the write was of restricted material.
	hidden bool
	// claims are what an edit says of the correspondents it writes (openview.go).
	claims []claim
}

// recordChange writes the Change of w and returns its id.
func recordChange(ctx context.Context, tx neo4j.ManagedTransaction, w changed) (string, error) {
	id := newID()
	js, err := claimsJSON(w.claims)
	if err != nil {
		return "", err
	}
	asJSON := func(v any) (any, error) {
		if v == nil {
			return nil, nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	before, err := asJSON(w.before)
	if err != nil {
		return "", err
	}
	openBefore, err := asJSON(w.openBefore)
	if err != nil {
		return "", err
	}
	after, err := asJSON(w.after)
	if err != nil {
		return "", err
	}
	return id, exec(ctx, tx, `
		CREATE (ch:Change {id: $id, seq: $seq, op: $op, at: $at, by: $by, nodes: $nodes})
		SET ch.before = $before, ch.openBefore = $openBefore, ch.after = $after, ch.claims = $claims, ch.hiddenNodes = $hiddenNodes,
		    ch.hidden = CASE WHEN $hidden THEN true END
		FOREACH (_ IN CASE WHEN $hidden THEN [1] ELSE [] END | SET ch:`+hiddenLabel+`)
		WITH ch
		CALL {
			WITH ch
			UNWIND $nodes + coalesce($hiddenNodes, []) AS nid
			OPTIONAL MATCH (l:Letter {id: nid})
			OPTIONAL MATCH (c:Correspondent {id: nid})
			OPTIONAL MATCH (p:Place {id: nid})
			WITH ch, coalesce(l, c, p) AS n WHERE n IS NOT NULL
			MERGE (ch)-[:CHANGED]->(n)
		}`,
		map[string]any{"id": id, "seq": newSeq(), "op": w.op, "at": time.Now().UTC(), "by": domain.Actor(ctx),
			"nodes": list(w.nodes), "hiddenNodes": optList(w.hiddenNodes), "before": before, "openBefore": openBefore, "after": after, "claims": opt(js), "hidden": w.hidden})
}

// changeFields project a Change bound to ch.
const changeFields = `ch {.id, .seq, .at, .by, .op, .before, .after, nodes: ch.nodes + coalesce(ch.hiddenNodes, [])}`

func toChange(m map[string]any) *domain.Change {
	if m == nil {
		return nil
	}
	return &domain.Change{ID: str(m, "id"), Seq: str(m, "seq"), At: timeOf(m, "at"), By: str(m, "by"),
		Operation: str(m, "op"), Nodes: strs(m, "nodes"), Before: str(m, "before"), After: str(m, "after")}
}

func timeOf(m map[string]any, key string) time.Time {
	t, _ := m[key].(time.Time)
	return t
}

// History implements domain.Historian.
func (s *Store) History(ctx context.Context, id string, n int, before string) ([]*domain.Change, error) {
	if n <= 0 || n > domain.MaxPageSize {
		return nil, domain.Limit("first", "at most %d at a time", domain.MaxPageSize)
	}
	v := visibilityOf(ctx)
	cond := "($before = '' OR ch.seq < $before)"
	project := "RETURN " + changeFields
	if !v.restricted {
		cond += " AND " + openChange
		project = openChangeProjection
	}
	cypher := `MATCH (ch:Change) WHERE ` + cond + `
		WITH ch ORDER BY ch.seq DESC LIMIT $n
		` + project
	if id != "" {
		// The node's changes, by CHANGED (and ASSERTS, for the edits that wrote
		// it) while it exists, and by the ids recorded once it is deleted. To a
		// caller below RESTRICTED_ROLE a correspondent or place hidden now is as
		// one deleted (see openChange): the lines that named it while they could
		// see it; a letter hidden now has none.
		recorded := "$id IN ch.nodes OR $id IN coalesce(ch.hiddenNodes, [])"
		if !v.restricted {
			recorded = "$id IN ch.nodes"
		}
		cypher = `
		OPTIONAL MATCH (l:Letter {id: $id})
		OPTIONAL MATCH (c:Correspondent {id: $id})
		OPTIONAL MATCH (p:Place {id: $id})
		WITH coalesce(l, c, p) AS n
		CALL {
			WITH n
			WITH n WHERE n IS NOT NULL AND ` + v.node("n") + `
			MATCH (ch:Change)-[:CHANGED|` + string(assertsRel) + `]->(n)
			RETURN DISTINCT ch
			UNION
			WITH n
			WITH n WHERE n IS NULL OR NOT n:Letter AND NOT ` + v.node("n") + `
			MATCH (ch:Change) WHERE ` + recorded + `
			RETURN ch
		}
		WITH ch WHERE ` + cond + `
		WITH ch ORDER BY ch.seq DESC LIMIT $n
		` + project
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*domain.Change, error) {
		recs, err := collect(ctx, tx, cypher, map[string]any{"id": id, "n": n, "before": before})
		if err != nil {
			return nil, err
		}
		out := make([]*domain.Change, len(recs))
		for i, rec := range recs {
			out[i] = toChange(mapOf(rec.Values[0]))
			out[i].Before, out[i].After = asSeen(out[i].Before, v.restricted), asSeen(out[i].After, v.restricted)
		}
		return out, nil
	})
}

// What a caller below RESTRICTED_ROLE reads of the history: the graph's history as if
// the hidden material had never been written, and the letters visible now had always
// been. A line shows when nothing marks it hidden (it wrote a blind copy, a restricted
// edit, a letter deleted while restricted …), none of the letters it changed is hidden
// now (restricted, or a stub only restricted letters refer to), and it is not a
// letter's restriction set or lifted alone; a line that wrote letters shows those of
// them the caller may see now, and is left out when there are none. Its nodes leave
// out the letters hidden now, and its before and after the restriction.
//
// A correspondent or place the line changed while the caller could see it, hidden
// now, neither hides the line nor leaves its nodes: without the hidden material it
// would be deleted or hidden alike (no visible source names it either way), and the
// lines that named it show it once it is deleted (probe 16: a public letter deleted,
// whose author a restricted letter also named, left the reader's history).
const (
	openChange = `ch.hidden IS NULL
		AND (ch.op IN ['createLetter', 'importDocuments'] OR NOT EXISTS { (ch)-[:CHANGED]->(h:Letter:` + hiddenLabel + `) WHERE NOT h.id IN coalesce(ch.hiddenNodes, []) })
		AND NOT (ch.op = 'updateLetter' AND ch.after IN ['{"restricted":false}', '{"restricted":true}'])
		AND (NOT ch.op IN ['createLetter', 'importDocuments'] OR any(x IN ch.nodes WHERE ` + openLetterID + `))`
	openLetterID = `(EXISTS { (l:Letter {id: x}) WHERE NOT l:` + hiddenLabel + ` }
		OR NOT EXISTS { (:Letter {id: x}) } AND NOT EXISTS { (d:Change {op: 'deleteLetter'}) WHERE d.hidden AND x IN d.nodes })`
	openNodeID           = `NOT EXISTS { (l:Letter {id: x}) WHERE l:` + hiddenLabel + ` }`
	openChangeProjection = `WITH ch, CASE WHEN ch.op IN ['createLetter', 'importDocuments'] THEN [x IN ch.nodes WHERE ` + openLetterID + `] END AS letters ORDER BY ch.seq DESC
		RETURN CASE WHEN letters IS NOT NULL
		THEN ch {.id, .seq, .at, .by, .op, nodes: letters, after: '{"letters":' + toString(size(letters)) + '}'}
		ELSE ch {.id, .seq, .at, .by, .op, .after, before: coalesce(ch.openBefore, ch.before), nodes: [x IN ch.nodes WHERE ` + openNodeID + `]} END`
)

// optList is l, or nil (no property) when it is empty.
func optList(l []string) any {
	if len(l) == 0 {
		return nil
	}
	return l
}

// asSeen is the JSON object js of a line as a caller sees it: for one below
// RESTRICTED_ROLE without the restriction, and with the hash without blind copies
// (openHash) as the content hash.
func asSeen(js string, restricted bool) string {
	if !strings.Contains(js, `"restricted"`) && !strings.Contains(js, `"openHash"`) {
		return js
	}
	var m map[string]any
	if json.Unmarshal([]byte(js), &m) != nil {
		return js
	}
	if !restricted {
		delete(m, "restricted")
		if h, ok := m["openHash"]; ok {
			m["contentHash"] = h
		}
	}
	delete(m, "openHash")
	b, err := json.Marshal(m)
	if err != nil {
		return js
	}
	return string(b)
}

// Sources implements domain.Historian. With a fact it reads the candidates (the
// sources whose claims hold the value's JSON spelling) with their claims, keeps those
// whose claims say the fact of the node (or of a node merged into it), and projects
// the first n.
func (s *Store) Sources(ctx context.Context, id string, fact *domain.Fact, n int) ([]domain.Source, error) {
	if n <= 0 || n > domain.MaxPageSize {
		return nil, domain.Limit("first", "at most %d at a time", domain.MaxPageSize)
	}
	if fact != nil {
		if err := fact.Normalize("fact"); err != nil {
			return nil, err
		}
	}
	v := visibilityOf(ctx)
	blind, said := "", `[s.claims]`
	if v.restricted {
		said = `[s.claims, s.blindClaims]`
	} else {
		blind = ` AND type(r) <> 'BCC' AND r.blind IS NULL AND (s:Change OR ` + v.letter("s") + `) AND coalesce(s.hidden, false) = false`
	}
	sources := `
		OPTIONAL MATCH (c:Correspondent {id: $id})
		OPTIONAL MATCH (p:Place {id: $id})
		WITH coalesce(c, p) AS n
		MATCH (n)-[r]-(s)
		WHERE (s:Change OR s:Letter AND type(r) IN ['WROTE', 'ADDRESSED_TO', 'CC', 'BCC', 'ON_BEHALF_OF', 'MENTIONS', 'WRITTEN_AT', '` + string(assertsRel) + `'])
		  AND NOT (s:Change AND type(r) = 'CHANGED')` + blind + `
		// A letter may name n in several roles: via is the first of them in the
		// order of a letter's parties, not the order relationships happen to be
		// stored in, which differs from one database to another.
		WITH n, s, collect(DISTINCT type(r)) AS types
		WITH n, s, coalesce([t IN ['WROTE', 'ADDRESSED_TO', 'CC', 'BCC', 'ON_BEHALF_OF', 'MENTIONS', 'WRITTEN_AT', '` + string(assertsRel) + `'] WHERE t IN types][0],
		                    reduce(m = types[0], t IN types | CASE WHEN t < m THEN t ELSE m END)) AS via
		`
	project := `{via: via, letter: CASE WHEN s:Letter THEN ` + v.letterMap("s", letterFieldsNoBody) + ` END,
		         change: CASE WHEN s:Change THEN s {.id, .seq, .at, .by, .op, .nodes, .before, .after} END}`
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.Source, error) {
		recs, err := collect(ctx, tx, `
			OPTIONAL MATCH (c:Correspondent {id: $id}) WHERE `+v.node("c")+`
			OPTIONAL MATCH (p:Place {id: $id}) WHERE `+v.node("p")+`
			RETURN coalesce(c, p) IS NOT NULL`, map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		if found, _ := recs[0].Values[0].(bool); !found {
			return nil, domain.NotFound("correspondent or place", id)
		}
		params := map[string]any{"id": id, "n": n}
		cypher := sources + `ORDER BY coalesce(s.seq, s.id) DESC LIMIT $n
			RETURN ` + project
		if fact != nil {
			if cypher, err = s.sourcesOfFact(ctx, tx, *fact, n, sources, said, project, params); err != nil {
				return nil, err
			}
		}
		recs, err = collect(ctx, tx, cypher, params)
		if err != nil {
			return nil, err
		}
		out := make([]domain.Source, 0, len(recs))
		for _, rec := range recs {
			m := mapOf(rec.Values[0])
			src := domain.Source{Via: str(m, "via"), Change: toChange(mapOf(m["change"]))}
			if lm := mapOf(m["letter"]); lm != nil {
				src.Letter = toLetter(lm, domain.PartsChosen)
			}
			out = append(out, src)
		}
		return out, nil
	})
}

// sourcesOfFact finds the sources (of the query sources, with the list of claims
// properties said that the caller may read) whose claims say fact of the node, and
// returns the query that projects the first n of them by id, newest first, with its
// parameters set in params.
func (s *Store) sourcesOfFact(ctx context.Context, tx neo4j.ManagedTransaction, fact domain.Fact, n int, sources, said, project string, params map[string]any) (string, error) {
	targets := []string{fact.Value}
	relation := fact.Kind == domain.FactHolds || fact.Kind == domain.FactMemberOf || fact.Kind == domain.FactOf || fact.Kind == domain.FactPartOf
	if relation {
		recs, err := collect(ctx, tx, `MATCH (t:Correspondent {id: $to}) RETURN coalesce(t.mergedIds, [])`, map[string]any{"to": fact.Value})
		if err != nil {
			return "", err
		}
		if len(recs) > 0 {
			targets = append(targets, toStrings(recs[0].Values[0])...)
		}
	}
	var needles []string
	for _, t := range targets {
		b, err := json.Marshal(t)
		if err != nil {
			return "", err
		}
		if relation {
			needles = append(needles, `"to":`+string(b))
		} else {
			needles = append(needles, string(b))
		}
	}
	params["needles"] = needles
	recs, err := collect(ctx, tx, sources+`, [x IN `+said+` WHERE x IS NOT NULL] AS said
		WHERE any(x IN said WHERE any(k IN $needles WHERE x CONTAINS k))
		WITH n, s, via, said ORDER BY coalesce(s.seq, s.id) DESC
		RETURN s.id, via, said, [n.id] + coalesce(n.mergedIds, [])`, params)
	if err != nil {
		return "", err
	}
	var chosen []map[string]any
	for _, rec := range recs {
		if len(chosen) == n {
			break
		}
		keys := toStrings(rec.Values[3])
		if slices.ContainsFunc(toStrings(rec.Values[2]), func(raw string) bool { return claimsSay(raw, keys, fact, targets) }) {
			chosen = append(chosen, map[string]any{"i": len(chosen), "id": rec.Values[0], "via": rec.Values[1]})
		}
	}
	params["chosen"] = chosen
	return `
		UNWIND $chosen AS row
		OPTIONAL MATCH (l:Letter {id: row.id})
		OPTIONAL MATCH (ch:Change {id: row.id})
		WITH row.i AS i, coalesce(l, ch) AS s, row.via AS via ORDER BY i
		RETURN ` + project, nil
}

// claimsSay reports whether the claims raw (claimsJSON) say fact of a node with one of
// keys; a relationship's other end is one of targets.
func claimsSay(raw string, keys []string, fact domain.Fact, targets []string) bool {
	var by map[string][]map[string]any
	if json.Unmarshal([]byte(raw), &by) != nil {
		return false
	}
	for _, k := range keys {
		for _, c := range by[k] {
			var ok bool
			switch fact.Kind {
			case domain.FactName:
				ok = c["name"] == fact.Value || slices.Contains(strs(c, "aliases"), fact.Value)
			case domain.FactEmail:
				ok = slices.Contains(strs(c, "emails"), fact.Value)
			case domain.FactAuthorityID:
				ok = slices.Contains(strs(c, "authorityIds"), fact.Value)
			case domain.FactHonorific:
				ok = c["honorific"] == fact.Value
			default:
				to, _ := c["to"].(string)
				ok = c["rel"] == string(fact.Kind) && slices.Contains(targets, to)
			}
			if ok {
				return true
			}
		}
	}
	return false
}
