package neo4jstore

import (
	"context"
	"slices"

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
			RETURN id, [l IN labels(c) WHERE l IN ['Person', 'Organisation', 'Office']][0] AS kind`,
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
			RETURN collect(c {.id, .name, .title, .aliases, .emails, .authorityIds}), any(c IN collect(c) WHERE c:`+hiddenLabel+`),
			       collect(c {.id, .name, .title, `+openDetails("c")+`})`,
			map[string]any{"ids": append([]string{survivor}, others...)})
		if err != nil {
			return nil, err
		}
		hidden, _ := recs[0].Values[1].(bool)
		// The survivor keeps its name, which a fold of the sources of all of them
		// (openview.go) must not give to another: the merge renames it to its own.
		var claims []claim
		if !hidden {
			recs, err := collect(ctx, tx, `MATCH (c:Correspondent {id: $s}) WHERE c.openName <> '' RETURN c.openName, c.openNameKey`,
				map[string]any{"s": survivor})
			if err != nil {
				return nil, err
			}
			if len(recs) > 0 {
				claims = []claim{{id: survivor, row: map[string]any{"name": recs[0].Values[0], "key": recs[0].Values[1], "rename": true}}}
			}
		}
		change, err := recordChange(ctx, tx, changed{op: "mergeCorrespondents", nodes: append([]string{survivor}, others...),
			before: recs[0].Values[0], openBefore: recs[0].Values[2], hidden: hidden, claims: claims})
		if err != nil {
			return nil, err
		}
		// What unmergeCorrespondents restores: the survivor's properties as they were.
		if err := exec(ctx, tx, `
			MATCH (s:Correspondent {id: $s})
			CREATE (snap:MergeSnapshot) SET snap = properties(s), snap.snapshotOf = $change`,
			map[string]any{"s": survivor, "change": change}); err != nil {
			return nil, err
		}
		// The relationships that end at the others are moved or folded onto the
		// survivor: their starts are folded again below.
		starts, err := linkStarts(ctx, tx, others)
		if err != nil {
			return nil, err
		}
		// Their letters name the survivor instead (pairs.go).
		letters, err := lettersOf(ctx, tx, others)
		if err != nil {
			return nil, err
		}
		r := newResolver(ctx, tx)
		err = retally(ctx, tx, letters, func() error {
			for _, other := range others {
				if err := r.mergeInto(survivor, other, change); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		// The survivor has the union of the sources: seen when any of them is; and
		// so has each relationship moved or folded onto it.
		if err := refreshAll(ctx, tx, append([]string{survivor}, starts...)); err != nil {
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
// survivor already has keeps the survivor's properties, and the loser's is folded
// into it; a link between the two disappears), keeps the loser's names, emails and
// authority ids on the survivor, and leaves the loser a tombstone (label Merged)
// that no read sees. The moved relationships record where they came from
// (mergedFrom, mergeChange), and each folded one is kept aside as a MergeFold node,
// so that unmergeCorrespondents can write them back. Letter positions are
// renumbered where two parties became one.
func (r *resolver) mergeInto(survivor, loser, change string) error {
	params := map[string]any{"s": survivor, "l": loser, "change": change}
	for _, t := range mergeTypes {
		typ := string(t)
		onMatch := ""
		if t == assertsRel {
			// An assertion is blind only while every way it is made is (links.go):
			// folded, it is open when either was.
			onMatch = " ON MATCH SET n.blind = CASE WHEN n.blind AND r.blind THEN true END"
		}
		for _, dir := range []struct {
			loser, survivor string
			out             bool
		}{
			{"(l:Correspondent {id: $l})-[r:" + typ + "]->(x)", "(s)-[n:" + typ + "]->(x)", true},
			{"(x)-[r:" + typ + "]->(l:Correspondent {id: $l})", "(x)-[n:" + typ + "]->(s)", false},
		} {
			params["type"], params["out"] = typ, dir.out
			for _, cypher := range []string{
				`MATCH (s:Correspondent {id: $s}), ` + dir.loser + ` WHERE x <> s
				 MATCH ` + dir.survivor + `
				 CREATE (f:MergeFold) SET f = properties(r), f.foldChange = $change, f.foldLoser = $l, f.foldType = $type,
				     f.foldOut = $out, f.foldOther = coalesce(x.id, x.key), f.foldKeptBlind = n.blind`,
				`MATCH (s:Correspondent {id: $s}), ` + dir.loser + ` WHERE x <> s
				 MERGE ` + dir.survivor + ` ON CREATE SET n = properties(r), n.mergedFrom = $l, n.mergeChange = $change` + onMatch + `
				 DELETE r`,
			} {
				if err := exec(r.ctx, r.tx, cypher, params); err != nil {
					return err
				}
			}
		}
	}
	delete(params, "type")
	delete(params, "out")
	// A moved link that named the loser by its own name keeps that name as written
	// (a link without one was written with its correspondent's name).
	if err := exec(r.ctx, r.tx, `
		MATCH (l:Correspondent {id: $l}), (s:Correspondent {id: $s})-[n:WROTE|ADDRESSED_TO|CC|BCC]-(:Letter)
		WHERE n.mergedFrom = $l AND n.mergeChange = $change AND n.written IS NULL
		SET n.written = coalesce(l.name, l.title), n.writtenByMerge = true`, params); err != nil {
		return err
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
		    s.mergedIds = coalesce(s.mergedIds, []) + [l.id] + coalesce(l.mergedIds, []),
		    s.removed = coalesce(s.removed, []) + coalesce(l.removed, [])
		WITH l, [x IN labels(l) WHERE x IN ['Person', 'Organisation', 'Office']][0] AS kind
		// The loser stays as a tombstone no read sees, for unmergeCorrespondents.
		OPTIONAL MATCH (l)-[between]-()
		DELETE between
		WITH DISTINCT l, kind
		REMOVE l:Correspondent:Person:Organisation:Office:`+hiddenLabel+`:`+searchableLabel+`
		SET l:Merged, l.mergedKind = kind, l.mergeChange = $change`, params)
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

// UnmergeCorrespondents implements domain.Store: the merge recorded by the change
// with id is undone. The correspondents it merged are themselves again, with their
// ids and details; the relationships they brought to the survivor go back to them;
// and the survivor's own details are as they were before the merge (what later
// writes added to them is lost, and is to be written again). NOT_FOUND for a change
// that is no merge the caller may see; CONFLICT for one undone already.
func (s *Store) UnmergeCorrespondents(ctx context.Context, change string) ([]domain.Correspondent, error) {
	v := visibilityOf(ctx)
	return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]domain.Correspondent, error) {
		cond := "true"
		if !v.restricted {
			cond = "ch.hidden IS NULL"
		}
		recs, err := collect(ctx, tx, `
			MATCH (ch:Change {id: $change, op: 'mergeCorrespondents'}) WHERE `+cond+`
			OPTIONAL MATCH (snap:MergeSnapshot {snapshotOf: $change})
			RETURN coalesce(ch.undone, false), snap.id, COLLECT { MATCH (l:Merged {mergeChange: $change}) RETURN l.id }`,
			map[string]any{"change": change})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, domain.NotFound("merge", change)
		}
		if undone, _ := recs[0].Values[0].(bool); undone {
			return nil, &domain.Error{Code: domain.CodeConflict, Field: "change", Message: "this merge is undone already"}
		}
		survivor, _ := recs[0].Values[1].(string)
		losers := toStrings(recs[0].Values[2])
		if survivor == "" {
			return nil, domain.NotFound("merge", change)
		}
		// Letters go back to the losers from the survivor's (pairs.go).
		letters, err := lettersOf(ctx, tx, []string{survivor})
		if err != nil {
			return nil, err
		}
		tally := newPairTally(ctx, tx)
		if err := tally.take(letters); err != nil {
			return nil, err
		}
		for _, loser := range losers {
			params := map[string]any{"s": survivor, "l": loser, "change": change}
			if err := exec(ctx, tx, `
				MATCH (l:Merged {id: $l})
				CALL {
					WITH l
					WITH l WHERE l.mergedKind = 'Person' SET l:Person
				}
				CALL {
					WITH l
					WITH l WHERE l.mergedKind = 'Organisation' SET l:Organisation
				}
				CALL {
					WITH l
					WITH l WHERE l.mergedKind = 'Office' SET l:Office
				}
				SET l:Correspondent
				REMOVE l:Merged, l.mergedKind, l.mergeChange`, params); err != nil {
				return nil, err
			}
			for _, t := range mergeTypes {
				typ := string(t)
				for _, cypher := range []string{
					`MATCH (s:Correspondent {id: $s})-[r:` + typ + ` {mergedFrom: $l, mergeChange: $change}]->(x), (l:Correspondent {id: $l})
					 CREATE (l)-[n:` + typ + `]->(x) SET n = properties(r), n.written = CASE WHEN r.writtenByMerge THEN null ELSE r.written END
					 REMOVE n.mergedFrom, n.mergeChange, n.writtenByMerge
					 DELETE r`,
					`MATCH (x)-[r:` + typ + ` {mergedFrom: $l, mergeChange: $change}]->(s:Correspondent {id: $s}), (l:Correspondent {id: $l})
					 CREATE (x)-[n:` + typ + `]->(l) SET n = properties(r), n.written = CASE WHEN r.writtenByMerge THEN null ELSE r.written END
					 REMOVE n.mergedFrom, n.mergeChange, n.writtenByMerge
					 DELETE r`,
				} {
					if err := exec(ctx, tx, cypher, params); err != nil {
						return nil, err
					}
				}
			}
			if err := unfold(ctx, tx, params); err != nil {
				return nil, err
			}
		}
		if err := exec(ctx, tx, `
			MATCH (snap:MergeSnapshot {snapshotOf: $change}), (s:Correspondent {id: snap.id})
			SET s = properties(snap)
			REMOVE s.snapshotOf
			DELETE snap
			WITH s
			MATCH (ch:Change {id: $change}) SET ch.undone = true`, map[string]any{"change": change}); err != nil {
			return nil, err
		}
		ids := append([]string{survivor}, losers...)
		// Letters that named both in one role were renumbered; number them again
		// (they are the survivor's letters before: the losers' were all on it).
		r := newResolver(ctx, tx)
		for _, id := range letters {
			for _, kind := range []domain.LinkKind{domain.LinkWrote, domain.LinkAddressedTo, domain.LinkCC, domain.LinkBCC} {
				if err := r.renumber(kind, id); err != nil {
					return nil, err
				}
			}
		}
		if err := tally.put(letters); err != nil {
			return nil, err
		}
		if err := tally.settle(); err != nil {
			return nil, err
		}
		// The relationships written back end at the losers; those kept by the
		// survivor lost what the losers' sources said.
		starts, err := linkStarts(ctx, tx, losers)
		if err != nil {
			return nil, err
		}
		if err := refreshAll(ctx, tx, slices.Concat(ids, starts)); err != nil {
			return nil, err
		}
		if _, err := recordChange(ctx, tx, changed{op: "unmergeCorrespondents", nodes: ids,
			after: map[string]any{"undid": change}}); err != nil {
			return nil, err
		}
		recs, err = collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (c:Correspondent {id: id}) RETURN `+v.correspondentProjection(), map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		out := make([]domain.Correspondent, len(recs))
		for i, rec := range recs {
			out[i] = toCorrespondent(mapOf(rec.Values[0]))
		}
		return out, nil
	})
}

// unfold writes back the relationships of the loser $l that the merge $change folded
// into the survivor $s's (MergeFold, mergeInto), and gives the survivor's its
// blindness again.
func unfold(ctx context.Context, tx neo4j.ManagedTransaction, params map[string]any) error {
	recs, err := collect(ctx, tx, `
		MATCH (f:MergeFold {foldChange: $change, foldLoser: $l}) RETURN collect(DISTINCT f.foldType)`, params)
	if err != nil {
		return err
	}
	folded := toStrings(recs[0].Values[0])
	for _, t := range mergeTypes {
		typ := string(t)
		if !slices.Contains(folded, typ) {
			continue
		}
		for _, dir := range []struct {
			loser, survivor string
			out             bool
		}{
			{"(l)-[n:" + typ + "]->(x)", "(s)-[k:" + typ + "]->(x)", true},
			{"(x)-[n:" + typ + "]->(l)", "(x)-[k:" + typ + "]->(s)", false},
		} {
			params["type"], params["out"] = typ, dir.out
			err := exec(ctx, tx, `
				MATCH (f:MergeFold {foldChange: $change, foldLoser: $l, foldType: $type, foldOut: $out}),
				      (l:Correspondent {id: $l}), (s:Correspondent {id: $s})
				CALL {
					WITH f
					OPTIONAL MATCH (c:Correspondent {id: f.foldOther})
					OPTIONAL MATCH (le:Letter {id: f.foldOther})
					OPTIONAL MATCH (ch:Change {id: f.foldOther})
					OPTIONAL MATCH (key:IdentityKey {key: f.foldOther})
					RETURN coalesce(c, le, ch, key) AS x
				}
				WITH f, l, s, x WHERE x IS NOT NULL
				OPTIONAL MATCH `+dir.survivor+`
				FOREACH (_ IN CASE WHEN k IS NOT NULL AND $type = '`+string(assertsRel)+`' THEN [1] ELSE [] END | SET k.blind = f.foldKeptBlind)
				CREATE `+dir.loser+` SET n = properties(f)
				REMOVE n.foldChange, n.foldLoser, n.foldType, n.foldOut, n.foldOther, n.foldKeptBlind
				DELETE f`, params)
			if err != nil {
				return err
			}
		}
	}
	delete(params, "type")
	delete(params, "out")
	return nil
}

// linkStarts are the correspondents (other than ids) whose holdings, memberships,
// office's organisation or parent end at one of ids. refreshSeen folds the
// relationships that start at the nodes it is given; a merge moves or folds, and an
// unmerge writes back, relationships that end at the correspondents merged, whose
// starts must be folded again (a fifteenth probe: a visible membership folded into
// a hidden one stayed unseen).
func linkStarts(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]string, error) {
	recs, err := collect(ctx, tx, `
		UNWIND $ids AS id
		MATCH (a:Correspondent)-[:HOLDS|MEMBER_OF|OF|PART_OF]->(:Correspondent {id: id})
		WHERE NOT a.id IN $ids
		RETURN collect(DISTINCT a.id)`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return toStrings(recs[0].Values[0]), nil
}

// lettersOf are the ids of the letters that name a correspondent of ids as a party.
func lettersOf(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]string, error) {
	recs, err := collect(ctx, tx, `
		UNWIND $ids AS id
		MATCH (:Correspondent {id: id})-[:WROTE|ADDRESSED_TO|CC|BCC]-(l:Letter)
		RETURN collect(DISTINCT l.id)`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return toStrings(recs[0].Values[0]), nil
}
