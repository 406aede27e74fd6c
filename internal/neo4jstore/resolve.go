package neo4jstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// resolver finds the nodes an input describes, or creates them, inside one write
// transaction, so that a failure later in the transaction leaves nothing behind. It
// applies the identity rules of DESIGN.md §1, strongest key first: id, then authority
// ids, then email addresses, then normalised names (honorifics, case, spacing and
// diacritics folded away). A name match is refused when both sides carry strong keys
// and they differ: two John Smiths with different addresses are two people.
type resolver struct {
	ctx context.Context
	tx  neo4j.ManagedTransaction
	now time.Time
	// created and matched count the correspondents resolved, for import summaries.
	created, matched int
	// cache, when set, maps an input already resolved in this transaction to its id.
	cache map[string]string
	// letters, in a batch, are the letters placed so far: "h:"+content hash,
	// "x:"+external id, "t:"+title key of letters written, "s:"+title key of stubs.
	letters map[string]placed
	// known, in a batch, are correspondent ids its lookup found (batch.lookup).
	known map[string]bool
}

// counted records whether a correspondent was created or matched, and passes on id.
func (r *resolver) counted(id string, created bool, err error) (string, bool, error) {
	if err == nil {
		if created {
			r.created++
		} else {
			r.matched++
		}
	}
	return id, created, err
}

func newResolver(ctx context.Context, tx neo4j.ManagedTransaction) *resolver {
	return &resolver{ctx: ctx, tx: tx, now: time.Now().UTC()}
}

// memo resolves in at most once per transaction: a batch of letters names the same
// correspondents again and again, and the same input resolves to the same node. A
// repeat counts as matched. Without a cache (single operations) it just resolves.
func (r *resolver) memo(kind string, in any, resolve func() (string, bool, error)) (string, bool, error) {
	if r.cache == nil {
		return resolve()
	}
	b, err := json.Marshal(in)
	if err != nil {
		return resolve()
	}
	key := kind + string(b)
	if id, ok := r.cache[key]; ok {
		r.matched++
		return id, false, nil
	}
	id, created, err := resolve()
	if err == nil {
		r.cache[key] = id
	}
	return id, created, err
}

// once reports whether key is new in this transaction, and remembers it: a batch
// need not write the same affiliation twice. Without a cache every call is new.
func (r *resolver) once(key string) bool {
	if r.cache == nil {
		return true
	}
	if _, ok := r.cache["once:"+key]; ok {
		return false
	}
	r.cache["once:"+key] = ""
	return true
}

// knowsAll is true when every key of the input ($keys) already identifies n: the
// input adds no name, email or authority id, and the merge can be skipped.
const knowsAll = `all(key IN $keys WHERE EXISTS { (:IdentityKey {key: key.k})-[:IDENTIFIES]->(n) })`

// find runs an identity look-up returning (id, complete) and reads its one row.
func (r *resolver) find(cypher string, params map[string]any) (string, bool, error) {
	recs, err := collect(r.ctx, r.tx, cypher, params)
	if err != nil || len(recs) == 0 {
		return "", false, err
	}
	id, _ := recs[0].Values[0].(string)
	complete, _ := recs[0].Values[1].(bool)
	return id, complete, nil
}

// one runs a query expected to return at most one id.
func (r *resolver) one(cypher string, params map[string]any) (string, error) {
	recs, err := collect(r.ctx, r.tx, cypher, params)
	if err != nil || len(recs) == 0 {
		return "", err
	}
	id, _ := recs[0].Values[0].(string)
	return id, nil
}

// must checks that a node with the label and id exists; a missing one is bad input
// at field.
func (r *resolver) must(label domain.Label, id, field string) error {
	if label == domain.LabelCorrespondent && r.known[id] {
		return nil
	}
	found, err := r.one(`MATCH (n:`+string(label)+` {id: $id}) RETURN n.id`, map[string]any{"id": id})
	if err != nil {
		return err
	}
	if found == "" {
		return domain.Invalid(field, "no %s has id %q", labelNoun(label), id)
	}
	return nil
}

func labelNoun(l domain.Label) string {
	switch l {
	case domain.LabelCorrespondent:
		return "correspondent"
	case domain.LabelOrganisation:
		return "organisation"
	case domain.LabelPerson:
		return "person"
	case domain.LabelOffice:
		return "office"
	case domain.LabelPlace:
		return "place"
	case domain.LabelLetter:
		return "letter"
	}
	return "node"
}

// party resolves a party to a correspondent id, writing the person's affiliation and
// office when given.
func (r *resolver) party(p *domain.PartyInput, field string) (string, bool, error) {
	var (
		id      string
		created bool
		err     error
	)
	switch {
	case p.ID != "":
		return p.ID, false, r.must(domain.LabelCorrespondent, p.ID, field+".id")
	case p.Person != nil:
		id, created, err = r.person(p.Person, field+".person")
	case p.Organisation != nil:
		id, created, err = r.organisation(p.Organisation, field+".organisation")
	case p.Office != nil:
		id, created, err = r.office(p.Office, field+".office")
	}
	if err != nil {
		return "", false, err
	}
	if m := p.MemberOf; m != nil {
		org, _, err := r.organisation(&m.Organisation, field+".memberOf.organisation")
		if err != nil {
			return "", false, err
		}
		if r.once(fmt.Sprint("member", id, org, m.Role, m.From, m.To)) {
			err = exec(r.ctx, r.tx, `
				MATCH (p:Person {id: $person}), (o:Organisation {id: $org})
				MERGE (p)-[m:MEMBER_OF]->(o)
				SET m.role = coalesce(m.role, $role), m.from = coalesce(m.from, $from), m.to = coalesce(m.to, $to)`,
				map[string]any{"person": id, "org": org, "role": opt(m.Role), "from": neoDate(m.From), "to": neoDate(m.To)})
			if err != nil {
				return "", false, err
			}
		}
	}
	if h := p.Holds; h != nil {
		office, _, err := r.office(&h.Office, field+".holds.office")
		if err != nil {
			return "", false, err
		}
		if r.once(fmt.Sprint("holds", id, office, h.From, h.To)) {
			err = exec(r.ctx, r.tx, `
				MATCH (p:Person {id: $person}), (o:Office {id: $office})
				MERGE (p)-[h:HOLDS]->(o)
				SET h.from = coalesce(h.from, $from), h.to = coalesce(h.to, $to)`,
				map[string]any{"person": id, "office": office, "from": neoDate(h.From), "to": neoDate(h.To)})
			if err != nil {
				return "", false, err
			}
		}
	}
	return id, created, nil
}

// person finds or creates a person and merges the input's details into it. With an id,
// a given name renames the person and the old name is kept as an alias.
func (r *resolver) person(p *domain.PersonInput, field string) (string, bool, error) {
	return r.memo("person", p, func() (string, bool, error) { return r.resolvePerson(p, field) })
}

func (r *resolver) resolvePerson(p *domain.PersonInput, field string) (string, bool, error) {
	keys := domain.PersonKeys(p)
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
		id, complete, err = r.find(findByKeys(domain.LabelPerson)+`
			WHERE strength < 3
			   OR ((size($emails) = 0 OR size(n.emails) = 0) AND (size($authorityIds) = 0 OR size(n.authorityIds) = 0))
			RETURN n.id, `+knowsAll+` AND ($honorific IS NULL OR n.honorific IS NOT NULL)
			ORDER BY strength, n.id LIMIT 1`,
			map[string]any{"authorityIds": list(p.AuthorityIDs), "emails": list(p.Emails), "keys": personIdentity(p),
				"honorific": opt(p.Honorific)})
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
		err := exec(r.ctx, r.tx, `
			CREATE (p:Person:Correspondent {id: $id})
			SET p.name = $name, p.normalizedName = $key, p.nameKey = $key, p.nameKeys = $keys,
			    p.honorific = $honorific, p.aliases = $aliases, p.emails = $emails,
			    p.authorityIds = $authorityIds, p.createdAt = $now
			`+registerKeys("p"),
			map[string]any{"id": id, "name": p.Name, "key": domain.NormalizeName(p.Name), "keys": keys,
				"honorific": opt(p.Honorific), "aliases": list(p.Aliases), "emails": list(p.Emails),
				"authorityIds": list(p.AuthorityIDs), "now": r.now, "identity": personIdentity(p)})
		return r.counted(id, true, err)
	}
	err := exec(r.ctx, r.tx, `
		MATCH (p:Person {id: $id})
		WITH p, $name IS NOT NULL AND $rename AND $key <> p.normalizedName AS renamed
		WITH p, renamed, CASE WHEN renamed THEN $name ELSE p.name END AS newName,
		     CASE WHEN renamed THEN [p.name] ELSE [] END
		     + CASE WHEN $name IS NOT NULL AND NOT $rename AND $key <> p.normalizedName THEN [$name] ELSE [] END
		     + $aliases AS newAliases
		SET p.aliases = p.aliases + [a IN newAliases WHERE NOT a IN p.aliases AND a <> newName | a],
		    p.name = newName,
		    p.normalizedName = CASE WHEN renamed THEN $key ELSE p.normalizedName END,
		    p.nameKey = CASE WHEN renamed THEN $key ELSE p.nameKey END,
		    p.honorific = CASE WHEN $rename AND $honorific IS NOT NULL THEN $honorific ELSE coalesce(p.honorific, $honorific) END,
		    p.emails = p.emails + [e IN $emails WHERE NOT e IN p.emails | e],
		    p.authorityIds = p.authorityIds + [a IN $authorityIds WHERE NOT a IN p.authorityIds | a],
		    p.nameKeys = p.nameKeys + [k IN $keys WHERE NOT k IN p.nameKeys | k]
		`+registerKeys("p"),
		map[string]any{"id": id, "name": opt(p.Name), "key": domain.NormalizeName(p.Name), "rename": p.ID != "",
			"honorific": opt(p.Honorific), "aliases": list(p.Aliases), "emails": list(p.Emails),
			"authorityIds": list(p.AuthorityIDs), "keys": keys, "identity": personIdentity(p)})
	return r.counted(id, false, err)
}

// organisation finds or creates an organisation (by authority id, then name, acronym
// or alias) and merges the input's details into it.
func (r *resolver) organisation(o *domain.OrganisationInput, field string) (string, bool, error) {
	return r.memo("organisation", o, func() (string, bool, error) { return r.resolveOrganisation(o, field) })
}

func (r *resolver) resolveOrganisation(o *domain.OrganisationInput, field string) (string, bool, error) {
	keys := domain.OrganisationKeys(o)
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
		id, complete, err = r.find(findByKeys(domain.LabelOrganisation)+`
			WHERE strength = 1 OR size($authorityIds) = 0 OR size(n.authorityIds) = 0
			RETURN n.id, `+knowsAll+` AND ($acronym IS NULL OR n.acronym IS NOT NULL) AND ($kind IS NULL OR n.kind IS NOT NULL)
			ORDER BY strength, n.normalizedName IN $names DESC, n.id LIMIT 1`,
			map[string]any{"authorityIds": list(o.AuthorityIDs), "keys": orgIdentity(o), "names": keys,
				"acronym": opt(o.Acronym), "kind": opt(string(o.Kind))})
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
		err = exec(r.ctx, r.tx, `
			CREATE (o:Organisation:Correspondent {id: $id})
			SET o.name = $name, o.normalizedName = $key, o.nameKey = $key, o.nameKeys = $keys,
			    o.acronym = $acronym, o.kind = $kind, o.aliases = $aliases,
			    o.authorityIds = $authorityIds, o.createdAt = $now
			`+registerKeys("o"),
			map[string]any{"id": id, "name": o.Name, "key": domain.NormalizeName(o.Name), "keys": keys,
				"acronym": opt(o.Acronym), "kind": opt(string(o.Kind)), "aliases": list(o.Aliases),
				"authorityIds": list(o.AuthorityIDs), "now": r.now, "identity": orgIdentity(o)})
	} else {
		err = exec(r.ctx, r.tx, `
			MATCH (o:Organisation {id: $id})
			WITH o, $name IS NOT NULL AND $rename AND $key <> o.normalizedName AS renamed
			WITH o, renamed, CASE WHEN renamed THEN $name ELSE o.name END AS newName,
			     CASE WHEN renamed THEN [o.name] ELSE [] END
			     + CASE WHEN $name IS NOT NULL AND NOT $rename AND $key <> o.normalizedName
			            AND $name <> coalesce(o.acronym, '') AND $name <> coalesce($acronym, '') THEN [$name] ELSE [] END
			     + $aliases AS newAliases
			SET o.aliases = o.aliases + [a IN newAliases WHERE NOT a IN o.aliases AND a <> newName | a],
			    o.name = newName,
			    o.normalizedName = CASE WHEN renamed THEN $key ELSE o.normalizedName END,
			    o.nameKey = CASE WHEN renamed THEN $key ELSE o.nameKey END,
			    o.acronym = CASE WHEN $rename AND $acronym IS NOT NULL THEN $acronym ELSE coalesce(o.acronym, $acronym) END,
			    o.kind = CASE WHEN $rename AND $kind IS NOT NULL THEN $kind ELSE coalesce(o.kind, $kind) END,
			    o.authorityIds = o.authorityIds + [a IN $authorityIds WHERE NOT a IN o.authorityIds | a],
			    o.nameKeys = o.nameKeys + [k IN $keys WHERE NOT k IN o.nameKeys | k]
			`+registerKeys("o"),
			map[string]any{"id": id, "name": opt(o.Name), "key": domain.NormalizeName(o.Name), "rename": o.ID != "",
				"acronym": opt(o.Acronym), "kind": opt(string(o.Kind)), "aliases": list(o.Aliases),
				"authorityIds": list(o.AuthorityIDs), "keys": keys, "identity": orgIdentity(o)})
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
	}
	return r.counted(id, created, nil)
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
			    o.nameKeys = o.nameKeys + [k IN [$key] WHERE NOT k IN o.nameKeys | k]`,
			map[string]any{"id": o.ID, "title": opt(o.Title), "key": key})
		if err == nil && org != nil {
			err = r.link(domain.Link{Kind: domain.LinkOf, From: o.ID, To: org.(string)}, field+".of")
		}
		return r.counted(o.ID, false, err)
	}
	id, err := r.one(`
		MATCH (o:Office {normalizedTitle: $key})
		WHERE CASE WHEN $org IS NULL THEN NOT EXISTS { (o)-[:OF]->() }
		           ELSE EXISTS { (o)-[:OF]->(:Organisation {id: $org}) } END
		RETURN o.id ORDER BY o.id LIMIT 1`, map[string]any{"key": key, "org": org})
	if err != nil || id != "" {
		return r.counted(id, false, err)
	}
	id = newID()
	err = exec(r.ctx, r.tx, `
		CREATE (o:Office:Correspondent {id: $id})
		SET o.title = $title, o.normalizedTitle = $key, o.nameKey = $key, o.nameKeys = [$key], o.createdAt = $now
		WITH o
		MATCH (org:Organisation {id: $org})
		CREATE (o)-[:OF]->(org)`,
		map[string]any{"id": id, "title": o.Title, "key": key, "org": org, "now": r.now})
	return r.counted(id, true, err)
}

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
	key := domain.NormalizeName(p.Name)
	id, complete, err := r.find(findByKeys(domain.LabelPlace)+`
		WHERE strength = 1 OR $country IS NULL OR n.country IS NULL OR n.country = $country
		RETURN n.id, `+knowsAll+` AND ($country IS NULL OR n.country IS NOT NULL)
		ORDER BY strength, n.id LIMIT 1`,
		map[string]any{"keys": placeIdentity(p), "country": opt(p.Country)})
	if err != nil || complete {
		return id, err
	}
	if id != "" {
		err := exec(r.ctx, r.tx, `
			MATCH (p:Place {id: $id})
			SET p.country = coalesce(p.country, $country),
			    p.authorityIds = p.authorityIds + [a IN $authorityIds WHERE NOT a IN p.authorityIds | a]
			`+registerKeys("p"),
			map[string]any{"id": id, "country": opt(p.Country), "authorityIds": list(p.AuthorityIDs), "identity": placeIdentity(p)})
		return id, err
	}
	id = newID()
	err = exec(r.ctx, r.tx, `
		CREATE (p:Place {id: $id})
		SET p.name = $name, p.normalizedName = $key, p.country = $country, p.authorityIds = $authorityIds
		`+registerKeys("p"),
		map[string]any{"id": id, "name": p.Name, "key": key, "country": opt(p.Country), "authorityIds": list(p.AuthorityIDs),
			"identity": placeIdentity(p)})
	return id, err
}

// letterRef resolves a reference to a letter: by id (which must exist), by external id
// or by title (full letters before stubs); an unknown external id or title becomes a
// stub letter.
func (r *resolver) letterRef(ref *domain.LetterRef, field string) (string, error) {
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
	if ref.ExternalID != "" {
		id, err = r.one(`MATCH (l:Letter {externalId: $x}) RETURN l.id`, map[string]any{"x": ref.ExternalID})
	} else {
		id, err = r.one(`MATCH (l:Letter {titleKey: $key}) RETURN l.id ORDER BY l.stub, l.id LIMIT 1`,
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
		map[string]any{"id": id, "props": stubProps(ref, r.now)})
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
