package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

type created struct {
	letter  *domain.Letter
	created bool
}

// CreateLetter implements domain.Store: one document through the batch writer, the
// letter read back in the same transaction.
func (s *Store) CreateLetter(ctx context.Context, in domain.LetterInput) (*domain.Letter, bool, error) {
	if err := in.Normalize("input"); err != nil {
		return nil, false, err
	}
	if err := mayWrite(visibilityOf(ctx), &in, "input"); err != nil {
		return nil, false, err
	}
	docs := []*domain.LetterInput{&in}
	hashes := []string{domain.ContentHash(&in)}
	res, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (created, error) {
		b := newBatch(ctx, tx, "input")
		out, err := b.write(docs, hashes)
		if err != nil {
			return created{}, err
		}
		l, err := loadLetter(ctx, tx, out[0].LetterID)
		if domain.ErrorCode(err) == domain.CodeNotFound && !out[0].Created {
			// The same document is there, as a letter the caller may not see.
			return created{}, &domain.Error{Code: domain.CodeConflict, Field: "input", Message: "a letter with the same content already exists"}
		}
		if err != nil {
			return created{}, err
		}
		return created{l, out[0].Created}, b.takePositions()
	})
	return res.letter, res.created, err
}

// ImportLetters implements domain.Store. A document whose external id names a letter
// already is that letter, unchanged: the same email found in two mailboxes differs
// in its headers but is one message. The whole batch is written in one write
// transaction, for throughput; when that fails because of one document, each document
// is written again in its own transaction, so that a bad document fails alone and
// leaves nothing behind. Failures of the database itself end the batch with an error.
func (s *Store) ImportLetters(ctx context.Context, ins []domain.LetterInput) ([]domain.ImportResult, error) {
	results := make([]domain.ImportResult, len(ins))
	var docs []*domain.LetterInput
	var hashes []string
	var valid []int
	v := visibilityOf(ctx)
	for i := range ins {
		if err := ins[i].Normalize("document"); err != nil {
			results[i].Err = err
			continue
		}
		if err := mayWrite(v, &ins[i], "document"); err != nil {
			results[i].Err = err
			continue
		}
		docs = append(docs, &ins[i])
		hashes = append(hashes, domain.ContentHash(&ins[i]))
		valid = append(valid, i)
	}
	if len(valid) == 0 {
		return results, nil
	}
	run := func(docs []*domain.LetterInput, hashes []string) ([]domain.ImportResult, error) {
		return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.ImportResult, error) {
			b := newBatch(ctx, tx, "document")
			b.importing = true
			out, err := b.write(docs, hashes)
			if err != nil {
				return nil, err
			}
			return out, b.takePositions()
		})
	}
	out, err := run(docs, hashes)
	if err == nil {
		for k, i := range valid {
			results[i] = out[k]
		}
		return results, nil
	}
	if !documentError(err) {
		return nil, err
	}
	for k, i := range valid {
		one, err := run(docs[k:k+1], hashes[k:k+1])
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

// prepared is what prepare read from one document.
type prepared struct {
	// links are the letter's own links, for the batch to write.
	links []domain.Link
	// asserted are the nodes the document names only through another party (an
	// office's organisation, an office held), which the letter ASSERTS; blind when
	// only a blind copy names them (provenance.go).
	asserted []assertion
	// claims are what the document says of them (openview.go), blindClaims what
	// it says through blind copies.
	claims, blindClaims []claim
	// refs are its references to letters (proxies.go).
	refs []refLink
}

type assertion struct {
	id    string
	blind bool
}

// prepare resolves in's parties, places and letters (creating what is new) for the
// letter with id.
func (r *resolver) prepare(id string, in *domain.LetterInput, field string) (prepared, error) {
	r.named, r.claims, r.blindClaims, r.letterRefs, r.restrictedDoc = map[string]bool{}, nil, nil, nil, in.Restricted
	defer func() { r.named, r.claims, r.blindClaims, r.letterRefs, r.restrictedDoc = nil, nil, nil, nil, false }()
	links, err := r.links(id, in, field)
	if err != nil {
		return prepared{}, err
	}
	direct := map[string]bool{id: true}
	for _, l := range links {
		direct[l.To] = true
	}
	out := prepared{links: links, claims: r.claims, blindClaims: r.blindClaims, refs: r.letterRefs}
	for n, open := range r.named {
		if !direct[n] {
			out.asserted = append(out.asserted, assertion{n, !open})
		}
	}
	slices.SortFunc(out.asserted, func(a, b assertion) int { return strings.Compare(a.id, b.id) })
	return out, nil
}

// links resolves in's parties, places and letters (creating what is new) and
// returns the links of the letter with id.
func (r *resolver) links(id string, in *domain.LetterInput, field string) ([]domain.Link, error) {
	var links []domain.Link
	roles := []struct {
		role    domain.Role
		field   string
		parties []domain.PartyInput
	}{
		{domain.RoleAuthor, field + ".authors", in.Authors},
		{domain.RoleRecipient, field + ".recipients", in.Recipients},
		{domain.RoleCC, field + ".cc", in.CC},
		{domain.RoleBCC, field + ".bcc", in.BCC},
	}
	for _, role := range roles {
		seen := map[string]bool{}
		r.blind = role.role == domain.RoleBCC
		for i := range role.parties {
			p := &role.parties[i]
			cid, _, err := r.party(p, fmt.Sprintf("%s[%d]", role.field, i))
			if err != nil {
				return nil, err
			}
			if seen[cid] {
				continue // named twice in one role: the first mention keeps its place
			}
			seen[cid] = true
			links = append(links, domain.Link{Kind: domain.RoleLink(role.role), From: id, To: cid,
				Position: len(seen), Capacity: p.Capacity, As: p.As, Written: writtenName(p)})
		}
	}
	r.blind = false
	for i := range in.OnBehalfOf {
		org, _, err := r.organisation(&in.OnBehalfOf[i], fmt.Sprintf("%s.onBehalfOf[%d]", field, i))
		if err != nil {
			return nil, err
		}
		links = append(links, domain.Link{Kind: domain.LinkOnBehalfOf, From: id, To: org})
	}
	if in.WrittenAt != nil {
		place, err := r.place(in.WrittenAt, field+".writtenAt")
		if err != nil {
			return nil, err
		}
		links = append(links, domain.Link{Kind: domain.LinkWrittenAt, From: id, To: place})
	}
	for i := range in.Mentions {
		node, err := r.mention(&in.Mentions[i], fmt.Sprintf("%s.mentions[%d]", field, i))
		if err != nil {
			return nil, err
		}
		links = append(links, domain.Link{Kind: domain.LinkMentions, From: id, To: node})
		if m := in.Mentions[i].Letter; m != nil && node != id {
			r.letterRefs = append(r.letterRefs, refLink{kind: domain.LinkMentions, to: node, ref: *m})
		}
	}
	for _, refs := range []struct {
		kind  domain.LinkKind
		field string
		refs  []domain.LetterRef
	}{{domain.LinkRepliesTo, field + ".repliesTo", in.RepliesTo}, {domain.LinkRelatedTo, field + ".related", in.Related}} {
		for i := range refs.refs {
			other, err := r.letterRef(&refs.refs[i], fmt.Sprintf("%s[%d]", refs.field, i))
			if err != nil {
				return nil, err
			}
			if other != id {
				links = append(links, domain.Link{Kind: refs.kind, From: id, To: other})
				r.letterRefs = append(r.letterRefs, refLink{kind: refs.kind, to: other, ref: refs.refs[i]})
			}
		}
	}
	return links, nil
}

// writer sees every node, proxies too: a document's links go to the nodes its batch
// resolved, whoever may read them (mayWrite has vetted the document).
var writer = visibility{restricted: true, all: true}

// letterLinkKinds are the kinds of link a document gives its letter, in the order
// writeLinks writes them.
var letterLinkKinds = []domain.LinkKind{
	domain.LinkWrote, domain.LinkAddressedTo, domain.LinkCC, domain.LinkBCC, domain.LinkOnBehalfOf,
	domain.LinkWrittenAt, domain.LinkMentions, domain.LinkRepliesTo, domain.LinkRelatedTo,
}

// writeLinksCypher writes links of every kind of letterLinkKinds, a subquery each
// reading its rows from $rows<i>. A new letter's links are created: merging would
// lock both ends of each link, and a busy correspondent's node is the end of many
// concurrent writes. It is one statement whatever kinds a batch has:
// Neo4j plans a statement of nine subqueries in some 170 ms, and a statement that
// named only the kinds present would be planned again for each new combination.
var writeLinksCypher = func() string {
	var b strings.Builder
	for i, kind := range letterLinkKinds {
		spec := linkSpecs[kind]
		b.WriteString("CALL {\n\tUNWIND $rows" + strconv.Itoa(i) + " AS row\n\t" +
			matchEnd(writer, "a", spec.from, "row.from", "row") + matchEnd(writer, "b", spec.to, "row.to", "row") +
			"FOREACH (_ IN CASE WHEN row.new THEN [1] ELSE [] END | CREATE " + spec.arrow(kind) + " SET r = row.props" + setWritten(spec) + ")\n\t" +
			"FOREACH (_ IN CASE WHEN row.new THEN [] ELSE [1] END | MERGE " + spec.arrow(kind) + " SET r += row.props" + setWritten(spec) + ")\n}\n")
	}
	return b.String()
}()

// setWritten keeps, on a party link, the name as the letter writes it when the
// correspondent's own name is another (differentName).
func setWritten(spec linkSpec) string {
	if !spec.ordered {
		return ""
	}
	return ", r.written = " + differentRowName
}

// differentName is $written when it is not the name (a person's or organisation's) or
// title (an office's) of the correspondent b, else null; differentRowName is the same
// for a row's written name.
const (
	differentName    = "CASE WHEN $written <> coalesce(b.name, b.title) THEN $written END"
	differentRowName = "CASE WHEN row.written <> coalesce(b.name, b.title) THEN row.written END"
)

// writtenName is how the document writes a party: the name an importer read, else the
// inline name or title; "" for a party given by id.
func writtenName(p *domain.PartyInput) string {
	if p.Written != "" {
		return p.Written
	}
	return p.InlineName()
}

// writeLinks writes new links from letters, all in one statement. Parties arrive
// numbered, so no renumbering is needed.
func (r *resolver) writeLinks(links []domain.Link) error {
	if len(links) == 0 {
		return nil
	}
	byKind := map[domain.LinkKind][]map[string]any{}
	type end struct {
		kind     domain.LinkKind
		from, to string
	}
	seen := map[end]bool{}
	for _, l := range links {
		if seen[end{l.Kind, l.From, l.To}] {
			continue // named twice (a letter mentioned twice): the first holds
		}
		seen[end{l.Kind, l.From, l.To}] = true
		row := map[string]any{"from": l.From, "to": l.To, "new": !r.stored[l.From], "props": map[string]any{}}
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
		if l.Written != "" {
			row["written"] = l.Written
		}
		byKind[l.Kind] = append(byKind[l.Kind], row)
	}
	params := map[string]any{}
	for i, kind := range letterLinkKinds {
		params["rows"+strconv.Itoa(i)] = orEmpty(byKind[kind])
		delete(byKind, kind)
	}
	for kind := range byKind {
		return fmt.Errorf("writeLinks: %s is not a letter's link", kind)
	}
	return exec(r.ctx, r.tx, writeLinksCypher, params)
}

// mayWrite refuses, as FORBIDDEN, a document that is restricted or has blind copies
// from a caller who could not read it back.
func mayWrite(v visibility, in *domain.LetterInput, field string) error {
	switch {
	case v.restricted:
		return nil
	case in.Restricted:
		return domain.ErrRestricted(field + ".restricted")
	case len(in.BCC) > 0:
		return domain.ErrRestricted(field + ".bcc")
	}
	return nil
}

// UpdateLetter implements domain.Store. A letter the caller may not see is NOT_FOUND.
func (s *Store) UpdateLetter(ctx context.Context, id string, p domain.LetterPatch) (*domain.Letter, error) {
	if err := p.Normalize("input"); err != nil {
		return nil, err
	}
	v := visibilityOf(ctx)
	if p.Restricted != nil && !v.restricted {
		return nil, domain.ErrRestricted("input.restricted")
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
			MATCH (l:Letter {id: $id}) WHERE `+v.letter("l")+`
			RETURN coalesce(l.title, ''), coalesce(l.subject, ''), coalesce(l.body, ''),
			       l {.title, .subject, .dateText, .language, .placeText, .source, .externalId, .date, .datePrecision}, l:`+restrictedLabel,
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
		props["searchText"] = searchText(title, subject, body)
		if err := exec(ctx, tx, `MATCH (l:Letter {id: $id}) SET l += $props`,
			map[string]any{"id": id, "props": props}); err != nil {
			return nil, err
		}
		if err := recordUpdate(ctx, tx, id, recs[0].Values[3:], p); err != nil {
			return nil, err
		}
		if p.Restricted != nil {
			mark := `MATCH (l:Letter {id: $id}) REMOVE l:` + restrictedLabel + ` SET l.hashScope = '` + scopeOpen + `'`
			if *p.Restricted {
				mark = `MATCH (l:Letter {id: $id}) SET l:` + restrictedLabel + `, l.hashScope = '` + scopeHidden + `'`
			} else if err := dropProxies(ctx, tx, id); err != nil {
				return nil, err
			}
			if err := exec(ctx, tx, mark, map[string]any{"id": id}); err != nil {
				return nil, err
			}
			// What the letter asserts is seen or hidden with it, and references
			// to it from visible letters go through a proxy while it is
			// restricted (proxies.go).
			if err := refreshHidden(ctx, tx, []string{id}); err != nil {
				return nil, err
			}
			proxied, err := refreshProxies(ctx, tx, id)
			if err != nil {
				return nil, err
			}
			near, err := neighbours(ctx, tx, id)
			if err != nil {
				return nil, err
			}
			if err := refreshAll(ctx, tx, append(append(near, proxied...), id)); err != nil {
				return nil, err
			}
		}
		return loadLetter(ctx, tx, id)
	})
}

// DeleteLetter implements domain.Store. A letter the caller may not see is NOT_FOUND.
// The correspondents, places and stubs that the letter alone asserted are deleted
// with it.
func (s *Store) DeleteLetter(ctx context.Context, id string) error {
	v := visibilityOf(ctx)
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		near, err := neighbours(ctx, tx, id)
		if err != nil {
			return struct{}{}, err
		}
		recs, err := collect(ctx, tx, `MATCH (p:`+proxyLabel+` {proxyOf: $id}) RETURN collect(p.id)`, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		near = append(near, toStrings(recs[0].Values[0])...)
		recs, err = collect(ctx, tx, `
			MATCH (l:Letter {id: $id}) WHERE `+v.letter("l")+`
			WITH l, l {.title, .externalId, .contentHash, .openHash} AS before, l:`+restrictedLabel+` AS hidden
			DETACH DELETE l
			RETURN count(*) AS n, collect(before)[0], collect(hidden)[0]`, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		if n, _ := recs[0].Values[0].(int64); n == 0 {
			return struct{}{}, domain.NotFound("letter", id)
		}
		hidden, _ := recs[0].Values[2].(bool)
		// The nodes it named, those hidden apart, for the history (History).
		recs2, err := collect(ctx, tx, `
			UNWIND $ids AS x
			OPTIONAL MATCH (c:Correspondent {id: x})
			OPTIONAL MATCH (p:Place {id: x})
			OPTIONAL MATCH (l:Letter {id: x})
			WITH x, coalesce(c, p, l) AS n WHERE n IS NOT NULL
			RETURN collect(DISTINCT CASE WHEN NOT n:`+hiddenLabel+` THEN x END), collect(DISTINCT CASE WHEN n:`+hiddenLabel+` THEN x END)`,
			map[string]any{"ids": near})
		if err != nil {
			return struct{}{}, err
		}
		if _, err := recordChange(ctx, tx, changed{op: "deleteLetter", nodes: append([]string{id}, toStrings(recs2[0].Values[0])...),
			hiddenNodes: toStrings(recs2[0].Values[1]), before: recs[0].Values[1], hidden: hidden}); err != nil {
			return struct{}{}, err
		}
		// The stubs that stood for it are plain stubs now.
		if err := unproxy(ctx, tx, id); err != nil {
			return struct{}{}, err
		}
		// Its assertions go with it: what nothing else asserts is removed, and
		// what only it showed is hidden again.
		if err := removeOrphans(ctx, tx, near); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, refreshAll(ctx, tx, near)
	})
	return err
}

// recordUpdate records an updateLetter in the history: the fields it set, before
// and after (a body only as changed, for its size). vals are the letter's fields
// before and whether it was restricted.
func recordUpdate(ctx context.Context, tx neo4j.ManagedTransaction, id string, vals []any, p domain.LetterPatch) error {
	before := mapOf(vals[0])
	wasHidden, _ := vals[1].(bool)
	after := map[string]any{}
	old := map[string]any{}
	for _, f := range []struct {
		name string
		v    *string
	}{
		{"title", p.Title}, {"subject", p.Subject}, {"dateText", p.DateText}, {"language", p.Language},
		{"placeText", p.PlaceText}, {"source", p.Source}, {"externalId", p.ExternalID},
	} {
		if f.v != nil {
			old[f.name], after[f.name] = before[f.name], *f.v
		}
	}
	if p.Body != nil {
		old["body"], after["body"] = "…", "…"
	}
	if p.ClearDate || p.DatePrecision != nil {
		day := func(t *time.Time) any {
			if t == nil {
				return nil
			}
			return t.Format(time.DateOnly)
		}
		old["date"], old["datePrecision"] = day(date(before, "date")), before["datePrecision"]
		after["date"], after["datePrecision"] = day(p.Date), p.DatePrecision
	}
	if p.Restricted != nil {
		old["restricted"], after["restricted"] = wasHidden, *p.Restricted
	}
	// Hidden for as long as the letter is (History), not for having been written
	// while it was: a letter published is as if it had never been restricted.
	_, err := recordChange(ctx, tx, changed{op: "updateLetter", nodes: []string{id}, before: old, after: after})
	return err
}
