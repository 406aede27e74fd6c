package neo4jstore

import (
	"encoding/json"
	"math"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// A batch of documents names hundreds of people, organisations and places; resolving
// each on its own costs a look-up and often a create or a merge, round trips inside
// the transaction. resolveAhead resolves them in a few rounds of one look-up, one
// create and one merge per kind before the documents are written, and leaves the ids
// in the resolver's cache, where the documents' own resolution finds them.
//
// What an input resolves to depends on the database and on the inputs before it (in
// the order the documents' resolution meets them) that share an identity key with it:
// only those can create or change a node it would find. So an input goes in the
// round after the latest of those ("Dr. J. Smith" after "John Smith <j@x>"), and the
// inputs of one round, which share no key, are resolved together with the result
// they would have one by one. Inputs given by id, organisations that are part of
// another, and the inputs after them that share a key with them, are resolved in
// order as before.

// kindAhead gathers the inputs of one kind, in the order the documents' resolution
// would meet them.
type kindAhead struct {
	memoKind string
	find     string
	create   func(*resolver, []map[string]any) error
	update   func(*resolver, []map[string]any) error
	seen     map[string]bool
	inputs   []aheadInput
	keyRound map[string]int // by identity key, the latest round of an input with it
}

// aheadInput is an input to resolve ahead in round, by its memo key.
type aheadInput struct {
	memo  string
	row   map[string]any
	round int
}

// inOrder is the round of an input that is resolved in order, and of those after it
// that share a key with it.
const inOrder = math.MaxInt

func newKindAhead(memoKind, find string, create, update func(*resolver, []map[string]any) error) *kindAhead {
	return &kindAhead{memoKind: memoKind, find: find, create: create, update: update,
		seen: map[string]bool{}, keyRound: map[string]int{}}
}

// add meets an input, whose row rowOf builds. Its round is one more than the latest of the
// inputs met before that share a key with it (1 if none); an input that may not be
// resolved ahead (given by id, or part of another organisation) is resolved in order,
// and so is every later input that shares a key with it.
func (k *kindAhead) add(in any, rowOf func() map[string]any, may bool) {
	memo, ok := memoKey(k.memoKind, in)
	if !ok || k.seen[memo] {
		return // a batch names the same parties again and again: the row is built once
	}
	k.seen[memo] = true
	row := rowOf()
	keys, _ := row["keys"].([]map[string]any)
	round := 1
	for _, key := range keys {
		s, _ := key["k"].(string)
		switch last, ok := k.keyRound[s]; {
		case !ok:
		case last == inOrder:
			round = inOrder
		default:
			round = max(round, last+1)
		}
	}
	if !may || len(keys) == 0 {
		round = inOrder
	}
	for _, key := range keys {
		s, _ := key["k"].(string)
		k.keyRound[s] = max(k.keyRound[s], round)
	}
	if round != inOrder {
		k.inputs = append(k.inputs, aheadInput{memo: memo, row: row, round: round})
	}
}

// resolve resolves the inputs round by round: in each, one query looks them up, one
// creates those not found and one merges into those found what they add; the ids go
// to the resolver's cache for the documents' resolution.
func (k *kindAhead) resolve(r *resolver) error {
	rounds := map[int][]aheadInput{}
	last := 0
	for _, in := range k.inputs {
		rounds[in.round] = append(rounds[in.round], in)
		last = max(last, in.round)
	}
	for round := 1; round <= last; round++ {
		if err := k.resolveRound(r, rounds[round]); err != nil {
			return err
		}
	}
	return nil
}

func (k *kindAhead) resolveRound(r *resolver, round []aheadInput) error {
	if len(round) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(round))
	for i, in := range round {
		rows[i] = in.row
		rows[i]["i"] = i
	}
	found, err := r.findEach(k.find, rows)
	if err != nil {
		return err
	}
	var create, update []map[string]any
	for i, in := range round {
		m, ok := found[int64(i)]
		switch {
		case !ok:
			id := newID()
			create = append(create, withID(rows[i], id))
			r.cache[in.memo] = id
			r.fresh[in.memo] = true
		case m.complete:
			r.cache[in.memo] = m.id
			r.fresh[in.memo] = r.hiddenFound[m.id] // counted as made (foundHidden)
		default:
			r.fresh[in.memo] = r.hiddenFound[m.id]
			row := withID(rows[i], m.id)
			row["rename"] = false
			update = append(update, row)
			r.cache[in.memo] = m.id
		}
	}
	if len(create) > 0 {
		if err := k.create(r, create); err != nil {
			return err
		}
	}
	if len(update) > 0 {
		return k.update(r, update)
	}
	return nil
}

// resolveAhead resolves ahead the people, organisations and places of docs that it
// can (see above).
func (b *batch) resolveAhead(docs []*domain.LetterInput) error {
	people := newKindAhead("person", findPeople, (*resolver).createPeople, (*resolver).updatePeople)
	orgs := newKindAhead("organisation", findOrganisations, (*resolver).createOrganisations, (*resolver).updateOrganisations)
	places := newKindAhead("place", findPlaces, (*resolver).createPlaces, (*resolver).updatePlaces)
	var org func(o *domain.OrganisationInput)
	org = func(o *domain.OrganisationInput) {
		orgs.add(o, func() map[string]any { return orgRow(o) }, o.ID == "" && o.PartOf == nil)
		if o.PartOf != nil {
			org(o.PartOf)
		}
	}
	party := func(p *domain.PartyInput) {
		switch {
		case p.Person != nil:
			people.add(p.Person, func() map[string]any { return personRow(p.Person) }, p.Person.ID == "")
		case p.Organisation != nil:
			org(p.Organisation)
		case p.Office != nil && p.Office.Of != nil:
			org(p.Office.Of)
		}
		if p.MemberOf != nil {
			org(&p.MemberOf.Organisation)
		}
		if p.Holds != nil && p.Holds.Office.Of != nil {
			org(p.Holds.Office.Of)
		}
	}
	place := func(p *domain.PlaceInput) { places.add(p, func() map[string]any { return placeRow(p) }, p.ID == "") }
	for _, in := range docs {
		for _, role := range [][]domain.PartyInput{in.Authors, in.Recipients, in.CC, in.BCC} {
			for i := range role {
				party(&role[i])
			}
		}
		for i := range in.OnBehalfOf {
			org(&in.OnBehalfOf[i])
		}
		if in.WrittenAt != nil {
			place(in.WrittenAt)
		}
		for _, m := range in.Mentions {
			switch {
			case m.Party != nil:
				party(m.Party)
			case m.Place != nil:
				place(m.Place)
			}
		}
	}
	for _, k := range []*kindAhead{people, orgs, places} {
		if err := k.resolve(b.r); err != nil {
			return err
		}
	}
	return nil
}

// memoKey is the key under which the resolver caches the resolution of an input of
// a kind: equal inputs resolve alike.
func memoKey(kind string, in any) (string, bool) {
	b, err := json.Marshal(in)
	if err != nil {
		return "", false
	}
	return kind + string(b), true
}
