package gen

import (
	"slices"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Letter shape beyond the header.
const (
	placeShare    = 0.85 // written at a known place
	subjectShare  = 0.25
	relatedShare  = 0.04 // related to earlier letters of the corpus
	stubShare     = 0.005
	mentionsShare = 0.08
	behalfShare   = 0.4 // of authors signing for their organisation
)

// generator makes the letters of one Config over one population.
type generator struct {
	cfg     Config
	pop     *population
	start   time.Time
	days    int
	maxBack int // how far back in the corpus a reply reaches
}

func newGenerator(cfg Config) *generator {
	start := time.Date(cfg.From, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(cfg.To+1, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(end.Sub(start).Hours() / 24)
	return &generator{
		cfg: cfg, pop: newPopulation(cfg), start: start, days: days,
		// About two months of letters, so that answers come weeks after the letter.
		maxBack: max(1, cfg.Letters*60/days),
	}
}

func (g *generator) rng(i int) rng { return newRNG(g.cfg.Seed, uint64(i)) }

// externalID is letter i's id, unique in the corpus and stable across runs, so that
// importing a corpus again changes nothing.
func (g *generator) externalID(i int) string {
	return "gen:" + utoa(g.cfg.Seed) + ":" + itoa(i)
}

// letter makes letter i.
func (g *generator) letter(i int) domain.LetterInput {
	r := g.rng(i)
	h := g.header(i, &r)
	in := domain.LetterInput{
		Title:        h.title,
		Language:     h.lang,
		SourceFormat: domain.FormatJSON,
		ExternalID:   g.externalID(i),
	}
	g.date(&r, &in, h.t, h.lang)
	if r.chance(placeShare) {
		g.place(&r, &in, &h)
	}
	for _, c := range h.authors {
		in.Authors = append(in.Authors, g.party(&r, c, domain.RoleAuthor, h.t))
	}
	for k, a := range in.Authors {
		if a.MemberOf != nil && a.Capacity == a.MemberOf.Role && r.chance(behalfShare) {
			in.OnBehalfOf = append(in.OnBehalfOf, *g.org(g.pop.persons[h.authors[k]].member))
			break
		}
	}
	for _, c := range h.recipients {
		in.Recipients = append(in.Recipients, g.party(&r, c, domain.RoleRecipient, h.t))
	}
	for _, c := range h.cc {
		in.CC = append(in.CC, g.party(&r, c, domain.RoleCC, h.t))
	}
	if r.chance(bccShare) {
		if bcc := g.draw(&r, h.t, bccKinds, nil, h.authors, h.recipients, h.cc); len(bcc) > 0 {
			in.BCC = []domain.PartyInput{g.party(&r, bcc[0], domain.RoleBCC, h.t)}
		}
	}
	if r.chance(subjectShare) {
		in.Subject = g.subject(&r, &h)
	}
	in.Body = g.body(&r, &h)
	if h.parent >= 0 {
		in.RepliesTo = []domain.LetterRef{{ExternalID: g.externalID(h.parent)}}
	}
	if i > 0 && r.chance(relatedShare) {
		for n := r.between(1, 3); n > 0; n-- {
			ref := domain.LetterRef{ExternalID: g.externalID(r.intn(i))}
			if !slices.Contains(in.Related, ref) && !slices.Contains(in.RepliesTo, ref) {
				in.Related = append(in.Related, ref)
			}
		}
	}
	if r.chance(stubShare) {
		// A letter known only by its title, as in "Related posts" lists: the importer
		// makes a stub of it. Few titles, so stubs are shared.
		in.Related = append(in.Related, domain.LetterRef{Title: "Report on " + topics[r.intn(len(topics))].en})
	}
	if r.chance(mentionsShare) {
		g.mention(&r, &in)
	}
	return in
}

// place says where letter h was written: mostly the author's home town, and for an
// organisation or office a city of its country.
func (g *generator) place(r *rng, in *domain.LetterInput, h *header) {
	p := g.pop
	ci := -1
	switch a := int(h.authors[0]); {
	case a < len(p.persons):
		if r.chance(0.8) {
			ci = p.persons[a].home
		}
	case a < len(p.persons)+len(p.orgs):
		if c := p.orgs[a-len(p.persons)].country; c >= 0 {
			ci = cityOf(r, c)
		}
	default:
		if c := p.orgs[p.offices[a-len(p.persons)-len(p.orgs)].org].country; c >= 0 {
			ci = cityOf(r, c)
		}
	}
	if ci < 0 {
		ci = r.intn(len(cities))
	}
	c := cities[ci]
	country := countries[c.country].name
	in.WrittenAt = &domain.PlaceInput{Name: c.name, Country: country}
	if r.chance(0.3) {
		in.PlaceText = c.name + ", " + country
	}
}

// mention names an organisation, a place or an earlier letter in the text.
func (g *generator) mention(r *rng, in *domain.LetterInput) {
	p := g.pop
	switch r.intn(3) {
	case 0:
		org := g.org(p.orgRank[p.orgZ.sample(r)])
		in.Mentions = append(in.Mentions, domain.MentionInput{Party: &domain.PartyInput{Organisation: org}})
	case 1:
		c := cities[r.intn(len(cities))]
		in.Mentions = append(in.Mentions, domain.MentionInput{Place: &domain.PlaceInput{Name: c.name, Country: countries[c.country].name}})
	default:
		if n := len(in.RepliesTo); n > 0 {
			in.Mentions = append(in.Mentions, domain.MentionInput{Letter: &domain.LetterRef{ExternalID: in.RepliesTo[0].ExternalID}})
		}
	}
}

func itoa(n int) string { return utoa(uint64(n)) }

func utoa(n uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(buf[i:])
		}
	}
}
