package text

import (
	"slices"
	"strings"
	"unicode"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The grammar of the addressee block (signatures.go has the signature's).

// readAddresses reads an addressee block that may name several people over their
// common organisation ("Ms Priya Raman, Co-Chair" and "Mr Tomasz Wilk, Co-Chair"
// over "Postgraduate Tutors' Forum"): each with the lines under the names.
func readAddresses(texts []string) []party {
	// "Al Sindaco del Comune di Bagnacavallo" / "Al Sindaco del Comune di Cotignola":
	// each line that opens with an addressee's prefix starts an addressee of its own.
	var starts []int
	for i, t := range texts {
		f := foldLine(t)
		if n, ok := lex.prefix(secAddresseePrefix, f); ok && n < len(f.w) {
			if _, att := lex.prefix(secAttention, f); !att {
				starts = append(starts, i)
			}
		}
	}
	if len(starts) >= 2 && starts[0] == 0 {
		var out []party
		for k, from := range starts {
			to := len(texts)
			if k+1 < len(starts) {
				to = starts[k+1]
			}
			if p, ok := readAddress(texts[from:to]); ok {
				out = append(out, p)
			}
		}
		return out
	}
	people := 0
	for people < len(texts) && people < domain.MaxParties {
		t := texts[people]
		name, _, _ := strings.Cut(t, ",")
		if _, hon := lex.prefix(secHonorific, foldLine(t)); !hon || !isPersonText(name) {
			break
		}
		people++
	}
	if people < 2 {
		if p, ok := readAddress(texts); ok {
			return []party{p}
		}
		return nil
	}
	var out []party
	for _, t := range texts[:people] {
		if p, ok := readAddress(append([]string{t}, texts[people:]...)); ok {
			out = append(out, p)
		}
	}
	return out
}

// readAddress reads an addressee block: prefixes ("z. Hd.", "To the", "Herrn" on a
// line of its own) and postal lines dropped, then a person with the title and
// organisation written under (or over) the name, or an office, or an organisation.
func readAddress(texts []string) (party, bool) {
	var lines []string
	addressed := map[int]bool{} // lines named after "z. Hd.", "À l'attention de", an honorific
	honour := ""
	for ti, t := range texts {
		t = strings.TrimSpace(t)
		f := foldLine(t)
		n, ok := lex.prefix(secAddresseePrefix, f)
		if na, oka := lex.prefix(secAttention, f); oka && na > n {
			n, ok = na, true // "Attn:", which addresses no one by itself
		}
		if ok {
			rest := strings.TrimSpace(strings.TrimLeft(f.after(n), ":： "))
			if rest == "" {
				if len(lines) > 0 {
					// "Le préfet de la Haute-Savoie" / "à" / "Monsieur le maire de
					// Magland": the sender, then the addressee.
					lines, addressed, honour = nil, map[int]bool{}, ""
				}
				continue
			}
			t = rest
			addressed[len(lines)] = true
		} else if _, hon := lex.prefix(secHonorific, f); len(f.w) > 1 && orgConnectors[f.w[0]] && !hon && len(lines) > 0 && honour == "" && strings.IndexFunc(t, unicode.IsDigit) < 0 {
			lines[len(lines)-1] += " " + t // "Al Sig. Sindaco / del Comune di Montevecchio"
			continue
		}
		if lex.is(secHonorific, t) {
			honour = strings.TrimSpace(honour + " " + t) // "Herrn" over the name
			continue
		}
		if n, ok := lex.prefix(secSalutation, f); ok && n < len(f.w) && lex.is(secHonorific, f.after(n)) {
			honour = strings.TrimSpace(honour + " " + f.after(n)) // "Gentile Prof.ssa" over the name
			continue
		}
		if lex.is(secMailNote, t) {
			continue // "Einschreiben", "Aangetekend": how it was sent, over the address
		}
		if k := dropLeadingArticle(t); len(strings.Fields(k)) == 1 && lex.is(secOrganisationWord, k) && !continuedBy(texts, ti) {
			continue // "Spett.le Ditta": a kind of body, no name, over the name
		}
		if honour != "" {
			t, honour = honour+" "+t, ""
		}
		if _, hon := lex.prefix(secHonorific, foldLine(t)); hon {
			addressed[len(lines)] = true
		}
		lines = append(lines, t)
	}
	roles := make([]lineRole, len(lines))
	person, firstParty, org := -1, -1, -1
	lastAddressed := -1 // "À l'attention de M. Benali" may come under the postal lines
	for i := range lines {
		if addressed[i] {
			lastAddressed = i
		}
	}
	for i := 0; i < len(lines); i++ {
		t := lines[i]
		roles[i] = roleOf(t)
		if name, title, ok := strings.Cut(t, ","); ok && addressed[i] && roles[i] != rolePerson && isPersonText(name) && isTitleText(title) {
			// "Attn: Mr Rawiri Tane, Operations Manager": the name, then its title
			// on a line of its own.
			lines = slices.Insert(lines, i+1, strings.TrimSpace(title))
			roles = slices.Insert(roles, i+1, roleTitle)
			addressed = shiftUp(addressed, i+1)
			lines[i], roles[i] = strings.TrimSpace(name), rolePerson
			lastAddressed++
		}
		if (roles[i] == roleAddress || roles[i] == roleContact) && i < lastAddressed {
			lines, roles, addressed = append(lines[:i:i], lines[i+1:]...), append(roles[:i:i], roles[i+1:]...), shiftDown(addressed, i)
			lastAddressed--
			i--
			continue
		}
		if roles[i] == roleAddress || roles[i] == roleContact {
			lines, roles = lines[:i], roles[:i]
			break
		}
		if roles[i] == rolePerson && org >= 0 && person < 0 && !addressed[i] && !hasInitials(t) {
			// Under an organisation, a name is its addressee's only when addressed
			// ("z. Hd. Frau Dr. Miriam Hollweg") or written with initials ("Беловой
			// А.С."); "Great Dunmow" is the town.
			roles[i] = roleOther
		}
		if roles[i] == roleOrg && org < 0 {
			org = i
		}
		if roles[i] == rolePerson && person < 0 {
			person = i
		}
		if firstParty < 0 && (roles[i] == rolePerson || roles[i] == roleTitle || roles[i] == roleOrg) {
			firstParty = i
		}
	}
	// Under the addressee's name (and title), a line that is no address, no title and
	// no number is the organisation, whatever its words: "Coastline Organic Foods"
	// (one addressee to a block, so a name-like line is no second person).
	for i := person + 1; person >= 0 && i < len(lines); i++ {
		if (roles[i] == roleOther || roles[i] == rolePerson) && len(strings.Fields(lines[i])) <= 8 &&
			(startsUpper(lines[i]) || !hasCase(lines[i])) && strings.IndexFunc(lines[i], unicode.IsDigit) < 0 {
			roles[i] = roleOrg
		}
	}
	if len(lines) == 0 || firstParty < 0 {
		if len(lines) > 0 {
			return entry(lines[0])
		}
		return party{}, false
	}
	if person < 0 {
		// An office ("The Minister of Culture", "وزیر محترم آموزش و پرورش") or an
		// organisation ("Ministry of …" over its department and town).
		t := lines[firstParty]
		if roles[firstParty] == roleTitle {
			p, _ := entry(t)
			if p.in.Office != nil && p.in.Office.Of == nil && firstParty+1 < len(lines) && roles[firstParty+1] == roleOrg {
				p.in.Office.Of = &domain.OrganisationInput{Name: dropLeadingArticle(trimPunct(lines[firstParty+1]))}
			}
			return p, true
		}
		return entry(t)
	}
	p := personParty(lines[person], nil)
	var titles, orgs []string
	for i, t := range lines {
		switch {
		case i == person:
		case roles[i] == roleTitle:
			titles = append(titles, t)
		case roles[i] == roleOrg:
			orgs = append(orgs, dropLeadingArticle(trimPunct(t)))
		}
	}
	if len(titles) > 0 {
		p.title = strings.Join(titles, ", ")
		p.setFunction(p.title)
		if m := p.in.MemberOf; m != nil && len(orgs) > 0 && isDepartment(m.Organisation) {
			// "Director of Capital Projects" over "Riverside Community Health Center":
			// the field is the title's, the body the line under it.
			p.in.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: orgs[0]}, Role: titles[0]}
		}
	}
	if len(orgs) > 0 && p.in.MemberOf == nil && p.in.Holds == nil {
		role := ""
		if len(titles) > 0 {
			role, _ = splitTitleOrg(titles[0])
		}
		if role != "" && isPublicTitle(role) {
			p.in.Holds = &domain.HoldingInput{Office: domain.OfficeInput{Title: role, Of: &domain.OrganisationInput{Name: orgs[0]}}}
		} else {
			p.in.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: orgs[0]}, Role: role}
		}
	}
	return p, true
}

// continuedBy reports whether the line after texts[i] carries it on with a
// connector: "gemeenteraad" / "van Zuidhaven".
func continuedBy(texts []string, i int) bool {
	if i+1 >= len(texts) {
		return false
	}
	f := foldLine(texts[i+1])
	return len(f.w) > 1 && orgConnectors[f.w[0]]
}

// shiftUp renumbers a set of line numbers after a line is inserted at i.
func shiftUp(set map[int]bool, i int) map[int]bool {
	out := make(map[int]bool, len(set))
	for k, v := range set {
		if k >= i {
			k++
		}
		out[k] = v
	}
	return out
}

// shiftDown renumbers a set of line numbers after line i is removed.
func shiftDown(set map[int]bool, i int) map[int]bool {
	out := make(map[int]bool, len(set))
	for k, v := range set {
		switch {
		case k < i:
			out[k] = v
		case k > i:
			out[k-1] = v
		}
	}
	return out
}

// isDepartment reports whether an organisation cut from a title (a membership, so
// not a public office of a town) names a field or a department rather than a body: no
// word of it says it is a body, and it is no state and no acronym ("Capital
// Projects", "Sistemas", "منابع انسانی").
func isDepartment(o domain.OrganisationInput) bool {
	if o.Kind != "" || o.Acronym != "" || isOrgText(o.Name) {
		return false
	}
	_, state := country(o.Name)
	return !state
}

// namesCountry reports whether one of the words of s is a country's name: "Iran
// Interlink" is an organisation, whatever its capitals suggest.
func namesCountry(s string) bool {
	for _, w := range strings.Fields(s) {
		if _, ok := domain.CanonicalCountry(w); ok {
			return true
		}
	}
	return false
}
