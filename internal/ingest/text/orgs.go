package text

import (
	"strings"
	"unicode"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// notOrgWords show that a line is a sentence or a heading, not an organisation's name
// ("Letter from the CEO of Nejat Society to the Albania PM").
var notOrgWords = foldSet("from", "to", "letter", "dear", "wrote", "writes", "is", "are", "was",
	"were", "has", "have", "had", "will", "would", "i", "we", "you", "he", "she", "they", "my",
	"our", "your", "his", "its", "this", "that", "these", "those", "which", "who", "please",
	"thank", "sincerely", "regards", "copy", "related", "posts", "open", "re", "subject",
	"نامه", "به", "از", "است", "می", "را", "که", "این")

// parseOrganisation returns the organisation s names when it clearly names one: a
// group such as the media, a name with its acronym in brackets, a country (a STATE),
// a country's government, a name with an organisation word ("Society", "Ministry",
// "انجمن"), or an acronym alone. With loose, any other short capitalised name is taken
// as an organisation too (used where only an organisation can stand, as after "of").
func parseOrganisation(s string, loose bool) (*domain.OrganisationInput, bool) {
	if len(s) > maxPartyBytes {
		return nil, false
	}
	s = trimPunct(s)
	if s == "" || runes(s) > 200 {
		return nil, false
	}
	if mediaGroup[fold(s)] {
		o := &domain.OrganisationInput{Name: "The Media", Kind: domain.OrgGroup}
		if fold(s) != fold(o.Name) {
			o.Aliases = []string{s} // "Press", "رسانه‌ها": the name as written is kept
		}
		return o, true
	}
	s = dropArticle(s)
	if long, acr, ok := acronymForm(s); ok {
		return &domain.OrganisationInput{Name: long, Acronym: acr, Kind: orgKind(long)}, true
	}
	if c, ok := country(s); ok {
		return state(c), true
	}
	if g, ok := government(s); ok {
		return g, true
	}
	toks := tokenize(s)
	if len(toks) == 0 || len(toks) > 14 || hasWordIn(s, notOrgWords) || isProse(s) {
		return nil, false
	}
	if len(toks) == 1 && isAcronym(s) {
		return &domain.OrganisationInput{Name: s, Acronym: s, Kind: orgKind(s)}, true
	}
	if hasWordIn(s, orgKeywords) && startsName(s) {
		return &domain.OrganisationInput{Name: s, Kind: orgKind(s)}, true
	}
	if loose && startsName(s) && len(toks) <= 8 && !hasDigit(s) && !connectors[toks[len(toks)-1].f] {
		return &domain.OrganisationInput{Name: s, Kind: orgKind(s)}, true
	}
	return nil, false
}

// state returns the organisation of a country.
func state(name string) *domain.OrganisationInput {
	return &domain.OrganisationInput{Name: name, Kind: domain.OrgState}
}

// country returns the canonical name of the country s names ("the Republic of
// Albania", "Albania", "Albanian", "ایران", "جمهوری آلبانی").
func country(s string) (string, bool) {
	if len(s) > maxPartyBytes {
		return "", false
	}
	s = trimPunct(s)
	if s == "" || runes(s) > 80 {
		return "", false
	}
	if c, ok := domain.CanonicalCountry(s); ok {
		return c, true
	}
	if !mostlyArabic(s) {
		return "", false
	}
	// Persian: "جمهوری اسلامی ایران", "کشور آلبانی" — the words that open a country's
	// name, then the name.
	toks := tokenize(s)
	i := 0
	for i < len(toks)-1 && persianStateWords[toks[i].f] {
		i++
	}
	return domain.CanonicalCountry(spanFold(toks, i, len(toks)))
}

// persianStateWords open a country's name in Persian ("the Republic of", "the
// Kingdom of", "the country of").
var persianStateWords = foldSet("جمهوری", "اسلامی", "پادشاهی", "کشور", "فدرال", "دموکراتیک")

// government recognises a country's government: "the Albanian government", "Government
// of Albania", "دولت آلبانی". All become "Government of Albania" (GOVERNMENT, part of
// the state Albania), so that the wordings meet; a wording other than that is kept as
// an alias.
func government(s string) (*domain.OrganisationInput, bool) {
	toks := tokenize(s)
	if len(toks) < 2 || len(toks) > 8 {
		return nil, false
	}
	var c string
	var ok bool
	switch last, first := toks[len(toks)-1].f, toks[0].f; {
	case last == "government" || last == "govt":
		rest := spanText(s, toks, 0, len(toks)-1)
		if c, ok = country(rest); !ok && len(toks) == 2 {
			c, ok = domain.Demonym(rest)
		}
	case first == "government" && len(toks) > 2 && toks[1].f == "of":
		c, ok = country(spanText(s, toks, 2, len(toks)))
	case first == domain.Fold("دولت"):
		c, ok = country(spanText(s, toks, 1, len(toks)))
	}
	if !ok {
		return nil, false
	}
	g := &domain.OrganisationInput{Name: "Government of " + c, Kind: domain.OrgGovernment, PartOf: state(c)}
	if domain.NormalizeName(s) != domain.NormalizeName(g.Name) {
		g.Aliases = []string{s}
	}
	return g, true
}

// acronymForm splits "ASILA (Association for Supporting Iranians Living in Albania)"
// and "Association for … (ASILA)" into the long name and the acronym.
func acronymForm(s string) (long, acr string, ok bool) {
	if !strings.HasSuffix(s, ")") {
		return "", "", false
	}
	open := strings.LastIndex(s, "(")
	if open <= 0 {
		return "", "", false
	}
	inner := strings.TrimSpace(s[open+1 : len(s)-1])
	outer := trimPunct(strings.TrimSpace(s[:open]))
	if strings.ContainsAny(inner, "()") || strings.ContainsAny(outer, "()") || inner == "" || outer == "" {
		return "", "", false
	}
	switch {
	case isAcronym(inner) && !isAcronym(outer) && startsName(outer):
		return dropArticle(outer), inner, true
	case isAcronym(outer) && words(inner) >= 2 && startsName(inner):
		return dropArticle(inner), outer, true
	}
	return "", "", false
}

// isAcronym reports whether w is one word of capitals: "MEK", "UNHCR", "U.N.".
func isAcronym(w string) bool {
	if strings.ContainsAny(w, " \t") || runes(w) < 2 || runes(w) > 12 {
		return false
	}
	upper := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r) || r == '.' || r == '&' || r == '-':
		default:
			return false
		}
	}
	return upper >= 2
}

// orgKind guesses an organisation's kind from the words of its name, or leaves it
// empty.
func orgKind(name string) domain.OrganisationKind {
	for _, k := range orgKinds {
		if hasWordIn(name, kindWords[k]) {
			return k
		}
	}
	return ""
}

// dropArticle removes a leading "the": "the Nejat Society" and "Nejat Society" are one
// organisation.
func dropArticle(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return strings.TrimSpace(s[4:])
	}
	return s
}

// startsName reports whether s begins like a name: a capital letter, a digit, or a
// letter of a script without case.
func startsName(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || (unicode.IsLetter(r) && !unicode.IsLower(r))
	}
	return false
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }
