package text

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// maxSubject is the length a memo's subject is cut to.
const maxSubject = 300

// parseLetter reads a decoded letter; ok is false when it has no visible text. The
// parts are read in this order: the trailing web matter (cut off first, so that its
// titles are never taken for a signature), memo headers, the head (title …
// salutation), then the tail (copy lists, closing, signature) of what remains; the
// body is what lies between head and tail.
func parseLetter(s string) (in domain.LetterInput, ok bool) {
	lines := splitLines(s)
	first := nextNonBlank(lines, 0, len(lines))
	if first >= len(lines) {
		return in, false
	}
	end := len(lines)
	if t := trailerStart(lines, first); t >= 0 {
		in.Related = parseTrailer(lines, t, end)
		end = t
	}
	m := parseMemo(lines, first, end)
	h := parseHead(lines, m.next, end, !m.recognised)
	t := parseTail(lines, h.bodyStart, end)

	bodyStart, bodyEnd := h.bodyStart, max(t.bodyEnd, h.bodyStart)
	in.Title, in.Subject = h.title, h.subject
	if i := nextNonBlank(lines, bodyStart, len(lines)); !m.recognised && !h.found && i < len(lines) {
		// No recognisable head: the first line is the title (cut when long, and then
		// kept in the body too).
		l := lines[i].text
		in.Title = cutRunes(l, maxTitle)
		if runes(l) <= maxTitle {
			bodyStart = i + 1
		}
	}
	in.Body = joinRaw(lines, bodyStart, bodyEnd)
	for _, ps := range t.ps {
		in.Body = strings.TrimSpace(in.Body + "\n\n" + joinRaw(lines, ps.start, ps.end))
	}

	if m.recognised {
		applyMemo(&in, m, t.signature)
	} else {
		in.Recipients = h.recipients
		in.Authors = t.signature.authors
		in.OnBehalfOf = t.signature.onBehalf
	}
	in.CC = append(in.CC, t.cc...)
	in.BCC = append(in.BCC, t.bcc...)

	switch {
	case in.DateText != "" || in.Date != nil:
	case h.date != nil:
		h.date.apply(&in)
	case t.signature.date != nil:
		t.signature.date.apply(&in)
	}
	if in.DatePrecision == "" {
		in.DatePrecision = domain.PrecisionUnknown
		if in.Date != nil {
			in.DatePrecision = domain.PrecisionDay
		}
	}
	if h.date != nil && h.date.place != "" {
		if pl, ok := parsePlace(h.date.place, true); ok {
			in.WrittenAt, in.PlaceText = &pl.in, pl.text
		}
	}
	if in.WrittenAt == nil && t.signature.place != nil {
		in.WrittenAt, in.PlaceText = &t.signature.place.in, t.signature.place.text
	}

	in.Mentions = bodyMentions(in.Body)
	if in.Language = detectLanguage(in.Body); in.Language == "" && in.Body == "" {
		in.Language = detectLanguage(in.Title)
	}
	if strings.TrimSpace(in.Title+in.Subject+in.Body) == "" {
		// Everything was read as structure (a letter that is only an address block):
		// keep the first line as the title so that the letter is not lost.
		in.Title = cutRunes(lines[first].text, maxTitle)
	}
	validate(&in)
	capLists(&in)
	return in, true
}

// applyMemo sets what a memo's headers say. The signature under a memo adds the
// capacity and organisation of an author the From header names.
func applyMemo(in *domain.LetterInput, m memo, sig signature) {
	if m.heading != "" && in.Title == "" {
		in.Title = cutRunes(m.heading, maxTitle)
	}
	in.Subject = cutRunes(domain.CleanText(m.subject), maxSubject)
	for _, p := range memoParties(m.to) {
		in.Recipients = append(in.Recipients, p.recipient())
	}
	for _, p := range memoParties(m.cc) {
		in.CC = append(in.CC, p.in)
	}
	for _, p := range memoParties(m.bcc) {
		in.BCC = append(in.BCC, p.in)
	}
	for _, p := range memoParties(m.from) {
		a := p.author()
		for _, s := range sig.authors {
			if a.Person != nil && s.Person != nil && a.Capacity == "" &&
				domain.NormalizeName(a.Person.Name) == domain.NormalizeName(s.Person.Name) {
				a.Capacity, a.MemberOf, a.Holds = s.Capacity, s.MemberOf, s.Holds
			}
		}
		if a.MemberOf != nil {
			in.OnBehalfOf = append(in.OnBehalfOf, a.MemberOf.Organisation)
		}
		in.Authors = append(in.Authors, a)
	}
	if len(in.Authors) == 0 {
		in.Authors = sig.authors
	}
	in.OnBehalfOf = dedupeOrgs(append(in.OnBehalfOf, sig.onBehalf...))
	if m.date != "" {
		if d, ok := dateLine(m.date); ok {
			d.apply(in)
		} else {
			in.DateText = cutRunes(m.date, 80)
		}
	}
}

// capLists keeps every list within the domain's limit.
func capLists(in *domain.LetterInput) {
	limit := func(n int) int { return min(n, domain.MaxParties) }
	in.Authors = in.Authors[:limit(len(in.Authors))]
	in.Recipients = in.Recipients[:limit(len(in.Recipients))]
	in.CC = in.CC[:limit(len(in.CC))]
	in.BCC = in.BCC[:limit(len(in.BCC))]
	in.Related = in.Related[:limit(len(in.Related))]
	in.OnBehalfOf = in.OnBehalfOf[:limit(len(in.OnBehalfOf))]
}
