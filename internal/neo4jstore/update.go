package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

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
		// Its dates and whether it is restricted count in its pairs (pairs.go); a
		// patch of neither leaves them be.
		var counted []string
		if p.ClearDate || p.DatePrecision != nil || p.Restricted != nil {
			counted = []string{id}
		}
		tally := newPairTally(ctx, tx)
		if err := tally.take(counted); err != nil {
			return nil, err
		}
		if err := exec(ctx, tx, `MATCH (l:Letter {id: $id}) SET l += $props`,
			map[string]any{"id": id, "props": props}); err != nil {
			return nil, err
		}
		if err := recordUpdate(ctx, tx, id, recs[0].Values[3:], p); err != nil {
			return nil, err
		}
		if p.Restricted != nil {
			mark := `MATCH (l:Letter {id: $id}) REMOVE l:` + restrictedLabel + ` SET l.hashScope = '` + scopeOpen + `'`
			scope := scopeOpen
			if *p.Restricted {
				scope = scopeHidden
			}
			if err := sameInScope(ctx, tx, id, scope); err != nil {
				return nil, err
			}
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
		if err := tally.put(counted); err != nil {
			return nil, err
		}
		if err := tally.settle(); err != nil {
			return nil, err
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
		tally := newPairTally(ctx, tx)
		if err := tally.take([]string{id}); err != nil {
			return struct{}{}, err
		}
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
		if err := tally.settle(); err != nil {
			return struct{}{}, err
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

// sameInScope refuses, as the scope's uniqueness constraint on contentHash would,
// to move the letter with id into scope (publish it, or restrict it) when a letter of
// that scope has its content without blind copies (openHash): a letter written with
// blind copies keeps a hash over them, which no other letter's collides with, and the
// move would give two copies of one document where a graph without blind copies
// refuses it.
func sameInScope(ctx context.Context, tx neo4j.ManagedTransaction, id, scope string) error {
	recs, err := collect(ctx, tx, `
		MATCH (l:Letter {id: $id})
		RETURN l.openHash IS NOT NULL AND coalesce(l.hashScope, '`+scopeOpen+`') <> $scope AND EXISTS {
			MATCH (o:Letter {openHash: l.openHash}) WHERE o <> l AND o.hashScope = $scope
		}`, map[string]any{"id": id, "scope": scope})
	if err != nil {
		return err
	}
	if same, _ := recs[0].Values[0].(bool); same {
		return &domain.Error{Code: domain.CodeConflict, Message: "a letter with the same content already exists"}
	}
	return nil
}
