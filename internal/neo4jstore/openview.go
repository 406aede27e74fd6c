package neo4jstore

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The open view (docs/security.md, Provenance). A correspondent's details (honorific,
// acronym, kind, aliases, emails, authority ids, and the name keys that search and the
// name filter read) come from the documents that name it. Callers below
// RESTRICTED_ROLE read a second copy of them, the open view (openHonorific,
// openAliases …), made only of what visible sources say: each letter keeps what it
// says of each correspondent it names, not through a blind copy (its claims), and
// the view is those claims folded in the order the letters were written, as the
// correspondent's own details would be in a graph that held only those letters. A
// visible letter's claims are folded in as it is written (applyClaims); restricting,
// deleting or merging folds the view again from all its visible sources
// (refreshOpenViews).

// openView is the open view of one correspondent. Name and NameKey are the name
// its visible sources give it (the first they wrote, or the last an edit renamed it
// to): the correspondent takes that name for everyone (syncNames), as it would have
// in a graph that held only those sources.
type openView struct {
	// Seq is the order of the first visible source that named it: identity
	// look-ups below RESTRICTED_ROLE prefer the older by it, not by when a hidden
	// source made the node.
	Seq                                 string
	Name, NameKey                       string
	Honorific, Acronym, Kind, Country   string
	Aliases, Emails, AuthorityIDs, Keys []string
}

// viewed is a correspondent as a fold needs it: its view.
type viewed struct {
	view openView
	// seq is the order of the source being folded in.
	seq string
	// office: an office's view is its title's key, kept by the writes that give
	// the title (resolveOffice); no claim folds it, so a refresh leaves it.
	office bool
}

// fold folds one claim c into the view, as updatePeople and updateOrganisations
// merge an input into a node: the first name, honorific, acronym and kind stay (an
// edit by id, rename, replaces them); another spelling of the name, and the input's
// aliases, become aliases; emails, authority ids and keys gather.
func (n *viewed) fold(c map[string]any) {
	str := func(k string) string { s, _ := c[k].(string); return s }
	strs := func(k string) []string {
		switch l := c[k].(type) {
		case []string:
			return l
		case []any:
			out := make([]string, 0, len(l))
			for _, e := range l {
				if s, ok := e.(string); ok {
					out = append(out, s)
				}
			}
			return out
		}
		return nil
	}
	v := &n.view
	if v.Seq == "" {
		v.Seq = n.seq
	}
	rename, _ := c["rename"].(bool)
	acronym := v.Acronym
	for _, f := range []struct {
		to  *string
		key string
	}{{&v.Honorific, "honorific"}, {&v.Acronym, "acronym"}, {&v.Kind, "kind"}, {&v.Country, "country"}} {
		if given := str(f.key); *f.to == "" || rename && given != "" {
			*f.to = given
		}
	}
	var aliases []string
	switch name, key := str("name"), str("key"); {
	case name == "":
	case v.Name == "":
		v.Name, v.NameKey = name, key
	case key == v.NameKey:
	case rename:
		aliases = append(aliases, v.Name)
		v.Name, v.NameKey = name, key
	case name != acronym && name != str("acronym"):
		aliases = append(aliases, name)
	}
	for _, a := range append(aliases, strs("aliases")...) {
		if a != v.Name && !slices.Contains(v.Aliases, a) {
			v.Aliases = append(v.Aliases, a)
		}
	}
	v.Aliases = slices.DeleteFunc(v.Aliases, func(a string) bool { return a == v.Name })
	for _, f := range []struct {
		to  *[]string
		key string
	}{{&v.Emails, "emails"}, {&v.AuthorityIDs, "authorityIds"}, {&v.Keys, "nameKeys"}} {
		for _, e := range strs(f.key) {
			if !slices.Contains(*f.to, e) {
				*f.to = append(*f.to, e)
			}
		}
	}
	// The name the view gives is found by its key, also when a claim that gives no
	// keys (a merge renaming the survivor to its own name) gave it: else, once the
	// letters that wrote that name went, readers saw the name and could not find it.
	if v.NameKey != "" && !slices.Contains(v.Keys, v.NameKey) {
		v.Keys = append(v.Keys, v.NameKey)
	}
}

// props are the view as stored properties.
func (v openView) props() map[string]any {
	return map[string]any{
		"openSeq": opt(v.Seq), "openName": v.Name, "openNameKey": opt(v.NameKey),
		"openCountry": opt(v.Country), "openHonorific": opt(v.Honorific), "openAcronym": opt(v.Acronym), "openKind": opt(v.Kind),
		"openAliases": list(v.Aliases), "openEmails": list(v.Emails), "openAuthorityIds": list(v.AuthorityIDs),
		"openNameKeys": list(v.Keys),
	}
}

// viewedNode binds n to the correspondent or place with the id bound to id, for the
// rows that have one.
const viewedNode = `OPTIONAL MATCH (vc:Correspondent {id: id})
		OPTIONAL MATCH (vp:Place {id: id})
		WITH *, coalesce(vc, vp) AS n WHERE n IS NOT NULL`

// readViews reads, for each id, the correspondent or place as a fold needs it.
func readViews(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]*viewed, error) {
	recs, err := collect(ctx, tx, `
		UNWIND $ids AS id
		`+viewedNode+`
		RETURN id, n {office: n:Office, .name, .normalizedName, .openSeq, .openName, .openNameKey, .openCountry, .openHonorific, .openAcronym, .openKind,
		              .openAliases, .openEmails, .openAuthorityIds, .openNameKeys}`, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := map[string]*viewed{}
	for _, rec := range recs {
		id, _ := rec.Values[0].(string)
		m := mapOf(rec.Values[1])
		n := &viewed{view: openView{Seq: str(m, "openSeq"), Name: str(m, "openName"), NameKey: str(m, "openNameKey"), Country: str(m, "openCountry"),
			Honorific: str(m, "openHonorific"), Acronym: str(m, "openAcronym"), Kind: str(m, "openKind"),
			Aliases: strs(m, "openAliases"), Emails: strs(m, "openEmails"), AuthorityIDs: strs(m, "openAuthorityIds"),
			Keys: strs(m, "openNameKeys")}, office: m["office"] == true}
		if m["openName"] == nil { // written before the view had a name: it was everyone's
			n.view.Name, n.view.NameKey = str(m, "name"), str(m, "normalizedName")
		}
		out[id] = n
	}
	return out, nil
}

// writeViews stores the views of nodes, and gives each person or organisation the
// name of its view when the view has one: a name that only hidden sources gave
// becomes an alias, so that the name tells a caller below RESTRICTED_ROLE nothing of
// them while a caller who sees them still finds it. The links that named it by the
// old name keep that name as written (toParties shows a written name only when it
// differs from the correspondent's).
func writeViews(ctx context.Context, tx neo4j.ManagedTransaction, nodes map[string]*viewed, ids []string) error {
	rows := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		if n, ok := nodes[id]; ok {
			rows = append(rows, map[string]any{"id": id, "props": n.view.props()})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return exec(ctx, tx, `
		UNWIND $rows AS row
		WITH row, row.id AS id
		`+viewedNode+`
		SET n += row.props
		WITH n, row.props.openName AS name, row.props.openNameKey AS key
		WHERE name <> '' AND n.name IS NOT NULL AND n.name <> name
		WITH n, name, key, n.name AS old
		SET n.aliases = [a IN coalesce(n.aliases, []) WHERE a <> name]
		                + CASE WHEN n.normalizedName <> key AND NOT old IN coalesce(n.aliases, []) THEN [old] ELSE [] END,
		    n.name = name, n.normalizedName = key, n.nameKey = key
		WITH n, old
		`+keepWritten("n", "old"), map[string]any{"rows": rows})
}

// openDetails are the aliases, emails and authority ids of the node bound to x as
// its open view gives them (its own, for a node written before the view), in the
// shape of .aliases, .emails, .authorityIds, for the lines of history a caller below
// RESTRICTED_ROLE reads.
func openDetails(x string) string {
	return `aliases: coalesce(` + x + `.openAliases, ` + x + `.aliases), emails: coalesce(` + x + `.openEmails, ` + x + `.emails),
	        authorityIds: coalesce(` + x + `.openAuthorityIds, ` + x + `.authorityIds)`
}

// keepOpenNames gives the correspondents with ids back the names of their views,
// after a hidden source (a restricted edit by id) renamed them: the hidden name stays
// an alias.
func keepOpenNames(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	nodes, err := readViews(ctx, tx, ids)
	if err != nil {
		return err
	}
	return writeViews(ctx, tx, nodes, ids)
}

// applyClaims folds the claims of visible documents, in order, into the views of the
// correspondents they name, and stores the views that change.
func applyClaims(ctx context.Context, tx neo4j.ManagedTransaction, claims []claim) error {
	var ids []string
	for _, c := range claims {
		if c.row != nil {
			ids = append(ids, c.id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	nodes, err := readViews(ctx, tx, ids)
	if err != nil {
		return err
	}
	before := map[string]string{}
	for id, n := range nodes {
		before[id] = viewKey(n.view)
	}
	seq := newSeq() // for claims without their source's: after every source before them
	for _, c := range claims {
		if n, ok := nodes[c.id]; ok && c.row != nil {
			n.seq = cmp.Or(c.seq, seq)
			n.fold(c.row)
		}
	}
	var changed []string
	for _, id := range ids {
		if n, ok := nodes[id]; ok && viewKey(n.view) != before[id] {
			changed = append(changed, id)
		}
	}
	return writeViews(ctx, tx, nodes, changed)
}

func viewKey(v openView) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// refreshOpenViews folds again, from nothing, the views of the correspondents with
// ids, from the claims of their visible sources in the order those were written.
func refreshOpenViews(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := collect(ctx, tx, `
		UNWIND $ids AS id
		`+viewedNode+`
		`+visibleClaimsOf("n")+`
		RETURN n.id, coalesce(n.mergedIds, []), claims, coalesce(n.removed, [])`, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	nodes, err := readViews(ctx, tx, ids)
	if err != nil {
		return err
	}
	var found []string
	seen := map[string]bool{}
	for _, rec := range recs {
		id, _ := rec.Values[0].(string)
		n, ok := nodes[id]
		if !ok || n.office {
			continue
		}
		keys := append([]string{id}, toStrings(rec.Values[1])...)
		removed := toStrings(rec.Values[3])
		n.view = openView{}
		for _, src := range sourceClaims(rec.Values[2]) {
			n.seq = src.seq
			for _, k := range keys {
				for _, c := range src.by[k] {
					if c["rel"] == nil {
						n.fold(withoutRemoved(c, removed, src.seq))
					}
				}
			}
		}
		found = append(found, id)
		seen[id] = true
	}
	// A node no visible source names any more has an empty view: it is hidden, and
	// what a visible source says of it later starts again from nothing, as in a
	// graph that never held the sources it lost.
	for _, id := range ids {
		if n, ok := nodes[id]; ok && !seen[id] && !n.office {
			n.view = openView{}
			found = append(found, id)
			seen[id] = true
		}
	}
	return writeViews(ctx, tx, nodes, found)
}
