package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Proxies (docs/security.md, Provenance). A visible letter may refer (reply to, be
// related to, mention) a letter that is restricted. In a graph without the restricted
// letter, the reference would have made a stub, known by the external id or title the
// reference gives; so a caller below RESTRICTED_ROLE sees such a stub, a proxy: a
// stub letter with proxyLabel that stands for the hidden letter (proxyOf) under one
// reference key (proxyKey), linked from the visible letters that refer to it that
// way. Callers who see restricted letters see the letter itself and never a proxy
// (visibility.letter). A proxy's external id is proxyExternalId, since the letter it
// stands for holds the same one under the uniqueness constraint.

// proxyLabel marks a proxy.
const proxyLabel = "Proxy"

// refLink is one reference of a document to a letter: its kind and how it names the
// letter.
type refLink struct {
	kind domain.LinkKind
	to   string
	ref  domain.LetterRef
}

// proxyRow is a reference from the letter from to a letter, as writeProxies reads it.
func proxyRow(from string, l refLink) map[string]any {
	key := "t:" + titleKey(l.ref.Title, "")
	if l.ref.ExternalID != "" {
		key = "x:" + l.ref.ExternalID
	}
	stub := stubProps(&l.ref)
	delete(stub, "stubKey") // a proxy is completed by no import: it is no stub of its own
	delete(stub, "externalId")
	stub["proxyExternalId"] = opt(l.ref.ExternalID)
	return map[string]any{"from": from, "to": l.to, "kind": string(l.kind), "key": key, "pid": newID(), "stub": stub}
}

// writeProxiesCypher links each row's letter to the proxy of the restricted letter it
// refers to under the row's key, making the proxy when there is none, and returns the
// proxies' ids. Rows whose letter is not restricted are passed over.
const writeProxiesCypher = `
	UNWIND $rows AS row
	MATCH (x:Letter {id: row.to}) WHERE x:` + restrictedLabel + `
	MATCH (v:Letter {id: row.from})
	MERGE (p:Letter:` + proxyLabel + ` {proxyOf: x.id, proxyKey: row.key})
	ON CREATE SET p += row.stub, p.id = row.pid
	FOREACH (_ IN CASE WHEN row.kind = 'REPLIES_TO' THEN [1] ELSE [] END | MERGE (v)-[:REPLIES_TO]->(p))
	FOREACH (_ IN CASE WHEN row.kind = 'RELATED_TO' THEN [1] ELSE [] END | MERGE (v)-[:RELATED_TO]->(p))
	FOREACH (_ IN CASE WHEN row.kind = 'MENTIONS' THEN [1] ELSE [] END | MERGE (v)-[:MENTIONS]->(p))
	RETURN collect(DISTINCT p.id)`

// writeProxies writes the proxies of rows (proxyRow) and returns their ids.
func writeProxies(ctx context.Context, tx neo4j.ManagedTransaction, rows []map[string]any) ([]string, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	recs, err := collect(ctx, tx, writeProxiesCypher, map[string]any{"rows": rows})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return toStrings(recs[0].Values[0]), nil
}

// refreshProxies makes the proxies right after the letter with id became restricted
// or visible: a visible letter has none, and the references to it from visible
// letters are plain again; a restricted one with an external id (a Message-ID, a
// CMIF key: what references carry) has one, under that id, for the visible letters
// that refer to it; and a visible letter's references to restricted letters with
// external ids go through theirs. How a reference named the letter is not kept, so a
// letter known by its title alone gets no proxy here: its title would tell. It
// returns the ids whose visibility is to be refreshed.
func refreshProxies(ctx context.Context, tx neo4j.ManagedTransaction, id string) ([]string, error) {
	recs, err := collect(ctx, tx, `
		OPTIONAL MATCH (p:`+proxyLabel+` {proxyOf: $id})
		WITH collect(p) AS ps
		CALL { WITH ps UNWIND ps AS p MATCH (p)--(n) RETURN collect(DISTINCT n.id) AS near }
		MATCH (l:Letter {id: $id})
		FOREACH (p IN CASE WHEN l:`+restrictedLabel+` THEN [] ELSE ps END | DETACH DELETE p)
		WITH l, near
		CALL {
			WITH l
			MATCH (v:Letter)-[r:REPLIES_TO|RELATED_TO|MENTIONS]->(l)
			WHERE l:`+restrictedLabel+` AND l.externalId IS NOT NULL AND NOT v:`+hiddenLabel+` AND NOT v:`+proxyLabel+`
			RETURN collect({from: v.id, to: l.id, kind: type(r), ext: l.externalId}) AS incoming
		}
		CALL {
			WITH l
			MATCH (l)-[r:REPLIES_TO|RELATED_TO|MENTIONS]->(x:Letter:`+restrictedLabel+`)
			WHERE NOT l:`+hiddenLabel+` AND x.externalId IS NOT NULL
			RETURN collect({from: l.id, to: x.id, kind: type(r), ext: x.externalId}) AS outgoing
		}
		RETURN near, incoming + outgoing`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	near := toStrings(recs[0].Values[0])
	var rows []map[string]any
	for _, m := range listOf(recs[0].Values[1]) {
		ref := domain.LetterRef{ExternalID: str(m, "ext")}
		rows = append(rows, proxyRow(str(m, "from"), refLink{kind: domain.LinkKind(str(m, "kind")), to: str(m, "to"), ref: ref}))
	}
	ids, err := writeProxies(ctx, tx, rows)
	return append(near, ids...), err
}

// unproxy turns the proxies of a deleted letter into plain stubs: the references to
// it stay, and it is known by them alone now, to every caller.
func unproxy(ctx context.Context, tx neo4j.ManagedTransaction, id string) error {
	return exec(ctx, tx, `
		MATCH (p:`+proxyLabel+` {proxyOf: $id})
		REMOVE p:`+proxyLabel+`
		SET p.stubKey = CASE WHEN p.proxyExternalId IS NULL THEN p.titleKey END,
		    p.externalId = CASE WHEN NOT EXISTS { (:Letter {externalId: p.proxyExternalId}) } THEN p.proxyExternalId END,
		    p.proxyOf = null, p.proxyKey = null, p.proxyExternalId = null`, map[string]any{"id": id})
}
