package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// resolver finds the nodes an input describes, or creates them, inside one write
// transaction, so that a failure later in the transaction leaves nothing behind. It
// applies the identity rules of docs/design.md §1, strongest key first: id, then authority
// ids, then email addresses, then normalised names (honorifics, case, spacing and
// diacritics folded away). A name match is refused when both sides carry strong keys
// and they differ: two John Smiths with different addresses are two people.
type resolver struct {
	ctx context.Context
	tx  neo4j.ManagedTransaction
	now time.Time
	// since orders before every node this transaction makes (newSeq): their open
	// views are folded when its documents are written, so until then an identity
	// look-up below RESTRICTED_ROLE takes them at their own keys (openKey).
	since string
	// created and matched count the correspondents resolved, for import summaries.
	created, matched int
	// cache, when set, maps an input already resolved in this transaction to its id.
	cache map[string]string
	// letters, in a batch, are the letters placed so far: "h:"+content hash,
	// "x:"+external id, "t:"+title key of letters written, "s:"+title key of stubs.
	letters map[string]placed
	// known, in a batch, are correspondent ids its lookup found (batch.lookup).
	known map[string]bool
	// fresh, in a batch, are the memo keys of inputs created ahead and not used yet.
	fresh map[string]bool
	// refs, in a batch, are the letters the database held for its documents' letter
	// references when it began: "x:"+external id or "t:"+title key, "" for none
	// (batch.lookup).
	refs map[string]string
	// stored, in a batch, are the ids of the letters it writes that were stored
	// before it (stubs it completes): writeLinks merges their links; the others
	// are new and have none.
	stored map[string]bool
	// affiliations are the memberships and offices held that parties gave, to be
	// written together (writeAffiliations).
	affiliations struct{ members, holds []map[string]any }
	// named, while prepare reads one document, are the ids of every node the
	// document names, directly or through another party (provenance.go): true
	// when it names them other than through a blind copy.
	named map[string]bool
	// restrictedDoc is set while prepare reads a restricted document: the stubs
	// its references make are in the hidden scope (stubProps).
	restrictedDoc bool
	// blind is set while the parties resolved are blind copies.
	blind bool
	// claims, while prepare reads one document, are what it says of the nodes it
	// names other than through a blind copy, in order (provenance.go); blindClaims
	// what it says of them through blind copies, which only sources reads.
	claims, blindClaims []claim
	// letterRefs, while prepare reads one document, are its references to letters.
	letterRefs []refLink
	// touched are the nodes the transaction's documents named, in the order met,
	// whose visibility refreshHidden recomputes when they are written.
	touched []claim
	// hiddenFound are hidden nodes that identity look-ups found for a caller below
	// RESTRICTED_ROLE, not yet counted (foundHidden).
	hiddenFound map[string]bool
	// deps, by memo key, are the nodes an input named through others when it was
	// resolved (an office's organisation, a parent): a later document that names
	// the same input names them too, though the cache answers for it.
	deps map[string][]claim
}

// saw records that the document being prepared names the node c.id, and says c.
func (r *resolver) saw(c claim) {
	if c.id == "" {
		return
	}
	if r.named != nil {
		r.named[c.id] = r.named[c.id] || !r.blind
		switch {
		case c.row == nil && c.rel == "":
		case r.blind:
			r.blindClaims = append(r.blindClaims, c)
		default:
			r.claims = append(r.claims, c)
		}
	}
	r.touched = append(r.touched, c)
}

// touchedIDs are the ids of the nodes touched.
func (r *resolver) touchedIDs() []string {
	ids := make([]string, len(r.touched))
	for i, c := range r.touched {
		ids[i] = c.id
	}
	return ids
}

// writeAffiliations writes the memberships and offices held gathered so far, in one
// query. A membership or holding given again keeps the details it has and gains
// those it lacked.
func (r *resolver) writeAffiliations() error {
	a := &r.affiliations
	if len(a.members) == 0 && len(a.holds) == 0 {
		return nil
	}
	err := exec(r.ctx, r.tx, `
		CALL {
			UNWIND $members AS row
			MATCH (p:Person {id: row.person}), (o:Organisation {id: row.org})
			MERGE (p)-[m:MEMBER_OF]->(o)
			SET m.role = coalesce(m.role, row.role), m.from = coalesce(m.from, row.from), m.to = coalesce(m.to, row.to)
		}
		CALL {
			UNWIND $holds AS row
			MATCH (p:Person {id: row.person}), (o:Office {id: row.office})
			MERGE (p)-[h:HOLDS]->(o)
			SET h.from = coalesce(h.from, row.from), h.to = coalesce(h.to, row.to)
		}`, map[string]any{"members": orEmpty(a.members), "holds": orEmpty(a.holds)})
	a.members, a.holds = nil, nil
	return err
}

func orEmpty(rows []map[string]any) []map[string]any {
	if rows == nil {
		return []map[string]any{}
	}
	return rows
}

// counted records whether a correspondent was created or matched, and passes on id.
func (r *resolver) counted(id string, created bool, err error) (string, bool, error) {
	if r.hiddenFound[id] {
		delete(r.hiddenFound, id) // the first time only: a repeat matches what it made
		created = true
	}
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
	return &resolver{ctx: ctx, tx: tx, now: time.Now().UTC(), since: newSeq()}
}

// memo resolves in at most once per transaction: a batch of letters names the same
// correspondents again and again, and the same input resolves to the same node. A
// repeat of a correspondent counts as matched. Without a cache (single operations) it
// just resolves.
func (r *resolver) memo(kind string, in any, resolve func() (string, bool, error)) (string, bool, error) {
	key, keyed := memoKey(kind, in)
	if _, hit := r.cache[key]; keyed && hit {
		for _, dep := range r.deps[key] {
			r.saw(dep)
		}
	}
	start := len(r.touched)
	id, created, err := r.memoized(kind, in, resolve)
	if keyed && err == nil && r.cache != nil {
		if r.deps == nil {
			r.deps = map[string][]claim{}
		}
		if _, done := r.deps[key]; !done {
			r.deps[key] = slices.Clone(r.touched[start:])
		}
	}
	r.saw(claimOf(id, kind, in))
	return id, created, err
}

func (r *resolver) memoized(kind string, in any, resolve func() (string, bool, error)) (string, bool, error) {
	if r.cache == nil {
		return resolve()
	}
	key, ok := memoKey(kind, in)
	if !ok {
		return resolve()
	}
	if id, ok := r.cache[key]; ok {
		fresh := r.fresh[key] // created ahead (resolveAhead): its first use creates it
		delete(r.fresh, key)
		if kind == "place" { // the summaries count correspondents only
			return id, fresh, nil
		}
		if fresh {
			return r.counted(id, true, nil)
		}
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

// match is what an identity look-up found for one input: the node, and whether the
// input adds nothing to it (every key already identifies it, and the details it
// gives are set), so that the merge can be skipped.
type match struct {
	id       string
	complete bool
}

// findEach runs an identity look-up (findPeople and friends) for inputs, rows with an
// index "i", and returns what it found by index; an input that matched nothing has
// no entry.
func (r *resolver) findEach(cypher string, inputs []map[string]any) (map[int64]match, error) {
	recs, err := collect(r.ctx, r.tx, cypher, map[string]any{"inputs": inputs, "restricted": visibilityOf(r.ctx).restricted, "since": r.since})
	if err != nil {
		return nil, err
	}
	out := make(map[int64]match, len(recs))
	for _, rec := range recs {
		i, _ := rec.Values[0].(int64)
		id, _ := rec.Values[1].(string)
		complete, _ := rec.Values[2].(bool)
		if hidden, _ := rec.Values[3].(bool); hidden {
			r.foundHidden(id)
		}
		out[i] = match{id, complete}
	}
	return out, nil
}

// foundHidden records that an identity look-up found the hidden node id. To a
// caller below RESTRICTED_ROLE it counts as created, not matched: in a graph without
// what hides it, the input would have made it (provenance.go).
func (r *resolver) foundHidden(id string) {
	if visibilityOf(r.ctx).restricted {
		return
	}
	if r.hiddenFound == nil {
		r.hiddenFound = map[string]bool{}
	}
	r.hiddenFound[id] = true
}

// find runs an identity look-up for one input row.
func (r *resolver) find(cypher string, row map[string]any) (string, bool, error) {
	row["i"] = 0
	found, err := r.findEach(cypher, []map[string]any{row})
	m := found[0]
	return m.id, m.complete, err
}

// one runs a query expected to return at most one id, and, as a second value if
// any, whether the node is hidden (foundHidden).
func (r *resolver) one(cypher string, params map[string]any) (string, error) {
	recs, err := collect(r.ctx, r.tx, cypher, params)
	if err != nil || len(recs) == 0 {
		return "", err
	}
	id, _ := recs[0].Values[0].(string)
	if len(recs[0].Values) > 1 {
		if hidden, _ := recs[0].Values[1].(bool); hidden {
			r.foundHidden(id)
		}
	}
	return id, nil
}

// must checks that a node with the label and id exists; a missing one is bad input
// at field.
func (r *resolver) must(label domain.Label, id, field string) error {
	if label == domain.LabelCorrespondent && r.known[id] {
		return nil
	}
	// A node hidden from the caller is no more there than one never written: naming
	// it by id would show it, and telling the two apart would tell of it.
	v := visibilityOf(r.ctx)
	cypher := `MATCH (n:` + string(label) + ` {id: $id}) WHERE ` + v.node("n") + ` RETURN n.id`
	if label == domain.LabelLetter {
		cypher = `MATCH (n:Letter {id: $id}) WHERE ` + v.letter("n") + ` RETURN n.id`
	}
	found, err := r.one(cypher, map[string]any{"id": id})
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
		r.saw(claim{id: p.ID})
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
		r.saw(claim{id: id, rel: domain.LinkMemberOf, to: org, details: affiliationDetails(m.Role, m.From, m.To, false)})
		if r.once(fmt.Sprint("member", id, org, m.Role, m.From, m.To)) {
			r.affiliations.members = append(r.affiliations.members, map[string]any{
				"person": id, "org": org, "role": opt(m.Role), "from": neoDate(m.From), "to": neoDate(m.To)})
		}
	}
	if h := p.Holds; h != nil {
		office, _, err := r.office(&h.Office, field+".holds.office")
		if err != nil {
			return "", false, err
		}
		r.saw(claim{id: id, rel: domain.LinkHolds, to: office, details: affiliationDetails("", h.From, h.To, false)})
		if r.once(fmt.Sprint("holds", id, office, h.From, h.To)) {
			r.affiliations.holds = append(r.affiliations.holds, map[string]any{
				"person": id, "office": office, "from": neoDate(h.From), "to": neoDate(h.To)})
		}
	}
	if r.cache == nil { // no batch to write them with
		if err := r.writeAffiliations(); err != nil {
			return "", false, err
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
