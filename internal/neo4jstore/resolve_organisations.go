package neo4jstore

import (
	"github.com/lettergraph/lettergraph/internal/domain"
)

// organisation finds or creates an organisation (by authority id, then name, acronym
// or alias) and merges the input's details into it.
func (r *resolver) organisation(o *domain.OrganisationInput, field string) (string, bool, error) {
	return r.memo("organisation", o, func() (string, bool, error) { return r.resolveOrganisation(o, field) })
}

func (r *resolver) resolveOrganisation(o *domain.OrganisationInput, field string) (string, bool, error) {
	id := o.ID
	if id != "" {
		if err := r.must(domain.LabelOrganisation, id, field+".id"); err != nil {
			return "", false, err
		}
	} else {
		var (
			complete bool
			err      error
		)
		id, complete, err = r.find(findOrganisations, orgRow(o))
		if err != nil {
			return "", false, err
		}
		if complete && o.PartOf == nil {
			return r.counted(id, false, nil) // the input tells the node nothing new
		}
	}
	created := id == ""
	var err error
	if created {
		id = newID()
		err = r.createOrganisations([]map[string]any{withID(orgRow(o), id)})
	} else {
		row := withID(orgRow(o), id)
		row["rename"] = o.ID != ""
		err = r.updateOrganisations([]map[string]any{row})
	}
	if err != nil {
		return "", false, err
	}
	if o.PartOf != nil {
		parent, _, err := r.organisation(o.PartOf, field+".partOf")
		if err != nil {
			return "", false, err
		}
		if err := r.link(domain.Link{Kind: domain.LinkPartOf, From: id, To: parent}, field+".partOf"); err != nil {
			return "", false, err
		}
		r.saw(claim{id: id, rel: domain.LinkPartOf, to: parent})
	}
	return r.counted(id, created, nil)
}

// orgRow is an organisation input as findOrganisations and createOrganisations
// read it.
func orgRow(o *domain.OrganisationInput) map[string]any {
	return map[string]any{"keys": orgIdentity(o), "name": opt(o.Name), "key": domain.NormalizeName(o.Name),
		"nameKeys": domain.OrganisationKeys(o), "acronym": opt(o.Acronym), "kind": opt(string(o.Kind)),
		"aliases": list(o.Aliases), "authorityIds": list(o.AuthorityIDs)}
}

// findOrganisations finds the organisation each input names: by authority id, then
// by a name key, preferring one whose own name is among the input's names.
var findOrganisations = findEach(domain.LabelOrganisation,
	`strength = 1 OR size(in.authorityIds) = 0 OR size(authorityIds) = 0`,
	`(in.acronym IS NULL OR n.acronym IS NOT NULL) AND (in.kind IS NULL OR n.kind IS NOT NULL)`,
	`strength, n.normalizedName IN in.nameKeys DESC, `+olderFirst)

// createOrganisations creates an organisation for each row of orgRow with its new
// "id".
func (r *resolver) createOrganisations(rows []map[string]any) error {
	return exec(r.ctx, r.tx, `
		UNWIND $inputs AS in
		CREATE (o:Organisation:Correspondent {id: in.id})
		SET o.seq = in.seq, o.name = in.name, o.normalizedName = in.key, o.nameKey = in.key, o.nameKeys = in.nameKeys,
		    o.acronym = in.acronym, o.kind = in.kind, o.aliases = in.aliases,
		    o.authorityIds = in.authorityIds, o.createdAt = $now,
		    o.openName = '', o.openAliases = [], o.openAuthorityIds = [], o.openNameKeys = []
		`+registerKeys("o"),
		map[string]any{"inputs": rows, "now": r.now})
}

// updateOrganisations merges each row of orgRow (with "id" and "rename") into the
// organisation with its id, as updatePeople does people; an acronym is not an alias.
func (r *resolver) updateOrganisations(rows []map[string]any) error {
	return exec(r.ctx, r.tx, `
		UNWIND $inputs AS in
		MATCH (o:Organisation {id: in.id})
		WITH in, o, in.name IS NOT NULL AND in.rename AND in.key <> o.normalizedName AS renamed
		WITH in, o, renamed, CASE WHEN renamed THEN o.name END AS oldName, CASE WHEN renamed THEN in.name ELSE o.name END AS newName,
		     CASE WHEN renamed THEN [o.name] ELSE [] END
		     + CASE WHEN in.name IS NOT NULL AND NOT in.rename AND in.key <> o.normalizedName
		            AND in.name <> coalesce(o.acronym, '') AND in.name <> coalesce(in.acronym, '') THEN [in.name] ELSE [] END
		     + in.aliases AS newAliases
		SET o.aliases = o.aliases + [a IN newAliases WHERE NOT a IN o.aliases AND a <> newName | a],
		    o.name = newName,
		    o.normalizedName = CASE WHEN renamed THEN in.key ELSE o.normalizedName END,
		    o.nameKey = CASE WHEN renamed THEN in.key ELSE o.nameKey END,
		    o.acronym = CASE WHEN in.rename AND in.acronym IS NOT NULL THEN in.acronym ELSE coalesce(o.acronym, in.acronym) END,
		    o.kind = CASE WHEN in.rename AND in.kind IS NOT NULL THEN in.kind ELSE coalesce(o.kind, in.kind) END,
		    o.authorityIds = o.authorityIds + [a IN in.authorityIds WHERE NOT a IN o.authorityIds | a],
		    o.nameKeys = o.nameKeys + [k IN in.nameKeys WHERE NOT k IN o.nameKeys | k]
		WITH in, o, oldName
		`+keepWritten("o", "oldName")+registerKeys("o"), map[string]any{"inputs": rows})
}

// office finds the office with the title in the organisation it is of (or in none),
// or creates it.
func (r *resolver) office(o *domain.OfficeInput, field string) (string, bool, error) {
	return r.memo("office", o, func() (string, bool, error) { return r.resolveOffice(o, field) })
}

func (r *resolver) resolveOffice(o *domain.OfficeInput, field string) (string, bool, error) {
	var org any
	if o.Of != nil {
		id, _, err := r.organisation(o.Of, field+".of")
		if err != nil {
			return "", false, err
		}
		org = id
	}
	key := domain.NormalizeTitle(o.Title)
	if o.ID != "" {
		if err := r.must(domain.LabelOffice, o.ID, field+".id"); err != nil {
			return "", false, err
		}
		err := exec(r.ctx, r.tx, `
			MATCH (o:Office {id: $id})
			WHERE $title IS NOT NULL
			SET o.title = $title, o.normalizedTitle = $key, o.nameKey = $key,
			    o.nameKeys = o.nameKeys + [k IN [$key] WHERE NOT k IN o.nameKeys | k],
			    o.openNameKeys = coalesce(o.openNameKeys, []) + [k IN [$key] WHERE NOT k IN coalesce(o.openNameKeys, []) | k]`,
			map[string]any{"id": o.ID, "title": opt(o.Title), "key": key})
		if err == nil && org != nil {
			err = r.link(domain.Link{Kind: domain.LinkOf, From: o.ID, To: org.(string)}, field+".of")
			r.saw(claim{id: o.ID, rel: domain.LinkOf, to: org.(string)})
		}
		return r.counted(o.ID, false, err)
	}
	id, err := r.one(`
		MATCH (o:Office {normalizedTitle: $key})
		WHERE CASE WHEN $org IS NULL THEN NOT EXISTS { (o)-[:OF]->() }
		           ELSE EXISTS { (o)-[:OF]->(:Organisation {id: $org}) } END
		RETURN o.id, o:`+hiddenLabel+` ORDER BY coalesce(o.seq, o.id) LIMIT 1`, map[string]any{"key": key, "org": org})
	if org != nil && id != "" {
		r.saw(claim{id: id, rel: domain.LinkOf, to: org.(string)})
	}
	if err != nil || id != "" {
		return r.counted(id, false, err)
	}
	id = newID()
	err = exec(r.ctx, r.tx, `
		CREATE (o:Office:Correspondent {id: $id})
		SET o.seq = $seq, o.title = $title, o.normalizedTitle = $key, o.nameKey = $key, o.nameKeys = [$key], o.createdAt = $now,
		    o.openNameKeys = [$key]
		WITH o
		MATCH (org:Organisation {id: $org})
		CREATE (o)-[:OF]->(org)`,
		map[string]any{"id": id, "seq": newSeq(), "title": o.Title, "key": key, "org": org, "now": r.now})
	if org != nil {
		r.saw(claim{id: id, rel: domain.LinkOf, to: org.(string)})
	}
	return r.counted(id, true, err)
}
