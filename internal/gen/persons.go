package gen

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Person shape.
const (
	honorificShare = 0.25
	authorityShare = 0.10
	memberShare    = 0.30
	noEmailShare   = 0.10
)

var cultureW weighted

func init() {
	w := make([]float64, len(cultures))
	for i, c := range cultures {
		w[i] = c.weight
	}
	cultureW = newWeighted(w)
}

func (p *population) buildPersons(r *rng, n int) {
	p.persons = make([]person, 0, n)
	top := max(1, n/100)
	for k := range n {
		c := cultures[cultureW.sample(r)]
		ps := person{cult: c, female: r.chance(0.5), member: -1}
		p.name(r, &ps)
		if r.chance(honorificShare) {
			ps.honorific = pick(r, ps.honorifics())
		}
		if r.chance(authorityShare) {
			ps.authority = p.wikidata(r)
		}
		// The busiest correspondents are the ones an archive is about: they are active
		// for most of it; the others for a decade or a few.
		span := 0.1 + 0.6*r.float()
		if k < top {
			span = 0.6 + 0.4*r.float()
		}
		ps.lo = (1 - span) * r.float()
		ps.hi = ps.lo + span
		home := byISO[pick(r, c.homes)]
		ps.home = cityOf(r, home)
		if r.chance(memberShare) {
			ps.member = r.intn(len(p.orgs))
			if p.orgs[ps.member].kind == domain.OrgState && r.chance(0.7) {
				ps.member = r.intn(len(p.orgs)) // few people are members of a state as such
			}
			ps.role = pick(r, roles[p.orgs[ps.member].kind])
		}
		p.emails(r, &ps)
		p.persons = append(p.persons, ps)
	}
}

// cityOf returns a city in country ci.
func cityOf(r *rng, ci int) int {
	return firstCity[ci] + r.intn(len(countries[ci].cities))
}

// name composes a name no other correspondent has. When the two-part names of a
// culture run out, a middle name is added, and when those run out too, another culture
// is tried; only when all of them are exhausted is a name reused, and that person is
// still told apart by a distinct email address.
func (p *population) name(r *rng, ps *person) {
	var key, aliasKey string
	for try := 0; try < 200; try++ {
		if try > 0 && try%24 == 0 {
			ps.cult = cultures[cultureW.sample(r)]
		}
		c := ps.cult
		firsts := c.male
		if ps.female {
			firsts = c.female
		}
		parts := []string{pick(r, firsts), pick(r, c.last)}
		if try%24 >= 8 || r.chance(0.04) {
			if middle := pick(r, firsts); middle != parts[0] {
				parts = []string{parts[0], middle, parts[1]}
			}
		}
		var nat, lat, natKey, latKey []string
		for _, s := range parts {
			n, l := script(s)
			nat, lat = append(nat, n), append(lat, l)
			natKey, latKey = append(natKey, p.fold(n)), append(latKey, p.fold(l))
		}
		ps.name, ps.alias, key, aliasKey = strings.Join(nat, " "), "", strings.Join(natKey, " "), ""
		if lat[0] != "" {
			ps.alias, aliasKey = strings.Join(lat, " "), strings.Join(latKey, " ")
		}
		if !p.keys[key] && (aliasKey == "" || !p.keys[aliasKey]) {
			break
		}
	}
	p.keys[key] = true
	if aliasKey != "" {
		p.keys[aliasKey] = true
	}
}

// fold returns the name key of one part of a name. A name key is the parts' keys
// joined by spaces (no part begins or ends in punctuation, and no first name is an
// honorific), so keys are built from a cache instead of folding every draw again.
func (p *population) fold(part string) string {
	k, ok := p.folded[part]
	if !ok {
		k = domain.NormalizeName(part)
		p.folded[part] = k
	}
	return k
}

func (ps *person) honorifics() []string {
	if ps.female {
		return ps.cult.honF
	}
	return ps.cult.honM
}

// emails gives most persons one address derived from the name at a mail provider, and
// members of an organisation often one at its domain too.
func (p *population) emails(r *rng, ps *person) {
	if r.chance(noEmailShare) {
		return
	}
	latin := ps.name
	if ps.alias != "" {
		latin = ps.alias
	}
	parts := strings.Fields(ascii(latin, " "))
	if len(parts) == 0 {
		return
	}
	first, last := parts[0], parts[len(parts)-1]
	var local string
	switch r.intn(5) {
	case 0, 1:
		local = first + "." + last
	case 2:
		local = first[:1] + "." + last
	case 3:
		local = first + last
	default:
		local = last + "." + first
	}
	var hosts []string
	if ps.member >= 0 && p.orgs[ps.member].mail != "" && r.chance(0.5) {
		hosts = append(hosts, p.orgs[ps.member].mail)
		if r.chance(0.3) {
			hosts = append(hosts, pick(r, ps.cult.domains))
		}
	} else {
		hosts = append(hosts, pick(r, ps.cult.domains))
	}
	for _, h := range hosts {
		addr := local + "@" + h
		for n := 2; p.keys[addr]; n++ {
			addr = local + itoa(n) + "@" + h
		}
		p.keys[addr] = true
		ps.emails = append(ps.emails, addr)
	}
}

// asciiFold spells the letters that do not decompose into a base letter and a mark.
var asciiFold = strings.NewReplacer("ß", "ss", "æ", "ae", "ø", "o", "œ", "oe", "ł", "l", "đ", "d", "ı", "i", "þ", "th")

// ascii returns s folded to lower-case ASCII words joined by sep, for mail addresses.
func ascii(s, sep string) string {
	var b strings.Builder
	for i, w := range strings.Fields(asciiFold.Replace(domain.Fold(s))) {
		if i > 0 {
			b.WriteString(sep)
		}
		for _, c := range w {
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}
