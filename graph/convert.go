package graph

import (
	"github.com/lettergraph/lettergraph/graph/model"
	"github.com/lettergraph/lettergraph/internal/domain"
)

// This file holds the converters from domain values to GraphQL models, and
// convert_input.go those from GraphQL inputs to domain values. Resolvers call them
// and nothing else crosses the boundary.

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func ptr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toLetter(l *domain.Letter) *model.Letter {
	if l == nil {
		return nil
	}
	m := &model.Letter{
		ID:            l.ID,
		Title:         ptr(l.Title),
		Subject:       ptr(l.Subject),
		Body:          ptr(l.Body),
		Date:          l.Date,
		DateText:      ptr(l.DateText),
		DatePrecision: model.DatePrecision(l.DatePrecision),
		DateNotBefore: l.DateNotBefore,
		DateNotAfter:  l.DateNotAfter,
		Language:      ptr(l.Language),
		PlaceText:     ptr(l.PlaceText),
		Source:        ptr(l.Source),
		ExternalID:    ptr(l.ExternalID),
		ContentHash:   ptr(l.ContentHash),
		ImportedAt:    l.ImportedAt,
		Stub:          l.Stub,
		Restricted:    l.Restricted,
	}
	if l.SourceFormat != "" {
		f := model.SourceFormat(l.SourceFormat)
		m.SourceFormat = &f
	}
	if l.Parts != 0 {
		m.Links = l
	}
	return m
}

func toLetters(list []*domain.Letter) []*model.Letter {
	out := make([]*model.Letter, 0, len(list))
	for _, l := range list {
		out = append(out, toLetter(l))
	}
	return out
}

func toCorrespondent(c domain.Correspondent) model.Correspondent {
	switch c := c.(type) {
	case *domain.Person:
		return toPerson(c)
	case *domain.Organisation:
		return toOrganisation(c)
	case *domain.Office:
		return toOffice(c)
	}
	return nil
}

func toNode(n domain.Node) model.Node {
	switch n := n.(type) {
	case *domain.Letter:
		return toLetter(n)
	case *domain.Place:
		return toPlace(n)
	case domain.Correspondent:
		return toCorrespondent(n)
	}
	return nil
}

func toPerson(p *domain.Person) *model.Person {
	if p == nil {
		return nil
	}
	return &model.Person{
		ID:             p.ID,
		Name:           p.Name,
		NormalizedName: p.NormalizedName,
		Honorific:      ptr(p.Honorific),
		Aliases:        nonNil(p.Aliases),
		Emails:         nonNil(p.Emails),
		AuthorityIds:   nonNil(p.AuthorityIDs),
	}
}

func toOrganisation(o *domain.Organisation) *model.Organisation {
	if o == nil {
		return nil
	}
	m := &model.Organisation{
		ID:             o.ID,
		Name:           o.Name,
		NormalizedName: o.NormalizedName,
		Acronym:        ptr(o.Acronym),
		Aliases:        nonNil(o.Aliases),
		AuthorityIds:   nonNil(o.AuthorityIDs),
	}
	if o.Kind != "" {
		k := model.OrganisationKind(o.Kind)
		m.Kind = &k
	}
	return m
}

func toOrganisations(list []*domain.Organisation) []*model.Organisation {
	out := make([]*model.Organisation, 0, len(list))
	for _, o := range list {
		out = append(out, toOrganisation(o))
	}
	return out
}

func toOffice(o *domain.Office) *model.Office {
	if o == nil {
		return nil
	}
	return &model.Office{
		ID:              o.ID,
		Name:            o.Title,
		Title:           o.Title,
		NormalizedTitle: o.NormalizedTitle,
		Organisation:    toOrganisation(o.Organisation),
	}
}

func toOffices(list []*domain.Office) []*model.Office {
	out := make([]*model.Office, 0, len(list))
	for _, o := range list {
		out = append(out, toOffice(o))
	}
	return out
}

func toNodes(list []domain.Node) []model.Node {
	out := make([]model.Node, 0, len(list))
	for _, n := range list {
		out = append(out, toNode(n))
	}
	return out
}

func toPlace(p *domain.Place) *model.Place {
	if p == nil {
		return nil
	}
	return &model.Place{ID: p.ID, Name: p.Name, Country: ptr(p.Country), AuthorityIds: nonNil(p.AuthorityIDs)}
}

func toAuthorships(parties []domain.Party) []*model.Authorship {
	out := make([]*model.Authorship, 0, len(parties))
	for _, p := range parties {
		out = append(out, &model.Authorship{Position: p.Position, Capacity: ptr(p.Capacity), NameAsWritten: ptr(p.Written), Correspondent: toCorrespondent(p.Correspondent)})
	}
	return out
}

func toAddressings(parties []domain.Party) []*model.Addressing {
	out := make([]*model.Addressing, 0, len(parties))
	for _, p := range parties {
		out = append(out, &model.Addressing{Position: p.Position, As: ptr(p.As), NameAsWritten: ptr(p.Written), Correspondent: toCorrespondent(p.Correspondent)})
	}
	return out
}

func toCopies(parties []domain.Party) []*model.Copy {
	out := make([]*model.Copy, 0, len(parties))
	for _, p := range parties {
		out = append(out, &model.Copy{Position: p.Position, NameAsWritten: ptr(p.Written), Correspondent: toCorrespondent(p.Correspondent)})
	}
	return out
}

func toHoldings(list []domain.Holding) []*model.Holding {
	out := make([]*model.Holding, 0, len(list))
	for _, h := range list {
		out = append(out, &model.Holding{Person: toPerson(h.Person), Office: toOffice(h.Office), From: h.From, To: h.To})
	}
	return out
}

func toMemberships(list []domain.Membership) []*model.Membership {
	out := make([]*model.Membership, 0, len(list))
	for _, m := range list {
		out = append(out, &model.Membership{Person: toPerson(m.Person), Organisation: toOrganisation(m.Organisation),
			Role: ptr(m.Role), From: m.From, To: m.To})
	}
	return out
}

func toPageInfo(p domain.PageInfo) *model.PageInfo {
	return &model.PageInfo{HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage,
		StartCursor: ptr(p.StartCursor), EndCursor: ptr(p.EndCursor)}
}

func toLetterConnection(p *domain.LetterPage, f domain.LetterFilter) *model.LetterConnection {
	c := &model.LetterConnection{PageInfo: toPageInfo(p.PageInfo), Filter: f,
		Edges: make([]*model.LetterEdge, len(p.Letters)), Nodes: toLetters(p.Letters)}
	for i, l := range c.Nodes {
		c.Edges[i] = &model.LetterEdge{Cursor: p.Cursors[i], Node: l}
	}
	return c
}

func toCorrespondentConnection(p *domain.CorrespondentPage, f domain.CorrespondentFilter) *model.CorrespondentConnection {
	c := &model.CorrespondentConnection{PageInfo: toPageInfo(p.PageInfo), Filter: f,
		Edges: make([]*model.CorrespondentEdge, len(p.Correspondents)),
		Nodes: make([]model.Correspondent, len(p.Correspondents))}
	for i, d := range p.Correspondents {
		c.Nodes[i] = toCorrespondent(d)
		c.Edges[i] = &model.CorrespondentEdge{Cursor: p.Cursors[i], Node: c.Nodes[i]}
	}
	return c
}

func toPairConnection(p *domain.PairPage) *model.CorrespondentPairConnection {
	c := &model.CorrespondentPairConnection{PageInfo: toPageInfo(p.PageInfo),
		Edges: make([]*model.CorrespondentPairEdge, len(p.Pairs)), Nodes: make([]*model.CorrespondentPair, len(p.Pairs))}
	for i, pair := range p.Pairs {
		c.Nodes[i] = &model.CorrespondentPair{
			Correspondent: toCorrespondent(pair.Correspondent), Letters: pair.Letters,
			WroteTo: pair.WroteTo, ReceivedFrom: pair.ReceivedFrom, CopiedOnMine: pair.CopiedOnMine,
			CopiedOnTheirs: pair.CopiedOnTheirs, CopiedAlongside: pair.CopiedAlongside,
			FirstDate: pair.First, LastDate: pair.Last,
		}
		c.Edges[i] = &model.CorrespondentPairEdge{Cursor: p.Cursors[i], Node: c.Nodes[i]}
	}
	return c
}

func toTimeline(t *domain.Timeline) *model.Timeline {
	out := &model.Timeline{Unplaced: t.Unplaced, Points: make([]*model.TimelinePoint, len(t.Points))}
	for i, p := range t.Points {
		out.Points[i] = &model.TimelinePoint{Period: p.Period, Start: p.Start, Letters: p.Letters}
	}
	return out
}

func toStatistics(st *domain.Statistics) *model.GraphStatistics {
	out := &model.GraphStatistics{
		Letters: st.Nodes[domain.LabelLetter], Stubs: st.Stubs, Persons: st.Nodes[domain.LabelPerson],
		Organisations: st.Nodes[domain.LabelOrganisation], Offices: st.Nodes[domain.LabelOffice],
		Places: st.Nodes[domain.LabelPlace],
	}
	// The kinds the store counted: BCC is absent for a caller who does not see it.
	for _, k := range model.AllLinkKind {
		if n, ok := st.Links[domain.LinkKind(k)]; ok {
			out.Links = append(out.Links, &model.LinkCount{Kind: k, Count: n})
		}
	}
	return out
}

func toNetwork(n *domain.Network) *model.Network {
	out := &model.Network{Truncated: n.Truncated, Nodes: make([]*model.NetworkNode, len(n.Nodes)),
		Edges: make([]*model.NetworkEdge, len(n.Edges))}
	for i, node := range n.Nodes {
		out.Nodes[i] = &model.NetworkNode{Correspondent: toCorrespondent(node.Correspondent), Depth: node.Depth}
	}
	for i, e := range n.Edges {
		out.Edges[i] = &model.NetworkEdge{From: e.From, To: e.To, Kind: model.EdgeKind(e.Kind), Weight: e.Weight}
	}
	return out
}

func toPaths(paths []domain.Path) []*model.Path {
	out := make([]*model.Path, len(paths))
	for i, p := range paths {
		mp := &model.Path{Hops: make([]*model.PathHop, len(p.Hops))}
		for j, h := range p.Hops {
			mp.Hops[j] = &model.PathHop{From: toCorrespondent(h.From), FromRole: model.Role(h.FromRole),
				Letter: toLetter(h.Letter), To: toCorrespondent(h.To), ToRole: model.Role(h.ToRole)}
		}
		out[i] = mp
	}
	return out
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func toChange(c *domain.Change) *model.Change {
	if c == nil {
		return nil
	}
	return &model.Change{ID: c.ID, Seq: c.Seq, At: c.At, By: c.By, Operation: c.Operation, Nodes: c.Nodes,
		Before: ptr(c.Before), After: ptr(c.After)}
}

func toChanges(list []*domain.Change) []*model.Change {
	out := make([]*model.Change, len(list))
	for i, c := range list {
		out[i] = toChange(c)
	}
	return out
}

func toSources(list []domain.Source) []*model.Source {
	out := make([]*model.Source, len(list))
	for i, s := range list {
		out[i] = &model.Source{Via: s.Via, Change: toChange(s.Change)}
		if s.Letter != nil {
			out[i].Letter = toLetter(s.Letter)
		}
	}
	return out
}
