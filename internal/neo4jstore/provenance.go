package neo4jstore

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Provenance (docs/security.md, Provenance). Every correspondent, place and stub
// letter is asserted by sources: the letters that link it (WROTE, ADDRESSED_TO, CC,
// BCC, ON_BEHALF_OF, MENTIONS, WRITTEN_AT, and for a stub REPLIES_TO and RELATED_TO),
// the letters that name it only through another party (an office's organisation, a
// membership's organisation, an office held, a parent organisation: ASSERTS from the
// letter), and direct edits (ASSERTS from a Change). A caller below RESTRICTED_ROLE
// sees such a node only when one of its sources is visible to them: a letter they
// see, through a link other than BCC, or an edit. The rule is kept as a label,
// hiddenLabel, on the nodes no visible source asserts, so that reads test a label
// and never walk sources; every write that adds or removes a source, or changes
// whether a source is visible, calls refreshHidden on the nodes it touched. The
// details of correspondents (openview.go), the relationships between them (seen,
// below) and the references to restricted letters (proxies.go) follow the same rule.

// searchableLabel marks the letters (no stubs) and correspondents that a caller below
// RESTRICTED_ROLE may see, for the full-text indexes that rank hits for such a
// caller over what they may see alone (letter_search_open, correspondent_search_open):
// a score computed over restricted text, or a limit filled with hits dropped
// afterwards, would tell them about it.
const searchableLabel = "Searchable"

// assertsRel is the relationship from a source (a letter or a Change) to a node it
// names only through another party, or that an edit wrote.
const assertsRel domain.LinkKind = "ASSERTS"

// visibleSource is true when some source visible below RESTRICTED_ROLE asserts the
// correspondent or place n. BCC is not among the types: a blind copy shows nothing.
const visibleSource = `(EXISTS { (n)-[:WROTE]->(s:Letter) WHERE NOT s:` + hiddenLabel + ` }
	  OR EXISTS { (n)<-[a:ADDRESSED_TO|CC|ON_BEHALF_OF|MENTIONS|WRITTEN_AT|` + string(assertsRel) + `]-(s) WHERE NOT s:` + hiddenLabel + ` AND a.blind IS NULL })`

// structuralTypes are the relationships between correspondents. Each has a seen
// property, true when a source that a caller below RESTRICTED_ROLE may see asserts
// it: a visible letter whose document gave it (a membership, an office held, an
// office's organisation, a parent: a claim with rel, openview.go), or an edit.
const structuralTypes = `HOLDS|MEMBER_OF|OF|PART_OF`

// retracted reports whether an edit after the source written at seq removed the
// relationship of type rel to to (removed: retractClaims).
func retracted(removed []string, rel, to, seq string) bool {
	for _, r := range removed {
		parts := strings.Split(r, removedSep)
		if len(parts) == 3 && parts[0] == relRemoval+rel && parts[1] == to && seq < parts[2] {
			return true
		}
	}
	return false
}

// markSeen marks seen the relationships that the claims of visible documents assert,
// and fills in the open details of a membership or an office held (openRole,
// openFrom, openTo: what callers below RESTRICTED_ROLE read) with what the claims
// say and the relationship's open details lack. It writes only what changes, so it
// locks only relationships that a letter shows or tells more of for the first time.
func markSeen(ctx context.Context, tx neo4j.ManagedTransaction, claims []claim) error {
	var rows []map[string]any
	for _, c := range claims {
		if c.rel != "" {
			rows = append(rows, map[string]any{"from": c.id, "type": string(c.rel), "to": c.to,
				"role": c.details["role"], "since": c.details["since"], "until": c.details["until"]})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return exec(ctx, tx, `
		UNWIND $rows AS row
		MATCH (a:Correspondent {id: row.from})-[r:`+structuralTypes+`]->(b:Correspondent {id: row.to})
		WHERE type(r) = row.type AND (r.seen IS NULL
		   OR row.role IS NOT NULL AND r.openRole IS NULL
		   OR row.since IS NOT NULL AND r.openFrom IS NULL
		   OR row.until IS NOT NULL AND r.openTo IS NULL)
		SET r.seen = true, r.openRole = coalesce(r.openRole, row.role),
		    r.openFrom = coalesce(r.openFrom, date(row.since)), r.openTo = coalesce(r.openTo, date(row.until))`,
		map[string]any{"rows": rows})
}

// refreshSeen recomputes seen on every relationship between correspondents that
// starts at a node of ids, from the claims of the visible sources of that node
// (merged ids included): what a restricted or deleted letter alone asserted is
// hidden again. The open details of a membership or an office held are folded again
// from those claims in the order their sources were written: a letter fills in
// what is missing, a direct edit replaces. A relationship written before provenance
// (legacySeen), or asserted by a claim written before claims carried details, shows
// its own details, as it did. It reads every visible source of those nodes, so it
// is for the rare writes (restricting, deleting, merging, editing).
func refreshSeen(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := collect(ctx, tx, `
		UNWIND $ids AS id
		MATCH (a:Correspondent {id: id})
		WHERE EXISTS { (a)-[:`+structuralTypes+`]->(:Correspondent) }
		CALL {
			WITH a
			MATCH (a)--(s)
			WHERE (s:Letter OR s:Change) AND NOT s:`+hiddenLabel+` AND s.claims IS NOT NULL
			WITH DISTINCT s ORDER BY coalesce(s.seq, s.id)
			RETURN collect([coalesce(s.seq, ''), s.claims]) AS claims
		}
		RETURN a.id, [a.id] + coalesce(a.mergedIds, []), claims,
		       [(a)-[r:`+structuralTypes+`]->(b:Correspondent) | [elementId(r), type(r), [b.id] + coalesce(b.mergedIds, []), coalesce(r.legacySeen, false)]],
		       coalesce(a.removed, [])`,
		map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	var rows []map[string]any
	for _, rec := range recs {
		keys := toStrings(rec.Values[1])
		asserted := map[string]*affiliationView{} // type + " " + to
		removed := toStrings(rec.Values[4])
		sources, _ := rec.Values[2].([]any)
		for _, src := range sources {
			pair, _ := src.([]any)
			if len(pair) != 2 {
				continue
			}
			seq, _ := pair[0].(string)
			raw, _ := pair[1].(string)
			var by map[string][]map[string]any
			if json.Unmarshal([]byte(raw), &by) != nil {
				continue
			}
			for _, k := range keys {
				for _, c := range by[k] {
					if rel, _ := c["rel"].(string); rel != "" {
						to, _ := c["to"].(string)
						if retracted(removed, rel, to, seq) {
							continue
						}
						d := asserted[rel+" "+to]
						if d == nil {
							d = &affiliationView{values: map[string]any{}}
							asserted[rel+" "+to] = d
						}
						d.fold(c)
					}
				}
			}
		}
		rels, _ := rec.Values[3].([]any)
		for _, r := range rels {
			v, _ := r.([]any)
			eid, _ := v[0].(string)
			typ, _ := v[1].(string)
			legacy, _ := v[3].(bool)
			var d *affiliationView
			for _, to := range toStrings(v[2]) {
				if x := asserted[typ+" "+to]; x != nil {
					if d == nil {
						d = &affiliationView{values: map[string]any{}}
					}
					d.merge(x)
				}
			}
			row := map[string]any{"eid": eid, "seen": legacy || d != nil, "own": legacy}
			if d != nil {
				row["own"] = legacy || d.legacy
				row["role"], row["since"], row["until"] = d.values["role"], d.values["since"], d.values["until"]
			}
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return exec(ctx, tx, `
		UNWIND $rows AS row
		MATCH ()-[r]->() WHERE elementId(r) = row.eid
		SET r.seen = CASE WHEN row.seen THEN true END,
		    r.openRole = CASE WHEN NOT row.seen THEN null WHEN row.own THEN r.role ELSE row.role END,
		    r.openFrom = CASE WHEN NOT row.seen THEN null WHEN row.own THEN r.from ELSE date(row.since) END,
		    r.openTo = CASE WHEN NOT row.seen THEN null WHEN row.own THEN r.to ELSE date(row.until) END`,
		map[string]any{"rows": rows})
}

// affiliationView is the open details of one membership or office held, folded from
// the claims of its visible sources (refreshSeen). legacy is set when a claim
// written before claims carried details asserts it.
type affiliationView struct {
	values map[string]any
	legacy bool
}

// fold adds what claim c says: a direct edit's details replace, a letter's fill in.
func (d *affiliationView) fold(c map[string]any) {
	if c["d"] == nil {
		d.legacy = true
		return
	}
	set := c["set"] == true
	for _, k := range []string{"role", "since", "until"} {
		if set {
			d.values[k] = c[k]
		} else if d.values[k] == nil {
			d.values[k] = c[k]
		}
	}
}

// merge adds the details of another key of the same relationship (merged ids),
// filling in what is missing.
func (d *affiliationView) merge(o *affiliationView) {
	d.legacy = d.legacy || o.legacy
	for k, v := range o.values {
		if d.values[k] == nil {
			d.values[k] = v
		}
	}
}

// refreshAll is refreshHidden, then refreshOpenViews and refreshSeen, for the writes
// that change whether a source is visible or remove one.
func refreshAll(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if err := refreshHidden(ctx, tx, ids); err != nil {
		return err
	}
	if err := refreshOpenViews(ctx, tx, ids); err != nil {
		return err
	}
	return refreshSeen(ctx, tx, ids)
}

// anySource is true when anything asserts n (a correspondent, a place or a stub).
const anySource = `(EXISTS { (n)-[:WROTE]->(:Letter) }
	  OR EXISTS { (n)<-[:ADDRESSED_TO|CC|BCC|ON_BEHALF_OF|MENTIONS|WRITTEN_AT|REPLIES_TO|RELATED_TO|` + string(assertsRel) + `]-() })`

// markHidden sets or removes hiddenLabel on n as the boolean hidden says, and
// searchableLabel on a letter or correspondent that is not hidden (and no stub),
// writing only what changes: a busy correspondent's node is not locked by every
// letter that names it.
const markHidden = `
	WITH n, hidden, NOT hidden AND NOT coalesce(n.stub, false) AND NOT n:Place AS searchable
	FOREACH (_ IN CASE WHEN hidden AND NOT n:` + hiddenLabel + ` THEN [1] ELSE [] END | SET n:` + hiddenLabel + `)
	FOREACH (_ IN CASE WHEN NOT hidden AND n:` + hiddenLabel + ` THEN [1] ELSE [] END | REMOVE n:` + hiddenLabel + `)
	FOREACH (_ IN CASE WHEN searchable AND NOT n:` + searchableLabel + ` THEN [1] ELSE [] END | SET n:` + searchableLabel + `)
	FOREACH (_ IN CASE WHEN NOT searchable AND n:` + searchableLabel + ` THEN [1] ELSE [] END | REMOVE n:` + searchableLabel + `)`

// refreshHiddenCypher recomputes hiddenLabel for the nodes with $ids: letters first
// (a letter is hidden when restricted), then stubs (hidden unless a visible letter
// refers to them), then correspondents and places, whose sources are letters.
const refreshHiddenCypher = `
CALL {
	UNWIND $ids AS id
	MATCH (n:Letter {id: id}) WHERE NOT coalesce(n.stub, false)
	WITH n, n:` + restrictedLabel + ` AS hidden` + markHidden + `
}
CALL {
	UNWIND $ids AS id
	MATCH (n:Letter {id: id}) WHERE n.stub
	WITH n, NOT EXISTS { (s:Letter)-[:REPLIES_TO|RELATED_TO|MENTIONS]->(n) WHERE NOT s:` + hiddenLabel + ` AND NOT s.stub } AS hidden` + markHidden + `
}
CALL {
	UNWIND $ids AS id
	MATCH (n:Correspondent {id: id})
	WITH n, NOT ` + visibleSource + ` AS hidden` + markHidden + `
}
CALL {
	UNWIND $ids AS id
	MATCH (n:Place {id: id})
	WITH n, NOT ` + visibleSource + ` AS hidden` + markHidden + `
}`

// refreshHidden recomputes, inside the write transaction tx, whether each node of ids
// is hidden (see above). Ids that name no node, or a node of another kind, are
// ignored.
func refreshHidden(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	return exec(ctx, tx, refreshHiddenCypher, map[string]any{"ids": ids})
}

// neighbours are the ids of every node linked to the letter with id: its parties,
// places, the nodes it asserts, and the letters it refers to or that refer to it.
func neighbours(ctx context.Context, tx neo4j.ManagedTransaction, id string) ([]string, error) {
	recs, err := collect(ctx, tx, `
		MATCH (l:Letter {id: $id})
		RETURN [(l)--(n) WHERE n.id IS NOT NULL | n.id]`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return toStrings(recs[0].Values[0]), nil
}

// removeOrphans deletes, of the nodes with ids, the correspondents, places and stub
// letters that nothing asserts any more (a deleted letter was their last source),
// with the identity keys that identified only them.
func removeOrphans(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return exec(ctx, tx, `
		UNWIND $ids AS id
		CALL {
			WITH id
			MATCH (n:Correspondent {id: id}) RETURN n
			UNION
			WITH id
			MATCH (n:Place {id: id}) RETURN n
			UNION
			WITH id
			MATCH (n:Letter {id: id}) WHERE n.stub RETURN n
		}
		WITH n WHERE NOT `+anySource+`
		`+deleteWithKeys, map[string]any{"ids": ids})
}

// deleteWithKeys deletes the node bound to n with its links and the identity keys
// that identified only it.
const deleteWithKeys = `OPTIONAL MATCH (k:IdentityKey)-[:IDENTIFIES]->(n)
	WITH n, collect(k) AS keys
	DETACH DELETE n
	WITH keys
	UNWIND keys AS k
	WITH DISTINCT k WHERE NOT EXISTS { (k)-[:IDENTIFIES]->() }
	DELETE k`

// recordEdit writes the Change of a direct edit by the caller of ctx (recordChange),
// with the nodes it asserts and what it says of them (claims), and returns its id.
// Such a Change is the edit's source: it keeps the nodes it wrote visible when no
// letter names them, unless it is hidden (a restricted edit).
func recordEdit(ctx context.Context, tx neo4j.ManagedTransaction, op string, ids []string, claims []claim, hidden bool) (string, error) {
	id, err := recordChange(ctx, tx, changed{op: op, nodes: ids, claims: claims, hidden: hidden})
	if err != nil {
		return "", err
	}
	return id, exec(ctx, tx, `
		MATCH (ch:Change {id: $id})
		UNWIND $ids AS nid
		MATCH (n:Correspondent {id: nid})
		MERGE (ch)-[:`+string(assertsRel)+`]->(n)`, map[string]any{"id": id, "ids": ids})
}

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
