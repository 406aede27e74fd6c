package neo4jstore

import (
	"context"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// write writes the documents (normalised, with their content hashes) and says what
// happened to each. A document that cannot be written fails the whole batch with a
// document error (see ImportLetters).
func (b *batch) write(docs []*domain.LetterInput, hashes []string) ([]domain.ImportResult, error) {
	r := b.r
	opens := make([]string, len(docs)) // the hashes without blind copies
	for i, in := range docs {
		opens[i] = openHash(in, hashes[i])
	}
	found, err := b.lookup(docs, hashes, opens)
	if err != nil {
		return nil, err
	}
	results := make([]domain.ImportResult, len(docs))
	// First the letter each document becomes, then its parties and links: the
	// parties of the documents written are resolved ahead together (ahead.go).
	var writing []int
	ids := make([]string, len(docs))
	usedStubs := map[string]bool{}
	var bccs []bccMerge // blind copies that copies of stored documents add
	for i, in := range docs {
		same := found[i].same
		if p, ok := r.letters["h:"+opens[i]]; ok {
			same = p.id
		}
		if same != "" {
			results[i] = domain.ImportResult{LetterID: same}
			if len(in.BCC) > 0 {
				bccs = append(bccs, bccMerge{letter: same, parties: in.BCC})
			}
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
		r.letters["h:"+opens[i]] = placed{id: id}
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
	// A stored letter a document completes (a stub) may have claims already: those
	// of parties added to it, whose links it keeps. It keeps their claims too, and
	// what they name is folded again once the document's are written.
	kept, err := storedClaims(r.ctx, r.tx, ids, writing, r.stored)
	if err != nil {
		return nil, err
	}
	var restated []string
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
		props := letterProps(docs[i], hashes[i], opens[i], r.now)
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
		for k, prop := range []string{"claims", "blindClaims"} {
			old := kept[ids[i]][k]
			js, err := withClaims(old, [][]claim{pr.claims, pr.blindClaims}[k])
			if err != nil {
				return nil, err
			}
			props[prop] = opt(js)
			restated = append(restated, claimedIDs(old)...)
		}
		rows = append(rows, map[string]any{"id": ids[i], "props": props, "restricted": docs[i].Restricted})
		results[i] = domain.ImportResult{LetterID: ids[i], Created: true,
			CorrespondentsCreated: r.created - created, CorrespondentsMatched: r.matched - matched}
	}
	if len(rows) == 0 {
		return results, addBlindCopies(r.ctx, r.tx, bccs)
	}
	// A stored letter a document completes is taken off the pairs (pairs.go), and
	// each letter put on once its links are written. New letters are not there to
	// take off: asking costs a lookup each, and no one need say which are stored.
	tally := newPairTally(r.ctx, r.tx)
	writes := make([]string, len(rows))
	for i, row := range rows {
		writes[i] = row["id"].(string)
	}
	if err := tally.take(writes); err != nil {
		return nil, err
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
	if err := tally.put(written); err != nil {
		return nil, err
	}
	if err := tally.settle(); err != nil {
		return nil, err
	}
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
		FOREACH (_ IN CASE WHEN row.new THEN [] ELSE [1] END | MERGE (l)-[a:`+string(assertsRel)+`]->(n)
			ON CREATE SET a.blind = CASE WHEN row.blind THEN true END
			ON MATCH SET a.blind = CASE WHEN row.blind AND a.blind THEN true END)`,
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
	if err := refreshAll(r.ctx, r.tx, restated); err != nil {
		return nil, err
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
	return results, addBlindCopies(r.ctx, r.tx, bccs)
}

// bccMerge is a document that is a letter written before (or earlier in the batch)
// and names blind copies.
type bccMerge struct {
	letter  string
	parties []domain.PartyInput
}

// addBlindCopies adds to each letter the blind copies its other copy names and it
// lacks: the sender's copy of a letter names the blind copies a recipient's copy
// leaves out, and the letter is one (lookup). Only writers who see blind copies
// write them (mayWrite).
func addBlindCopies(ctx context.Context, tx neo4j.ManagedTransaction, merges []bccMerge) error {
	for _, m := range merges {
		err := retally(ctx, tx, []string{m.letter}, func() error {
			for i := range m.parties {
				if err := addParty(ctx, tx, m.letter, domain.LinkBCC, &m.parties[i], 0, true); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
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

// storedClaims are the claims and blind claims (claimsJSON's) of the stored letters
// among the letters being written (ids at writing), by id: none when no document
// completes a stored letter.
func storedClaims(ctx context.Context, tx neo4j.ManagedTransaction, ids []string, writing []int, stored map[string]bool) (map[string][2]string, error) {
	var old []string
	for _, i := range writing {
		if stored[ids[i]] {
			old = append(old, ids[i])
		}
	}
	if len(old) == 0 {
		return nil, nil
	}
	recs, err := collect(ctx, tx, `MATCH (l:Letter) WHERE l.id IN $ids AND (l.claims IS NOT NULL OR l.blindClaims IS NOT NULL)
		RETURN l.id, coalesce(l.claims, ''), coalesce(l.blindClaims, '')`, map[string]any{"ids": old})
	if err != nil {
		return nil, err
	}
	out := make(map[string][2]string, len(recs))
	for _, rec := range recs {
		id, _ := rec.Values[0].(string)
		c, _ := rec.Values[1].(string)
		bc, _ := rec.Values[2].(string)
		out[id] = [2]string{c, bc}
	}
	return out, nil
}
