package neo4jstore

import (
	"context"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// linkSpec describes a relationship kind: the labels of its ends (anyNode: a letter,
// correspondent or place), whether it runs from To to From in the graph, whether its
// links are ordered by a position, whether a From node has at most one, and which
// properties it carries.
type linkSpec struct {
	from, to domain.Label
	reverse  bool
	ordered  bool
	single   bool
	props    []string
}

const anyNode domain.Label = ""

// linkSpecs is the allowlist of relationship kinds the link operations may touch.
var linkSpecs = map[domain.LinkKind]linkSpec{
	domain.LinkWrote:       {from: domain.LabelLetter, to: domain.LabelCorrespondent, reverse: true, ordered: true, props: []string{"capacity"}},
	domain.LinkAddressedTo: {from: domain.LabelLetter, to: domain.LabelCorrespondent, ordered: true, props: []string{"as"}},
	domain.LinkCC:          {from: domain.LabelLetter, to: domain.LabelCorrespondent, ordered: true},
	domain.LinkBCC:         {from: domain.LabelLetter, to: domain.LabelCorrespondent, ordered: true},
	domain.LinkOnBehalfOf:  {from: domain.LabelLetter, to: domain.LabelOrganisation},
	domain.LinkMentions:    {from: domain.LabelLetter, to: anyNode},
	domain.LinkRepliesTo:   {from: domain.LabelLetter, to: domain.LabelLetter},
	domain.LinkRelatedTo:   {from: domain.LabelLetter, to: domain.LabelLetter},
	domain.LinkWrittenAt:   {from: domain.LabelLetter, to: domain.LabelPlace, single: true},
	domain.LinkHolds:       {from: domain.LabelPerson, to: domain.LabelOffice, props: []string{"from", "to"}},
	domain.LinkOf:          {from: domain.LabelOffice, to: domain.LabelOrganisation, single: true},
	domain.LinkMemberOf:    {from: domain.LabelPerson, to: domain.LabelOrganisation, props: []string{"role", "from", "to"}},
	domain.LinkPartOf:      {from: domain.LabelOrganisation, to: domain.LabelOrganisation},
}

// matchEnd is a clause binding x to the node with the label whose id is the Cypher
// expression id ("$from", "row.to"), if vis may see it; for anyNode it tries each
// kind of node through its own index. imports names the variables id needs inside
// that subquery ("row").
func matchEnd(vis visibility, x string, label domain.Label, id, imports string) string {
	if label == domain.LabelLetter {
		return "MATCH (" + x + ":Letter {id: " + id + "}) WHERE " + vis.letter(x) + "\n"
	}
	if label != anyNode {
		return "MATCH (" + x + ":" + string(label) + " {id: " + id + "}) WHERE " + vis.node(x) + "\n"
	}
	with := ""
	if imports != "" {
		with = "WITH " + imports + " "
	}
	return "CALL { " + with + "MATCH (n:Letter {id: " + id + "}) WHERE " + vis.letter("n") + " RETURN n" +
		" UNION " + with + "MATCH (n:Correspondent {id: " + id + "}) WHERE " + vis.node("n") + " RETURN n" +
		" UNION " + with + "MATCH (n:Place {id: " + id + "}) WHERE " + vis.node("n") + " RETURN n }\nWITH *, n AS " + x + "\n"
}

// arrow is the relationship pattern between a (From) and b (To) with variable r.
func (s linkSpec) arrow(kind domain.LinkKind) string {
	if s.reverse {
		return "(a)<-[r:" + string(kind) + "]-(b)"
	}
	return "(a)-[r:" + string(kind) + "]->(b)"
}

// AddLink implements domain.Store. A BCC link is FORBIDDEN to a caller who does not
// see blind copies, and a letter it may not see is not found.
func (s *Store) AddLink(ctx context.Context, l domain.Link) error {
	if l.Kind == domain.LinkBCC && !visibilityOf(ctx).restricted {
		return domain.ErrRestricted("input.kind")
	}
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		// A party linked to a letter changes its pairs (pairs.go); other ids name
		// no letter.
		err := retally(ctx, tx, []string{l.From, l.To}, func() error { return newResolver(ctx, tx).link(l, "input") })
		if err != nil {
			return struct{}{}, err
		}
		if linkSpecs[l.Kind].from != domain.LabelLetter {
			// A link between correspondents that an editor draws is a direct
			// edit: it is its own source, and shows both ends.
			if _, err := recordEdit(ctx, tx, "addLink "+string(l.Kind), []string{l.From, l.To},
				[]claim{{id: l.From, rel: l.Kind, to: l.To, details: linkDetails(l)}}, false); err != nil {
				return struct{}{}, err
			}
		} else if _, err := recordLinkChange(ctx, tx, "addLink", l.Kind, l.From, l.To); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, refreshAll(ctx, tx, []string{l.From, l.To})
	})
	return err
}

// linkDetails are the details a link between correspondents that an editor draws
// says of a membership or an office held (affiliationDetails): they replace what the
// link had, as the link's own properties are replaced.
func linkDetails(l domain.Link) map[string]any {
	switch l.Kind {
	case domain.LinkMemberOf:
		return affiliationDetails(l.Role, l.Since, l.Until, true)
	case domain.LinkHolds:
		return affiliationDetails("", l.Since, l.Until, true)
	}
	return nil
}

// AddParty implements domain.Store.
func (s *Store) AddParty(ctx context.Context, letterID string, role domain.Role, p domain.PartyInput, position int) (*domain.Letter, error) {
	kind := domain.RoleLink(role)
	if kind == "" {
		return nil, domain.Invalid("role", "%q is not one of AUTHOR, RECIPIENT, CC, BCC", role)
	}
	if kind == domain.LinkBCC && !visibilityOf(ctx).restricted {
		return nil, domain.ErrRestricted("role")
	}
	if err := p.Normalize("party", role); err != nil {
		return nil, err
	}
	if position < 0 {
		return nil, domain.Invalid("position", "must not be negative")
	}
	return write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.Letter, error) {
		if err := newResolver(ctx, tx).must(domain.LabelLetter, letterID, "letterId"); err != nil {
			return nil, err
		}
		err := retally(ctx, tx, []string{letterID}, func() error { return addParty(ctx, tx, letterID, kind, &p, position, false) })
		if err != nil {
			return nil, err
		}
		return loadLetter(ctx, tx, letterID)
	})
}

// addParty links the party p to the letter with letterID in the role of link kind,
// at position (0 appends), inside tx: the party resolved (or created), what it names
// through another asserted by the letter, its claims added to the letter's, the
// history line written and provenance refreshed. onlyNew leaves the link of a party
// the letter has in that role already as it is (what the input names through it is
// still asserted).
func addParty(ctx context.Context, tx neo4j.ManagedTransaction, letterID string, kind domain.LinkKind, p *domain.PartyInput, position int, onlyNew bool) error {
	r := newResolver(ctx, tx)
	r.named = map[string]bool{}
	r.blind = kind == domain.LinkBCC
	id, _, err := r.party(p, "party")
	if err != nil {
		return err
	}
	has := false
	if onlyNew {
		recs, err := collect(ctx, tx, `MATCH (l:Letter {id: $letter})-[r]-(c:Correspondent {id: $id}) WHERE type(r) = $kind RETURN count(r)`,
			map[string]any{"letter": letterID, "id": id, "kind": string(kind)})
		if err != nil {
			return err
		}
		n, _ := recs[0].Values[0].(int64)
		has = n > 0
	}
	if err := addClaims(ctx, tx, letterID, r.claims, r.blindClaims); err != nil {
		return err
	}
	if !has {
		l := domain.Link{Kind: kind, From: letterID, To: id, Position: position, Capacity: p.Capacity, As: p.As,
			Written: writtenName(p)}
		if err := r.link(l, "party"); err != nil {
			return err
		}
	}
	// The letter asserts what the party named through another (an organisation, an
	// office held), as an imported letter does.
	delete(r.named, id)
	if err := exec(ctx, tx, `
		MATCH (l:Letter {id: $letter})
		UNWIND $ids AS nid
		MATCH (n:Correspondent {id: nid})
		MERGE (l)-[a:`+string(assertsRel)+`]->(n)
		// Blind only while every way the letter names n is: a blind copy never
		// hides what the letter names openly.
		ON CREATE SET a.blind = CASE WHEN $blind THEN true END
		ON MATCH SET a.blind = CASE WHEN $blind AND a.blind THEN true END`,
		map[string]any{"letter": letterID, "ids": slices.Collect(maps.Keys(r.named)), "blind": r.blind}); err != nil {
		return err
	}
	// What the party named is asserted and refreshed even when the letter had the
	// party already: the party may name more this time (an organisation, an office).
	if err := refreshAll(ctx, tx, append(r.touchedIDs(), letterID)); err != nil {
		return err
	}
	if has {
		return nil
	}
	_, err = recordLinkChange(ctx, tx, "addParty", kind, letterID, id)
	return err
}

// link creates the link l, or updates its properties when it exists. Ordered links
// are inserted at l.Position (appended when 0) and the role renumbered 1…n.
func (r *resolver) link(l domain.Link, field string) error {
	spec, ok := linkSpecs[l.Kind]
	if !ok {
		return domain.Invalid(field+".kind", "%q is not a link kind", l.Kind)
	}
	if l.From == l.To {
		return domain.Invalid(field, "a node cannot be linked to itself")
	}
	for _, end := range []struct {
		label domain.Label
		id    string
		name  string
	}{{spec.from, l.From, "from"}, {spec.to, l.To, "to"}} {
		label := end.label
		if label == anyNode {
			continue
		}
		if err := r.must(label, end.id, field+"."+end.name); err != nil {
			return err
		}
	}
	if l.Kind == domain.LinkPartOf {
		// Through the parts the caller may see: a refusal from a part only hidden
		// sources gave would tell of it (a caller who sees restricted letters sees
		// every part, so a cycle can come only through such a hidden part).
		cycle, err := r.one(`
			MATCH (b:Organisation {id: $to})-[ps:PART_OF*1..]->(a:Organisation {id: $from})
			WHERE all(p IN ps WHERE `+visibilityOf(r.ctx).rel("p")+`)
			RETURN a.id LIMIT 1`,
			map[string]any{"from": l.From, "to": l.To})
		if err != nil {
			return err
		}
		if cycle != "" {
			return domain.Invalid(field, "would make an organisation part of itself")
		}
	}
	props := map[string]any{}
	for _, p := range spec.props {
		switch p {
		case "capacity":
			props[p] = opt(l.Capacity)
		case "as":
			props[p] = opt(l.As)
		case "role":
			props[p] = opt(l.Role)
		case "from":
			props[p] = neoDate(l.Since)
		case "to":
			props[p] = neoDate(l.Until)
		}
	}
	params := map[string]any{"from": l.From, "to": l.To, "props": props}
	cypher := matchEnd(r.endVisibility(l.From), "a", spec.from, "$from", "") + matchEnd(r.endVisibility(l.To), "b", spec.to, "$to", "")
	if spec.single {
		cypher += "OPTIONAL MATCH (a)-[old:" + string(l.Kind) + "]->(other) WHERE other <> b\nDELETE old\nWITH DISTINCT a, b\n"
	}
	cypher += "MERGE " + spec.arrow(l.Kind) + "\nSET r += $props\n"
	if spec.ordered {
		// A new link goes after the others, or just before the one at Position; the
		// renumbering below then makes positions 1…n again.
		cypher += "SET r.position = CASE WHEN $position > 0 THEN $position - 0.5 " +
			"WHEN r.position IS NULL THEN 2147483647 ELSE r.position END\n"
		params["position"] = l.Position
		// A party given by id says nothing of how the letter writes it: the link
		// keeps what it had.
		cypher += "SET r.written = CASE WHEN $written IS NULL THEN r.written ELSE " + differentName + " END\n"
		params["written"] = opt(l.Written)
	}
	cypher += "RETURN count(r) AS n"
	recs, err := collect(r.ctx, r.tx, cypher, params)
	if err != nil {
		return err
	}
	if n, _ := recs[0].Values[0].(int64); n == 0 {
		return domain.Invalid(field+".to", "no node has id %q", l.To)
	}
	if spec.ordered {
		return r.renumber(l.Kind, l.From)
	}
	return nil
}

// endVisibility is what link may see of the node id at one end of a link: what
// the caller may, or everything for a correspondent this write's look-ups found
// hidden (known; must), which the write asserts.
func (r *resolver) endVisibility(id string) visibility {
	if r.known[id] {
		return visibility{restricted: true}
	}
	return visibilityOf(r.ctx)
}

// renumber makes the positions of a letter's links of one kind 1…n, keeping order.
func (r *resolver) renumber(kind domain.LinkKind, letterID string) error {
	return exec(r.ctx, r.tx, `
		MATCH (:Letter {id: $letter})-[r:`+string(kind)+`]-(:Correspondent)
		WITH r ORDER BY r.position, elementId(r)
		WITH collect(r) AS rels
		UNWIND range(0, size(rels) - 1) AS i
		WITH rels[i] AS r, i
		SET r.position = i + 1`, map[string]any{"letter": letterID})
}

// RemoveLink implements domain.Store.
func (s *Store) RemoveLink(ctx context.Context, kind domain.LinkKind, from, to string) error {
	spec, ok := linkSpecs[kind]
	if !ok {
		return domain.Invalid("kind", "%q is not a link kind", kind)
	}
	if kind == domain.LinkBCC && !visibilityOf(ctx).restricted {
		return domain.ErrRestricted("kind")
	}
	_, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (struct{}, error) {
		pattern := spec.arrow(kind)
		if kind == domain.LinkRelatedTo {
			pattern = "(a)-[r:RELATED_TO]-(b)" // related is read both ways, so removed both ways
		}
		vis := visibilityOf(ctx)
		seen := "true"
		if spec.from != domain.LabelLetter {
			seen = vis.rel("r") // a link between correspondents only hidden sources gave is not there for the caller
		}
		var recs []*neo4j.Record
		err := retally(ctx, tx, []string{from, to}, func() (err error) {
			recs, err = collect(ctx, tx, matchEnd(vis, "a", spec.from, "$from", "")+matchEnd(vis, "b", spec.to, "$to", "")+
				"MATCH "+pattern+" WHERE "+seen+"\nDELETE r\nRETURN count(r) AS n", map[string]any{"from": from, "to": to})
			return err
		})
		if err != nil {
			return struct{}{}, err
		}
		if n, _ := recs[0].Values[0].(int64); n == 0 {
			return struct{}{}, &domain.Error{Code: domain.CodeNotFound,
				Message: "no " + string(kind) + " link between " + from + " and " + to}
		}
		if spec.ordered {
			r := newResolver(ctx, tx)
			if err := r.renumber(kind, from); err != nil {
				return struct{}{}, err
			}
		}
		change, err := recordLinkChange(ctx, tx, "removeLink", kind, from, to)
		if err != nil {
			return struct{}{}, err
		}
		if spec.from != domain.LabelLetter {
			if err := retractClaims(ctx, tx, kind, from, to, change); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, refreshAll(ctx, tx, []string{from, to})
	})
	return err
}

// recordLinkChange records in the history a link of kind added to or removed from a
// letter (or another node); a blind copy's is hidden, and one of a restricted letter
// is hidden for as long as the letter is (History).
func recordLinkChange(ctx context.Context, tx neo4j.ManagedTransaction, op string, kind domain.LinkKind, from, to string) (string, error) {
	return recordChange(ctx, tx, changed{op: op, nodes: []string{from, to},
		after: map[string]any{"kind": string(kind)}, hidden: kind == domain.LinkBCC})
}

// retractClaims records, in the removed list of the correspondent from, that the
// edit change removed its relationship of kind to to: the claims of sources written
// before it no longer assert that relationship (refreshSeen), so that one made again
// later shows what the sources after the removal say, and what hidden material
// alone makes again stays unseen, as in a graph without that material.
func retractClaims(ctx context.Context, tx neo4j.ManagedTransaction, kind domain.LinkKind, from, to, change string) error {
	seq, err := changeSeq(ctx, tx, change)
	if err != nil {
		return err
	}
	return exec(ctx, tx, `
		MATCH (a:Correspondent {id: $from}), (b:Correspondent {id: $to})
		SET a.removed = coalesce(a.removed, []) + [k IN [b.id] + coalesce(b.mergedIds, []) | $kind + $sep + k + $sep + $seq]`,
		map[string]any{"from": from, "to": to, "kind": relRemoval + string(kind), "sep": removedSep, "seq": seq})
}
