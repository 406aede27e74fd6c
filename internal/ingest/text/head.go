package text

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Limits of the head (everything before the body): it is read within its first lines
// so that a long letter without structure costs nothing more.
const (
	maxHeadLines = 80
	maxTitle     = 200 // characters of a title taken from a first line
	maxLeadAhead = 3   // units looked ahead from an editorial lead for the addressee
)

// unitKind classifies a unit of the head.
type unitKind int

const (
	unitText unitKind = iota // lines to classify: title, addressee, letterhead, lead or body
	unitDate
	unitSalutation
	unitSubject
	unitInvocation
)

// unit is a paragraph of the head, or a single line that plays a part of its own
// (a date, a salutation, a subject, an invocation).
type unit struct {
	span
	kind    unitKind
	date    dated
	subject string
}

// headUnits splits the first lines of lines[from:to] into units.
func headUnits(lines []line, from, to int) []unit {
	var out []unit
	run := -1
	flush := func(i int) {
		if run >= 0 {
			out = append(out, unit{span: span{run, i}})
			run = -1
		}
	}
	for i := from; i < to && i < from+maxHeadLines; i++ {
		t := lines[i].text
		if t == "" {
			flush(i)
			continue
		}
		u := unit{span: span{i, i + 1}}
		switch {
		case invocations[fold(t)] && len(out) == 0 && run < 0:
			u.kind = unitInvocation
		case isSalutation(t) || bareSalutation(t) && (i+1 >= to || lines[i+1].blank()):
			u.kind = unitSalutation
		default:
			if f, v, ok := headerLine(t); ok && f == fieldSubject && v != "" {
				u.kind, u.subject = unitSubject, v
			} else if d, ok := dateLine(t); ok {
				u.kind, u.date = unitDate, d
			} else {
				if run < 0 {
					run = i
				}
				continue
			}
		}
		flush(i)
		out = append(out, u)
	}
	flush(min(to, from+maxHeadLines))
	return out
}

// head is what the head of a letter says.
type head struct {
	title      string
	date       *dated
	subject    string
	recipients []domain.PartyInput
	bodyStart  int
	found      bool // anything at all was recognised
}

// parseHead reads the head of the letter in lines[from:to]: an invocation, the title
// (a first line standing alone), a letterhead, the date line, the addressee block, a
// subject line, an editorial lead (prose before the addressee block) and the
// salutation. The body starts after the salutation, or at the first paragraph of prose
// after the addressee, or at the first paragraph of prose when there is neither.
func parseHead(lines []line, from, to int, allowTitle bool) head {
	h := head{bodyStart: from}
	units := headUnits(lines, from, to)
	k := 0
	for k < len(units) && units[k].kind == unitInvocation {
		k++
		h.bodyStart = units[k-1].end
	}
	if allowTitle && k < len(units) && units[k].kind == unitText && units[k].end-units[k].start == 1 {
		if t := lines[units[k].start].text; runes(t) <= 300 && !isAddressee(lines, units[k]) {
			h.title = cutRunes(t, maxTitle)
			h.bodyStart = units[k].end
			h.found = true
			k++
		}
	}
	var addressees []unit
	salutation := ""
	done := false
	for ; k < len(units) && !done; k++ {
		u := units[k]
		switch u.kind {
		case unitInvocation:
		case unitDate:
			if h.date == nil {
				d := u.date
				h.date = &d
			}
		case unitSubject:
			h.subject = u.subject
		case unitSalutation:
			salutation = lines[u.start].text
			h.bodyStart, done = u.end, true
			continue
		case unitText:
			if isAddressee(lines, u) {
				addressees = append(addressees, u)
				break
			}
			if len(addressees) == 0 && leadBefore(lines, units[k+1:]) {
				break // an editorial lead: not the letter's text
			}
			h.bodyStart, done = u.start, true
			continue
		}
		h.found = true
		h.bodyStart = u.end
	}
	if len(addressees) > 0 {
		// Earlier blocks are the letterhead or the sender's address.
		for _, p := range addresseeParties(lines, addressees[len(addressees)-1]) {
			h.recipients = append(h.recipients, p.recipient())
		}
	} else if salutation != "" {
		if p, ok := salutationParty(salutation); ok {
			h.recipients = append(h.recipients, p.recipient())
		}
	}
	if salutation != "" || len(addressees) > 0 {
		h.found = true
	}
	return h
}

// leadBefore reports whether an addressee block or a salutation comes within the next
// few units: then the prose before it is an editorial lead.
func leadBefore(lines []line, next []unit) bool {
	for i, u := range next {
		if i >= maxLeadAhead {
			break
		}
		if u.kind == unitSalutation || u.kind == unitText && isAddressee(lines, u) {
			return true
		}
	}
	return false
}

// toPrefixes introduce an addressee.
var toPrefixes = []string{"to:", "to :", "attn:", "attention:", "به:", "به :", "to the attention of", "for the attention of"}

// toWords stand alone above an addressee, or before it on its line: "To", "به" (to),
// "حضور" (to the presence of).
var toWords = foldSet("to", "به", "حضور")

// cutTo removes "To:" and the like from the first line of an addressee block. A line
// that is only "To" (or "به") is cut to nothing.
func cutTo(s string) (string, bool) {
	if toWords[fold(s)] {
		return "", true
	}
	for _, p := range toPrefixes {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			return trimPunct(s[len(p):]), true
		}
	}
	// "To the Mayor of Zagreb", "To Mr. Edi Rama", "حضور محترم جناب آقای …" — but "To
	// the people of Iran" is a title.
	rest := ""
	switch toks := tokenize(s); {
	case len(s) > 3 && strings.EqualFold(s[:3], "to "):
		rest = trimPunct(s[3:])
	case len(toks) > 1 && toks[0].f != "to" && toWords[toks[0].f]:
		i := 1
		for i < len(toks)-1 && respectWords[toks[i].f] {
			i++
		}
		rest = trimPunct(spanText(s, toks, i, len(toks)))
	default:
		return s, false
	}
	if _, ok := parseOffice(rest); ok {
		return rest, true
	}
	if h, name := splitHonorifics(rest); h != "" && name != "" || isPersonName(rest) {
		return rest, true
	}
	return s, false
}

// isAddressee reports whether a unit of the head is an addressee block (or a
// letterhead: they look alike and the last one before the body is the addressee):
// at most eight short lines, opening with "To:", a name with an honorific, an office,
// or — with lines under it — a person's or an organisation's name.
func isAddressee(lines []line, u unit) bool {
	n := u.end - u.start
	if n > 8 {
		return false
	}
	for i := u.start; i < u.end; i++ {
		if t := lines[i].text; runes(t) > 120 || isProse(t) {
			return false
		}
	}
	first, to := cutTo(lines[u.start].text)
	if first == "" && to && n > 1 {
		first, n = lines[u.start+1].text, n-1
	}
	switch {
	case first == "":
		return false
	case to:
		return true
	case isSalutation(first):
		return false
	}
	if h, rest := splitHonorifics(first); h != "" && rest != "" {
		return true
	}
	if _, ok := parseOffice(first); ok {
		return true
	}
	if _, ok := titleThenName(first, nil); ok {
		return true
	}
	if n < 2 {
		return false
	}
	if isPersonName(first) {
		return true
	}
	_, ok := strictOrg(first)
	return ok
}

// addresseeParties reads an addressee block: the addressee on the first line (after
// "To:"), then their title, organisation and address. "To: A, B; C" names several.
func addresseeParties(lines []line, u unit) []party {
	texts := make([]string, 0, u.end-u.start)
	for i := u.start; i < u.end; i++ {
		texts = append(texts, lines[i].text)
	}
	first, to := cutTo(texts[0])
	texts[0] = first
	if first == "" {
		texts = texts[1:]
	}
	if to && strings.ContainsAny(texts[0], ";؛") {
		return memoParties(texts[:1])
	}
	p, ok := parseParty(texts[0])
	if !ok {
		return nil
	}
	for _, t := range texts[1:] {
		if p.addTitle(t) {
			continue
		}
		if org, ok := strictOrg(t); ok && p.addOrganisation(org) {
			continue
		}
		// An address line: street, town, country.
	}
	return []party{p}
}

// isSalutation reports whether a line is a salutation: "Dear Mr. Rama,", "Dear Sir or
// Madam,", "Your Excellency,", "To whom it may concern:", "با سلام و احترام،".
func isSalutation(s string) bool {
	if runes(s) > 100 {
		return false
	}
	toks := tokenize(s)
	n, _ := longestMatch(toks, 0, 8, salutations)
	if n == 0 {
		return false
	}
	end := strings.TrimRight(s, " ")
	if strings.HasSuffix(end, ",") || strings.HasSuffix(end, ":") || strings.HasSuffix(end, "!") ||
		strings.HasSuffix(end, "،") || strings.HasSuffix(end, ";") {
		return words(s) <= 12
	}
	return words(s) <= 6 && !endsSentence(s)
}

// bareSalutation reports whether a line is a name alone followed by a comma, as a
// salutation without "Dear" is written ("Jane,", "Mr. Rama,"). The caller requires it
// to stand alone in its paragraph.
func bareSalutation(s string) bool {
	if !strings.HasSuffix(s, ",") && !strings.HasSuffix(s, "،") || words(s) > 4 {
		return false
	}
	name := trimPunct(s)
	if isPersonName(name) {
		return true
	}
	if h, rest := splitHonorifics(name); h != "" && rest != "" {
		if _, ok := parseOffice(rest); ok {
			return true // "Mr. President,"
		}
	}
	toks := tokenize(name)
	return len(toks) == 1 && isSurname(toks[0])
}

// salutationParty reads the addressee a salutation names: "Dear Mr. Rama," (a person),
// "Dear Minister," (an office), "Dear Prime Minister Rama," (a person addressed as
// Prime Minister). Generic salutations ("Dear Sir or Madam,", "Dear friends,") name
// no one.
func salutationParty(s string) (party, bool) {
	s = strings.TrimRight(strings.TrimSpace(s), ",:!;،")
	toks := tokenize(s)
	n, _ := longestMatch(toks, 0, 8, salutations)
	if n == 0 && bareSalutation(s+",") {
		// "Mr. Rama," names the addressee; "Jane," is too little to go by.
		if h, name := splitHonorifics(s); h != "" && name != "" {
			if o, ok := parseOffice(name); ok {
				return officeParty(o), true // "Mr. President,"
			}
			return personParty(s, nil), true
		}
		return party{}, false
	}
	if n == 0 || n == len(toks) || !namingSalutations[spanFold(toks, 0, n)] {
		return party{}, false
	}
	rest := trimPunct(spanText(s, toks, n, len(toks)))
	if genericAddressees[fold(rest)] {
		return party{}, false
	}
	if p, ok := titleThenName(rest, nil); ok {
		return p, true
	}
	h, name := splitHonorifics(rest)
	if o, ok := parseOffice(name); ok {
		return officeParty(o), true
	}
	if genericAddressees[fold(name)] {
		return party{}, false
	}
	rt := tokenize(name)
	if h != "" || isPersonName(name) || len(rt) == 1 && isSurname(rt[0]) {
		return personParty(rest, nil), true
	}
	return party{}, false
}
