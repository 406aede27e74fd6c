package gen

import (
	"fmt"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// ref names a correspondent of the population: persons first, then organisations,
// then offices.
type ref int32

// person is a person of the population. Index order is activity rank: person 0 is the
// busiest.
type person struct {
	name      string // without honorific
	alias     string // the Latin form of a Persian-script name
	honorific string
	female    bool
	cult      *culture
	emails    []string
	authority string
	home      int     // city
	lo, hi    float64 // active years, as fractions of the span
	member    int     // organisation, or -1
	role      string
	holds     []tenure
}

// office is an office of the population; tenures are its known holders, in order.
type office struct {
	title   string
	org     int
	tenures []tenure
}

// tenure is a person's time in an office, as fractions of the span.
type tenure struct {
	office, person int
	lo, hi         float64
}

// pair is two correspondents who write to each other again and again.
type pair struct{ a, b ref }

// population is everyone letters are written by, to and about. It is built once per
// Config and only read afterwards, so letters can be made concurrently.
type population struct {
	persons []person
	orgs    []org
	offices []office
	pairs   []pair

	personZ, orgZ, officeZ, pairZ weighted
	orgRank, officeRank           []int // activity rank → index, so rank is not kind

	keys   names             // name keys, authority ids and emails in use; needed while building only
	folded map[string]string // name part → its key; see fold
}

// Population shape. The exponents were tuned so that, in 100k letters, the top 1% of
// correspondents are on close to half of all appearances, the busiest on thousands of
// letters, and the median author writes a handful.
const (
	orgShare    = 0.05
	officeShare = 0.05
	personS     = 1.1 // Zipf exponent of person activity
	personQ     = 3   // and its offset
	orgS        = 1.0
	pairS       = 1.0
	pairsPer    = 4 // one recurring pair per this many persons
)

func newPopulation(cfg Config) *population {
	r := newRNG(cfg.Seed, 1<<63)
	n := cfg.Correspondents
	nOrg := max(3, int(float64(n)*orgShare+0.5))
	nOff := max(3, int(float64(n)*officeShare+0.5))
	p := &population{keys: names{}, folded: map[string]string{}}
	p.buildOrgs(&r, nOrg)
	p.buildPersons(&r, max(1, n-nOrg-nOff))
	p.personZ = zipf(len(p.persons), personS, personQ)
	p.buildOffices(&r, nOff)
	p.buildPairs(&r)
	p.orgZ = zipf(len(p.orgs), orgS, 0)
	p.officeZ = zipf(len(p.offices), orgS, 0)
	p.pairZ = zipf(len(p.pairs), pairS, 2)
	p.orgRank = r.perm(len(p.orgs))
	p.officeRank = r.perm(len(p.offices))
	p.keys, p.folded = nil, nil
	return p
}

// perm returns a random permutation of 0..n-1.
func (r *rng) perm(n int) []int {
	out := make([]int, n)
	for i := range out {
		j := r.intn(i + 1)
		out[i], out[j] = out[j], i
	}
	return out
}

// size is the number of correspondents; refs run from 0 to size-1.
func (p *population) size() int { return len(p.persons) + len(p.orgs) + len(p.offices) }

func (p *population) orgRef(i int) ref    { return ref(len(p.persons) + i) }
func (p *population) officeRef(i int) ref { return ref(len(p.persons) + len(p.orgs) + i) }

// names keeps every name key in use, so that no two correspondents meet under one key
// (the importer would take them for one).
type names map[string]bool

func (ns names) free(list ...string) bool {
	for _, s := range list {
		if s != "" && ns[domain.NormalizeName(s)] {
			return false
		}
	}
	return true
}

func (ns names) take(list ...string) {
	for _, s := range list {
		if s != "" {
			ns[domain.NormalizeName(s)] = true
		}
	}
}

func (p *population) buildOrgs(r *rng, n int) {
	taken := p.keys
	add := func(o org) {
		if o.acronym != "" && !taken.free(o.acronym) {
			o.acronym = ""
		}
		taken.take(o.name, o.acronym)
		p.orgs = append(p.orgs, o)
	}
	nState := min(len(countries), max(1, n/5))
	for _, ci := range r.perm(len(countries))[:nState] {
		c := countries[ci]
		o := org{name: c.name, acronym: c.acronym, kind: domain.OrgState, country: ci, partOf: -1,
			mail: "gov." + strings.ToLower(c.iso)}
		if r.chance(0.6) {
			o.authority = p.wikidata(r)
		}
		add(o)
	}
	nGov := n / 4
	for len(p.orgs) < n {
		var o org
		for try := 0; ; try++ {
			o = p.drawOrg(r, nState, len(p.orgs) < nState+nGov)
			if taken.free(o.name) {
				break
			}
			if try > 20 {
				o.name += " (" + cities[r.intn(len(cities))].name + ")"
				if taken.free(o.name) {
					break
				}
			}
		}
		if r.chance(0.1) {
			o.authority = p.wikidata(r)
		}
		add(o)
	}
}

// otherKinds weighs the kinds of organisation that are not part of a state.
var otherKinds = []domain.OrganisationKind{domain.OrgNGO, domain.OrgNGO, domain.OrgNGO, domain.OrgCompany,
	domain.OrgCompany, domain.OrgMedia, domain.OrgMedia, domain.OrgGroup}

// drawOrg draws one organisation that is not a state: a government body of one of the
// first nState organisations when gov is set, else an NGO, company, medium or group.
func (p *population) drawOrg(r *rng, nState int, gov bool) org {
	if gov {
		si := r.intn(nState)
		st := p.orgs[si]
		c := countries[st.country]
		o := org{kind: domain.OrgGovernment, country: st.country, partOf: si}
		switch x := r.float(); {
		case x < 0.6:
			m := pick(r, ministries)
			o.sub, o.name = "ministry", "Ministry of "+m+" of "+c.name
			o.mail = strings.ToLower(initials("Ministry of "+m)) + ".gov." + strings.ToLower(c.iso)
		case x < 0.8:
			o.sub, o.name = "government", "Government of "+c.name
			o.mail = "gov." + strings.ToLower(c.iso)
		default:
			place := pick(r, c.cities)
			o.sub, o.name = "city", "City of "+place
			o.mail = ascii(place, "") + ".gov." + strings.ToLower(c.iso)
		}
		return o
	}
	kind := pick(r, otherKinds)
	ci := r.intn(len(cities))
	name, acr := orgName(r, kind, ci)
	o := org{name: name, acronym: acr, kind: kind, country: cities[ci].country, partOf: -1}
	tld := ".com"
	if kind == domain.OrgNGO || kind == domain.OrgGroup {
		tld = ".org"
	}
	if acr != "" {
		o.mail = strings.ToLower(acr) + tld
	} else {
		o.mail = ascii(name, "") + tld
	}
	return o
}

// wikidata returns a Wikidata-like authority id that no other correspondent has: an
// authority id is an identity key, and a shared one would merge two correspondents.
func (p *population) wikidata(r *rng) string {
	for {
		id := fmt.Sprintf("https://www.wikidata.org/wiki/Q%d", 100000+r.intn(120000000))
		if !p.keys[id] {
			p.keys[id] = true
			return id
		}
	}
}
