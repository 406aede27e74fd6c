package text

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// office is an office title read from text, with the organisation it is of.
type office struct {
	title string
	of    *domain.OrganisationInput
	kind  titleKind
}

func parseOffice(s string) (office, bool) {
	if len(s) > maxPartyBytes {
		return office{}, false
	}
	s = trimPunct(s)
	if s == "" || runes(s) > 200 {
		return office{}, false
	}
	s = dropWords(s, respectWords)
	toks := tokenize(s)
	if len(toks) == 0 || len(toks) > 24 {
		return office{}, false
	}
	start := 0
	if toks[0].f == "the" {
		start = 1
	}
	if m, n, kind, exp := titleAt(toks, start); n > 0 {
		return officeFrom(s, toks, start, m, n, kind, exp, nil)
	}
	if mostlyArabic(s) {
		return office{}, false // a Persian title comes first
	}
	// "<organisation> <title>": "Albanian Foreign Minister", "Nejat Society CEO".
	for t := start + 1; t < len(toks); t++ {
		m, n, kind, exp := titleAt(toks, t)
		if n == 0 {
			continue
		}
		span := trimPunct(spanText(s, toks, start, t))
		if strings.ContainsAny(span, ",;،") {
			break // "Senior Traffic Examiner, Office of the Traffic Commissioner": no "<organisation> <title>"
		}
		org, ok := prefixOrg(span)
		if !ok {
			continue
		}
		return officeFrom(s, toks, t, m, n, kind, exp, org)
	}
	return office{}, false
}

// titleAt matches a title at token i: m modifier words ("Deputy") and a title phrase
// of n words. exp is the expansion of an abbreviated title ("PM").
func titleAt(toks []token, i int) (m, n int, kind titleKind, exp string) {
	for m = 0; i+m < len(toks); m++ {
		if m > 0 && (!titleModifiers[toks[i+m-1].f] || breaksPhrase(toks[i+m-1])) {
			break
		}
		if n, kind = longestMatch(toks, i+m, 6, titles); n > 0 {
			return m, n, kind, ""
		}
		if e, ok := titleAbbreviations[strings.TrimRight(toks[i+m].w, ",.;:")]; ok {
			return m, 1, public, e
		}
	}
	return 0, 0, 0, ""
}

// titleAbbreviations are expanded, so that "the Albania PM" and "the Prime Minister of
// Albania" are one office. Only the capitalised forms: "5 pm" is a time.
var titleAbbreviations = map[string]string{"PM": "Prime Minister", "FM": "Foreign Minister"}

// officeFrom reads what follows a title matched at tokens [i, i+m+n): nothing, an
// organisation after "of" or a comma, a portfolio ("of Interior") and then the
// organisation, or "to"/"on" phrases that stay in the title.
func officeFrom(s string, toks []token, i, m, n int, kind titleKind, exp string, org *domain.OrganisationInput) (office, bool) {
	j := i + m + n
	o := office{title: trimPunct(spanText(s, toks, i, j)), of: org, kind: kind}
	if exp != "" {
		o.title = strings.TrimSpace(spanText(s, toks, i, i+m) + " " + exp)
	}
	setOf := func(org *domain.OrganisationInput) {
		if o.of == nil {
			o.of = org
		}
	}
	if j == len(toks) {
		return o, true
	}
	whole := trimPunct(spanText(s, toks, i, len(toks)))
	if j == len(toks)-1 && connectors[toks[j].f] || toks[j].f == "to" && j == len(toks)-1 {
		return office{}, false // "Commissioner for": cut off
	}
	if mostlyArabic(s) {
		return persianOffice(s, toks, i, j, o)
	}
	if breaksPhrase(toks[j-1]) { // "Director, Amnesty International"
		org, ok := parseOrganisation(spanText(s, toks, j, len(toks)), true)
		if !ok || isUnitText(spanText(s, toks, j, len(toks))) {
			return office{}, false
		}
		setOf(org)
		return o, true
	}
	switch f := toks[j].f; f {
	case "of", "for", "on":
		// "Minister of Interior of Albania", "Chair of the Board, Human Rights Watch",
		// "Director for the Middle East, Amnesty International": the organisation
		// follows a later "of" or a comma. "for" and "on" always name a field.
		field := kind&portfolio != 0 || f != "of"
		for k := j + 2; k < len(toks); k++ {
			var rem string
			switch {
			case breaksPhrase(toks[k-1]):
				rem = spanText(s, toks, k, len(toks))
			case field && (toks[k].f == "of" || toks[k].f == "in") && k+1 < len(toks):
				rem = spanText(s, toks, k+1, len(toks))
			default:
				continue
			}
			if org, ok := strictOrg(rem); ok {
				o.title = trimPunct(spanText(s, toks, i, k))
				setOf(org)
				return o, true
			}
		}
		rem := spanText(s, toks, j+1, len(toks))
		if f != "of" {
			o.title = whole
			return o, true
		}
		if kind&portfolio != 0 {
			if org, ok := strictOrg(rem); ok && org.Kind == domain.OrgState || ok && org.Kind == domain.OrgGovernment {
				setOf(org)
			} else {
				o.title = whole
			}
			return o, true
		}
		if kind&diplomat != 0 { // "Ambassador of Albania to Iran"
			for k := j + 1; k < len(toks); k++ {
				if toks[k].f == "to" || toks[k].f == "in" {
					o.title = o.title + " " + trimPunct(spanText(s, toks, k, len(toks)))
					rem = spanText(s, toks, j+1, k)
					break
				}
			}
		}
		if isUnitText(rem) {
			o.title = whole // "Director of Water Quality": a field, not an organisation
			return o, true
		}
		org, ok := parseOrganisation(rem, true)
		if !ok {
			return office{}, false
		}
		setOf(org)
		return o, true
	case "to":
		o.title = whole
		return o, true
	case "at", "in":
		// "Director at Amnesty International"; but "Representative in Albania" (of
		// UNHCR) and "Ambassador in Tehran" say where, not whose.
		if org, ok := strictOrg(spanText(s, toks, j+1, len(toks))); ok && kind&diplomat == 0 {
			setOf(org)
		} else {
			o.title = whole
		}
		return o, true
	}
	return office{}, false
}

// countryWords open the name of a country in Persian ("جمهوری اسلامی ایران") and
// stand between a title and the country.
var countryWords = foldSet("جمهوری", "اسلامی", "پادشاهی", "دولت", "کشور", "فدرال")

// persianOffice reads what follows a Persian title: the country at the end ("وزیر
// امور خارجه آلبانی"), or the organisation ("مدیرعامل انجمن نجات", "شهردار تهران").
// Persian joins title and organisation without a preposition.
func persianOffice(s string, toks []token, i, j int, o office) (office, bool) {
	ks := make([]int, 0, len(toks))
	for k := i + 1; k < len(toks); k++ {
		ks = append(ks, k)
	}
	if o.kind&portfolio != 0 && j < len(toks)-1 {
		// A minister's portfolio comes first: "وزیر کشور آلبانی" is the Minister of
		// the Interior (کشور) of Albania, not a minister of the country Albania.
		ks = append(ks[j-i:], ks[:j-i]...)
	}
	for _, k := range ks {
		c, ok := country(spanText(s, toks, k, len(toks)))
		if !ok {
			continue
		}
		switch {
		case k < j: // the country's name overlaps the title phrase: "ریاست جمهوری اسلامی ایران"
			m2, n2, _, _ := titleAt(toks[:k], i)
			if n2 == 0 || i+m2+n2 != k {
				continue
			}
		case o.kind&portfolio == 0:
			only := true
			for _, t := range toks[j:k] {
				only = only && countryWords[t.f]
			}
			if !only {
				continue
			}
			k = j
		}
		o.title = trimPunct(spanText(s, toks, i, k))
		if o.of == nil {
			o.of = state(c)
		}
		return o, true
	}
	if o.kind&portfolio != 0 {
		for k := j + 1; k < len(toks); k++ {
			if org, ok := strictOrg(spanText(s, toks, k, len(toks))); ok {
				o.title = trimPunct(spanText(s, toks, i, k))
				if o.of == nil {
					o.of = org
				}
				return o, true
			}
		}
		o.title = trimPunct(spanText(s, toks, i, len(toks)))
		return o, true
	}
	org, ok := parseOrganisation(spanText(s, toks, j, len(toks)), true)
	if !ok {
		return office{}, false
	}
	if o.of == nil {
		o.of = org
	}
	return o, true
}

// strictOrg is an organisation clearly named: a country, a government or a name with
// an organisation word or acronym.
func strictOrg(s string) (*domain.OrganisationInput, bool) {
	org, ok := parseOrganisation(s, false)
	if !ok || org.Kind == domain.OrgGroup {
		return nil, false
	}
	return org, true
}

// prefixOrg reads the organisation written before a title: a demonym ("Albanian"), a
// country ("Albania PM"), a government or an organisation's name.
func prefixOrg(s string) (*domain.OrganisationInput, bool) {
	if s == "" || onlyAKind(s) {
		return nil, false // "Company Secretary": a kind alone names no organisation
	}
	if c, ok := domain.Demonym(s); ok {
		return state(c), true
	}
	return strictOrg(s)
}

// dropWords removes the words of set from s ("نخست وزیر محترم" → "نخست وزیر").
func dropWords(s string, set map[string]bool) string {
	toks := tokenize(s)
	keep := make([]string, 0, len(toks))
	for _, t := range toks {
		if !set[t.f] {
			keep = append(keep, t.w)
		}
	}
	if len(keep) == len(toks) {
		return s
	}
	return strings.Join(keep, " ")
}

// holding turns a person's office into what the letter records about them: a public
// office of a state or an unknown body is held (HOLDS); a title in an NGO, company or
// newspaper is a role in it (MEMBER_OF). An office without an organisation is
// neither: a "Minister" of nowhere would merge every minister into one node.
func holding(o *office) (*domain.HoldingInput, *domain.MembershipInput) {
	if o == nil || o.of == nil {
		return nil, nil
	}
	switch o.of.Kind {
	case domain.OrgState, domain.OrgGovernment:
		return &domain.HoldingInput{Office: domain.OfficeInput{Title: o.title, Of: o.of}}, nil
	case "":
		if o.kind&public != 0 {
			return &domain.HoldingInput{Office: domain.OfficeInput{Title: o.title, Of: o.of}}, nil
		}
	}
	return nil, &domain.MembershipInput{Organisation: *o.of, Role: o.title}
}
