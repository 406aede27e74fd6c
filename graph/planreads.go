package graph

import (
	"context"
	"reflect"
	"slices"
	"time"

	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// The reads of the plan: what a place's field asks of the store, decided once from
// the field's arguments, and run once for every object at the place.

// PlanStore is what the plan reads: letters, and what is between correspondents.
type PlanStore interface {
	domain.LetterReader
	domain.CorrespondentReader
	domain.TogetherReader
}

// fieldRead is what one planned field asks for, from its arguments.
type fieldRead struct {
	n       int                   // how many items of a plain list (first)
	letters domain.LetterPageRead // a letter page: the role's involvement comes first, without an id
	pairs   domain.PairPageRead   // a pair page, without an id
	err     error                 // the arguments refused: the field's error at every object
}

// letterFieldRoles maps a correspondent's letter fields to the role each implies.
var letterFieldRoles = map[string]domain.Role{
	"lettersWritten":  domain.RoleAuthor,
	"lettersReceived": domain.RoleRecipient,
	"lettersCopied":   domain.RoleCC,
}

// readOf is what field (of a planned kind, its parts of each letter parts) asks for
// with the typed arguments args, as gqlgen decoded them.
func readOf(kind readKind, field string, args map[string]any, parts domain.LetterParts) fieldRead {
	first, _ := args["first"].(*int)
	switch kind {
	case readLetterPages:
		filter, _ := args["filter"].(*model.LetterFilter)
		f := fromLetterFilter(filter)
		f.Parts = parts
		if role, ok := letterFieldRoles[field]; ok {
			f.Involving = append([]domain.Involvement{{Role: role}}, f.Involving...)
		}
		read := domain.LetterPageRead{Filter: f, Order: domain.OrderDateDesc, Page: pageOf(args)}
		if o, _ := args["orderBy"].(*model.LetterOrder); o != nil {
			read.Order = domain.LetterOrder(*o)
		}
		return fieldRead{letters: read}
	case readPairPages:
		role, _ := args["role"].(*model.Role)
		from, _ := args["dateFrom"].(*time.Time)
		to, _ := args["dateTo"].(*time.Time)
		read := domain.PairPageRead{Filter: domain.PairFilter{Role: domain.Role(deref(role)), DateFrom: from, DateTo: to},
			Order: domain.PairByLetters, Page: pageOf(args)}
		if o, _ := args["orderBy"].(*model.PairOrder); o != nil {
			read.Order = domain.PairOrder(*o)
		}
		return fieldRead{pairs: read}
	}
	n, err := domain.ListSize(first)
	return fieldRead{n: n, err: err}
}

// pageOf is the page that typed first, after, last and before arguments ask for.
func pageOf(args map[string]any) domain.PageRequest {
	first, _ := args["first"].(*int)
	last, _ := args["last"].(*int)
	after, _ := args["after"].(*string)
	before, _ := args["before"].(*string)
	return pageRequest(first, after, last, before)
}

// letterPageOf is the page of letters n asks of the object with id (a
// correspondent's, or the exchange's whose filter is f).
func (n *planNode) letterPageOf(id string, exchange *domain.LetterFilter) domain.LetterPageRead {
	read := n.read.letters
	f := read.Filter
	if exchange != nil {
		f.Involving, f.DateFrom, f.DateTo = exchange.Involving, exchange.DateFrom, exchange.DateTo
	} else {
		f.Involving = slices.Clone(f.Involving)
		f.Involving[0].CorrespondentID = id
	}
	read.Filter = f
	return read
}

// pairPageOf is the page of pairs n asks of the correspondent with id.
func (n *planNode) pairPageOf(id string) domain.PairPageRead {
	read := n.read.pairs
	read.ID = id
	return read
}

// readGroup reads, for the nodes of one kind at one place, what they ask of the
// objects parents, in one store call per distinct request, and keeps each node's
// value per object in p. Objects that already have a value (read together with
// their root) are not read again.
func (p *planRun) readGroup(ctx context.Context, nodes []*planNode, parents []any) {
	switch nodes[0].Read {
	case readLetterLinks:
		p.readLinks(ctx, nodes, parents)
	case readHoldings:
		readByID(ctx, p, nodes, parents, p.store.Holdings, func(n *planNode, h []domain.Holding) any { return toHoldings(upTo(h, n.read.n)) })
	case readMemberships:
		readByID(ctx, p, nodes, parents, p.store.Memberships, func(n *planNode, m []domain.Membership) any { return toMemberships(upTo(m, n.read.n)) })
	case readStructure:
		readByID(ctx, p, nodes, parents, p.store.Structure, structureValue)
	case readLetterPages:
		for _, same := range alike(nodes, func(n *planNode) any { return n.read.letters }) {
			p.readLetterPages(ctx, same, parents)
		}
	case readPairPages:
		for _, same := range alike(nodes, func(n *planNode) any { return n.read.pairs }) {
			p.readPairPages(ctx, same, parents)
		}
	}
}

// structureValue is an organisation field's value from its structure.
func structureValue(n *planNode, st domain.OrgStructure) any {
	switch n.Field.Name {
	case "offices":
		return toOffices(upTo(st.Offices, n.read.n))
	case "parts":
		return toOrganisations(upTo(st.Parts, n.read.n))
	}
	return toOrganisations(upTo(st.PartOf, n.read.n))
}

// alike splits nodes into groups that ask the same of the store (their requests
// equal), each group read in one call.
func alike(nodes []*planNode, request func(*planNode) any) [][]*planNode {
	var groups [][]*planNode
next:
	for _, n := range nodes {
		for i, g := range groups {
			if reflect.DeepEqual(request(g[0]), request(n)) {
				groups[i] = append(g, n)
				continue next
			}
		}
		groups = append(groups, []*planNode{n})
	}
	return groups
}

// missing is the ids of the objects among parents that some node has no value for
// yet, each once.
func (p *planRun) missing(nodes []*planNode, parents []any, keep func(v any) bool) []string {
	var ids []string
	seen := map[string]bool{}
	for _, v := range parents {
		id, ok := idOf(v)
		if !ok || seen[id] || (keep != nil && !keep(v)) {
			continue
		}
		for _, n := range nodes {
			if _, _, done := p.results.get(n.Key, id); !done && n.read.err == nil {
				seen[id] = true
				ids = append(ids, id)
				break
			}
		}
	}
	return ids
}

// readByID is readGroup for reads by id that answer with a map: an object the store
// has nothing for gets the value of nothing.
func readByID[V any](ctx context.Context, p *planRun, nodes []*planNode, parents []any,
	read func(context.Context, []string) (map[string]V, error), value func(*planNode, V) any) {
	ids := p.missing(nodes, parents, nil)
	if len(ids) == 0 {
		return
	}
	got, err := read(ctx, ids)
	for _, n := range nodes {
		for _, id := range ids {
			switch {
			case n.read.err != nil:
				p.results.fail(n.Key, id, n.read.err)
			case err != nil:
				p.results.fail(n.Key, id, err)
			default:
				p.results.set(n.Key, id, value(n, got[id]))
			}
		}
	}
}

// readLinks gives each letter field its value from the letter's links, reading in
// one call the letters that came without the parts asked.
func (p *planRun) readLinks(ctx context.Context, nodes []*planNode, parents []any) {
	var need domain.LetterParts
	for _, n := range nodes {
		need |= letterLinkFields[n.Field.Name].part
	}
	ids := p.missing(nodes, parents, func(v any) bool {
		l, _ := v.(*model.Letter)
		return l != nil && (l.Links == nil || !l.Links.Parts.Has(need))
	})
	read := map[string]*domain.Letter{}
	var err error
	if len(ids) > 0 {
		var letters []*domain.Letter
		if letters, err = p.store.LettersByID(ctx, ids); err == nil {
			for _, l := range letters {
				if l != nil {
					read[l.ID] = l
				}
			}
		}
	}
	for _, v := range parents {
		obj, ok := v.(*model.Letter)
		if !ok || obj == nil {
			continue
		}
		for _, n := range nodes {
			f := letterLinkFields[n.Field.Name]
			l := obj.Links
			if l != nil && l.Parts.Has(f.part) && len(n.Children) == 0 {
				continue // the resolver has it from the letter (letterLink): nothing to walk
			}
			if _, _, done := p.results.get(n.Key, obj.ID); done {
				continue
			}
			if l == nil || !l.Parts.Has(f.part) {
				if l = read[obj.ID]; l == nil {
					l = &domain.Letter{ID: obj.ID} // deleted meanwhile: no links
				}
				if err != nil {
					p.results.fail(n.Key, obj.ID, err)
					continue
				}
			}
			if n.read.err != nil {
				p.results.fail(n.Key, obj.ID, n.read.err)
				continue
			}
			p.results.set(n.Key, obj.ID, f.value(l, n.read.n))
		}
	}
}

// readLetterPages reads the page the nodes (asking alike) ask of each
// correspondent among parents, in one call; an exchange's page is read by its
// filter.
func (p *planRun) readLetterPages(ctx context.Context, nodes []*planNode, parents []any) {
	n := nodes[0]
	for _, v := range parents {
		if c, ok := v.(*model.Correspondence); ok && c != nil && len(p.missing(nodes, []any{c}, nil)) > 0 {
			read := n.letterPageOf("", &c.Filter)
			page, err := p.store.Letters(ctx, read.Filter, read.Order, read.Page)
			for _, m := range nodes {
				p.results.put(m.Key, "", func() any { return toLetterConnection(page, read.Filter) }, err)
			}
		}
	}
	ids := p.missing(nodes, parents, func(v any) bool { _, ok := v.(*model.Correspondence); return !ok })
	if len(ids) == 0 {
		return
	}
	read := n.letterPageOf("", nil)
	pages, err := p.store.LettersOfMany(ctx, ids, read.Filter, read.Order, read.Page)
	for _, id := range ids {
		page := pages[id]
		if page == nil {
			page = &domain.LetterPage{}
		}
		f := n.letterPageOf(id, nil).Filter
		for _, m := range nodes {
			p.results.put(m.Key, id, func() any { return toLetterConnection(page, f) }, err)
		}
	}
}

// readPairPages reads the page of pairs the nodes (asking alike) ask of each
// correspondent among parents, together in one query.
func (p *planRun) readPairPages(ctx context.Context, nodes []*planNode, parents []any) {
	ids := p.missing(nodes, parents, nil)
	if len(ids) == 0 {
		return
	}
	var reads domain.Reads
	for _, id := range ids {
		reads.PairPages = append(reads.PairPages, nodes[0].pairPageOf(id))
	}
	res, err := p.store.ReadTogether(ctx, reads)
	for i, id := range ids {
		for _, m := range nodes {
			p.results.put(m.Key, id, func() any { return toPairConnection(res.PairPages[i]) }, err)
		}
	}
}
