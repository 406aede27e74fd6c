package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

type created struct {
	letter  *domain.Letter
	created bool
}

// CreateLetter implements domain.Store. In one write transaction it: returns the
// letter with the same content hash if there is one; otherwise resolves every party,
// place and referenced letter (creating what is new), writes the letter (filling in a
// stub with the same external id or title, if there is one) and links it.
func (s *Store) CreateLetter(ctx context.Context, in domain.LetterInput) (*domain.Letter, bool, error) {
	if err := in.Normalize("input"); err != nil {
		return nil, false, err
	}
	hash := domain.ContentHash(&in)
	res, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (created, error) {
		r := newResolver(ctx, tx)
		id, isNew, err := r.importOne(&in, hash)
		if err != nil {
			return created{}, err
		}
		l, err := loadLetter(ctx, tx, id)
		return created{l, isNew}, err
	})
	return res.letter, res.created, err
}

// importOne writes one normalised document inside r's transaction and returns the
// letter's id and whether it is new (false: the same content was there already).
func (r *resolver) importOne(in *domain.LetterInput, hash string) (string, bool, error) {
	same, err := r.one(`MATCH (l:Letter {contentHash: $hash}) RETURN l.id`, map[string]any{"hash": hash})
	if err != nil || same != "" {
		return same, false, err
	}
	id, err := r.stubFor(in)
	if err != nil {
		return "", false, err
	}
	return id, true, r.writeLetter(id, in, hash)
}

// ImportLetters implements domain.Store. The whole batch is written in one write
// transaction, for throughput; when that fails because of one document, each document
// is written again in its own transaction, so that a bad document fails alone and
// leaves nothing behind. Failures of the database itself end the batch with an error.
func (s *Store) ImportLetters(ctx context.Context, ins []domain.LetterInput) ([]domain.ImportResult, error) {
	results := make([]domain.ImportResult, len(ins))
	hashes := make([]string, len(ins))
	var valid []int
	for i := range ins {
		if err := ins[i].Normalize("document"); err != nil {
			results[i].Err = err
			continue
		}
		hashes[i] = domain.ContentHash(&ins[i])
		valid = append(valid, i)
	}
	batch := func(idx []int) func(context.Context, neo4j.ManagedTransaction) ([]domain.ImportResult, error) {
		return func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.ImportResult, error) {
			out := make([]domain.ImportResult, len(idx))
			cache := map[string]string{} // one per attempt: a retried transaction starts afresh
			for k, i := range idx {
				r := newResolver(ctx, tx)
				r.cache = cache
				id, isNew, err := r.importOne(&ins[i], hashes[i])
				if err != nil {
					return nil, err
				}
				out[k] = domain.ImportResult{LetterID: id, Created: isNew,
					CorrespondentsCreated: r.created, CorrespondentsMatched: r.matched}
			}
			return out, nil
		}
	}
	if len(valid) == 0 {
		return results, nil
	}
	out, err := write(ctx, s, batch(valid))
	if err == nil {
		for k, i := range valid {
			results[i] = out[k]
		}
		return results, nil
	}
	if !documentError(err) {
		return nil, err
	}
	for _, i := range valid {
		one, err := write(ctx, s, batch([]int{i}))
		switch {
		case err == nil:
			results[i] = one[0]
		case documentError(err):
			results[i].Err = err
		default:
			return nil, err
		}
	}
	return results, nil
}

// documentError reports whether err is about the document written rather than the
// database: such an error fails that document and the import goes on.
func documentError(err error) bool {
	switch domain.ErrorCode(err) {
	case domain.CodeBadUserInput, domain.CodeConflict, domain.CodeNotFound:
		return true
	}
	return false
}

// stubFor returns the id of a stub letter that in completes (same external id, or the
// same title), or a new id. A full letter with in's external id is a CONFLICT.
func (r *resolver) stubFor(in *domain.LetterInput) (string, error) {
	if in.ExternalID != "" {
		recs, err := collect(r.ctx, r.tx, `MATCH (l:Letter {externalId: $x}) RETURN l.id, l.stub`,
			map[string]any{"x": in.ExternalID})
		if err != nil {
			return "", err
		}
		if len(recs) > 0 {
			id, _ := recs[0].Values[0].(string)
			if stub, _ := recs[0].Values[1].(bool); !stub {
				return "", &domain.Error{Code: domain.CodeConflict, Field: "input.externalId",
					Message: fmt.Sprintf("letter %s already has externalId %q", id, in.ExternalID)}
			}
			return id, nil
		}
	}
	if key := titleKey(in.Title, ""); key != "" {
		id, err := r.one(`MATCH (l:Letter {titleKey: $key}) WHERE l.stub RETURN l.id ORDER BY l.id LIMIT 1`,
			map[string]any{"key": key})
		if err != nil || id != "" {
			return id, err
		}
	}
	return newID(), nil
}

// writeLetter resolves in's links and writes the letter with id (new, or a stub).
func (r *resolver) writeLetter(id string, in *domain.LetterInput, hash string) error {
	// Resolve first: the letter is written only when every reference is good.
	var links []domain.Link
	roles := []struct {
		role    domain.Role
		field   string
		parties []domain.PartyInput
	}{
		{domain.RoleAuthor, "input.authors", in.Authors},
		{domain.RoleRecipient, "input.recipients", in.Recipients},
		{domain.RoleCC, "input.cc", in.CC},
		{domain.RoleBCC, "input.bcc", in.BCC},
	}
	for _, role := range roles {
		seen := map[string]bool{}
		for i := range role.parties {
			p := &role.parties[i]
			cid, _, err := r.party(p, fmt.Sprintf("%s[%d]", role.field, i))
			if err != nil {
				return err
			}
			if seen[cid] {
				continue // named twice in one role: the first mention keeps its place
			}
			seen[cid] = true
			links = append(links, domain.Link{Kind: domain.RoleLink(role.role), From: id, To: cid,
				Position: len(seen), Capacity: p.Capacity, As: p.As})
		}
	}
	for i := range in.OnBehalfOf {
		org, _, err := r.organisation(&in.OnBehalfOf[i], fmt.Sprintf("input.onBehalfOf[%d]", i))
		if err != nil {
			return err
		}
		links = append(links, domain.Link{Kind: domain.LinkOnBehalfOf, From: id, To: org})
	}
	if in.WrittenAt != nil {
		place, err := r.place(in.WrittenAt, "input.writtenAt")
		if err != nil {
			return err
		}
		links = append(links, domain.Link{Kind: domain.LinkWrittenAt, From: id, To: place})
	}
	for i := range in.Mentions {
		node, err := r.mention(&in.Mentions[i], fmt.Sprintf("input.mentions[%d]", i))
		if err != nil {
			return err
		}
		links = append(links, domain.Link{Kind: domain.LinkMentions, From: id, To: node})
	}
	for _, refs := range []struct {
		kind  domain.LinkKind
		field string
		refs  []domain.LetterRef
	}{{domain.LinkRepliesTo, "input.repliesTo", in.RepliesTo}, {domain.LinkRelatedTo, "input.related", in.Related}} {
		for i := range refs.refs {
			other, err := r.letterRef(&refs.refs[i], fmt.Sprintf("%s[%d]", refs.field, i))
			if err != nil {
				return err
			}
			if other != id {
				links = append(links, domain.Link{Kind: refs.kind, From: id, To: other})
			}
		}
	}

	err := exec(r.ctx, r.tx, `MERGE (l:Letter {id: $id}) SET l += $props`,
		map[string]any{"id": id, "props": letterProps(in, hash, r.now)})
	if err != nil {
		return err
	}
	return r.writeLinks(links)
}

// writeLinks writes new links from one letter, one query per kind. Parties arrive
// numbered, so no renumbering is needed.
func (r *resolver) writeLinks(links []domain.Link) error {
	byKind := map[domain.LinkKind][]map[string]any{}
	var kinds []domain.LinkKind
	for _, l := range links {
		if _, ok := byKind[l.Kind]; !ok {
			kinds = append(kinds, l.Kind)
		}
		row := map[string]any{"from": l.From, "to": l.To, "props": map[string]any{}}
		props := row["props"].(map[string]any)
		if linkSpecs[l.Kind].ordered {
			props["position"] = l.Position
		}
		if l.Capacity != "" {
			props["capacity"] = l.Capacity
		}
		if l.As != "" {
			props["as"] = l.As
		}
		byKind[l.Kind] = append(byKind[l.Kind], row)
	}
	for _, kind := range kinds {
		spec := linkSpecs[kind]
		to := "MATCH (b:" + string(spec.to) + " {id: row.to})\n"
		if spec.to == anyNode {
			to = "CALL { WITH row MATCH (n:Letter {id: row.to}) RETURN n" +
				" UNION WITH row MATCH (n:Correspondent {id: row.to}) RETURN n" +
				" UNION WITH row MATCH (n:Place {id: row.to}) RETURN n }\nWITH a, row, n AS b\n"
		}
		err := exec(r.ctx, r.tx, `
			UNWIND $rows AS row
			MATCH (a:`+string(spec.from)+` {id: row.from})
			`+to+`MERGE `+spec.arrow(kind)+`
			SET r += row.props`, map[string]any{"rows": byKind[kind]})
		if err != nil {
			return err
		}
	}
	return nil
}

// UpdateLetter implements domain.Store.
func (s *Store) UpdateLetter(ctx context.Context, id string, p domain.LetterPatch) (*domain.Letter, error) {
	if err := p.Normalize("input"); err != nil {
		return nil, err
	}
	props := map[string]any{}
	for _, f := range []struct {
		name string
		v    *string
	}{
		{"title", p.Title}, {"subject", p.Subject}, {"body", p.Body}, {"dateText", p.DateText},
		{"language", p.Language}, {"placeText", p.PlaceText}, {"source", p.Source}, {"externalId", p.ExternalID},
	} {
		if f.v != nil {
			props[f.name] = opt(*f.v)
		}
	}
	switch {
	case p.ClearDate:
		for _, k := range []string{"date", "dateNotBefore", "dateNotAfter"} {
			props[k] = nil
		}
		props["datePrecision"] = string(domain.PrecisionUnknown)
		props["sortDate"] = neo4j.DateOf(undatedSortDate)
	case p.DatePrecision != nil:
		props["date"] = neoDate(p.Date)
		props["datePrecision"] = string(*p.DatePrecision)
		props["dateNotBefore"] = neoDate(p.DateNotBefore)
		props["dateNotAfter"] = neoDate(p.DateNotAfter)
		sortDate := undatedSortDate
		if p.DateNotBefore != nil {
			sortDate = *p.DateNotBefore
		}
		props["sortDate"] = neo4j.DateOf(sortDate)
	}
	return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.Letter, error) {
		recs, err := collect(ctx, tx, `
			MATCH (l:Letter {id: $id})
			RETURN coalesce(l.title, ''), coalesce(l.subject, ''), coalesce(l.body, '')`,
			map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, domain.NotFound("letter", id)
		}
		title, subject, body := recs[0].Values[0].(string), recs[0].Values[1].(string), recs[0].Values[2].(string)
		for _, f := range []struct {
			v   *string
			cur *string
		}{{p.Title, &title}, {p.Subject, &subject}, {p.Body, &body}} {
			if f.v != nil {
				*f.cur = *f.v
			}
		}
		if title == "" && subject == "" && body == "" {
			return nil, domain.Invalid("input", "a letter needs a title, a subject or a body")
		}
		props["titleKey"] = titleKey(title, subject)
		if err := exec(ctx, tx, `MATCH (l:Letter {id: $id}) SET l += $props`,
			map[string]any{"id": id, "props": props}); err != nil {
			return nil, err
		}
		return loadLetter(ctx, tx, id)
	})
}

// DeleteLetter implements domain.Store.
func (s *Store) DeleteLetter(ctx context.Context, id string) error {
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `
			MATCH (l:Letter {id: $id})
			DETACH DELETE l
			RETURN count(*) AS n`, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		if n, _ := recs[0].Values[0].(int64); n == 0 {
			return struct{}{}, domain.NotFound("letter", id)
		}
		return struct{}{}, nil
	})
	return err
}
