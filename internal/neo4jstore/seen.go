package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// structuralTypes are the relationships between correspondents. Each has a seen
// property, true when a source that a caller below RESTRICTED_ROLE may see asserts
// it: a visible letter whose document gave it (a membership, an office held, an
// office's organisation, a parent: a claim with rel, openview.go), or an edit.
const structuralTypes = `HOLDS|MEMBER_OF|OF|PART_OF`

// retracted reports whether an edit after the source written at seq removed the
// relationship of type rel to to (removed: retractClaims).
func retracted(removed []string, rel, to, seq string) bool {
	for _, r := range removed {
		if kind, value, ok := removedAfter(r, seq); ok && kind == relRemoval+rel && value == to {
			return true
		}
	}
	return false
}

// markSeen marks seen the relationships that the claims of visible documents assert,
// and fills in the open details of a membership or an office held (openRole,
// openFrom, openTo: what callers below RESTRICTED_ROLE read) with what the claims
// say and the relationship's open details lack. It writes only what changes, so it
// locks only relationships that a letter shows or tells more of for the first time.
func markSeen(ctx context.Context, tx neo4j.ManagedTransaction, claims []claim) error {
	var rows []map[string]any
	for _, c := range claims {
		if c.rel != "" {
			rows = append(rows, map[string]any{"from": c.id, "type": string(c.rel), "to": c.to,
				"role": c.details["role"], "since": c.details["since"], "until": c.details["until"]})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return exec(ctx, tx, `
		UNWIND $rows AS row
		MATCH (a:Correspondent {id: row.from})-[r:`+structuralTypes+`]->(b:Correspondent {id: row.to})
		WHERE type(r) = row.type AND (r.seen IS NULL
		   OR row.role IS NOT NULL AND r.openRole IS NULL
		   OR row.since IS NOT NULL AND r.openFrom IS NULL
		   OR row.until IS NOT NULL AND r.openTo IS NULL)
		SET r.seen = true, r.openRole = coalesce(r.openRole, row.role),
		    r.openFrom = coalesce(r.openFrom, date(row.since)), r.openTo = coalesce(r.openTo, date(row.until))`,
		map[string]any{"rows": rows})
}

// refreshSeen recomputes seen on every relationship between correspondents that
// starts at a node of ids, from the claims of the visible sources of that node
// (merged ids included): what a restricted or deleted letter alone asserted is
// hidden again. The open details of a membership or an office held are folded again
// from those claims in the order their sources were written: a letter fills in
// what is missing, a direct edit replaces. A relationship written before provenance
// (legacySeen), or asserted by a claim written before claims carried details, shows
// its own details, as it did. It reads every visible source of those nodes, so it
// is for the rare writes (restricting, deleting, merging, editing).
func refreshSeen(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := collect(ctx, tx, `
		UNWIND $ids AS id
		MATCH (a:Correspondent {id: id})
		WHERE EXISTS { (a)-[:`+structuralTypes+`]->(:Correspondent) }
		`+visibleClaimsOf("a")+`
		RETURN a.id, [a.id] + coalesce(a.mergedIds, []), claims,
		       [(a)-[r:`+structuralTypes+`]->(b:Correspondent) | [elementId(r), type(r), [b.id] + coalesce(b.mergedIds, []), coalesce(r.legacySeen, false)]],
		       coalesce(a.removed, [])`,
		map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	var rows []map[string]any
	for _, rec := range recs {
		keys := toStrings(rec.Values[1])
		asserted := map[string]*affiliationView{} // type + " " + to
		removed := toStrings(rec.Values[4])
		for _, src := range sourceClaims(rec.Values[2]) {
			for _, k := range keys {
				for _, c := range src.by[k] {
					if rel, _ := c["rel"].(string); rel != "" {
						to, _ := c["to"].(string)
						if retracted(removed, rel, to, src.seq) {
							continue
						}
						d := asserted[rel+" "+to]
						if d == nil {
							d = &affiliationView{values: map[string]any{}}
							asserted[rel+" "+to] = d
						}
						d.fold(c)
					}
				}
			}
		}
		rels, _ := rec.Values[3].([]any)
		for _, r := range rels {
			v, _ := r.([]any)
			eid, _ := v[0].(string)
			typ, _ := v[1].(string)
			legacy, _ := v[3].(bool)
			var d *affiliationView
			for _, to := range toStrings(v[2]) {
				if x := asserted[typ+" "+to]; x != nil {
					if d == nil {
						d = &affiliationView{values: map[string]any{}}
					}
					d.merge(x)
				}
			}
			row := map[string]any{"eid": eid, "seen": legacy || d != nil, "own": legacy}
			if d != nil {
				row["own"] = legacy || d.legacy
				row["role"], row["since"], row["until"] = d.values["role"], d.values["since"], d.values["until"]
			}
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return exec(ctx, tx, `
		UNWIND $rows AS row
		MATCH ()-[r]->() WHERE elementId(r) = row.eid
		SET r.seen = CASE WHEN row.seen THEN true END,
		    r.openRole = CASE WHEN NOT row.seen THEN null WHEN row.own THEN r.role ELSE row.role END,
		    r.openFrom = CASE WHEN NOT row.seen THEN null WHEN row.own THEN r.from ELSE date(row.since) END,
		    r.openTo = CASE WHEN NOT row.seen THEN null WHEN row.own THEN r.to ELSE date(row.until) END`,
		map[string]any{"rows": rows})
}

// affiliationView is the open details of one membership or office held, folded from
// the claims of its visible sources (refreshSeen). legacy is set when a claim
// written before claims carried details asserts it.
type affiliationView struct {
	values map[string]any
	legacy bool
}

// fold adds what claim c says: a direct edit's details replace, a letter's fill in.
func (d *affiliationView) fold(c map[string]any) {
	if c["d"] == nil {
		d.legacy = true
		return
	}
	set := c["set"] == true
	for _, k := range []string{"role", "since", "until"} {
		if set {
			d.values[k] = c[k]
		} else if d.values[k] == nil {
			d.values[k] = c[k]
		}
	}
}

// merge adds the details of another key of the same relationship (merged ids),
// filling in what is missing.
func (d *affiliationView) merge(o *affiliationView) {
	d.legacy = d.legacy || o.legacy
	for k, v := range o.values {
		if d.values[k] == nil {
			d.values[k] = v
		}
	}
}
