package text

import (
	"slices"
	"strings"
	"unicode"
)

// Titles and their organisations: how a title divides from the organisation it names,
// and what names a unit, a field of work or a place.

// onlyAKind reports whether an organisation's name says only what kind of body it
// is, with or without an article: "the Council", "Comitato", "het bestuur".
func onlyAKind(name string) bool {
	n := dropTitleArticle(trimPunct(name))
	return n != "" && (lex.is(secOrganisationWord, n) || lex.is(secGoverningBody, n))
}

// trimConnector drops the connectors and articles (and "to") that end a title cut
// from its organisation: "Clerk to" (the Council) is "Clerk", "Chief of Protocol of
// the" (Portuguese Republic) is "Chief of Protocol".
func trimConnector(title string) string {
	f := foldLine(title)
	n := len(f.w)
	for n > 1 && (orgConnectors[f.w[n-1]] || lex.words[secArticle][f.w[n-1]] || f.w[n-1] == "to") {
		n--
	}
	if n == len(f.w) {
		return title
	}
	return f.upto(n)
}

// splitTitleOrg divides a title that names its organisation: "Minister of Culture of
// the Republic of Estonia" → "Minister of Culture", "Republic of Estonia";
// "Oberbürgermeister der Stadt Altenbrück" → "Oberbürgermeister", "Stadt
// Altenbrück"; "Chief Executive, National Library" → "Chief Executive", "National
// Library"; "رئیس سازمان نظام مهندسی" → "رئیس", "سازمان نظام مهندسی"; "استاندار یزد"
// → "استاندار", "یزد". The organisation is what starts with an organisation word (after
// a connector, "of", "der", "de", or none), or a place of one word after a connector
// or a public title. A title with no organisation ("Head of Laboratory Services") is
// returned whole.
func splitTitleOrg(s string) (title, org string) {
	title, org = splitTitleFromOrg(s)
	if f := foldLine(org); len(f.w) > 2 && portfolioWords[f.w[0]] {
		// "معاون هماهنگی" / "امور عمرانی استانداری فارس": the affairs are the
		// title's portfolio, the organisation starts at its word.
		for k := 1; k < len(f.w); k++ {
			if _, ok := lex.prefix(secOrganisationWord, fwords{w: f.w[k:], end: f.end[k:], src: f.src}); ok {
				return strings.TrimSpace(title + " " + f.upto(k)), trimPunct(f.after(k))
			}
		}
	}
	if org != "" && isUnitText(org) {
		// "Head of Laboratory Services", "Leiter Kundendienst": a unit of the
		// organisation is part of the title.
		return trimPunct(strings.TrimSpace(dropRespect(s))), ""
	}
	if org != "" {
		title = trimConnector(title) // "Chief of Protocol of the" (Portuguese Republic)
	}
	return title, apposed(nominative(org))
}

// apposed drops a kind of organisation written in lower case before its capitalised
// name: "association Les Amis du Vieux Moulin" is "Les Amis du Vieux Moulin", "the
// charity Friends of the Earth" "Friends of the Earth". Written with a capital, the
// kind is part of the name ("Association de quartier Les Coteaux").
func apposed(org string) string {
	f := foldLine(org)
	if len(f.w) < 2 || !hasCase(org) || !startsLower(f.word(0)) {
		return org
	}
	n, ok := lex.prefix(secOrganisationWord, f)
	if !ok || n != 1 || n >= len(f.w) || !startsUpper(f.word(1)) {
		return org
	}
	return trimPunct(f.after(1))
}

// portfolioWords open a title's portfolio in Persian and Arabic ("امور دانشجویی",
// student affairs; "الشؤون المالية"), which stays in the title.
var portfolioWords = foldSet("امور", "شؤون", "الشؤون", "شئون", "الشئون")

// endsInKind reports whether s ends in an organisation word: "Owen King EU
// Hospital" is a hospital, whatever title a word of its name may look like.
func endsInKind(s string) bool {
	f := foldLine(s)
	return len(f.w) > 1 && lex.head(secOrganisationWord, f.w[len(f.w)-1]) != ""
}

// nominative writes an organisation's name whose first word is declined in the
// nominative: "Landkreises Hohenmoor" (after "des") is "Landkreis Hohenmoor".
func nominative(org string) string {
	f := foldLine(org)
	if len(f.w) == 0 {
		return org
	}
	if len(f.w) >= 2 && hasCase(org) && startsUpper(f.word(0)) && !allCaps(f.word(0)) && strings.HasSuffix(f.w[0], "en") &&
		lex.head(secOrganisationWord, f.w[0]) == "" && lex.head(secOrganisationWord, f.w[1]) == f.w[1] &&
		!strings.HasSuffix(f.w[1], "s") {
		// A German adjective in the genitive before a noun with no genitive ending
		// (a feminine one): "Philosophischen Fakultät" is "Philosophische Fakultät".
		// A masculine or neuter noun ("Statistischen Bundesamtes") would need its
		// gender to name it, and is left as written.
		first := f.word(0)
		return first[:len(first)-1] + org[f.wordEnd(0):]
	}
	h := lex.head(secOrganisationWord, f.w[0])
	cut := len([]rune(f.w[0])) - len([]rune(h))
	if h == "" || cut == 0 {
		return org
	}
	first := []rune(f.word(0))
	return string(first[:len(first)-cut]) + org[f.wordEnd(0):]
}

// isUnitText reports whether s names a unit inside an organisation: a unit word
// ("Services", "Kundendienst", "отдела") with no "of" and name after it that would
// make it an organisation of its own ("Department of Health"), or a field of work
// ("Water Quality", "Recursos Humanos") with no organisation word.
func isUnitText(s string) bool {
	f := foldLine(s)
	unit := false
	for _, w := range f.w {
		switch {
		case orgConnectors[w]:
			return false
		case lex.head(secUnitWord, w) != "":
			unit = true
		}
	}
	if !unit {
		return isFieldText(s)
	}
	if last := f.w[len(f.w)-1]; lex.head(secUnitWord, last) == "" && lex.head(secOrganisationWord, last) != "" {
		return false // "Marsh Pallet Services Ltd": a company that names its trade
	}
	return true
}

// isFieldText reports whether s names a field of work ("Water Quality", "Recursos
// Humanos"): it ends in one, with no organisation word or "of" and a name.
func isFieldText(s string) bool {
	f := foldLine(s)
	if _, ok := lex.suffix(secField, f); !ok || isOrgText(s) {
		return false
	}
	return !slices.ContainsFunc(f.w, func(w string) bool { return orgConnectors[w] })
}

// splitTitleFromOrg is splitTitleOrg without its rule for units.
func splitTitleFromOrg(s string) (title, org string) {
	s = strings.TrimSpace(dropRespect(s))
	for _, sep := range []string{",", "،", " - ", " – ", " — "} {
		// "Director, Amnesty International", "عميد كلية الطب - جامعة المنيا": after a
		// title and a comma or a dash, a name of two words or more, or with an
		// organisation word, is the organisation (a town alone is not: "Fachärztin,
		// Hohenmoor").
		if l, r, ok := strings.Cut(s, sep); ok && isTitleText(l) && (!isTitleText(r) || endsInKind(r)) && !listsFields(r) &&
			(isOrgText(r) || len(strings.Fields(r)) >= 2 && (startsUpper(strings.TrimSpace(r)) || !hasCase(r))) {
			return trimPunct(l), dropLeadingArticle(trimPunct(r))
		}
	}
	f := foldLine(s)
	at := func(k int) fwords { return fwords{w: f.w[k:], end: f.end[k:], src: f.src} }
	// "Nejat Society CEO": the organisation, then the title.
	for k := len(f.w) - 1; k >= max(1, len(f.w)-3); k-- {
		if n, ok := lex.prefix(secTitleWord, at(k)); ok && k+n == len(f.w) && k >= 2 && isOrgText(f.upto(k)) && !isTitleText(f.upto(k)) {
			return trimPunct(f.after(k)), trimPunct(f.upto(k))
		}
	}
	startsOrg := func(k int) bool {
		if k >= len(f.w) {
			return false
		}
		if lex.words[secArticle][f.w[k]] && k+1 < len(f.w) {
			k++
		}
		// An organisation's own board ("هیئت مدیره", "Junta Directiva") stays in the
		// title: the organisation is what follows it, or the letter's.
		if _, ok := lex.prefix(secGoverningBody, at(k)); ok {
			return false
		}
		_, ok := lex.prefix(secOrganisationWord, at(k))
		return ok
	}
	for k := 1; k < len(f.w); k++ {
		switch {
		case orgConnectors[f.w[k]] && startsOrg(k+1):
			return trimPunct(f.upto(k)), dropLeadingArticle(trimPunct(f.after(k + 1)))
		case orgConnectors[f.w[k]] && len(strings.Fields(f.after(k+1))) == 1 && isPlace(f.after(k+1)) && titles[fold(f.upto(k))]&portfolio == 0:
			// "Mayor of Zagreb"; but "Minister of Interior" names a portfolio
			return trimPunct(f.upto(k)), trimPunct(f.after(k + 1))
		case !orgConnectors[f.w[k]] && startsOrg(k) && !orgConnectors[f.w[k-1]] && !elidedWords[f.w[k-1]]:
			// (After an elided "d'" a kind is a qualifier: "Infirmière diplômée d'État".)
			// In a script with capitals the name may start before its organisation
			// word ("CEO of Nejat Society"): back to the start of the capitalised run.
			j := k
			for j > 0 && hasCase(s) && startsUpper(f.word(j-1)) && !orgConnectors[f.w[j-1]] && !isTitleText(f.word(j-1)) {
				j--
			}
			if j == 0 {
				return "", trimPunct(s) // "PEN International": an organisation, no title
			}
			if j < k && orgConnectors[f.w[j-1]] && j-1 >= 1 {
				return trimPunct(f.upto(j - 1)), trimPunct(f.after(j))
			}
			return trimPunct(f.upto(j)), trimPunct(f.after(j))
		case arabicLiOrg(f.w[k]):
			// Arabic "لمستشفى": the preposition li- glued to the organisation.
			r := []rune(f.after(k))
			return trimPunct(f.upto(k)), trimPunct(string(r[1:]))
		}
	}
	// A public title and a place: "استاندار یزد", "محافظ إربد".
	if n, ok := lex.prefix(secPublicTitle, f); ok && n < len(f.w) && len(f.w)-n <= 2 && isPlace(f.after(n)) {
		return trimPunct(f.upto(n)), trimPunct(f.after(n))
	}
	return trimPunct(s), ""
}

// arabicLiOrg reports whether a folded word is an organisation word with the Arabic
// preposition li- glued to it ("لمستشفى", "لوزاره").
func arabicLiOrg(w string) bool {
	rest, ok := strings.CutPrefix(w, "ل")
	if !ok || rest == "" {
		return false
	}
	return lex.words[secOrganisationWord][rest] || lex.words[secOrganisationWord]["ال"+rest]
}

// isPlace reports whether s can be a place standing for its state or town after a
// title: a country, or one capitalised word (one or two words in a script without
// case) that names no title or organisation.
func isPlace(s string) bool {
	s = trimPunct(strings.TrimSpace(s))
	if _, ok := country(s); ok {
		return true
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 2 || isTitleText(s) || isOrgText(s) || strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		return false
	}
	if !hasCase(s) {
		// One word, and not a common noun with the Arabic article ("البيئة"): a
		// town ("یزد", "إربد").
		return len(ws) == 1 && !strings.HasPrefix(ws[0], "ال")
	}
	return len(ws) == 1 && startsUpper(ws[0])
}

// orgConnectors join a title and its organisation.
var orgConnectors = foldSet("of", "for", "at", "der", "des", "von", "vom", "beim", "de", "du", "del", "della",
	"dell", "di", "van", "het", "at", "da", "do", "dos", "при")

// fieldConjunctions join the fields of a portfolio ("Soziales, Gesundheit und
// Gleichstellung", "میراث فرهنگی، صنایع دستی و گردشگری").
var fieldConjunctions = foldSet("and", "und", "et", "y", "e", "en", "و", "и")

// listsFields reports whether the text after a title's comma goes on listing the
// portfolio's fields rather than naming its organisation: it does not start with an
// organisation word and has a conjunction in it.
func listsFields(s string) bool {
	f := foldLine(s)
	if _, ok := lex.prefix(secOrganisationWord, f); ok {
		return false
	}
	for _, w := range f.w {
		if fieldConjunctions[w] {
			return true
		}
	}
	return false
}
