package neo4jstore

import (
	"context"
	"strings"

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
// (visibility.letter).
//
// To the others a proxy is a stub like any: it holds the external id (in the open
// scope of the uniqueness constraint; the letter it stands for holds it in the
// hidden one) and the title key a reference gave, so that their references and
// documents find it and complete it as they would the stub, and a conflict on its
// external id is the one they would meet. A restricted document whose external id or
// title is that of a stub visible letters refer to does not complete the stub: it is
// a letter of its own, and the stub becomes its proxy, keeping its id (convertStubs).
// A reference of a writer below RESTRICTED_ROLE to a proxy is also one to the letter
// it stands for (mirrorProxyLinks), for those who see it.

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
	return map[string]any{"from": from, "to": l.to, "kind": string(l.kind), "key": key, "pid": newID(),
		"ext": opt(l.ref.ExternalID), "stub": stubProps(&l.ref, false)}
}

// writeProxiesCypher links each row's letter to what stands, for callers below
// RESTRICTED_ROLE, for the restricted letter it refers to: a letter of the open scope
// with the row's external id (the stub or letter the reference would have found in
// a graph without the restricted one: a proxy, or a letter written since), else the
// proxy under the row's key, made when there is none; and returns their ids. Rows
// whose letter is not restricted, or whose letter refers to a proxy of it already,
// are passed over.
var writeProxiesCypher = `
	UNWIND $rows AS row
	MATCH (x:Letter {id: row.to}) WHERE x:` + restrictedLabel + `
	MATCH (v:Letter {id: row.from})
	WHERE NOT EXISTS { (v)-[:REPLIES_TO|RELATED_TO|MENTIONS]->(:` + proxyLabel + ` {proxyOf: x.id}) }
	OPTIONAL MATCH (o:Letter {externalId: row.ext}) WHERE o.hashScope = '` + scopeOpen + `'
	WITH row, x, v, head(collect(o)) AS o
	FOREACH (_ IN CASE WHEN o IS NULL THEN [1] ELSE [] END |
		MERGE (p:Letter:` + proxyLabel + ` {proxyOf: x.id, proxyKey: row.key})
		ON CREATE SET p += row.stub, p.id = row.pid)
	WITH row, x, v, o
	OPTIONAL MATCH (p:` + proxyLabel + ` {proxyOf: x.id, proxyKey: row.key}) WHERE o IS NULL
	WITH row, v, coalesce(o, p) AS p
	` + mergeReference("row.kind", "p") + `
	RETURN collect(DISTINCT p.id)`

// mergeReference merges a reference from the letter bound to v to the node bound to
// to, of the kind (REPLIES_TO, RELATED_TO or MENTIONS) that the Cypher expression
// kind gives: a relationship type cannot be a parameter.
func mergeReference(kind, to string) string {
	var b strings.Builder
	for _, t := range []string{"REPLIES_TO", "RELATED_TO", "MENTIONS"} {
		b.WriteString("FOREACH (_ IN CASE WHEN " + kind + " = '" + t + "' THEN [1] ELSE [] END | MERGE (v)-[:" + t + "]->(" + to + "))\n")
	}
	return b.String()
}

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
		SET p.proxyOf = null, p.proxyKey = null`, map[string]any{"id": id})
}

// dropProxies deletes the proxies of the letter with id, before it is published:
// their external ids are in the open scope it joins, and the visible letters that
// referred to them refer to it too.
func dropProxies(ctx context.Context, tx neo4j.ManagedTransaction, id string) error {
	return exec(ctx, tx, `MATCH (p:`+proxyLabel+` {proxyOf: $id}) DETACH DELETE p`, map[string]any{"id": id})
}

// conversion is a stub that a restricted document would have completed, and the
// letter the document became instead: the stub becomes its proxy under key.
type conversion struct{ stub, letter, key string }

// convertStubs makes each stub of convs the proxy of its letter: the letters that
// referred to the stub refer to the letter too (a restricted one no more to the
// stub), and callers below RESTRICTED_ROLE go on seeing the stub, with the same id,
// as in a graph without the restricted document.
func convertStubs(ctx context.Context, tx neo4j.ManagedTransaction, convs []conversion) error {
	if len(convs) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(convs))
	for i, c := range convs {
		rows[i] = map[string]any{"stub": c.stub, "letter": c.letter, "key": c.key}
	}
	return exec(ctx, tx, `
		UNWIND $rows AS c
		MATCH (s:Letter {id: c.stub}), (x:Letter {id: c.letter})
		SET s:`+proxyLabel+`, s.proxyOf = x.id, s.proxyKey = c.key, s.hashScope = '`+scopeOpen+`'
		WITH s, x
		CALL {
			WITH s, x
			MATCH (v:Letter)-[r:REPLIES_TO|RELATED_TO|MENTIONS]->(s) WHERE v <> x
			`+mergeReference("type(r)", "x")+`
			FOREACH (_ IN CASE WHEN v:`+restrictedLabel+` THEN [1] ELSE [] END | DELETE r)
		}`, map[string]any{"rows": rows})
}

// mirrorProxyLinks gives each reference of the letters with ids to a proxy (which a
// writer below RESTRICTED_ROLE finds as the stub it is to them) the same reference
// to the letter it stands for, which those who see restricted letters see instead.
func mirrorProxyLinks(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	return exec(ctx, tx, `
		UNWIND $ids AS id
		MATCH (v:Letter {id: id})-[r:REPLIES_TO|RELATED_TO|MENTIONS]->(p:`+proxyLabel+`)
		MATCH (x:Letter {id: p.proxyOf})
		`+mergeReference("type(r)", "x"),
		map[string]any{"ids": ids})
}

// backfillProxies gives proxies written before they held their external id (as
// proxyExternalId) and title key the stub's properties, where no letter of the open
// scope holds the external id.
const backfillProxies = `
	MATCH (p:` + proxyLabel + `) WHERE p.proxyExternalId IS NOT NULL OR p.hashScope IS NULL
	SET p.hashScope = '` + scopeOpen + `',
	    p.stubKey = CASE WHEN p.titleKey <> '' THEN p.titleKey END,
	    p.externalId = CASE WHEN NOT EXISTS { (o:Letter {externalId: p.proxyExternalId}) WHERE o.hashScope = '` + scopeOpen + `' }
	                        THEN p.proxyExternalId END,
	    p.proxyExternalId = null`
