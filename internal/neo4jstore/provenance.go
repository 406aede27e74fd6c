package neo4jstore

import (
	"context"
	"slices"

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
	// A stub's external id is unique in the scope of those who see it: the open
	// scope once a visible letter refers to it, the hidden one while only hidden
	// letters do (a proxy's scope is proxies.go's). Where the other scope has a
	// letter with the id already, the stub stays where it is.
	WITH n, CASE WHEN hidden THEN '` + scopeHidden + `' ELSE '` + scopeOpen + `' END AS scope
	WHERE NOT n:` + proxyLabel + ` AND coalesce(n.hashScope, '` + scopeOpen + `') <> scope
	  AND (n.externalId IS NULL OR NOT EXISTS { (o:Letter {externalId: n.externalId}) WHERE o.hashScope = scope AND o <> n })
	SET n.hashScope = scope
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
