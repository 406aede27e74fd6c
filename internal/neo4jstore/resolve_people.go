package neo4jstore

import (
	"github.com/lettergraph/lettergraph/internal/domain"
)

// person finds or creates a person and merges the input's details into it. With an id,
// a given name renames the person and the old name is kept as an alias.
func (r *resolver) person(p *domain.PersonInput, field string) (string, bool, error) {
	return r.memo("person", p, func() (string, bool, error) { return r.resolvePerson(p, field) })
}

func (r *resolver) resolvePerson(p *domain.PersonInput, field string) (string, bool, error) {
	id := p.ID
	if id != "" {
		if err := r.must(domain.LabelPerson, id, field+".id"); err != nil {
			return "", false, err
		}
	} else {
		var (
			complete bool
			err      error
		)
		id, complete, err = r.find(findPeople, personRow(p))
		if err != nil {
			return "", false, err
		}
		if complete {
			return r.counted(id, false, nil) // the input tells the node nothing new
		}
	}
	created := id == ""
	if created {
		id = newID()
		return r.counted(id, true, r.createPeople([]map[string]any{withID(personRow(p), id)}))
	}
	row := withID(personRow(p), id)
	row["rename"] = p.ID != ""
	return r.counted(id, false, r.updatePeople([]map[string]any{row}))
}

// updatePeople merges each row of personRow (with "id" and "rename") into the person
// with its id. Renaming (an input given by id) makes the new name the person's and
// keeps the old as an alias; otherwise a new spelling becomes an alias.
func (r *resolver) updatePeople(rows []map[string]any) error {
	return exec(r.ctx, r.tx, `
		UNWIND $inputs AS in
		MATCH (p:Person {id: in.id})
		WITH in, p, in.name IS NOT NULL AND in.rename AND in.key <> p.normalizedName AS renamed
		WITH in, p, renamed, CASE WHEN renamed THEN p.name END AS oldName, CASE WHEN renamed THEN in.name ELSE p.name END AS newName,
		     CASE WHEN renamed THEN [p.name] ELSE [] END
		     + CASE WHEN in.name IS NOT NULL AND NOT in.rename AND in.key <> p.normalizedName THEN [in.name] ELSE [] END
		     + in.aliases AS newAliases
		SET p.aliases = p.aliases + [a IN newAliases WHERE NOT a IN p.aliases AND a <> newName | a],
		    p.name = newName,
		    p.normalizedName = CASE WHEN renamed THEN in.key ELSE p.normalizedName END,
		    p.nameKey = CASE WHEN renamed THEN in.key ELSE p.nameKey END,
		    p.honorific = CASE WHEN in.rename AND in.honorific IS NOT NULL THEN in.honorific ELSE coalesce(p.honorific, in.honorific) END,
		    p.emails = p.emails + [e IN in.emails WHERE NOT e IN p.emails | e],
		    p.authorityIds = p.authorityIds + [a IN in.authorityIds WHERE NOT a IN p.authorityIds | a],
		    p.nameKeys = p.nameKeys + [k IN in.nameKeys WHERE NOT k IN p.nameKeys | k]
		WITH in, p, oldName
		`+keepWritten("p", "oldName")+registerKeys("p"), map[string]any{"inputs": rows})
}

// keepWritten keeps, on the links that named the node bound to node before it was
// renamed, its old name (bound to old; null when it was not renamed) as the name
// written: a link without one was written with the node's name of its time.
func keepWritten(node, old string) string {
	return `CALL {
			WITH ` + node + `, ` + old + `
			WITH ` + node + `, ` + old + ` WHERE ` + old + ` IS NOT NULL
			MATCH (` + node + `)-[w:WROTE|ADDRESSED_TO|CC|BCC]-(:Letter) WHERE w.written IS NULL
			SET w.written = ` + old + `
		}
		`
}

// personRow is a person input as findPeople and createPeople read it.
func personRow(p *domain.PersonInput) map[string]any {
	return map[string]any{"keys": personIdentity(p), "name": opt(p.Name), "key": domain.NormalizeName(p.Name),
		"nameKeys": domain.PersonKeys(p), "honorific": opt(p.Honorific), "aliases": list(p.Aliases),
		"emails": list(p.Emails), "authorityIds": list(p.AuthorityIDs)}
}

// findPeople finds the person each input names. A name match is refused when both
// sides carry emails or authority ids (which then differ, or they would have matched
// more strongly).
var findPeople = findEach(domain.LabelPerson, `
	strength < 3 OR ((size(in.emails) = 0 OR size(emails) = 0) AND (size(in.authorityIds) = 0 OR size(authorityIds) = 0))`,
	`in.honorific IS NULL OR n.honorific IS NOT NULL`, `strength, `+olderFirst)

// createPeople creates a person for each row of personRow with its new "id".
func (r *resolver) createPeople(rows []map[string]any) error {
	return exec(r.ctx, r.tx, `
		UNWIND $inputs AS in
		CREATE (p:Person:Correspondent {id: in.id})
		SET p.seq = in.seq, p.name = in.name, p.normalizedName = in.key, p.nameKey = in.key, p.nameKeys = in.nameKeys,
		    p.honorific = in.honorific, p.aliases = in.aliases, p.emails = in.emails,
		    p.authorityIds = in.authorityIds, p.createdAt = $now,
		    p.openName = '', p.openAliases = [], p.openEmails = [], p.openAuthorityIds = [], p.openNameKeys = []
		`+registerKeys("p"),
		map[string]any{"inputs": rows, "now": r.now})
}

// withID gives a row its new node's id, and the node its seq (newSeq).
func withID(row map[string]any, id string) map[string]any {
	row["id"] = id
	row["seq"] = newSeq()
	return row
}
