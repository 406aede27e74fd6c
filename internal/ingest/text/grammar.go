package text

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The grammar of the lines that name parties, driven by the cue lexicons: what a line
// is (a name, a title, an organisation, an address), and how a line or an entry that
// mixes them ("Jane Doe, Director, Amnesty", "Minister of Culture of Estonia",
// "Engin Yilmaz (Kundendienst)") divides.

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

// isInitials reports whether w is initials: "R.", "R.J.", "J.-P.", "Д.А.".
// hasInitials reports whether a line holds a word of initials ("А.С.", "J.").
func hasInitials(s string) bool {
	for _, w := range strings.Fields(s) {
		if isInitials(w) {
			return true
		}
	}
	return false
}

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

// dropAddressee drops the words that address an entry ("Al Sig. Prefetto di Pavia",
// "An die Stadtverwaltung"), when they are more than one letter: "A. Smith" keeps
// its initial.
func dropAddressee(s string) string {
	f := foldLine(s)
	if n, ok := lex.prefix(secAddresseePrefix, f); ok && n < len(f.w) && len([]rune(strings.Join(f.w[:n], ""))) > 1 {
		return f.after(n)
	}
	if len(f.w) > 2 && lex.words[secArticle][f.w[0]] {
		// "den Herrn Dekan der …" after "Abschrift an": the article of an honorific.
		if _, hon := lex.prefix(secHonorific, fwords{w: f.w[1:], end: f.end[1:], src: f.src}); hon {
			return f.after(1)
		}
	}
	return s
}

// titleAddressee reads the addressee a title names after an addressee cue ("An open
// letter to", "Lettre ouverte à", "To the Members of"), up to what the letter is about
// (a topic cue: "on", "sur", "sobre"): "An open letter to the Minister of Culture of
// the Republic of Lithuania on the future of …" is the office.
func titleAddressee(title string) (party, bool) {
	f := foldLine(title)
	n, ok := lex.prefix(secAddresseePrefix, f)
	if !ok || n == len(f.w) {
		return party{}, false
	}
	who := f.after(n)
	for k := n + 1; k < len(f.w); k++ {
		if _, ok := lex.prefix(secTopic, fwords{w: f.w[k:], end: f.end[k:], src: f.src}); ok {
			who = f.upto(k)[len(f.upto(n)):]
			break
		}
	}
	p, ok := entry(who)
	// A title's words after "to" are often no one ("Open letter to all who care"):
	// only a person, an office or a body that says what kind it is.
	if o := p.in.Organisation; !ok || o != nil && o.Kind == "" && o.Acronym == "" && !isOrgText(o.Name) {
		return party{}, false
	}
	return p, true
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

// entry reads one entry of a list (a copy list, a header's value, an open letter's
// addressee): a person, an office or an organisation, with the title and organisation
// written with a person.
func entry(s string) (party, bool) {
	s = cleanEntry(s)
	if s == "" {
		return party{}, false
	}
	s, emails := takeEmails(s)
	if f := foldLine(dropLeadingArticle(s)); len(f.w) > 0 {
		if n, ok := lex.prefix(secMembersOf, f); ok && n < len(f.w) {
			// The members of a body stand for it, and it is a body ("die Mitglieder des
			// Stadtrates": the council, not a councillor).
			body := nominative(dropLeadingArticle(f.after(n)))
			return party{in: domain.PartyInput{Organisation: orgNamed(body)}}, true
		}
	}
	if s == "" {
		if len(emails) == 0 {
			return party{}, false
		}
		return party{in: domain.PartyInput{Person: &domain.PersonInput{Name: emails[0], Emails: emails}}}, true
	}
	if m := esquire.FindStringIndex(s); m != nil && isPersonText(s[:m[0]]) {
		return personParty(s, emails), true // "E. W. Pritchard, Esq."
	}
	if mediaGroup[fold(s)] {
		org, _ := parseOrganisation(s, false) // "The Media", whatever the letter calls it
		p := party{in: domain.PartyInput{Organisation: org}}
		if len(org.Aliases) > 0 {
			p.in.Written = s
		}
		return p, true
	}
	if long, acr, ok := acronymForm(s); ok && (!isPersonText(long) || len([]rune(acr)) >= 3) {
		// "ASILA (Association for Supporting Iranians Living in Albania)"
		return party{in: domain.PartyInput{Organisation: &domain.OrganisationInput{Name: long, Acronym: acr, Kind: orgKind(long)}}}, true
	}
	// "Name (Department or Title)", before the office grammar, which would read
	// "Colin Abernethy (Winter Service" as an organisation before its "Coordinator)".
	if open := strings.Index(s, "("); open > 0 && strings.HasSuffix(s, ")") {
		name := strings.TrimSpace(s[:open])
		inner := strings.TrimSpace(s[open+1 : len(s)-1])
		if isPersonText(name) && !strings.ContainsAny(name, ",،") { // "Dr X, Pro-Vice-Chancellor (Education)" is a name and its title
			p := personParty(name, emails)
			if isTitleText(inner) {
				p.setFunction(inner) // "Name (Title, Organisation)" is a member of it
			}
			return p, true
		}
		if isOrgText(name) && !isOrgText(inner) {
			org, _ := parseOrganisation(s, true)
			if org != nil {
				return party{in: domain.PartyInput{Organisation: org}}, true
			}
		}
	}
	if first, _, _ := strings.Cut(s, ","); isPersonText(first) && first != s {
		// "Keith Barraclough, Senior Traffic Examiner, Office of …": a name first is
		// read below as a name and its function, not as an office.
	} else if o, ok := parseOffice(s); ok && o.of != nil {
		// The English and Persian office grammar knows states by their adjectives
		// and names: "Albanian Foreign Minister", "Minister of Interior of Albania".
		return officeParty(o), true
	}
	// "Name, Title[, Organisation]" and "Name — Title, Organisation"
	for _, sep := range []string{" — ", " – ", " - ", ",", "،"} {
		l, r, ok := strings.Cut(s, sep)
		if !ok || !isPersonText(l) || lex.is(secOrganisationWord, trimPunct(r)) {
			continue // "HOTELES COSTA DORADA, S.L.": a company's name and its form
		}
		p := personParty(l, emails)
		p.setFunction(r)
		return p, true
	}
	// "Name Title …" without a comma, as Persian and Arabic write it: "رحیم نادری معاون
	// شهرسازی شهرداری شیراز".
	if h, bare := splitHonor(s); bare != "" {
		if f := foldLine(bare); len(f.w) >= 3 {
			for k := 2; k <= 4 && k < len(f.w); k++ {
				name, rest := f.upto(k), f.after(k)
				if isPersonText(name) && isTitleText(rest) && !isPersonText(rest) {
					p := personParty(strings.TrimSpace(h+" "+name), emails)
					p.setFunction(rest)
					return p, true
				}
			}
		}
	}
	// "Title Name" ("Директору по персоналу Смирновой О.В.", "Prime Minister Edi
	// Rama"): a person's name ends the entry.
	if f := foldLine(s); len(f.w) >= 3 && isTitleText(s) && !strings.ContainsAny(s, ",،") {
		for k := len(f.w) - 1; k >= max(1, len(f.w)-4); k-- {
			if k > 1 && len([]rune(f.w[k-1])) == 1 && strings.HasPrefix(strings.TrimSpace(f.src[f.end[k-1]:]), ".") {
				continue // "Г.П. Кудрявцеву": not from the second initial
			}
			title, name := f.upto(k), f.after(k)
			if nameParticles[f.w[k]] {
				continue // "le Maire de Villeneuve": "de Villeneuve" is no name
			}
			initials := strings.Contains(name, ".") && hasFullWord(name) // "Смирновой О.В."
			if isTitleText(title) && isPersonText(name) && !orgConnectors[f.w[k-1]] && (!isOrgText(title) || initials) &&
				(initials || len(strings.Fields(name)) >= 2 && hasCase(name)) {
				p := personParty(name, emails)
				p.setFunction(title)
				return p, true
			}
		}
	}
	// "Title Name" ("Prime Minister Edi Rama") is left to the old grammar's
	// titleThenName; a title alone, or with its organisation, is an office.
	if isPersonText(s) {
		return personParty(s, emails), true
	}
	if isTitleText(s) {
		if p, ok := titleThenName(s, emails); ok && p.in.Person != nil {
			return p, true
		}
		title, org := splitTitleOrg(dropTitleArticle(stripHonorifics(s)))
		o := &domain.OfficeInput{Title: title}
		if org != "" {
			o.Of = orgNamed(org)
		}
		return party{in: domain.PartyInput{Office: o}}, true
	}
	if org, at := withoutLocation(s); at {
		s = org // "Ministère de l'Intégration africaine …, Dakar", "ديوان المحاسبة – دولة الكويت"
	}
	if org, ok := parseOrganisation(s, false); ok {
		// States, governments ("the Albanian government"), acronyms, kinds.
		return party{in: domain.PartyInput{Organisation: org}}, true
	}
	if startsLower(s) && !isOrgText(s) {
		return party{}, false // "dossier individuel de l'agent": no one, named so
	}
	name := dropLeadingArticle(stripHonorifics(s))
	return party{in: domain.PartyInput{Organisation: orgNamed(name)}}, true
}

// withoutLocation cuts where an organisation is from the end of its entry: ", Dakar",
// " – الرباط", " – دولة الكويت" (a town or a country after a comma or a dash, when
// what stands before it names an organisation).
func withoutLocation(s string) (string, bool) {
	for _, sep := range []string{" – ", " — ", " - ", ", ", "، "} {
		i := strings.LastIndex(s, sep)
		if i <= 0 {
			continue
		}
		org, at := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
		if !isOrgText(org) || isOrgText(at) && !namesCountry(at) {
			continue
		}
		_, isCountry := country(at)
		arabicTown := mostlyArabic(at) && len(strings.Fields(at)) == 1
		if isCountry || isPlace(at) || arabicTown {
			return org, true
		}
	}
	return s, false
}

// setFunction gives a person the function written with the name: "Director, Amnesty
// International" or "Director" and an organisation. A public office is held; any other
// title is a role in the organisation it names.
func (p *party) setFunction(text string) {
	text = trimPunct(strings.TrimSpace(text))
	if text == "" || p.in.Person == nil {
		return
	}
	p.title = text
	if o, ok := parseOffice(text); ok && o.of != nil && !isUnitText(o.of.Name) {
		// "Ambassador of Albania to Iran", "Albanian Foreign Minister"; but "Winter
		// Service Coordinator" and "رئيس قسم الصيانة" name a unit, "Network
		// Management Officer" a field of work: no organisation (lexicon/README.md).
		p.in.Holds, p.in.MemberOf = holding(&o)
		return
	}
	title, org := splitTitleOrg(text)
	first, _, _ := strings.Cut(text, ",")
	if org == "" && isOrgText(text) && !isTitleText(text) && !isTitleText(first) && !isUnitText(text) {
		// "Iran Interlink": an organisation alone; but not "Technical Services
		// Manager, Quality Assurance Department", a title and its unit, nor a unit
		// alone ("Vertriebsinnendienst").
		p.in.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: dropLeadingArticle(text)}}
		return
	}
	if org == "" {
		return
	}
	if of := orgNamed(org); isPublicTitle(title) || of.Kind == domain.OrgState {
		// A public office, or any title of a state ("ریاست محترم جمهوری اسلامی
		// ایران"), is held.
		p.in.Holds = &domain.HoldingInput{Office: domain.OfficeInput{Title: title, Of: of}}
		return
	}
	if i := strings.LastIndexAny(title, ",،"); i >= 0 {
		// "архитектор-реставратор, член Союза архитекторов России": the role in the
		// organisation is the title written with it.
		_, size := utf8.DecodeRuneInString(title[i:])
		if rest := strings.TrimSpace(title[i+size:]); rest != "" {
			title = rest
		}
	}
	p.in.MemberOf = &domain.MembershipInput{Organisation: *orgNamed(org), Role: title}
}

// cleanEntry strips a list entry's bullet or number, its purpose phrase ("for
// information", "جهت استحضار") and the courtesy words around it.
func cleanEntry(s string) string {
	s, _ = stripBullet(strings.TrimSpace(s))
	s = strings.TrimSpace(strings.TrimSuffix(cutPurpose(s), "("))
	return trimPunct(strings.Trim(s, `"“”«»'`))
}

// splitEntries divides a list's line into entries: at semicolons, and at commas when
// what they separate are whole parties ("Peter Müller, Anna Schmidt") rather than a
// name and its title ("Jane Doe, Director").
func splitEntries(s string) []string {
	var out []string
	for _, part := range splitOutside(s, ";؛") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		pieces := splitOutside(part, ",،")
		if len(pieces) > domain.MaxParties {
			pieces = pieces[:domain.MaxParties] // no list keeps more
		}
		allParties := len(pieces) > 1
		for k, p := range pieces {
			p = cleanEntry(p)
			person := isPersonText(p)
			switch {
			case p == "":
				allParties = false
			case k > 0 && isPersonText(cleanEntry(pieces[k-1])) && isTitleText(p) && !person:
				allParties = false // "Jane Doe, Director": a name and its title
			case k > 0 && titleAlone(cleanEntry(pieces[k-1])) && isOrgText(p) && !isTitleText(p) && !person:
				allParties = false // "the Editor, Marches Gazette": a title and its organisation
			case !(person || isOrgText(p) || isTitleText(p)):
				allParties = false
			}
		}
		if allParties {
			for _, p := range pieces {
				out = append(out, strings.TrimSpace(p))
			}
			continue
		}
		out = append(out, part)
	}
	return out
}

// titleAlone reports whether s is a title that names no organisation of its own
// ("the Editor"; not "Albanian Foreign Minister", whose state it names).
func titleAlone(s string) bool {
	if !isTitleText(s) || isPersonText(s) || isOrgText(s) {
		return false
	}
	if o, ok := parseOffice(s); ok && o.of != nil {
		return false
	}
	_, org := splitTitleOrg(dropTitleArticle(s))
	return org == ""
}

// splitOutside splits s at the separators that stand outside brackets, dropping
// empty pieces: "A (Director, Operations), B" is "A (Director, Operations)" and "B".
func splitOutside(s, seps string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0 && strings.ContainsRune(seps, r):
			if p := s[start:i]; strings.TrimSpace(p) != "" {
				out = append(out, p)
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if p := s[start:]; strings.TrimSpace(p) != "" {
		out = append(out, p)
	}
	return out
}

// hasFullWord reports whether a name has a word that is no initial.
func hasFullWord(name string) bool {
	for _, w := range strings.Fields(name) {
		if !isInitials(w) {
			return true
		}
	}
	return false
}

// orgNamed is the organisation a letter names: a country by its canonical name, with
// the name as written as an alias ("Republic of Albania" is Albania), anything else as
// written.
func orgNamed(name string) *domain.OrganisationInput {
	name = trimPunct(strings.TrimSpace(name))
	if c, ok := country(name); ok {
		o := &domain.OrganisationInput{Name: c, Kind: domain.OrgState}
		if domain.NormalizeName(c) != domain.NormalizeName(name) {
			o.Aliases = []string{name}
		}
		return o
	}
	return &domain.OrganisationInput{Name: name, Kind: orgKind(name)}
}

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

// cutPurpose cuts the purpose phrases that end a copy entry ("– zur Kenntnis",
// "جهت اطلاع و اقدام لازم"); an entry that is nothing but a purpose is kept.
func cutPurpose(s string) string {
	s = strings.TrimSpace(s)
	for {
		f := foldLine(s)
		n, ok := lex.suffix(secPurpose, f)
		if !ok || n >= len(f.w) {
			break
		}
		s = strings.TrimSpace(strings.TrimRight(f.upto(len(f.w)-n), " -–—,:;(/"))
	}
	// A purpose phrase carried on by a word or two ("جهت اطلاع عموم", "for
	// information and file"): cut from where it starts.
	f := foldLine(s)
	for k := len(f.w) - 2; k >= 1 && k >= len(f.w)-6; k-- {
		if n, ok := lex.prefix(secPurpose, fwords{w: f.w[k:], end: f.end[k:], src: f.src}); ok && len(f.w)-k-n <= 2 {
			return strings.TrimSpace(strings.TrimRight(f.upto(k), " -–—,:;(/"))
		}
	}
	return s
}
