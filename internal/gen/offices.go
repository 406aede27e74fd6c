package gen

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// buildOffices gives states most of the offices (heads of government, ministers,
// ambassadors), and the other bodies the rest. Most offices have known holders, one
// after another, drawn from the active persons of their time.
func (p *population) buildOffices(r *rng, n int) {
	var states, govs, others []int
	for i, o := range p.orgs {
		switch o.kind {
		case domain.OrgState:
			states = append(states, i)
		case domain.OrgGovernment:
			govs = append(govs, i)
		default:
			others = append(others, i)
		}
	}
	seen := map[string]bool{}
	// Holders come from all walks of the population, not mostly from its busiest.
	flat := zipf(len(p.persons), 0.5, 0)
	for len(p.offices) < n {
		pool := states
		switch x := r.float(); {
		case x < 0.2 && len(govs) > 0:
			pool = govs
		case x < 0.45 && len(others) > 0:
			pool = others
		}
		oi := pick(r, pool)
		title := pick(r, officeTitles(&p.orgs[oi]))
		if strings.Contains(title, "%c") {
			// An ambassador is sent to another country than their own.
			ci := r.intn(len(countries))
			if ci == p.orgs[oi].country {
				ci = (ci + 1) % len(countries)
			}
			title = strings.ReplaceAll(title, "%c", countries[ci].name)
		}
		title = strings.ReplaceAll(title, "%p", cities[r.intn(len(cities))].name)
		key := itoa(oi) + "\x00" + title
		if seen[key] {
			if len(seen) > 40*n {
				title += " " + itoa(len(p.offices)) // every combination is taken: number the office
			} else {
				seen[key] = true // counts the failed draws towards the limit above
				continue
			}
		}
		seen[key] = true
		of := office{title: title, org: oi}
		if r.chance(0.75) {
			p.tenures(r, &of, len(p.offices), flat)
		}
		p.offices = append(p.offices, of)
	}
}

// tenures splits the span into one to three consecutive terms, each held by a person
// active at its middle, drawn from flat.
func (p *population) tenures(r *rng, of *office, oi int, flat weighted) {
	terms := r.between(1, 3)
	lo := r.float() * 0.5
	for t := range terms {
		hi := lo + (1-lo)*(0.3+0.7*r.float())
		if t == terms-1 && r.chance(0.5) {
			hi = 1
		}
		mid := (lo + hi) / 2
		pi := p.activePerson(r, flat, mid)
		tn := tenure{office: oi, person: pi, lo: lo, hi: hi}
		of.tenures = append(of.tenures, tn)
		p.persons[pi].holds = append(p.persons[pi].holds, tn)
		if hi >= 1 {
			break
		}
		lo = hi
	}
}

// activePerson draws a person by activity whose active years include t. Drawing again
// when one is not active keeps the heavy tail and gives each time its own people; after
// a few tries the last draw is taken, so that sparse times still get someone.
func (p *population) activePerson(r *rng, z weighted, t float64) int {
	var pi int
	for range 8 {
		pi = z.sample(r)
		if ps := &p.persons[pi]; t >= ps.lo && t <= ps.hi {
			return pi
		}
	}
	return pi
}

// buildPairs makes the recurring correspondences: mostly two persons, sometimes a
// person and an office or organisation they keep writing to.
func (p *population) buildPairs(r *rng) {
	// Pairs reach further down the tail than single letters do: that is what makes
	// "letters between A and B" worth asking about for ordinary people.
	flat := zipf(len(p.persons), 0.5, 0)
	n := max(5, len(p.persons)/pairsPer)
	for range n {
		ai := p.personZ.sample(r)
		t := (p.persons[ai].lo + p.persons[ai].hi) / 2
		var b ref
		switch x := r.float(); {
		case x < 0.1:
			b = p.officeRef(r.intn(len(p.offices)))
		case x < 0.15:
			b = p.orgRef(r.intn(len(p.orgs)))
		default:
			b = ref(p.activePerson(r, flat, t))
		}
		if b == ref(ai) {
			continue
		}
		p.pairs = append(p.pairs, pair{a: ref(ai), b: b})
	}
}
