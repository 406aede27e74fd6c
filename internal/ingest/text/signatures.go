package text

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The signature block's grammar: each signatory's name, capacity and the
// organisation signed for, with signatures set side by side read column by column.

// withoutCue drops the on-behalf cue that opens a signature line ("ppa. Dirk
// Brüggemann", "i. A. Sabine Rolfes").
func withoutCue(s string) string {
	f := foldLine(s)
	if n, ok := lex.prefix(secOnBehalf, f); ok && n < len(f.w) {
		return f.after(n)
	}
	return s
}

// splitAtColumns cuts a signature block whose columns start below its first line
// ("Haustechnik Brüggemann GmbH" over "ppa. Dirk Brüggemann     i. A. Sabine
// Rolfes"): the lines over the columns are a block of their own.
func splitAtColumns(blocks [][]line) [][]line {
	var out [][]line
	for _, b := range blocks {
		at := slices.IndexFunc(b, func(l line) bool { return columnGap.MatchString(l.raw) })
		if at > 0 && !columnGap.MatchString(b[0].raw) {
			out = append(out, b[:at], b[at:])
			continue
		}
		out = append(out, b)
	}
	return out
}

// entryOfCapacity reports whether a signature line with a comma carries on the
// signatory above it rather than naming another: "Vice President, Customer
// Accounts" (a title first), "Prairie Terminal Storage, Inc." (a company).
func entryOfCapacity(t string) bool {
	first := t
	if i := strings.IndexAny(t, ",—–"); i >= 0 {
		first = t[:i]
	}
	last := t
	if i := strings.LastIndexAny(t, ",—–"); i >= 0 {
		_, size := utf8.DecodeRuneInString(t[i:])
		last = t[i+size:]
	}
	return !isPersonText(first) && isTitleText(first) || lex.is(secOrganisationWord, trimPunct(last))
}

// signatory is one signer read from a signature: the party, its capacity as signed,
// and the organisation signed for.
type signatory struct {
	p        party
	capacity []string
	signsFor *domain.OrganisationInput // the body named over this signatory after an on-behalf cue
}

// columnGap separates the columns of signatures set side by side.
var columnGap = regexp.MustCompile(`\S(\s{3,}|\t+)\S`)

// readSignatures reads the signature blocks: each signatory's name with the lines
// under it (or a title line over it) as capacity; an organisation over the names, or
// after an on-behalf cue ("For and on behalf of", "i.A.", "namens"), is the one
// signed for.
func readSignatures(blocks [][]line, letterhead string) (authors []domain.PartyInput, onBehalf []domain.OrganisationInput, at *place) {
	var sigs []*signatory
	var pendingTitle []string
	var firms []domain.OrganisationInput // organisations named over the signatures
	var colTitles [][]string             // titles set side by side over the names under them ("de secretaris,   de burgemeester,")
	blocks = splitAtColumns(blocks)
	for _, b := range blocks {
		cols := columns(b)
		before := len(sigs)
		var titlesHere [][]string
		for ci, col := range cols {
			var cur *signatory
			var signsFor *domain.OrganisationInput
			if len(cols) > 1 {
				pendingTitle = nil
				if len(colTitles) == len(cols) {
					pendingTitle = colTitles[ci]
				}
			}
			// else a capacity written over the name, a blank line above it ("La
			// Directrice adjointe …," / "" / "Florence Aubertin"), carries on.
			for _, t := range col {
				t = strings.TrimSpace(t)
				if t == "" || isRule(t) {
					continue // a blank, or the dotted line signed on
				}
				if inner, ok := strings.CutPrefix(t, "("); ok && strings.HasSuffix(inner, ")") && !strings.Contains(inner, "(") {
					t = strings.TrimSpace(strings.TrimSuffix(inner, ")")) // "(Prof. Dr. Wilhelm Hasenclever)"
				}
				if s, ok := stripBullet(t); ok && cur == nil || ok && isEntryStart(s) {
					t = s // "1. Amnesty International", "- Jane Doe, PEN International"
					if cur == nil && roleOf(t) != rolePerson && !strings.ContainsAny(t, ",—–") {
						if p, ok := entry(t); ok && p.in.Organisation != nil {
							// An organisation signing in a numbered list is an author.
							sigs = append(sigs, &signatory{p: p})
							continue
						}
					}
					cur = nil
				}
				f := foldLine(t)
				if n, ok := lex.prefix(secSignedMark, f); ok && !initialsOf(f, n) {
					if t = f.after(n); t == "" {
						continue
					}
					f = foldLine(t)
				}
				if pn, pd := lex.prefix(secPostscript, f); pd && (pn == len(f.w) || strings.HasPrefix(strings.TrimSpace(strings.TrimLeft(f.after(pn), ".:")), "(")) {
					// "P.D. (Decreto 112/2019)": by delegation; the titles over it are
					// the delegating post's, the signatory's come under it.
					pendingTitle = nil
					continue
				}
				if n, ok := lex.suffix(secOnBehalf, f); ok && n < len(f.w) && cur == nil {
					// "burgemeester en wethouders van Groningen, namens dezen": the body
					// signed for, then the cue.
					rest := trimPunct(f.upto(len(f.w) - n))
					if _, pre := lex.prefix(secOnBehalf, foldLine(rest)); !pre && !isPersonText(rest) && !isTitleText(rest) {
						o := domain.OrganisationInput{Name: dropLeadingArticle(rest)}
						onBehalf = append(onBehalf, o)
						signsFor = &o
						continue
					}
				}
				n, ok := lex.prefix(secOnBehalf, f)
				if ok && n == 1 && n < len(f.w) && len([]rune(f.w[0])) == 1 &&
					(len([]rune(f.w[1])) == 1 || nameParticles[f.w[1]] && n+1 < len(f.w)) {
					ok = false // "P.J. Verhoeven", "P. de Boer": initials, not "p." (per)
				}
				if ok && n < len(f.w) {
					rest := f.after(n)
					switch {
					case isPersonText(rest) && !isOrgText(rest):
						t = rest
					case lex.is(secGoverningBody, dropLeadingArticle(trimPunct(rest))) || lex.is(secGoverningBody, trimPunct(rest)):
						// "Por la Junta Directiva": for the letter's own organisation.
						continue
					case (isOrgText(rest) || startsUpper(rest)) && !isTitleText(rest):
						o := domain.OrganisationInput{Name: dropLeadingArticle(trimPunct(rest))}
						onBehalf = append(onBehalf, o)
						signsFor = &o
						continue
					case isTitleText(rest) && cur != nil:
						// "For the Director" under the name: signed for a post, which the
						// capacity keeps as written.
					default:
						continue
					}
				} else if ok {
					if k := len(pendingTitle) - 1; k >= 0 && (!isTitleText(pendingTitle[k]) || words(pendingTitle[k]) >= 3) && !isPersonText(pendingTitle[k]) {
						// "burgemeester en wethouders van Kampen," / "namens dezen,": the
						// line over the cue is the body signed for (a bare title, "Der
						// Bürgermeister" over "i.A.", stays the capacity).
						o := domain.OrganisationInput{Name: dropLeadingArticle(trimPunct(pendingTitle[k]))}
						onBehalf = append(onBehalf, o)
						signsFor, pendingTitle = &o, pendingTitle[:k]
					}
					continue // "i.A." alone on its line
				}
				if isProse(t) {
					continue // a remark under the signatures ("affiliations for identification only")
				}
				if parts := splitGap(t); len(parts) == 2 && isPersonText(parts[1]) && !isPersonText(parts[0]) {
					// "Генеральный директор        А.В. Краснов": capacity, then name.
					pendingTitle = append(pendingTitle, parts[0])
					t = parts[1]
				} else if title, name, ok := cutColon(t); ok && isTitleText(title) && isPersonText(name) {
					// "الرئيس: نجيب الطرابلسي", "Le Président : Jean Dupont".
					pendingTitle = append(pendingTitle, title)
					t = name
				}
				if _, ok := parsePlace(t, false); cur != nil && !ok && strings.ContainsAny(t, ",—–") && !entryOfCapacity(t) {
					if p, ok := entry(t); ok && p.in.Person != nil && p.title != "" {
						cur = &signatory{p: p, capacity: []string{p.title}}
						sigs = append(sigs, cur)
						continue
					}
				}
				if cur != nil && !isTitleText(t) {
					if pl, ok := parsePlace(t, false); ok {
						// "Tehran Iran" under a signature: where it was written.
						if at == nil {
							at = &pl
						}
						continue
					}
				}
				switch roleOf(t) {
				case roleContact, roleAddress:
					continue
				case rolePerson:
					if cur != nil && len(cur.capacity) == 0 && namesCountry(t) {
						cur.capacity = append(cur.capacity, t) // "Iran Interlink" under a name
						continue
					}
					if n := len(sigs); n > 0 && len(sigs[n-1].capacity) == 0 && sigs[n-1].p.in.Person != nil && samePerson(sigs[n-1].p.in.Person.Name, personParty(t, nil).in.Person.Name) {
						cur = sigs[n-1] // "/s/ Elaine M. Vasquez" over "Elaine M. Vasquez": one signatory
						continue
					}
					cur = &signatory{p: personParty(t, nil), capacity: pendingTitle, signsFor: signsFor}
					pendingTitle = nil
					sigs = append(sigs, cur)
					continue
				}
				if cur == nil {
					if p, ok := entry(t); ok && p.in.Person != nil && (strings.ContainsAny(t, ",—–(") || len(sigs) > 0) {
						cur = &signatory{p: p}
						if p.title != "" {
							cur.capacity = []string{p.title}
						}
						sigs = append(sigs, cur)
						continue
					}
					if isOrgText(t) && !isTitleText(t) {
						firms = append(firms, domain.OrganisationInput{Name: dropLeadingArticle(trimPunct(t)), Kind: orgKind(t)})
						continue
					}
					pendingTitle = append(pendingTitle, t)
					continue
				}
				cur.capacity = append(cur.capacity, t)
			}
			if len(cols) > 1 {
				titlesHere = append(titlesHere, pendingTitle)
			}
		}
		colTitles = nil
		if len(sigs) == before && len(cols) > 1 {
			colTitles = titlesHere // titles only: the names come in the next block
		}
	}
	if len(sigs) == 0 {
		// An organisation signing with no one's name under it is the author.
		for _, f := range firms {
			o := f
			authors = append(authors, domain.PartyInput{Organisation: &o})
		}
		return authors, onBehalf, at
	}
	onBehalf = append(onBehalf, firms...)
	// The organisation the signatories are of when their lines name none: the one
	// signed for, else the letterhead's.
	home := ""
	switch {
	case len(onBehalf) == 1:
		home = onBehalf[0].Name
	case len(onBehalf) == 0:
		home = letterhead
	}
	for _, s := range sigs {
		a := s.p
		if len(s.capacity) > 0 {
			a.in.Capacity = strings.Join(trimAll(s.capacity), ", ")
			if c := trimAll(s.capacity); a.in.MemberOf == nil && a.in.Holds == nil && len(c) >= 2 &&
				isOrgText(c[len(c)-1]) && !isTitleText(c[len(c)-1]) && !isUnitText(c[len(c)-1]) && isTitleText(c[0]) {
				// "Vice President, Customer Accounts" over "Prairie Terminal Storage,
				// Inc.": the lines over the organisation's are the role in it.
				a.setFunction(strings.Join(c[:len(c)-1], " ") + ", " + c[len(c)-1])
				if m := a.in.MemberOf; m != nil {
					m.Organisation.Name, m.Role = dropLeadingArticle(c[len(c)-1]), strings.Join(c[:len(c)-1], ", ")
				}
			}
			if a.in.MemberOf == nil && a.in.Holds == nil {
				a.setFunction(a.in.Capacity)
			}
			if m := a.in.MemberOf; m != nil && home != "" && isDepartment(m.Organisation) {
				// "Director of Capital Projects", "Jefe de Sistemas" on a hospital's or
				// a firm's letter: the field is the title's, the body the letter's.
				a.in.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: home, Kind: orgKind(home)},
					Role: trimAll(s.capacity)[0]}
			}
			if c := trimAll(s.capacity); a.in.MemberOf == nil && a.in.Holds == nil && len(c) == 1 && !isTitleText(c[0]) && !startsLower(c[0]) &&
				!(home != "" && isUnitText(c[0])) { // "Vertriebsinnendienst" under the name is the home body's unit
				// A line under the name that is no title is the signatory's
				// organisation: "Iran Interlink", "Croatian Helsinki Committee".
				a.in.MemberOf = &domain.MembershipInput{Organisation: *orgNamed(dropLeadingArticle(c[0]))}
			}
			if s.signsFor != nil && a.in.MemberOf == nil && a.in.Holds == nil {
				role, _ := splitTitleOrg(s.capacity[0])
				a.in.MemberOf = &domain.MembershipInput{Organisation: *s.signsFor, Role: role}
			}
			if a.in.MemberOf == nil && a.in.Holds == nil && home != "" {
				role, _ := splitTitleOrg(s.capacity[0])
				if r := dropTitleArticle(role); isPublicTitle(r) {
					// "de burgemeester" on the town's paper holds its office.
					a.in.Holds = &domain.HoldingInput{Office: domain.OfficeInput{Title: r, Of: &domain.OrganisationInput{Name: home, Kind: orgKind(home)}}}
				} else {
					a.in.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: home, Kind: orgKind(home)}, Role: role}
				}
			}
		} else if home != "" && a.in.Person != nil && a.in.MemberOf == nil && a.in.Holds == nil {
			a.in.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: home, Kind: orgKind(home)}}
		}
		authors = append(authors, a.author())
	}
	return authors, onBehalf, at
}

// initialsOf reports whether the first n folded words, a cue made of single letters
// (the signed mark "w.g."), are rather a name's initials: one surname follows and
// nothing else ("W.G. Brouwer").
func initialsOf(f fwords, n int) bool {
	for _, w := range f.w[:n] {
		if len([]rune(w)) != 1 {
			return false
		}
	}
	return len(f.w) == n+1 && !strings.ContainsAny(f.src, "()")
}

func trimAll(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s = trimPunct(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// columns splits a block of signatures set side by side into its columns, by the
// runs of three or more spaces in its first line; a block of one column is returned
// as its lines.
func columns(b []line) [][]string {
	if len(b) == 0 {
		return nil
	}
	first := b[0].raw
	// A capacity beside the name ("Директор          М.Ю. Лопатина") is one signatory
	// on one line, not two columns.
	if parts := splitGap(first); !columnGap.MatchString(first) || len(parts) == 2 && !isPersonText(withoutCue(parts[0])) && isPersonText(withoutCue(parts[1])) {
		var one []string
		for _, l := range b {
			one = append(one, l.text)
		}
		return [][]string{one}
	}
	// The columns start where the first line's parts start (counted in characters,
	// which is how they line up on the page).
	fr := []rune(first)
	var starts []int
	inGap, prevSpace := true, 0
	for i, r := range fr {
		if r == ' ' || r == '\t' {
			prevSpace++
			continue
		}
		if inGap || prevSpace >= 3 {
			starts = append(starts, i)
		}
		inGap, prevSpace = false, 0
	}
	cols := make([][]string, len(starts))
	for _, l := range b {
		lr := []rune(l.raw)
		for k, s := range starts {
			if s >= len(lr) {
				continue
			}
			end := len(lr)
			if k+1 < len(starts) && starts[k+1] < end {
				end = starts[k+1]
			}
			cols[k] = append(cols[k], strings.TrimSpace(string(lr[s:end])))
		}
	}
	return cols
}

// isEntryStart reports whether a bulleted line under a signatory starts another one
// ("2. Jane Doe, PEN International") rather than continuing its capacity ("1.
// Vorsitzende", a first chairwoman).
func isEntryStart(s string) bool {
	if isTitleText(s) {
		return false
	}
	if p, ok := entry(s); ok && (p.in.Organisation != nil || p.in.Person != nil) {
		return true
	}
	return false
}
