package text

import (
	"net/mail"
	"regexp"
	"strings"
	"unicode"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// maxPartyBytes is the longest line read as a name: longer ones are text.
const maxPartyBytes = 1200

// party is a correspondent read from text, with the title written with a person's
// name: the recipient's As, the author's Capacity.
type party struct {
	in     domain.PartyInput
	title  string  // as written ("Prime Minister of the Republic of Albania")
	office *office // title read as an office, when it is one
}

func personParty(name string, emails []string) party {
	name = dropRespect(name)
	suffix := ""
	if open := strings.LastIndex(name, "("); open > 0 && strings.HasSuffix(strings.TrimSpace(name), ")") {
		// "Kelebogile Mosweu (Ms)": an honorific written after the name.
		inner := strings.TrimSpace(name[open+1 : len(strings.TrimSpace(name))-1])
		if h, r := splitHonor(inner + " X"); h != "" && r == "X" {
			suffix, name = inner, strings.TrimSpace(name[:open])
		}
	}
	if m := esquire.FindStringIndex(name); m != nil && m[0] > 0 {
		// "E. W. Pritchard, Esq.": the honorific after the name.
		suffix, name = strings.Trim(name[m[0]:], " ,."), name[:m[0]]
	}
	name = withoutPostNominals(name)
	h, rest := splitHonorifics(trimPunct(name))
	if suffix != "" && h == "" {
		h = suffix
	}
	if rest == "" {
		rest, h = h, ""
	}
	return party{in: domain.PartyInput{Person: &domain.PersonInput{Name: rest, Honorific: h, Emails: emails}}}
}

// withoutPostNominals drops the letters after a name ("Fiona Maclennan MSP", "Sir
// Geo. Lamplugh, Bart."), when a name is left.
func withoutPostNominals(name string) string {
	for {
		t := strings.TrimRight(strings.TrimSpace(name), ",.")
		i := strings.LastIndexAny(t, " ,")
		if i <= 0 || !lex.is(secPostNominal, t[i+1:]) || words(t[:i]) < 2 {
			return name
		}
		name = strings.TrimRight(t[:i], " ,")
	}
}

// esquire is the courtesy title written after a name: ", Esq.", " Esquire".
var esquire = regexp.MustCompile(`(?i)[, ]+(esq\.?|esquire)[,.]*\s*$`)

func officeParty(o office) party {
	return party{in: domain.PartyInput{Office: &domain.OfficeInput{Title: o.title, Of: o.of}}}
}

// recipient is the party as an addressee: a person's title is the As.
func (p party) recipient() domain.PartyInput {
	in := p.in
	if in.Person != nil {
		in.As = p.title
	}
	return in
}

// author is the party as a signatory: a person's title is the Capacity ("CEO" from
// "Nejat Society CEO").
func (p party) author() domain.PartyInput {
	in := p.in
	if in.Person != nil {
		if p.office != nil {
			in.Capacity = p.office.title
		} else {
			in.Capacity = p.title
		}
	}
	return in
}

// titleThenName reads "Prime Minister Edi Rama", "the Mayor of Zagreb Tomislav
// Tomašević", "President Macron": a title, then a name.
func titleThenName(s string, emails []string) (party, bool) {
	toks := tokenize(s)
	if len(toks) < 2 || len(toks) > 12 {
		return party{}, false
	}
	for n := min(4, len(toks)-1); n >= 1; n-- {
		name := spanText(s, toks, len(toks)-n, len(toks))
		if !(isPersonName(name) || n == 1 && isSurname(toks[len(toks)-1])) {
			continue
		}
		title := spanText(s, toks, 0, len(toks)-n)
		if connectors[toks[len(toks)-n-1].f] {
			continue // "Director for the Middle East and | North Africa"
		}
		if n == 1 && (len(toks) > 5 || hasWordIn(title, connectors)) {
			continue // a surname alone follows a short title: "President Macron"
		}
		if o, ok := parseOffice(title); ok {
			p := personParty(name, emails)
			p.title, p.office = trimPunct(title), &o
			p.in.Holds, p.in.MemberOf = holding(&o)
			return p, true
		}
	}
	return party{}, false
}

// splitHonorifics separates all leading honorifics: "H.E. Mr. Edi Rama" gives "H.E.
// Mr." and "Edi Rama"; "جناب آقای دکتر …" gives "جناب آقای دکتر". (domain.SplitHonorific
// takes one.)
func splitHonorifics(s string) (honorific, rest string) {
	rest = strings.TrimSpace(s)
	var hs []string
	if h, r := splitHonor(rest); h != "" && r != "" {
		hs, rest = append(hs, h), r
	}
	for range 4 {
		h, r := domain.SplitHonorific(rest)
		if h == "" || r == "" {
			break
		}
		hs = append(hs, h)
		rest = r
	}
	return strings.Join(hs, " "), rest
}

// isPersonName reports whether s reads as a person's name: an honorific and a name, or
// two to four capitalised words (particles such as "de", "bin" aside), or two to four
// Persian words, none of them a word of organisations, titles, places or sentences.
func isPersonName(s string) bool {
	if len(s) > maxPartyBytes {
		return false
	}
	h, rest := splitHonorifics(trimPunct(s))
	rest = trimPunct(rest)
	toks := tokenize(rest)
	if len(toks) == 0 || len(toks) > 6 || runes(rest) > 80 {
		return false
	}
	arabic := mostlyArabic(rest)
	if toks[0].f == "the" {
		return false // "The Wharfedale Courier": no one's name starts with "the"
	}
	core := 0
	for i, t := range toks {
		if !nameWord(t, arabic) {
			if arabic || !nameParticles[t.f] || i == 0 || i == len(toks)-1 || !startsLower(t.w) {
				return false
			}
			continue
		}
		core++
	}
	if core == 0 || core > 4 || (h == "" && core < 2) {
		return false
	}
	if _, ok := country(rest); ok {
		return false
	}
	if _, ok := country(toks[len(toks)-1].w); ok {
		return false
	}
	if len(toks) > 2 {
		if _, ok := country(spanText(rest, toks, len(toks)-2, len(toks))); ok {
			return false
		}
	}
	// "Iran Interlink", "Albanian Helsinki Committee": a country or its adjective first
	// makes an organisation's name. (A person called Jordan needs an honorific.)
	if _, ok := country(toks[0].w); ok && h == "" {
		return false
	}
	return true
}

// nameWord reports whether t can be a word of a person's name.
func nameWord(t token, arabic bool) bool {
	if t.f == "" || hasDigit(t.w) {
		return false
	}
	if isInitial(t.w) {
		return true
	}
	for _, w := range strings.Fields(t.f) {
		if nameStopWords[w] || orgKeywords[w] || weekdays[w] {
			return false
		}
		if !lex.words[secOrganisationWord][w] && lex.head(secOrganisationWord, w) != "" {
			return false // "Bewonersvereniging", "Stadtteilbibliothek": a compound of a body's kind
		}
	}
	if _, ok := titles[t.f]; ok || titleModifiers[t.f] {
		return false
	}
	if _, ok := cities[t.f]; ok {
		return false
	}
	if runes(t.w) <= 4 && isAcronym(t.w) { // "UN", "MEK"; a name in capitals is longer
		return false
	}
	for _, r := range t.w {
		switch {
		case arabic && (isArabicScript(r) || unicode.Is(unicode.Mn, r)):
		case !arabic && (unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’' || r == '.'):
		default:
			return false
		}
	}
	return arabic || startsUpper(t.w)
}

// isInitial reports whether w is an initial: "J.", "A.".
func isInitial(w string) bool {
	r := []rune(w)
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
}

// isSurname reports whether one capitalised word can be a surname after a title
// ("President Macron").
func isSurname(t token) bool {
	// Persian has no capitals to tell a surname from any other word.
	if mostlyArabic(t.w) || !nameWord(t, false) {
		return false
	}
	if _, ok := country(t.w); ok {
		return false
	}
	_, demonym := domain.Demonym(t.w)
	return !demonym && !isAcronym(t.w)
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

// takeEmails removes the email addresses from s ("Jane Doe <jane@example.org>") and
// returns them.
func takeEmails(s string) (string, []string) {
	if !strings.Contains(s, "@") {
		return s, nil
	}
	var keep, emails []string
	for _, w := range strings.Fields(s) {
		addr := strings.Trim(w, "<>()[],;:")
		addr = strings.TrimPrefix(addr, "mailto:")
		if strings.Contains(addr, "@") {
			if a, err := mail.ParseAddress(addr); err == nil && a.Name == "" {
				emails = append(emails, a.Address)
			}
			continue
		}
		keep = append(keep, w)
	}
	return trimPunct(strings.Join(keep, " ")), emails
}

// samePerson reports whether two spellings of a name in one letter are one person:
// the same name key, or the same initials and a surname that differs only by its
// ending ("Гусева Д.А." and "Д.А. Гусев").
func samePerson(a, b string) bool {
	if domain.NormalizeName(a) == domain.NormalizeName(b) {
		return true
	}
	split := func(s string) (initials, surname string) {
		for _, w := range foldWords(s) {
			if len([]rune(w)) == 1 {
				initials += w
			} else if surname == "" {
				surname = w
			}
		}
		return initials, surname
	}
	ia, sa := split(a)
	ib, sb := split(b)
	if ia == "" || ia != ib || sa == "" || sb == "" {
		return false
	}
	ra, rb := []rune(sa), []rune(sb)
	n := min(len(ra), len(rb))
	return n >= 4 && string(ra[:n-1]) == string(rb[:n-1]) && max(len(ra), len(rb))-n <= 2
}
