package neo4jstore

import (
	"github.com/lettergraph/lettergraph/internal/domain"
)

// place finds a place by authority id, or by name within its country, or creates it.
func (r *resolver) place(p *domain.PlaceInput, field string) (string, error) {
	id, _, err := r.memo("place", p, func() (string, bool, error) {
		id, err := r.resolvePlace(p, field)
		return id, false, err
	})
	return id, err
}

func (r *resolver) resolvePlace(p *domain.PlaceInput, field string) (string, error) {
	if p.ID != "" {
		return p.ID, r.must(domain.LabelPlace, p.ID, field+".id")
	}
	id, complete, err := r.find(findPlaces, placeRow(p))
	if err != nil || complete {
		return id, err
	}
	if id != "" {
		return id, r.updatePlaces([]map[string]any{withID(placeRow(p), id)})
	}
	id = newID()
	return id, r.createPlaces([]map[string]any{withID(placeRow(p), id)})
}

// placeRow is a place input as findPlaces and createPlaces read it.
func placeRow(p *domain.PlaceInput) map[string]any {
	return map[string]any{"keys": placeIdentity(p), "name": p.Name, "key": domain.NormalizeName(p.Name),
		"country": opt(p.Country), "authorityIds": list(p.AuthorityIDs)}
}

// findPlaces finds the place each input names: by authority id, or by name within
// its country.
var findPlaces = findEach(domain.LabelPlace,
	`strength = 1 OR in.country IS NULL OR country IS NULL OR country = in.country`,
	`in.country IS NULL OR n.country IS NOT NULL`, `strength, `+olderFirst)

// updatePlaces merges each row of placeRow (with "id") into the place with its id: a
// country it lacked, authority ids and keys.
func (r *resolver) updatePlaces(rows []map[string]any) error {
	return exec(r.ctx, r.tx, `
		UNWIND $inputs AS in
		MATCH (p:Place {id: in.id})
		SET p.country = coalesce(p.country, in.country),
		    p.authorityIds = p.authorityIds + [a IN in.authorityIds WHERE NOT a IN p.authorityIds | a]
		`+registerKeys("p"), map[string]any{"inputs": rows})
}

// createPlaces creates a place for each row of placeRow with its new "id".
func (r *resolver) createPlaces(rows []map[string]any) error {
	return exec(r.ctx, r.tx, `
		UNWIND $inputs AS in
		CREATE (p:Place {id: in.id})
		SET p.seq = in.seq, p.name = in.name, p.normalizedName = in.key, p.country = in.country, p.authorityIds = in.authorityIds,
		    p.openName = '', p.openAuthorityIds = []
		`+registerKeys("p"),
		map[string]any{"inputs": rows})
}

// letterRef resolves a reference to a letter: by id (which must exist), by external id
// or by title (full letters before stubs); an unknown external id or title becomes a
// stub letter.
func (r *resolver) letterRef(ref *domain.LetterRef, field string) (string, error) {
	id, err := r.resolveLetterRef(ref, field)
	r.saw(claim{id: id})
	return id, err
}

func (r *resolver) resolveLetterRef(ref *domain.LetterRef, field string) (string, error) {
	if ref.ID != "" {
		return ref.ID, r.must(domain.LabelLetter, ref.ID, field+".id")
	}
	key := "t:" + titleKey(ref.Title, "")
	if ref.ExternalID != "" {
		key = "x:" + ref.ExternalID
	}
	if p, ok := r.letters[key]; ok {
		return p.id, nil
	}
	if p, ok := r.letters["s:"+titleKey(ref.Title, "")]; ok && ref.ExternalID == "" {
		return p.id, nil
	}
	var (
		id  string
		err error
	)
	if known, ok := r.refs[key]; ok {
		id = known
	} else if ref.ExternalID != "" {
		id, err = r.one(`MATCH (l:Letter {externalId: $x}) WHERE `+visibilityOf(r.ctx).letter("l")+`
			RETURN l.id ORDER BY l.hashScope = '`+scopeHidden+`' LIMIT 1`, map[string]any{"x": ref.ExternalID})
	} else {
		id, err = r.one(`MATCH (l:Letter {titleKey: $key}) WHERE `+visibilityOf(r.ctx).letter("l")+` RETURN l.id ORDER BY l.stub, coalesce(l.seq, l.id) LIMIT 1`,
			map[string]any{"key": titleKey(ref.Title, "")})
	}
	if err != nil || id != "" {
		return id, err
	}
	id = newID()
	if r.letters != nil {
		if ref.ExternalID != "" {
			r.letters[key] = placed{id: id, stub: true}
		} else {
			r.letters["s:"+titleKey(ref.Title, "")] = placed{id: id, stub: true}
		}
	}
	return id, exec(r.ctx, r.tx, `CREATE (l:Letter {id: $id}) SET l += $props`,
		map[string]any{"id": id, "props": stubProps(ref, r.restrictedDoc)})
}

// mention resolves what a letter mentions to a node id.
func (r *resolver) mention(m *domain.MentionInput, field string) (string, error) {
	switch {
	case m.Party != nil:
		id, _, err := r.party(m.Party, field)
		return id, err
	case m.Place != nil:
		return r.place(m.Place, field+".place")
	default:
		return r.letterRef(m.Letter, field+".letter")
	}
}
