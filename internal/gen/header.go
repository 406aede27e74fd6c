package gen

import "strings"

// Letter shape: how letters come about, and how many parties they have.
const (
	replyShare = 0.22 // answers an earlier letter of the corpus
	pairShare  = 0.20 // between the two correspondents of a recurring pair
	ccGo       = 0.55 // chance of one more copy; makes the cc count geometric, mean ≈ 1.2
	maxCC      = 6
	bccShare   = 0.03
)

// header is the part of a letter that later letters depend on: when it was written,
// by and to whom, about what, under which title. A reply recomputes the header of the
// letter it answers instead of remembering it, so that letters stay independent of
// each other and of the order they are made in.
type header struct {
	t          float64 // position in time, 0..1
	lang       string
	topic      int
	title      string
	authors    []ref
	recipients []ref
	cc         []ref
	parent     int // the letter answered, or -1
}

// Kinds of correspondent in each role: organisations and offices are written to and
// copied far more often than they write.
type kindShares struct{ org, office float64 }

var (
	authorKinds    = kindShares{org: 0.05, office: 0.04}
	recipientKinds = kindShares{org: 0.08, office: 0.10}
	ccKinds        = kindShares{org: 0.20, office: 0.20}
	bccKinds       = kindShares{org: 0.05, office: 0.05}
)

// header makes the header of letter i from its own random stream r, which the caller
// goes on drawing from for the rest of the letter.
func (g *generator) header(i int, r *rng) header {
	t := timeAt((float64(i) + r.float()) / float64(g.cfg.Letters))
	h := header{t: t, parent: -1}
	keepCC := false
	switch x := r.float(); {
	case i > 0 && x < replyShare:
		h.parent = max(0, i-1-r.intn(g.maxBack))
		pr := g.rng(h.parent)
		ph := g.header(h.parent, &pr)
		h.authors = []ref{ph.recipients[0]}
		h.recipients = []ref{ph.authors[0]}
		if len(ph.authors) > 1 && r.chance(0.5) {
			h.recipients = append(h.recipients, ph.authors[1])
		}
		h.topic, h.lang = ph.topic, ph.lang
		if r.chance(0.85) {
			h.title = "Re: " + strings.TrimPrefix(ph.title, "Re: ")
		}
		if keepCC = r.chance(0.5); keepCC {
			for _, c := range ph.cc {
				if !has(h.authors, c) && !has(h.recipients, c) {
					h.cc = append(h.cc, c)
				}
			}
		}
	case x < replyShare+pairShare && len(g.pop.pairs) > 0:
		p := g.pop.pairs[g.pop.pairZ.sample(r)]
		for try := 0; try < 4 && !(g.active(p.a, t) && g.active(p.b, t)); try++ {
			p = g.pop.pairs[g.pop.pairZ.sample(r)]
		}
		a, b := p.a, p.b
		back := 0.2 // an office or organisation answers less often than a person
		if int(b) < len(g.pop.persons) {
			back = 0.5
		}
		if r.chance(back) {
			a, b = b, a
		}
		h.authors, h.recipients = []ref{a}, []ref{b}
	default:
		h.authors = g.draw(r, t, authorKinds, h.authors)
		if r.chance(0.1) {
			h.authors = g.draw(r, t, authorKinds, h.authors)
		}
		h.recipients = g.draw(r, t, recipientKinds, h.recipients, h.authors)
		if x := r.float(); x < 0.06 {
			h.recipients = g.draw(r, t, recipientKinds, h.recipients, h.authors)
			h.recipients = g.draw(r, t, recipientKinds, h.recipients, h.authors)
		} else if x < 0.2 {
			h.recipients = g.draw(r, t, recipientKinds, h.recipients, h.authors)
		}
	}
	if len(h.recipients) == 0 {
		// Only in a population of a handful, where every draw can hit the author.
		h.recipients = []ref{(h.authors[0] + 1) % ref(g.pop.size())}
	}
	if h.parent < 0 {
		h.topic = r.intn(len(topics))
		h.lang = g.language(r, h.authors[0])
	}
	if !keepCC {
		for n := 0; n < maxCC && r.chance(ccGo); n++ {
			h.cc = g.draw(r, t, ccKinds, h.cc, h.authors, h.recipients)
		}
	}
	if h.title == "" {
		h.title = g.title(r, &h)
	}
	return h
}

// draw appends to list a correspondent of the kinds given, active at t, that is in
// none of the lists (so no one is copied on a letter they wrote). When every draw is
// taken, list is returned as it is.
func (g *generator) draw(r *rng, t float64, k kindShares, list []ref, not ...[]ref) []ref {
	p := g.pop
	for range 8 {
		var c ref
		switch x := r.float(); {
		case x < k.org:
			c = p.orgRef(p.orgRank[p.orgZ.sample(r)])
		case x < k.org+k.office:
			c = p.officeRef(p.officeRank[p.officeZ.sample(r)])
		default:
			c = ref(p.activePerson(r, p.personZ, t))
		}
		if has(list, c) {
			continue
		}
		taken := false
		for _, l := range not {
			taken = taken || has(l, c)
		}
		if !taken {
			return append(list, c)
		}
	}
	return list
}

// active reports whether c writes and is written to at t: a person in their active
// years, an organisation or office always.
func (g *generator) active(c ref, t float64) bool {
	if int(c) >= len(g.pop.persons) {
		return true
	}
	ps := &g.pop.persons[c]
	return t >= ps.lo && t <= ps.hi
}

func has(list []ref, c ref) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

// language is what the author writes in: English mostly, and the author's own
// language sometimes.
func (g *generator) language(r *rng, author ref) string {
	if int(author) < len(g.pop.persons) {
		c := g.pop.persons[author].cult
		if c.lang != "" && r.chance(c.native) {
			return c.lang
		}
	}
	return "en"
}
