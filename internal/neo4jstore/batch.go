package neo4jstore

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// batch writes many documents in one transaction with few round trips: one query
// checks every document's content hash, external id and title against the letters
// stored; parties resolve through the transaction's cache; and the letters and their
// links are written with one UNWIND query each. It remembers the letters it has
// placed, so that documents of one batch find each other (a reply and its parent,
// the same document twice) as they would across batches.
type batch struct {
	r     *resolver
	field string // the input's name in errors: "input" or "document"
	// added are the letters written, in order, for takePositions.
	added []string
	// converts are the stubs that restricted documents would have completed
	// (complete).
	converts []conversion
	// importing makes a document whose external id names a letter already that
	// letter (unchanged), as an import expects of the same message found in two
	// mailboxes; createLetter instead reports the CONFLICT.
	importing bool
}

// placed is a letter this batch wrote or will write.
type placed struct {
	id   string
	stub bool
}

func newBatch(ctx context.Context, tx neo4j.ManagedTransaction, field string) *batch {
	r := newResolver(ctx, tx)
	r.cache = map[string]string{}
	r.letters = map[string]placed{}
	r.known = map[string]bool{}
	r.fresh = map[string]bool{}
	r.refs = map[string]string{}
	r.stored = map[string]bool{}
	return &batch{r: r, field: field}
}

// stored is what the database already holds for one document.
type stored struct {
	same    string // a letter with the same content hash
	ext     string // a letter with the same external id
	extStub bool
	stub    string // a stub with the same title
	// extOpen and stubOpen: callers below RESTRICTED_ROLE see the stub (a visible
	// letter refers to it), which a restricted document then does not complete.
	extOpen, stubOpen bool
}

// lookup reads, in one query, what the database holds for each document, which of
// the correspondent ids the documents name exist (r.known), and the letters their
// references by external id or title name (r.refs), so that these cost no query of
// their own.
func (b *batch) lookup(docs []*domain.LetterInput, hashes []string) ([]stored, error) {
	rows := make([]map[string]any, len(docs))
	ids, xrefs, trefs := []string{}, []string{}, []string{}
	for i, in := range docs {
		rows[i] = map[string]any{"i": i, "hash": hashes[i], "x": opt(in.ExternalID), "t": opt(titleKey(in.Title, "")), "r": in.Restricted}
		for _, role := range [][]domain.PartyInput{in.Authors, in.Recipients, in.CC, in.BCC} {
			for _, p := range role {
				if p.ID != "" {
					ids = append(ids, p.ID)
				}
			}
		}
		refs := append(append([]domain.LetterRef{}, in.RepliesTo...), in.Related...)
		for _, m := range in.Mentions {
			if m.Letter != nil {
				refs = append(refs, *m.Letter)
			}
		}
		for _, ref := range refs {
			switch {
			case ref.ID != "":
			case ref.ExternalID != "":
				xrefs = append(xrefs, ref.ExternalID)
				b.r.refs["x:"+ref.ExternalID] = ""
			default:
				trefs = append(trefs, titleKey(ref.Title, ""))
				b.r.refs["t:"+titleKey(ref.Title, "")] = ""
			}
		}
	}
	recs, err := collect(b.r.ctx, b.r.tx, `
		CALL {
			UNWIND $ids AS id
			MATCH (c:Correspondent {id: id}) WHERE `+visibilityOf(b.r.ctx).node("c")+`
			RETURN collect(DISTINCT c.id) AS known
		}
		CALL {
			UNWIND $docs AS d
			CALL {
				WITH d
				OPTIONAL MATCH (same:Letter {contentHash: d.hash}) WHERE `+b.seen("same")+`
				RETURN same ORDER BY same.hashScope = '`+scopeHidden+`' LIMIT 1
			}
			CALL {
				// A document finds the letter of its own scope first.
				WITH d
				OPTIONAL MATCH (ext:Letter {externalId: d.x}) WHERE `+b.seen("ext")+`
				RETURN ext ORDER BY (ext.hashScope = '`+scopeHidden+`') = d.r DESC LIMIT 1
			}
			OPTIONAL MATCH (stub:Letter {stubKey: d.t}) WHERE `+b.seen("stub")+`
			WITH d, same, ext, stub ORDER BY coalesce(stub.seq, stub.id)
			WITH d, head(collect(same.id)) AS same, head(collect(ext.id)) AS ext, head(collect(ext.stub)) AS extStub, head(collect(stub.id)) AS stub,
			     head(collect(NOT ext:`+hiddenLabel+`)) AS extOpen, head(collect(NOT stub:`+hiddenLabel+`)) AS stubOpen
			RETURN collect([d.i, same, ext, extStub, stub, extOpen, stubOpen]) AS found
		}
		CALL {
			UNWIND $xrefs AS x
			CALL {
				WITH x
				MATCH (l:Letter {externalId: x}) WHERE `+b.seen("l")+`
				RETURN l.id AS id ORDER BY l.hashScope = '`+scopeHidden+`' LIMIT 1
			}
			RETURN collect(['x:' + x, id]) AS xrefs
		}
		CALL {
			UNWIND $trefs AS t
			CALL {
				WITH t
				MATCH (l:Letter {titleKey: t}) WHERE `+b.seen("l")+`
				RETURN l.id AS id ORDER BY l.stub, coalesce(l.seq, l.id) LIMIT 1
			}
			RETURN collect(['t:' + t, id]) AS trefs
		}
		RETURN known, found, xrefs + trefs`,
		map[string]any{"docs": rows, "ids": ids, "xrefs": xrefs, "trefs": trefs})
	if err != nil {
		return nil, err
	}
	out := make([]stored, len(docs))
	if len(recs) == 0 {
		return out, nil
	}
	for _, id := range toStrings(recs[0].Values[0]) {
		b.r.known[id] = true
	}
	refs, _ := recs[0].Values[2].([]any)
	for _, row := range refs {
		v, _ := row.([]any)
		key, _ := v[0].(string)
		b.r.refs[key], _ = v[1].(string)
	}
	found, _ := recs[0].Values[1].([]any)
	for _, row := range found {
		v, _ := row.([]any)
		i, _ := v[0].(int64)
		s := &out[i]
		s.same, _ = v[1].(string)
		s.ext, _ = v[2].(string)
		s.extStub, _ = v[3].(bool)
		s.stub, _ = v[4].(string)
		s.extOpen, _ = v[5].(bool)
		s.stubOpen, _ = v[6].(bool)
	}
	return out, nil
}

// write writes the documents (normalised, with their content hashes) and says what
// happened to each. A document that cannot be written fails the whole batch with a
// document error (see ImportLetters).
func (b *batch) write(docs []*domain.LetterInput, hashes []string) ([]domain.ImportResult, error) {
	r := b.r
	found, err := b.lookup(docs, hashes)
	if err != nil {
		return nil, err
	}
	results := make([]domain.ImportResult, len(docs))
	// First the letter each document becomes, then its parties and links: the
	// parties of the documents written are resolved ahead together (ahead.go).
	var writing []int
	ids := make([]string, len(docs))
	usedStubs := map[string]bool{}
	for i, in := range docs {
		if p, ok := r.letters["h:"+hashes[i]]; ok {
			results[i] = domain.ImportResult{LetterID: p.id}
			continue
		}
		if found[i].same != "" {
			results[i] = domain.ImportResult{LetterID: found[i].same}
			continue
		}
		id, err := b.target(in, found[i], usedStubs, b.fieldOf(i, len(docs)))
		if b.importing && domain.ErrorCode(err) == domain.CodeConflict {
			results[i] = domain.ImportResult{LetterID: b.existing(in, found[i])}
			continue
		}
		if err != nil {
			return nil, err
		}
		if id == found[i].ext || id == found[i].stub {
			r.stored[id] = true // a stored stub this document completes
		}
		r.letters["h:"+hashes[i]] = placed{id: id}
		if in.ExternalID != "" {
			r.letters["x:"+in.ExternalID] = placed{id: id}
		}
		if key := titleKey(in.Title, ""); key != "" {
			r.letters["t:"+key] = placed{id: id}
			delete(r.letters, "s:"+key)
		}
		ids[i] = id
		writing = append(writing, i)
	}
	ahead := make([]*domain.LetterInput, len(writing))
	for k, i := range writing {
		ahead[k] = docs[i]
	}
	if err := b.resolveAhead(ahead); err != nil {
		return nil, err
	}
	var rows, asserts []map[string]any
	var links []domain.Link
	var claims []claim           // of the visible documents, in order
	var proxies []map[string]any // their references, for proxies.go
	var completed []string       // stubs that restricted documents complete
	refers := false              // whether a document refers to a letter
	for _, i := range writing {
		created, matched := r.created, r.matched
		pr, err := r.prepare(ids[i], docs[i], b.fieldOf(i, len(docs)))
		if err != nil {
			return nil, err
		}
		links = append(links, pr.links...)
		refers = refers || len(pr.refs) > 0
		for _, a := range pr.asserted {
			asserts = append(asserts, map[string]any{"from": ids[i], "to": a.id, "new": !r.stored[ids[i]], "blind": a.blind})
		}
		props := letterProps(docs[i], hashes[i], r.now)
		for j := range pr.claims {
			pr.claims[j].seq, _ = props["seq"].(string)
		}
		if !docs[i].Restricted {
			claims = append(claims, pr.claims...)
			for _, ref := range pr.refs {
				// A reference by id names the letter itself, which the caller
				// could name only by seeing it: no stub would stand for it.
				if ref.ref.ID == "" {
					proxies = append(proxies, proxyRow(ids[i], ref))
				}
			}
		} else if r.stored[ids[i]] {
			completed = append(completed, ids[i])
		}
		for prop, cs := range map[string][]claim{"claims": pr.claims, "blindClaims": pr.blindClaims} {
			js, err := claimsJSON(cs)
			if err != nil {
				return nil, err
			}
			props[prop] = opt(js)
		}
		rows = append(rows, map[string]any{"id": ids[i], "props": props, "restricted": docs[i].Restricted})
		results[i] = domain.ImportResult{LetterID: ids[i], Created: true,
			CorrespondentsCreated: r.created - created, CorrespondentsMatched: r.matched - matched}
	}
	if len(rows) == 0 {
		return results, nil
	}
	if err := exec(r.ctx, r.tx, `
		UNWIND $rows AS row
		MERGE (l:Letter {id: row.id})
		SET l += row.props, l.hashScope = CASE WHEN row.restricted THEN '`+scopeHidden+`' ELSE '`+scopeOpen+`' END,
		    l.proxyOf = null, l.proxyKey = null
		REMOVE l:`+proxyLabel+`
		FOREACH (_ IN CASE WHEN row.restricted THEN [1] ELSE [] END | SET l:`+restrictedLabel+`)`, map[string]any{"rows": rows}); err != nil {
		return nil, err
	}
	for _, row := range rows {
		b.added = append(b.added, row["id"].(string))
	}
	if err := r.writeAffiliations(); err != nil {
		return nil, err
	}
	if err := r.writeLinks(links); err != nil {
		return nil, err
	}
	written := b.added[len(b.added)-len(rows):]
	// Only a writer below RESTRICTED_ROLE finds proxies, and only through a
	// reference: the others' writes need no mirroring, nor its round trip.
	if refers && !visibilityOf(r.ctx).restricted {
		if err := mirrorProxyLinks(r.ctx, r.tx, written); err != nil {
			return nil, err
		}
	}
	if err := convertStubs(r.ctx, r.tx, b.converts); err != nil {
		return nil, err
	}
	var converted []string
	for _, c := range b.converts {
		completed = append(completed, c.letter)
		converted = append(converted, c.stub)
	}
	b.converts = nil
	if err := exec(r.ctx, r.tx, `
		UNWIND $rows AS row
		MATCH (l:Letter {id: row.from}), (n:Correspondent {id: row.to})
		FOREACH (_ IN CASE WHEN row.new THEN [1] ELSE [] END | CREATE (l)-[a:`+string(assertsRel)+`]->(n) SET a.blind = CASE WHEN row.blind THEN true END)
		FOREACH (_ IN CASE WHEN row.new THEN [] ELSE [1] END | MERGE (l)-[a:`+string(assertsRel)+`]->(n) SET a.blind = CASE WHEN row.blind THEN true END)`,
		map[string]any{"rows": orEmpty(asserts)}); err != nil {
		return nil, err
	}
	if err := markSeen(r.ctx, r.tx, claims); err != nil {
		return nil, err
	}
	if err := applyClaims(r.ctx, r.tx, claims); err != nil {
		return nil, err
	}
	refresh := append(append(slices.Clone(written), converted...), r.touchedIDs()...)
	proxied, err := writeProxies(r.ctx, r.tx, proxies)
	if err != nil {
		return nil, err
	}
	refresh = append(refresh, proxied...)
	// A restricted document that completes a stub visible letters refer to leaves
	// them a proxy in its place; it is hidden first, so that they count as visible.
	if err := refreshHidden(r.ctx, r.tx, refresh); err != nil {
		return nil, err
	}
	for _, id := range completed {
		ids, err := refreshProxies(r.ctx, r.tx, id)
		if err != nil {
			return nil, err
		}
		if err := refreshHidden(r.ctx, r.tx, ids); err != nil {
			return nil, err
		}
	}
	// The history: one line, which shows a caller the letters of it they may see
	// (History).
	op := "importDocuments"
	if b.field == "input" {
		op = "createLetter"
	}
	if len(written) > 0 {
		if _, err := recordChange(r.ctx, r.tx, changed{op: op, nodes: written,
			after: map[string]any{"letters": len(written)}}); err != nil {
			return nil, err
		}
	}
	return results, nil
}

// takePositions gives the letters the batch wrote their next positions in the letter
// feed (feed.go). It is to be the transaction's last statement: the counter's lock,
// which orders the writers, is then held only while the transaction commits, not
// while it writes links or reads back.
func (b *batch) takePositions() error {
	if len(b.added) == 0 {
		return nil
	}
	return exec(b.r.ctx, b.r.tx, `
		MERGE (c:Sequence {name: $feed})
		SET c.value = coalesce(c.value, 0) + size($ids)
		WITH c.value - size($ids) AS base
		UNWIND range(0, size($ids) - 1) AS i
		MATCH (l:Letter {id: $ids[i]})
		SET l.addedSeq = base + i + 1`, map[string]any{"ids": b.added, "feed": feedSequence})
}

// seen is a condition on the letter bound to x: that the batch's writer may see it.
// A writer below RESTRICTED_ROLE neither finds a restricted letter as the same
// document nor refers to it, but finds the proxy that stands for it as the stub it
// is to them: what it writes is what it would be in a graph without it. A writer
// who sees restricted letters finds them, and no proxy.
func (b *batch) seen(x string) string { return visibilityOf(b.r.ctx).letter(x) }

// complete is the id of in's letter where it would complete the stored stub: the
// stub's, unless in is restricted and callers below RESTRICTED_ROLE see the stub;
// then a new one, the stub becoming its proxy under key.
func (b *batch) complete(in *domain.LetterInput, stub string, open bool, key string) string {
	if !in.Restricted || !open {
		return stub
	}
	id := newID()
	b.converts = append(b.converts, conversion{stub: stub, letter: id, key: key})
	return id
}

// fieldOf names document i of n in errors.
func (b *batch) fieldOf(i, n int) string {
	if n > 1 {
		return fmt.Sprintf("%s[%d]", b.field, i)
	}
	return b.field
}

// existing is the letter that already has in's external id.
func (b *batch) existing(in *domain.LetterInput, s stored) string {
	if p, ok := b.r.letters["x:"+in.ExternalID]; ok {
		return p.id
	}
	return s.ext
}

// target chooses the id of a new document's letter: the stub it completes (same
// external id, or same title), or a new one. A full letter with its external id is a
// CONFLICT. A restricted document does not complete a stub that callers below
// RESTRICTED_ROLE see: it is a new letter, and the stub its proxy (b.converts).
func (b *batch) target(in *domain.LetterInput, s stored, usedStubs map[string]bool, field string) (string, error) {
	r := b.r
	conflict := func(id string) error {
		return &domain.Error{Code: domain.CodeConflict, Field: field + ".externalId",
			Message: fmt.Sprintf("letter %s already has externalId %q", id, in.ExternalID)}
	}
	if in.ExternalID != "" {
		if p, ok := r.letters["x:"+in.ExternalID]; ok {
			if !p.stub {
				return "", conflict(p.id)
			}
			return p.id, nil
		}
		if s.ext != "" {
			if !s.extStub {
				return "", conflict(s.ext)
			}
			return b.complete(in, s.ext, s.extOpen, "x:"+in.ExternalID), nil
		}
	}
	if key := titleKey(in.Title, ""); key != "" {
		if p, ok := r.letters["s:"+key]; ok {
			return p.id, nil
		}
		if s.stub != "" && !usedStubs[s.stub] {
			usedStubs[s.stub] = true
			return b.complete(in, s.stub, s.stubOpen, "t:"+key), nil
		}
	}
	return newID(), nil
}
