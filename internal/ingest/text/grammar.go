package text

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The grammar of the lines that name parties, driven by the cue lexicons: what a line
// is (a name, a title, an organisation, an address). How a line or an entry that
// mixes them ("Jane Doe, Director, Amnesty", "Minister of Culture of Estonia",
// "Engin Yilmaz (Kundendienst)") divides is in titles.go and entries.go.

// lineRole is what one line of an address block or a signature is.
type lineRole uint8

const (
	roleOther   lineRole = iota
	rolePerson           // a person's name, perhaps after honorifics
	roleTitle            // a job title or a public office, perhaps with its organisation
	roleOrg              // an organisation's name
	roleAddress          // a street, a postcode and town, a post box
	roleContact          // telephone, fax, email, web
)

// dropRespect removes courtesy words: "معاون محترم فنی" is the title "معاون فنی".
func dropRespect(s string) string {
	f := foldLine(s)
	if !slices.ContainsFunc(f.w, func(w string) bool { return respectWords[w] }) {
		return s
	}
	var keep []string
	for _, w := range strings.Fields(s) {
		if !respectWords[fold(w)] {
			keep = append(keep, w)
		}
	}
	return strings.Join(keep, " ")
}

// containsCue reports whether a cue of sec occurs among the folded words of s.
func containsCue(sec section, s string) bool { return lex.contains(sec, foldLine(s)) }

// isTitleText reports whether s names a function: it starts with a title or public
// title word, after honorifics ("Senior Underwriter", "Leiterin Personal", "وزیر
// محترم آموزش و پرورش", "Генеральному директору").
func isTitleText(s string) bool {
	// A title that is also a form of address ("Ambassador", "Senator") is one.
	if f := foldLine(dropRespect(s)); len(f.w) > 0 {
		for _, sec := range []section{secPublicTitle, secTitleWord} {
			if _, ok := lex.prefix(sec, f); ok {
				return true
			}
		}
	}
	f := foldLine(stripHonorifics(dropRespect(s)))
	for _, sec := range []section{secPublicTitle, secTitleWord} {
		if _, ok := lex.prefix(sec, f); ok {
			return true
		}
	}
	// A title may come after a qualifier: "Senior Sales Director", "stellvertretende
	// Leiterin", "1. Vorsitzende"; but not inside an organisation's name
	// ("Directorate-General of Civil Aviation": "General" is no title there).
	orgWords, _ := lex.prefix(secOrganisationWord, f)
	if n := len(f.w); n >= 2 && n <= 6 && orgWords <= n-1 && lex.words[secTitleWord][f.w[n-1]] &&
		!orgConnectors[f.w[n-2]] && !lex.words[secArticle][f.w[n-2]] {
		// A title word ends it: "Area Highways Engineer", "Senior Credit Controller"
		// (organisations end in their kind, or in a name, not in a job); but not
		// after "of the" ("dossier individuel de l'agent": the agent's file).
		return true
	}
	for k := max(1, orgWords); k <= 2 && k < len(f.w); k++ {
		for _, sec := range []section{secPublicTitle, secTitleWord} {
			if _, ok := lex.prefix(sec, fwords{w: f.w[k:], end: f.end[k:], src: f.src}); ok && len(f.w) <= 12 {
				return !isOrgText(s) || k == 1
			}
		}
	}
	return false
}

// isPublicTitle reports whether a title names a public office (one is said to hold).
func isPublicTitle(s string) bool {
	if _, ok := lex.prefix(secPublicTitle, foldLine(dropRespect(s))); ok {
		return true
	}
	f := foldLine(stripHonorifics(dropRespect(s)))
	for k := 0; k <= 2 && k < len(f.w); k++ {
		if _, ok := lex.prefix(secPublicTitle, fwords{w: f.w[k:], end: f.end[k:], src: f.src}); ok {
			return true
		}
	}
	return false
}

// isOrgText reports whether s names an organisation: one of its words is an
// organisation word ("Ministry", "GmbH", "Stichting", "وزارت").
func isOrgText(s string) bool { return containsCue(secOrganisationWord, s) }

// streetWords mark a line of a postal address.
var streetWords = foldSet("street", "st", "road", "rd", "avenue", "ave", "lane", "way", "drive", "square",
	"place", "close", "box", "po", "postfach", "postbus", "straße", "strasse", "str", "weg", "platz", "allee",
	"gasse", "ring", "damm", "laan", "straat", "plein", "gracht", "rue", "avenue", "boulevard", "bd", "cedex",
	"bp", "calle", "avda", "avenida", "plaza", "paseo", "via", "viale", "piazza", "corso", "vicolo", "ул",
	"улица", "пр", "проспект", "пер", "д", "خیابان", "کوچه", "پلاک", "بلوار", "میدان", "شارع", "طريق", "ص ب")

// postcode matches a postcode or house number with its town ("B98 0HJ", "10115
// Berlin", "75008 Paris", "HX1 2LT", "1234 AB").
var postcode = regexp.MustCompile(`(?i)\b(?:[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|\d{4,6}|\d{4}\s?[A-Z]{2})\b`)

// isAddressText reports whether s is a line of a postal address.
func isAddressText(s string) bool {
	f := foldLine(s)
	hasDigit := strings.IndexFunc(s, unicode.IsDigit) >= 0
	if _, ok := lex.prefix(secPostalBox, f); ok && hasDigit {
		return true // "P.O. Box 2211", "Private Bag 0076"
	}
	for _, w := range f.w {
		if streetWords[w] && hasDigit {
			return true
		}
	}
	return hasDigit && postcode.MatchString(s) && !isTitleText(s) && len(f.w) <= 8
}

// isContactText reports whether s is a contact line.
func isContactText(s string) bool {
	if strings.Contains(s, "@") || strings.Contains(strings.ToLower(s), "www.") || strings.Contains(s, "http") {
		return true
	}
	if _, ok := lex.prefix(secContact, foldLine(s)); ok {
		return true
	}
	// "Dr. Elke Hausmann · IBAN DE12 …": a footer's fields set apart by dots or bars.
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '·' || r == '|' || r == '•' }) {
		if _, ok := lex.prefix(secContact, foldLine(part)); ok && part != s {
			return true
		}
	}
	return false
}

// isPersonText reports whether s reads as a person's name, after honorifics: one to
// six words, no organisation or title word, no digits; in a script with capitals,
// each word capitalised, an initial, or a particle.
func isPersonText(s string) bool {
	s = withoutPostNominals(strings.TrimSpace(s))
	if mostlyArabic(s) {
		s = dropRespect(s) // "سالم بن حمد الرواحي   المحترم"
	}
	h, rest := splitHonor(s)
	if rest == "" || strings.IndexFunc(rest, unicode.IsDigit) >= 0 || strings.ContainsAny(rest, "@:;") {
		return false
	}
	if _, _, ok := acronymForm(rest); ok {
		return false // "Reporters Without Borders (RSF)"
	}
	if first := strings.Fields(rest)[0]; hasCase(first) {
		if _, ok := domain.CanonicalCountry(first); ok {
			return false // "Iran Interlink", "Albanian Prime …"
		}
		if _, ok := domain.CanonicalCountry(rest); ok {
			return false // "New Zealand"
		}
		if nameArticles[fold(first)] {
			return false // "The Prairie Ledger": no one's name starts with an article
		}
	}
	if isUnitText(rest) {
		return false // "واحد آموزش": a unit
	}
	ws := strings.Fields(strings.NewReplacer(",", " ", "(", " ", ")", " ").Replace(rest))
	if len(ws) == 0 || len(ws) > 6 || (len(ws) == 1 && h == "") {
		return len(ws) == 1 && h != "" || len(ws) == 1 && isInitials(ws[0])
	}
	// An honorific before two or three words names a person whatever their words:
	// "Mr Frank Church", and three words with a title's, "D. Ernesto Galindo Rey"
	// (but "Herrn Hessischen Kultusminister" is a title).
	named := h != "" && len(ws) >= 2 && len(ws) <= 3 && hasCase(rest) && !strings.ContainsAny(rest, ",;&()") &&
		!slices.ContainsFunc(ws, func(w string) bool { return clauseConjunctions[fold(w)] }) // "Vve J. Raboutet & Fils" is a firm
	if !named && isOrgText(rest) || !(named && len(ws) == 3) && isTitleText(rest) || isContactText(rest) {
		return false
	}
	cased := 0
	for _, w := range ws {
		r := []rune(w)[0]
		switch {
		case unicode.IsUpper(r) || isInitials(w):
			cased++
		case nameParticles[fold(w)]:
		case unicode.IsLower(r):
			return false
		}
	}
	// Scripts without case (Persian, Arabic) pass on the other checks.
	return cased > 0 || !hasCase(rest)
}

// nameArticles are the articles that start an organisation's or a paper's name and
// never a person's ("de", "la", "le" and "el" start surnames: "De Boer", "Le Goff").
var nameArticles = foldSet("the", "die", "das", "der", "het", "les", "los", "las", "il", "gli", "lo")

// hasCase reports whether s has a letter of a script with upper and lower case.
func hasCase(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) }) >= 0
}

// hasInitials reports whether a line holds a word of initials ("А.С.", "J.").
func hasInitials(s string) bool {
	for _, w := range strings.Fields(s) {
		if isInitials(w) {
			return true
		}
	}
	return false
}

// isInitials reports whether w is initials: "R.", "R.J.", "J.-P.", "Д.А.".
func isInitials(w string) bool {
	w = strings.TrimSuffix(w, ",")
	if !strings.HasSuffix(w, ".") {
		return false
	}
	for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == '-' }) {
		if len([]rune(p)) > 2 {
			return false
		}
	}
	return true
}

// splitHonor separates leading honorifics (the lexicon's, and the domain's) from a
// name: "Frau Dr. Miriam Hollweg" gives "Frau Dr.", "Miriam Hollweg".
func splitHonor(s string) (honorific, rest string) {
	s = strings.TrimSpace(s)
	taken := 0
	f := foldLine(s)
	for taken < len(f.w) {
		n, ok := lex.prefix(secHonorific, fwords{w: f.w[taken:], end: f.end[taken:], src: f.src})
		if !ok || taken+n >= len(f.w) {
			break
		}
		// A one-letter honorific ("M.", "D.", "P.") is an initial when another
		// initial follows ("P. J. Verhoeven"), or nothing but one word does, or a
		// surname's particle and the surname ("P. de Boer").
		rest := len(f.w) - taken - 1
		if n == 1 && len([]rune(f.w[taken])) == 1 && (len([]rune(f.w[taken+1])) == 1 || rest == 1 && hasCase(s) ||
			rest == 2 && nameParticles[f.w[taken+1]] && hasCase(s)) {
			break
		}
		// Initials that fold like an honorific ("Д.Р." and "д-р") before a surname
		// alone are initials.
		if n > 1 && len(f.w)-taken-n == 1 && hasCase(s) && !slices.ContainsFunc(f.w[taken:taken+n], func(w string) bool { return len([]rune(w)) > 1 }) {
			break
		}
		taken += n
	}
	if taken == 0 {
		h, r := domain.SplitHonorific(s)
		return h, r
	}
	h := f.upto(taken)
	// The honorific's own full stop ("Dr.") stays with it.
	rest = strings.TrimSpace(s[len(h):])
	if strings.HasPrefix(rest, ".") {
		h += "."
		rest = strings.TrimSpace(rest[1:])
	}
	return h, strings.TrimLeft(rest, "/ ")
}

// stripHonorifics returns s without its leading honorifics.
func stripHonorifics(s string) string {
	_, rest := splitHonor(s)
	if rest == "" {
		return s
	}
	return rest
}

// roleOf says what one line of a block is.
func roleOf(s string) lineRole {
	switch {
	case s == "":
		return roleOther
	case isContactText(s):
		return roleContact
	case isAddressText(s):
		return roleAddress
	case isPersonText(s):
		return rolePerson
	case isTitleText(s):
		return roleTitle
	case isOrgText(s):
		return roleOrg
	}
	return roleOther
}
