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
	// known are correspondent ids this write's look-ups found: in a batch, the
	// ids its documents name (batch.lookup); and hidden nodes an identity look-up
	// found (foundHidden), which are there though the caller does not see them yet:
	// the write asserts them, and refreshAll shows them, as a graph without what
	// hid them would have the nodes the look-up made.
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
	if r.known == nil {
		r.known = map[string]bool{}
	}
	r.known[id] = true
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

// must checks that a node with the label and id exists (for the caller, or found by
// this write's look-ups); a missing one is bad input at field.
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
