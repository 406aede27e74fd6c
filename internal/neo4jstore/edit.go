package neo4jstore

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Editing and deleting correspondents and places (docs/api.md, Writing). Each is a
// direct write and leaves a line of history with what it removed.

// removedSep joins a removal's kind, value and the seq of the history line that made
// it, in a correspondent's removed list: a claim of a source written before the
// removal no longer gives the value (foldClaim), one written after gives it again.
const removedSep = "\x1f"

// removedAfter reads an entry of a removed list: its kind and value, and ok when the
// edit that removed them came after the source written at seq.
func removedAfter(entry, seq string) (kind, value string, ok bool) {
	parts := strings.Split(entry, removedSep)
	if len(parts) != 3 || seq >= parts[2] {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// relRemoval prefixes the kind of a removed relationship between correspondents
// (rel:MEMBER_OF, and the other end's id as the value; retractClaims).
const relRemoval = "rel:"

// EditCorrespondent implements domain.Store.
func (s *Store) EditCorrespondent(ctx context.Context, id string, rm domain.Removal) (domain.Correspondent, error) {
	v := visibilityOf(ctx)
	return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (domain.Correspondent, error) {
		recs, err := collect(ctx, tx, `
			MATCH (c:Correspondent {id: $id}) WHERE `+v.node("c")+`
			RETURN c:Person, c.normalizedName, c {.aliases, .emails, .authorityIds} AS before, c {`+openDetails("c")+`} AS openBefore,
			       c:`+hiddenLabel+` OR any(x IN $values WHERE NOT x IN coalesce(c.openAliases, []) + coalesce(c.openEmails, []) + coalesce(c.openAuthorityIds, [])) AS hidden`,
			map[string]any{"id": id, "values": append(append(list(rm.Aliases), rm.Emails...), rm.AuthorityIDs...)})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			return nil, domain.NotFound("correspondent", id)
		}
		// hidden: the correspondent is, or a value removed is one that only hidden
		// sources gave (the history would show it to readers).
		isPerson, _ := recs[0].Values[0].(bool)
		own, _ := recs[0].Values[1].(string)
		hidden, _ := recs[0].Values[4].(bool)
		var keys []map[string]any
		if isPerson {
			keys = personIdentity(&domain.PersonInput{Aliases: rm.Aliases, Emails: rm.Emails, AuthorityIDs: rm.AuthorityIDs})
		} else {
			keys = orgIdentity(&domain.OrganisationInput{Aliases: rm.Aliases, AuthorityIDs: rm.AuthorityIDs})
		}
		var identity, nameKeys []string
		for _, k := range keys {
			key, _ := k["k"].(string)
			if strings.HasSuffix(key, ":"+own) {
				continue // the correspondent's own name stays a key
			}
			identity = append(identity, key)
		}
		for _, a := range rm.Aliases {
			if k := domain.NormalizeName(a); k != own {
				nameKeys = append(nameKeys, k)
			}
		}
		change, err := recordChange(ctx, tx, changed{op: "editCorrespondent", nodes: []string{id},
			before: recs[0].Values[2], openBefore: recs[0].Values[3], after: map[string]any{"removed": rm}, hidden: hidden})
		if err != nil {
			return nil, err
		}
		seq, err := changeSeq(ctx, tx, change)
		if err != nil {
			return nil, err
		}
		var removed []string
		for _, f := range []struct {
			kind   string
			values []string
		}{{"aliases", rm.Aliases}, {"emails", rm.Emails}, {"authorityIds", rm.AuthorityIDs}, {"nameKeys", nameKeys}} {
			for _, val := range f.values {
				removed = append(removed, f.kind+removedSep+val+removedSep+seq)
			}
		}
		if err := exec(ctx, tx, `
			MATCH (c:Correspondent {id: $id})
			SET c.aliases = [x IN coalesce(c.aliases, []) WHERE NOT x IN $aliases],
			    c.openAliases = [x IN coalesce(c.openAliases, []) WHERE NOT x IN $aliases],
			    c.emails = CASE WHEN c.emails IS NULL THEN null ELSE [x IN c.emails WHERE NOT x IN $emails] END,
			    c.openEmails = CASE WHEN c.openEmails IS NULL THEN null ELSE [x IN c.openEmails WHERE NOT x IN $emails] END,
			    c.authorityIds = [x IN coalesce(c.authorityIds, []) WHERE NOT x IN $ids],
			    c.openAuthorityIds = [x IN coalesce(c.openAuthorityIds, []) WHERE NOT x IN $ids],
			    c.nameKeys = [x IN coalesce(c.nameKeys, []) WHERE NOT x IN $keys],
			    c.openNameKeys = [x IN coalesce(c.openNameKeys, []) WHERE NOT x IN $keys],
			    c.removed = coalesce(c.removed, []) + $removed
			WITH c
			OPTIONAL MATCH (k:IdentityKey)-[i:IDENTIFIES]->(c) WHERE k.key IN $identity
			DELETE i
			WITH DISTINCT k WHERE k IS NOT NULL AND NOT EXISTS { (k)-[:IDENTIFIES]->() }
			DELETE k`,
			map[string]any{"id": id, "aliases": list(rm.Aliases), "emails": list(rm.Emails), "ids": list(rm.AuthorityIDs),
				"keys": list(nameKeys), "removed": list(removed), "identity": list(identity)}); err != nil {
			return nil, err
		}
		recs, err = collect(ctx, tx, `MATCH (c:Correspondent {id: $id}) RETURN `+v.correspondentProjection(), map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		return toCorrespondent(mapOf(recs[0].Values[0])), nil
	})
}

// changeSeq is the seq of the change with id.
func changeSeq(ctx context.Context, tx neo4j.ManagedTransaction, id string) (string, error) {
	recs, err := collect(ctx, tx, `MATCH (ch:Change {id: $id}) RETURN ch.seq`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return "", err
	}
	seq, _ := recs[0].Values[0].(string)
	return seq, nil
}

// DeleteNode implements domain.Store for a correspondent or a place: it is deleted
// with its links (a letter that named it names it no more; positions close up) and
// the identity keys that found only it. NOT_FOUND when the caller may not see it.
func (s *Store) DeleteNode(ctx context.Context, id string) error {
	v := visibilityOf(ctx)
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		recs, err := collect(ctx, tx, `
			OPTIONAL MATCH (c:Correspondent {id: $id}) WHERE `+v.node("c")+`
			OPTIONAL MATCH (p:Place {id: $id}) WHERE `+v.node("p")+`
			WITH coalesce(c, p) AS n WHERE n IS NOT NULL
			RETURN n {.id, .name, .title, .aliases, .emails, .authorityIds, .country} AS before, n:`+hiddenLabel+` AS hidden,
			       [(n)--(x) WHERE x.id IS NOT NULL | x.id], [(n)--(l:Letter) | l.id],
			       n {.id, .name, .title, `+openDetails("n")+`, country: CASE WHEN n.openAuthorityIds IS NULL THEN n.country ELSE n.openCountry END} AS openBefore`, map[string]any{"id": id})
		if err != nil {
			return struct{}{}, err
		}
		if len(recs) == 0 {
			return struct{}{}, domain.NotFound("correspondent or place", id)
		}
		hidden, _ := recs[0].Values[1].(bool)
		near := toStrings(recs[0].Values[2])
		if _, err := recordChange(ctx, tx, changed{op: "deleteNode", nodes: []string{id},
			before: recs[0].Values[0], openBefore: recs[0].Values[4], hidden: hidden}); err != nil {
			return struct{}{}, err
		}
		letters := toStrings(recs[0].Values[3])
		err = retally(ctx, tx, letters, func() error {
			if err := exec(ctx, tx, `
				OPTIONAL MATCH (c:Correspondent {id: $id})
				OPTIONAL MATCH (p:Place {id: $id})
				WITH coalesce(c, p) AS n
				`+deleteWithKeys, map[string]any{"id": id}); err != nil {
				return err
			}
			r := newResolver(ctx, tx)
			for _, l := range letters {
				for _, kind := range []domain.LinkKind{domain.LinkWrote, domain.LinkAddressedTo, domain.LinkCC, domain.LinkBCC} {
					if err := r.renumber(kind, l); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return struct{}{}, err
		}
		return struct{}{}, refreshAll(ctx, tx, near)
	})
	return err
}
