package neo4jstore

import (
	"context"
	"encoding/json"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// claim is what one document says of one node it names: for a person or an
// organisation, the details of its input (personRow, orgRow); row is nil for a node
// named by id, and for offices, places and letters, whose view is their own.
type claim struct {
	id  string
	row map[string]any
	// rel and to, when set, say instead that the relationship rel runs from id to
	// to (a membership, an office held, an office's organisation, a parent), and
	// details what the source says of it (affiliationDetails).
	rel     domain.LinkKind
	to      string
	details map[string]any
	// seq is the order of its source (the letter's or the edit's seq), so that a
	// view folded as the source is written is the view a refresh folds again.
	seq string
}

// affiliationDetails are what a source says of a membership (its role) or an office
// held, and when: dates as ISO strings, so that claims keep them as JSON. The "d"
// key marks a claim that carries its details, even none (claims written before did
// not); "set" marks a direct edit, whose details replace those before it, where a
// letter's only fill in what is missing.
func affiliationDetails(role string, from, to *time.Time, set bool) map[string]any {
	d := map[string]any{"d": 1}
	if role != "" {
		d["role"] = role
	}
	// since and until, not from and to: a claim's "to" is the relationship's end.
	if from != nil {
		d["since"] = from.Format(time.DateOnly)
	}
	if to != nil {
		d["until"] = to.Format(time.DateOnly)
	}
	if set {
		d["set"] = true
	}
	return d
}

// claimOf is the claim of an input of a memo kind resolved to id.
func claimOf(id, kind string, in any) claim {
	switch in := in.(type) {
	case *domain.PersonInput:
		if kind == "person" {
			return claim{id: id, row: renaming(claimRow(personRow(in)), in.ID != "")}
		}
	case *domain.OrganisationInput:
		if kind == "organisation" {
			return claim{id: id, row: renaming(claimRow(orgRow(in)), in.ID != "")}
		}
	case *domain.PlaceInput:
		if kind == "place" && in.ID == "" {
			return claim{id: id, row: claimRow(placeRow(in))}
		}
	}
	return claim{id: id}
}

// renaming marks row as an edit by id, which renames (updatePeople).
func renaming(row map[string]any, byID bool) map[string]any {
	if byID {
		row["rename"] = true
	}
	return row
}

// claimFields are the details a claim keeps of a row.
var claimFields = []string{"name", "key", "honorific", "acronym", "kind", "country", "aliases", "emails", "authorityIds", "nameKeys"}

func claimRow(row map[string]any) map[string]any {
	out := map[string]any{}
	for _, k := range claimFields {
		if v, ok := row[k]; ok && v != nil {
			out[k] = v
		}
	}
	return out
}

// claimsJSON is the claims property of a source: by node id, what it says of it.
func claimsJSON(claims []claim) (string, error) {
	by := claimsByID(claims)
	if len(by) == 0 {
		return "", nil
	}
	b, err := json.Marshal(by)
	return string(b), err
}

// claimsByID is what claimsJSON writes: each node's claims by its id.
func claimsByID(claims []claim) map[string][]map[string]any {
	by := map[string][]map[string]any{}
	for _, c := range claims {
		switch {
		case c.rel != "":
			entry := map[string]any{"rel": string(c.rel), "to": c.to}
			for k, v := range c.details {
				entry[k] = v
			}
			by[c.id] = append(by[c.id], entry)
		case c.row != nil:
			by[c.id] = append(by[c.id], c.row)
		}
	}
	return by
}

// addClaims adds claims, and blindClaims, to what the letter with id says (a party
// added to it).
func addClaims(ctx context.Context, tx neo4j.ManagedTransaction, id string, claims, blindClaims []claim) error {
	if len(claims) == 0 && len(blindClaims) == 0 {
		return nil
	}
	recs, err := collect(ctx, tx, `MATCH (l:Letter {id: $id}) RETURN l.claims, l.blindClaims`, map[string]any{"id": id})
	if err != nil || len(recs) == 0 {
		return err
	}
	merged := [2]any{}
	for i, add := range [][]claim{claims, blindClaims} {
		old, _ := recs[0].Values[i].(string)
		js, err := withClaims(old, add)
		if err != nil {
			return err
		}
		merged[i] = opt(js)
	}
	return exec(ctx, tx, `MATCH (l:Letter {id: $id}) SET l.claims = $claims, l.blindClaims = $blind`,
		map[string]any{"id": id, "claims": merged[0], "blind": merged[1]})
}

// withClaims is the claims JSON old (claimsJSON's, or "") with the claims add
// after what it holds; "" when there are none.
func withClaims(old string, add []claim) (string, error) {
	if old == "" {
		return claimsJSON(add)
	}
	by := map[string][]map[string]any{}
	if err := json.Unmarshal([]byte(old), &by); err != nil {
		return "", err
	}
	for k, v := range claimsByID(add) {
		by[k] = append(by[k], v...)
	}
	b, err := json.Marshal(by)
	return string(b), err
}

// claimedIDs are the ids of the nodes the claims JSON js names, relationships'
// other ends included.
func claimedIDs(js string) []string {
	by := map[string][]map[string]any{}
	if json.Unmarshal([]byte(js), &by) != nil {
		return nil
	}
	var ids []string
	for id, cs := range by {
		ids = append(ids, id)
		for _, c := range cs {
			if to, ok := c["to"].(string); ok {
				ids = append(ids, to)
			}
		}
	}
	return ids
}

// withoutRemoved is claim c of a source written at seq without the values that an
// edit after it removed (removed: kind, value and the edit's seq; edit.go).
func withoutRemoved(c map[string]any, removed []string, seq string) map[string]any {
	if len(removed) == 0 {
		return c
	}
	out := map[string]any{}
	for k, v := range c {
		out[k] = v
	}
	for _, r := range removed {
		kind, value, ok := removedAfter(r, seq)
		if !ok {
			continue
		}
		if kind == "aliases" && out["name"] == value {
			delete(out, "name")
		}
		if list, ok := out[kind].([]any); ok {
			var kept []any
			for _, e := range list {
				if e != value {
					kept = append(kept, e)
				}
			}
			out[kind] = kept
		}
	}
	return out
}

// visibleClaimsOf is a subquery that binds claims to the claims of the visible
// sources (letters and edits) of the node bound to x, in the order they were
// written: [seq, claims JSON] each, for sourceClaims. refreshOpenViews and
// refreshSeen fold them.
func visibleClaimsOf(x string) string {
	return `CALL {
			WITH ` + x + `
			MATCH (` + x + `)--(s)
			WHERE (s:Letter OR s:Change) AND NOT s:` + hiddenLabel + ` AND s.claims IS NOT NULL
			WITH DISTINCT s ORDER BY coalesce(s.seq, s.id)
			RETURN collect([coalesce(s.seq, ''), s.claims]) AS claims
		}`
}

// sourced is one source's claims (claimsJSON) by the id they are of, and its seq.
type sourced struct {
	seq string
	by  map[string][]map[string]any
}

// sourceClaims decodes what visibleClaimsOf binds; a source whose claims do not
// decode is left out.
func sourceClaims(v any) []sourced {
	list, _ := v.([]any)
	out := make([]sourced, 0, len(list))
	for _, item := range list {
		pair, _ := item.([]any)
		if len(pair) != 2 {
			continue
		}
		seq, _ := pair[0].(string)
		raw, _ := pair[1].(string)
		var by map[string][]map[string]any
		if json.Unmarshal([]byte(raw), &by) != nil {
			continue
		}
		out = append(out, sourced{seq: seq, by: by})
	}
	return out
}
