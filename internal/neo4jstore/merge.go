package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// mergeTypes is every relationship type a correspondent can have, for moving them:
// Cypher cannot take a relationship type as a parameter, so each is spliced in from
// this fixed list.
var mergeTypes = []domain.LinkKind{
	domain.LinkWrote, domain.LinkAddressedTo, domain.LinkCC, domain.LinkBCC, domain.LinkOnBehalfOf,
	domain.LinkMentions, domain.LinkHolds, domain.LinkOf, domain.LinkMemberOf, domain.LinkPartOf,
	identifies, // the loser's identity keys find the survivor from now on
	assertsRel, // what asserted the loser asserts the survivor (provenance.go)
	"CHANGED",  // the loser's history is the survivor's (history.go)
}

// identifies is the relationship of an identity key to what it finds (identity.go).
const identifies domain.LinkKind = "IDENTIFIES"

// MergeCorrespondents implements domain.Store.
func (s *Store) MergeCorrespondents(ctx context.Context, survivor string, others []string) (domain.Correspondent, error) {
	if len(others) == 0 {
		return nil, domain.Invalid("others", "name at least one correspondent to merge into the survivor")
	}
	for i, o := range others {
		if o == survivor {
			return nil, domain.Invalid("others["+itoa(i)+"]", "is the survivor itself")
		}
	}
	return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (domain.Correspondent, error) {
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS id
			OPTIONAL MATCH (c:Correspondent {id: id})
			RETURN id, [l IN labels(c) WHERE l <> 'Correspondent'][0] AS kind`,
			map[string]any{"ids": append([]string{survivor}, others...)})
		if err != nil {
			return nil, err
		}
		kind, _ := recs[0].Values[1].(string)
		if kind == "" {
			return nil, domain.Invalid("survivor", "no correspondent has id %q", survivor)
		}
		for i, rec := range recs[1:] {
			k, _ := rec.Values[1].(string)
			switch {
			case k == "":
				return nil, domain.Invalid("others["+itoa(i)+"]", "no correspondent has id %q", others[i])
			case k != kind:
				return nil, domain.Invalid("others["+itoa(i)+"]", "is a %s and the survivor a %s; only correspondents of one kind merge", k, kind)
			}
		}
		recs, err = collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (c:Correspondent {id: id})
			RETURN collect(c {.id, .name, .title, .aliases, .emails, .authorityIds}), any(c IN collect(c) WHERE c:`+hiddenLabel+`)`,
			map[string]any{"ids": append([]string{survivor}, others...)})
		if err != nil {
			return nil, err
		}
		hidden, _ := recs[0].Values[1].(bool)
		if _, err := recordChange(ctx, tx, changed{op: "mergeCorrespondents", nodes: append([]string{survivor}, others...),
			before: recs[0].Values[0], hidden: hidden}); err != nil {
			return nil, err
		}
		r := newResolver(ctx, tx)
		for _, other := range others {
			if err := r.mergeInto(survivor, other); err != nil {
				return nil, err
			}
		}
		// The survivor has the union of the sources: seen when any of them is.
		if err := refreshAll(ctx, tx, []string{survivor}); err != nil {
			return nil, err
		}
		recs, err = collect(ctx, tx, `MATCH (c:Correspondent {id: $id}) RETURN `+visibilityOf(ctx).correspondentProjection(),
			map[string]any{"id": survivor})
		if err != nil {
			return nil, err
		}
		return toCorrespondent(mapOf(recs[0].Values[0])), nil
	})
}

// mergeInto moves every relationship of loser onto survivor (a relationship the
// survivor already has keeps the survivor's properties; a link between the two
// disappears), keeps the loser's names, emails and authority ids on the survivor, and
// deletes the loser. Letter positions are renumbered where two parties became one.
func (r *resolver) mergeInto(survivor, loser string) error {
	params := map[string]any{"s": survivor, "l": loser}
	for _, t := range mergeTypes {
		typ := string(t)
		for _, cypher := range []string{
			`MATCH (s:Correspondent {id: $s}), (l:Correspondent {id: $l})-[r:` + typ + `]->(x) WHERE x <> s
			 MERGE (s)-[n:` + typ + `]->(x) ON CREATE SET n = properties(r)
			 DELETE r`,
			`MATCH (s:Correspondent {id: $s}), (x)-[r:` + typ + `]->(l:Correspondent {id: $l}) WHERE x <> s
			 MERGE (x)-[n:` + typ + `]->(s) ON CREATE SET n = properties(r)
			 DELETE r`,
		} {
			if err := exec(r.ctx, r.tx, cypher, params); err != nil {
				return err
			}
		}
	}
	err := exec(r.ctx, r.tx, `
		MATCH (s:Correspondent {id: $s}), (l:Correspondent {id: $l})
		WITH s, l, [n IN [l.name, l.title] + coalesce(l.aliases, []) WHERE n IS NOT NULL AND n <> coalesce(s.name, s.title)] AS names
		SET s.aliases = coalesce(s.aliases, []) + [n IN names WHERE NOT n IN coalesce(s.aliases, []) | n],
		    s.emails = CASE WHEN s.emails IS NULL THEN null ELSE s.emails + [e IN coalesce(l.emails, []) WHERE NOT e IN s.emails | e] END,
		    s.authorityIds = CASE WHEN s.authorityIds IS NULL THEN null ELSE s.authorityIds + [a IN coalesce(l.authorityIds, []) WHERE NOT a IN s.authorityIds | a] END,
		    s.nameKeys = s.nameKeys + [k IN l.nameKeys WHERE NOT k IN s.nameKeys | k],
		    s.honorific = coalesce(s.honorific, l.honorific),
		    s.acronym = coalesce(s.acronym, l.acronym),
		    s.kind = coalesce(s.kind, l.kind),
		    s.mergedIds = coalesce(s.mergedIds, []) + [l.id] + coalesce(l.mergedIds, [])
		DETACH DELETE l`, params)
	if err != nil {
		return err
	}
	// A letter that named both now names the survivor once in a role: close the gap.
	recs, err := collect(r.ctx, r.tx, `
		MATCH (s:Correspondent {id: $s})-[:WROTE|ADDRESSED_TO|CC|BCC]-(l:Letter)
		RETURN DISTINCT l.id`, params)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		id, _ := rec.Values[0].(string)
		for _, kind := range []domain.LinkKind{domain.LinkWrote, domain.LinkAddressedTo, domain.LinkCC, domain.LinkBCC} {
			if err := r.renumber(kind, id); err != nil {
				return err
			}
		}
	}
	return nil
}
