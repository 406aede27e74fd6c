package gen

import (
	"slices"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Every input is built afresh for each letter, slices included: Normalize cleans
// inputs in place, and a consumer may normalise letters on several goroutines, so no
// two letters may share anything it writes to.

// party returns correspondent c in role at time t, with what a letter of that role
// says about it: the capacity an author signs in, the title a recipient is addressed
// by, the organisation a person belongs to and the office they hold.
func (g *generator) party(r *rng, c ref, role domain.Role, t float64) domain.PartyInput {
	p := g.pop
	switch i := int(c); {
	case i >= len(p.persons)+len(p.orgs):
		oi := i - len(p.persons) - len(p.orgs)
		in := domain.PartyInput{Office: g.office(oi)}
		if role == domain.RoleRecipient && r.chance(0.3) {
			in.As = g.addressAs(oi)
		}
		return in
	case i >= len(p.persons):
		return domain.PartyInput{Organisation: g.org(i - len(p.persons))}
	}
	ps := &p.persons[c]
	in := domain.PartyInput{Person: g.person(r, ps)}
	holdP, memberP := 0.2, 0.1
	switch role {
	case domain.RoleAuthor:
		holdP, memberP = 0.4, 0.5
	case domain.RoleRecipient:
		holdP, memberP = 0.4, 0.15
	}
	if tn := ps.holding(t); tn != nil {
		switch {
		case role == domain.RoleAuthor && r.chance(0.6):
			in.Capacity = p.offices[tn.office].title
		case role == domain.RoleRecipient && r.chance(0.6):
			in.As = g.addressAs(tn.office)
		}
		if r.chance(holdP) {
			in.Holds = &domain.HoldingInput{Office: *g.office(tn.office), From: g.when(tn.lo), To: g.until(tn.hi)}
		}
		return in
	}
	if ps.member >= 0 {
		if role == domain.RoleAuthor && r.chance(0.5) {
			in.Capacity = ps.role
		}
		if r.chance(memberP) {
			in.MemberOf = &domain.MembershipInput{Organisation: *g.org(ps.member), Role: ps.role}
			if r.chance(0.5) && ps.lo <= t {
				in.MemberOf.From = g.when(ps.lo)
			}
		}
	}
	return in
}

// person writes a person as letters do: the same name, addresses and ids every time,
// with the honorific sometimes in its own field, sometimes before the name (Normalize
// splits it off) and sometimes left out.
func (g *generator) person(r *rng, ps *person) *domain.PersonInput {
	in := &domain.PersonInput{Name: ps.name, Emails: slices.Clone(ps.emails)}
	if ps.honorific != "" {
		switch x := r.float(); {
		case x < 0.5:
			in.Honorific = ps.honorific
		case x < 0.7:
			in.Name = ps.honorific + " " + ps.name
		}
	}
	if ps.alias != "" {
		in.Aliases = []string{ps.alias}
	}
	if ps.authority != "" {
		in.AuthorityIDs = []string{ps.authority}
	}
	return in
}

// org writes organisation oi with the body it is part of.
func (g *generator) org(oi int) *domain.OrganisationInput {
	o := &g.pop.orgs[oi]
	in := &domain.OrganisationInput{Name: o.name, Acronym: o.acronym, Kind: o.kind}
	if o.authority != "" {
		in.AuthorityIDs = []string{o.authority}
	}
	if o.partOf >= 0 {
		in.PartOf = g.org(o.partOf)
	}
	return in
}

func (g *generator) office(oi int) *domain.OfficeInput {
	of := &g.pop.offices[oi]
	return &domain.OfficeInput{Title: of.title, Of: g.org(of.org)}
}

// addressAs is the title an office holder is addressed by: "Prime Minister of Albania".
func (g *generator) addressAs(oi int) string {
	of := &g.pop.offices[oi]
	org := g.pop.orgs[of.org].name
	if strings.Contains(of.title, " to ") || strings.Contains(of.title, " in ") {
		return of.title + ", " + org
	}
	return of.title + " of " + org
}

// holding returns the tenure of ps that covers t, if any.
func (ps *person) holding(t float64) *tenure {
	for i := range ps.holds {
		if tn := &ps.holds[i]; t >= tn.lo && t < tn.hi {
			return tn
		}
	}
	return nil
}

// when is the first day of the year at time position t; until is the same for the end
// of a tenure, nil for one that lasts to the end of the span.
func (g *generator) when(t float64) *time.Time {
	d := g.day(t)
	d = time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	return &d
}

func (g *generator) until(t float64) *time.Time {
	if t >= 1 {
		return nil
	}
	d := g.day(t)
	d = time.Date(d.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
	return &d
}
