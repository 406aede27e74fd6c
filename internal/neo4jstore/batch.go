package neo4jstore

import (
	"context"
	"fmt"

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
func (b *batch) lookup(docs []*domain.LetterInput, hashes, opens []string) ([]stored, error) {
	rows := make([]map[string]any, len(docs))
	ids, xrefs, trefs := []string{}, []string{}, []string{}
	for i, in := range docs {
		rows[i] = map[string]any{"i": i, "hash": hashes[i], "open": opens[i], "x": opt(in.ExternalID), "t": opt(titleKey(in.Title, "")), "r": in.Restricted}
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
			// The same document is the letter with the same content without blind
			// copies (openHash, props.go): a copy with blind copies and one without
			// (the sender's and a recipient's) are one letter, for every writer, as
			// they are in a graph without blind copies. contentHash finds letters
			// written before openHash was kept.
			CALL {
				WITH d
				OPTIONAL MATCH (same:Letter) WHERE (same.openHash = d.open OR same.contentHash = d.hash) AND `+b.seen("same")+`
				RETURN same ORDER BY same.hashScope = '`+scopeHidden+`', coalesce(same.seq, same.id) LIMIT 1
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
