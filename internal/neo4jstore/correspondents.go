package neo4jstore

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// correspondentKinds is the allowlist of labels a correspondent filter may name.
var correspondentKinds = map[domain.Label]bool{
	domain.LabelPerson: true, domain.LabelOrganisation: true, domain.LabelOffice: true,
}

// correspondentOrder sorts correspondents by their folded name (nameKey, never null).
var correspondentOrder = sortSpec{expr: "c.nameKey", kind: keyString}

const correspondentOrderName = "NAME"

// Correspondent implements domain.Store.
func (s *Store) Correspondent(ctx context.Context, id string) (domain.Correspondent, error) {
	var c domain.Correspondent
	if err := s.runParts(ctx, correspondentRead(visibilityOf(ctx), id, &c, newParams(""))); err != nil {
		return nil, err
	}
	if c == nil {
		return nil, domain.NotFound("correspondent", id)
	}
	return c, nil
}

// correspondentRead reads the correspondent with id into out (nil when none, or
// when v may not see it).
func correspondentRead(v visibility, id string, out *domain.Correspondent, p params) readPart {
	return readPart{
		cypher: `MATCH (c:Correspondent {id: ` + p.bind("id", id) + `}) WHERE ` + v.node("c") + ` RETURN ` + v.correspondentProjection() + ` AS row`,
		params: p.m,
		decode: func(rows []any) {
			if len(rows) > 0 {
				*out = toCorrespondent(mapOf(rows[0]))
			}
		},
	}
}

// selectCorrespondents is the MATCH … WHERE that binds c to each selected correspondent.
func selectCorrespondents(v visibility, f domain.CorrespondentFilter) (string, map[string]any, error) {
	params := map[string]any{}
	var conds []string
	if !v.restricted {
		conds = append(conds, v.node("c"))
	}
	if len(f.Kinds) > 0 {
		var labels []string
		for i, k := range f.Kinds {
			if !correspondentKinds[k] {
				return "", nil, domain.Invalid("filter.kinds["+itoa(i)+"]", "%q is not PERSON, ORGANISATION or OFFICE", k)
			}
			labels = append(labels, string(k))
		}
		conds = append(conds, "c:"+strings.Join(labels, "|"))
	}
	if name := domain.Fold(f.Name); name != "" {
		params["name"], params["word"] = name, " "+name
		keys := "c.nameKeys"
		if !v.restricted {
			keys = "c.openNameKeys" // the open view's (openview.go)
		}
		conds = append(conds, "any(k IN "+keys+" WHERE k STARTS WITH $name OR k CONTAINS $word)")
	} else if strings.TrimSpace(f.Name) != "" {
		return "", nil, domain.Invalid("filter.name", "has no letters or digits")
	}
	if f.OrganisationID != "" {
		params["org"] = f.OrganisationID
		conds = append(conds, "EXISTS { MATCH (c)-[r:OF|MEMBER_OF|PART_OF]->(o:Organisation {id: $org}) WHERE "+v.rel("r")+" AND "+v.node("o")+" }")
	}
	cypher := "MATCH (c:Correspondent)\n"
	if len(conds) > 0 {
		cypher += "WHERE " + strings.Join(conds, "\n  AND ") + "\n"
	}
	return cypher, params, nil
}

// Correspondents implements domain.Store.
func (s *Store) Correspondents(ctx context.Context, f domain.CorrespondentFilter, page domain.PageRequest) (*domain.CorrespondentPage, error) {
	v := visibilityOf(ctx)
	cypher, ps, err := selectCorrespondents(v, f)
	if err != nil {
		return nil, err
	}
	kp, err := keysetPage(correspondentOrder, "c", correspondentOrderName, page, params{m: ps})
	if err != nil {
		return nil, err
	}
	cypher += kp.cypher + "RETURN k, " + v.correspondentProjection() + " AS c"
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (*domain.CorrespondentPage, error) {
		recs, err := collect(ctx, tx, cypher, ps)
		if err != nil {
			return nil, err
		}
		keys := make([]any, len(recs))
		ids := make([]string, len(recs))
		list := make([]domain.Correspondent, len(recs))
		for i, rec := range recs {
			keys[i] = rec.Values[0]
			list[i] = toCorrespondent(mapOf(rec.Values[1]))
			ids[i] = list[i].NodeID()
		}
		n, cursors, info := kp.finish(correspondentOrder, correspondentOrderName, keys, ids)
		return &domain.CorrespondentPage{Correspondents: reorder(list[:n], page.Backward()), Cursors: cursors, PageInfo: info}, nil
	})
}

// CountCorrespondents implements domain.Store.
func (s *Store) CountCorrespondents(ctx context.Context, f domain.CorrespondentFilter) (int, error) {
	cypher, params, err := selectCorrespondents(visibilityOf(ctx), f)
	if err != nil {
		return 0, err
	}
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (int, error) {
		recs, err := collect(ctx, tx, cypher+"RETURN count(c)", params)
		if err != nil {
			return 0, err
		}
		n, _ := recs[0].Values[0].(int64)
		return int(n), nil
	})
}

type upserted struct {
	c       domain.Correspondent
	created bool
}

// UpsertCorrespondent implements domain.Store.
func (s *Store) UpsertCorrespondent(ctx context.Context, p domain.PartyInput, restricted bool) (domain.Correspondent, bool, error) {
	if p.ID != "" {
		return nil, false, domain.Invalid("input", "give a person, organisation or office (with an id to update one)")
	}
	if restricted && !visibilityOf(ctx).restricted {
		return nil, false, domain.ErrRestricted("input.restricted")
	}
	if err := p.Normalize("input", domain.RoleAny); err != nil {
		return nil, false, err
	}
	res, err := write(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (upserted, error) {
		r := newResolver(ctx, tx)
		id, created, err := r.party(&p, "input")
		if err != nil {
			return upserted{}, err
		}
		// A direct edit is a source of what it wrote: readers see it, even with
		// no letter yet (provenance.go); a restricted one is a hidden source, like
		// a restricted letter, whose rename leaves the visible name (writeViews).
		change, err := recordEdit(ctx, tx, "upsertCorrespondent", r.touchedIDs(), r.touched, restricted)
		if err != nil {
			return upserted{}, err
		}
		seq, err := changeSeq(ctx, tx, change)
		if err != nil {
			return upserted{}, err
		}
		for i := range r.touched {
			r.touched[i].seq = seq
		}
		if restricted {
			if err := keepOpenNames(ctx, tx, r.touchedIDs()); err != nil {
				return upserted{}, err
			}
		} else {
			if err := applyClaims(ctx, tx, r.touched); err != nil {
				return upserted{}, err
			}
			if err := markSeen(ctx, tx, r.touched); err != nil {
				return upserted{}, err
			}
		}
		if err := refreshHidden(ctx, tx, r.touchedIDs()); err != nil {
			return upserted{}, err
		}
		recs, err := collect(ctx, tx, `MATCH (c:Correspondent {id: $id}) RETURN `+visibilityOf(ctx).correspondentProjection(),
			map[string]any{"id": id})
		if err != nil {
			return upserted{}, err
		}
		return upserted{toCorrespondent(mapOf(recs[0].Values[0])), created}, nil
	})
	return res.c, res.created, err
}

// Holdings implements domain.Store.
func (s *Store) Holdings(ctx context.Context, ids []string) (map[string][]domain.Holding, error) {
	rows, err := s.affiliations(ctx, ids, "HOLDS", visibilityOf(ctx).correspondentProjection())
	out := map[string][]domain.Holding{}
	for _, a := range rows {
		office, _ := toCorrespondent(a.end).(*domain.Office)
		out[a.id] = append(out[a.id], domain.Holding{Person: a.person, Office: office,
			From: date(a.details, "from"), To: date(a.details, "to")})
	}
	return out, err
}

// Memberships implements domain.Store.
func (s *Store) Memberships(ctx context.Context, ids []string) (map[string][]domain.Membership, error) {
	rows, err := s.affiliations(ctx, ids, "MEMBER_OF", visibilityOf(ctx).correspondentFieldsOf("c"))
	out := map[string][]domain.Membership{}
	for _, a := range rows {
		out[a.id] = append(out[a.id], domain.Membership{Person: a.person, Organisation: toOrganisation(a.end),
			Role: str(a.details, "role"), From: date(a.details, "from"), To: date(a.details, "to")})
	}
	return out, err
}

// affiliation is one membership or office held of a node asked for (id): the
// person, the other end, and its details as the caller may see them.
type affiliation struct {
	id           string
	person       *domain.Person
	end, details map[string]any
}

// affiliations reads, for each of ids, at most MaxListSize of its relationships of
// type rel (HOLDS or MEMBER_OF) either way, earliest start first, as the caller may
// see them; end projects the relationship's end, bound to c.
func (s *Store) affiliations(ctx context.Context, ids []string, rel, end string) ([]affiliation, error) {
	v := visibilityOf(ctx)
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) ([]affiliation, error) {
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (x:Correspondent {id: id})
			CALL {
			  WITH x
			  MATCH (x)-[r:`+rel+`]-(other)
			  WHERE `+v.node("other")+` AND `+v.rel("r")+`
			  WITH r, startNode(r) AS p, endNode(r) AS c
			  ORDER BY `+v.affiliationFrom("r")+`, c.nameKey, p.nameKey
			  LIMIT $max
			  RETURN r, p, c
			}
			RETURN id, `+v.correspondentFieldsOf("p")+`, `+end+`, `+v.affiliation("r"),
			map[string]any{"ids": ids, "max": domain.MaxListSize})
		if err != nil {
			return nil, err
		}
		out := make([]affiliation, len(recs))
		for i, rec := range recs {
			id, _ := rec.Values[0].(string)
			out[i] = affiliation{id: id, person: toPerson(mapOf(rec.Values[1])), end: mapOf(rec.Values[2]), details: mapOf(rec.Values[3])}
		}
		return out, nil
	})
}

// Structure implements domain.Store.
func (s *Store) Structure(ctx context.Context, ids []string) (map[string]domain.OrgStructure, error) {
	v := visibilityOf(ctx)
	return read(ctx, s, func(ctx context.Context, tx neo4j.ManagedTransaction) (map[string]domain.OrgStructure, error) {
		recs, err := collect(ctx, tx, `
			UNWIND $ids AS id
			MATCH (org:Organisation {id: id})
			RETURN id,
			  COLLECT { MATCH (c:Office)-[r:OF]->(org) WHERE `+v.node("c")+` AND `+v.rel("r")+`
			    WITH c ORDER BY c.nameKey LIMIT $max RETURN `+v.correspondentProjection()+` } AS offices,
			  COLLECT { MATCH (part:Organisation)-[r:PART_OF]->(org) WHERE `+v.node("part")+` AND `+v.rel("r")+`
			    WITH part ORDER BY part.nameKey LIMIT $max RETURN `+v.correspondentFieldsOf("part")+` } AS parts,
			  COLLECT { MATCH (org)-[r:PART_OF]->(parent:Organisation) WHERE `+v.node("parent")+` AND `+v.rel("r")+`
			    WITH parent ORDER BY parent.nameKey LIMIT $max RETURN `+v.correspondentFieldsOf("parent")+` } AS partOf`,
			map[string]any{"ids": ids, "max": domain.MaxListSize})
		if err != nil {
			return nil, err
		}
		out := map[string]domain.OrgStructure{}
		for _, rec := range recs {
			id, _ := rec.Values[0].(string)
			var st domain.OrgStructure
			for _, m := range listOf(rec.Values[1]) {
				if o, ok := toCorrespondent(m).(*domain.Office); ok {
					st.Offices = append(st.Offices, o)
				}
			}
			for _, m := range listOf(rec.Values[2]) {
				st.Parts = append(st.Parts, toOrganisation(m))
			}
			for _, m := range listOf(rec.Values[3]) {
				st.PartOf = append(st.PartOf, toOrganisation(m))
			}
			sortByName(st.Offices)
			sortByName(st.Parts)
			sortByName(st.PartOf)
			out[id] = st
		}
		return out, nil
	})
}
