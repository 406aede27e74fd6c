package text

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/ingest/textdate"
)

// What a line or a block of the head is: a line with a role of its own (invocation,
// heading, reference, date, subject), an information block, an addressee, a letterhead.

// bareSubject reads a subject label written without its colon ("Re Priory Church
// …"), on a line alone, short, over a blank line.
func bareSubject(lines []line, i, end int) (string, bool) {
	t := lines[i].text
	f := foldLine(t)
	n, ok := lex.prefix(secLabelSubject, f)
	if !ok || n >= len(f.w) || words(t) > 20 || i+1 >= end || !lines[i+1].blank() {
		return "", false
	}
	return strings.TrimSpace(strings.TrimLeft(f.after(n), ".:- ")), true
}

// attentionLine reports whether t names the person an addressee's letter is for:
// "Attn:", "z. Hd.", "À l'attention de", "Alla c.a." (lexicon section attention).
func attentionLine(t string) bool {
	f := foldLine(t)
	n, ok := lex.prefix(secAttention, f)
	return ok && n < len(f.w) && len(f.w)-n <= 8
}

// wrappedSubject reports whether a block of two or three lines reads as one subject
// wrapped: no contact, date or name among its lines, each short, the first no
// address line and starting as a subject does (a capital or a script without case);
// a later line may hold a number ("сезону 2023/2024 гг.").
func wrappedSubject(lines []line, b span) bool {
	if n := b.end - b.start; n < 2 || n > 3 || !(startsUpper(lines[b.start].text) || !hasCase(lines[b.start].text)) || isSalutationLine(lines[b.start].text) {
		return false
	}
	for i := b.start; i < b.end; i++ {
		t := lines[i].text
		if i == b.start && isAddressText(t) || isContactText(t) || isDateLine(t) || isPersonText(t) || runes(t) > 90 || strings.HasSuffix(t, ",") {
			return false
		}
	}
	return true
}

// headLine classifies a head line that has a role of its own: an invocation, a
// heading, a reference, a date line, a labelled subject.
func headLine(t string) (zoneKind, section, string) {
	switch {
	case lex.is(secInvocation, t):
		return zInvocation, "", ""
	case lex.is(secHeading, t):
		return zHeading, "", ""
	}
	if v, ok := lex.label(secLabelSubject, t); ok && v != "" {
		return zSubject, secLabelSubject, v
	}
	if label, rest, colon := cutColon(t); colon && lex.is(secLabelReference, label) && len(splitGap(rest)) < 2 {
		// "Ihre Nachricht:   14.02.2022": the date of the letter answered, not this
		// one's (a reference beside a date in its own column, "Ref: MH/142      4th
		// April, 2024", is read as a date column below)
		return zReference, secLabelReference, strings.TrimSpace(rest)
	}
	if c, ok := dateColumn(t); ok {
		return zDate, "", c // "No. 41/1987          Lisbon, 2 March 1987"
	}
	if v, ok := lex.label(secLabelReference, t); ok {
		return zReference, secLabelReference, v
	}
	if v, ok := lex.label(secLabelDate, t); ok && v != "" {
		return zDate, secLabelDate, v
	}
	if isDateLine(t) {
		return zDate, "", t
	}
	return zNone, "", ""
}

// isDateLine reports whether t is a date line: a date with at most a place before or
// after it.
func isDateLine(t string) bool {
	if m := firstNumericDate(t); m != "" && m == strings.TrimRight(strings.TrimSpace(t), ".") {
		return true // "03/04/2019": a date, whichever it is
	}
	if _, ok := numericIn(t, true); ok && words(t) <= 6 {
		return true // "Altenbrück, den 12.4.1979"
	}
	d, before, after, ok := textdate.Find(t)
	if !ok || d.Date == nil && d.NotBefore == nil {
		return false
	}
	if after = trimJoiners(after, false); refNumber.MatchString(after) || equivalentDate(after) {
		after = "" // "12 марта 2020 г. № 58", "12 نونبر 2022، الموافق 18 ربيع الآخر 1444"
	}
	return words(cleanPlace(trimJoiners(before, true))) <= 4 && words(after) <= 2
}

// looksLikeAddress reports whether a block reads as an addressee: two to eight short
// lines, or one line naming someone, that are not a letterhead's contact lines.
func looksLikeAddress(lines []line, b span) bool {
	n := b.end - b.start
	if n > 9 || blockIsProse(lines, b) {
		return false
	}
	for i := b.start; i < b.end && n > 1; i++ {
		if f := foldLine(lines[i].text); i < b.start+3 {
			if k, ok := lex.prefix(secAddresseePrefix, f); ok && k < len(f.w) {
				// "Aan de gemeenteraad van …", "T.a.v. mevrouw …" over a post box
				return true
			}
		}
	}
	if looksLikeLetterhead(lines, b) {
		return false
	}
	party := false
	for i := b.start; i < b.end; i++ {
		switch roleOf(lines[i].text) {
		case rolePerson, roleTitle, roleOrg:
			party = true
		}
	}
	if !party && !lex.hasWord(secAddresseePrefix, lines[b.start].text) {
		return false
	}
	t := lines[b.start].text
	if n == 1 {
		f := foldLine(t)
		_, pre := lex.prefix(secAddresseePrefix, f)
		_, hon := lex.prefix(secHonorific, f)
		return pre || hon || isTitleText(t) && !isProse(t)
	}
	return true
}

// looksLikeLetterhead reports whether a block carries a letterhead's marks: contact
// lines (telephone, fax, email, web), or a sender line of parts joined by "·" or "|".
func looksLikeLetterhead(lines []line, b span) bool {
	for i := b.start; i < b.end; i++ {
		t := lines[i].text
		if strings.Count(t, "·") >= 2 || strings.Count(t, "|") >= 2 || strings.Contains(t, "@") ||
			strings.Contains(strings.ToLower(t), "www.") {
			return true
		}
		if _, ok := lex.prefix(secContact, foldLine(t)); ok {
			return true
		}
	}
	return false
}

// namesOrganisation reports whether a line is an organisation's name rather than a
// heading about one: it starts with an organisation word ("Ministry of …", "جمعية …",
// "Stichting …") or ends with a company's form ("… GmbH", "… Ltd").
func namesOrganisation(t string) bool {
	f := foldLine(t)
	if _, ok := lex.prefix(secOrganisationWord, f); ok {
		return true
	}
	return len(f.w) > 1 && lex.words[secOrganisationWord][f.w[len(f.w)-1]] && len(f.w) <= 6
}

// cells splits a row of an information block at runs of two or more spaces, and
// returns each cell's text and the column (in characters) where it starts.
func cells(raw string) (texts []string, cols []int) {
	r := []rune(raw)
	start, spaces := -1, 0
	for i := 0; i <= len(r); i++ {
		if i < len(r) && r[i] != ' ' && r[i] != '\t' {
			if start < 0 || spaces >= 2 {
				if start >= 0 {
					texts = append(texts, strings.TrimSpace(string(r[start:i])))
				}
				start = i
				cols = append(cols, i)
			}
			spaces = 0
			continue
		}
		spaces++
	}
	if start >= 0 {
		texts = append(texts, strings.TrimSpace(string(r[start:])))
	}
	return texts, cols
}

// infoRow reports whether a line is the label row of an information block: two or
// more cells that are reference or date labels.
func infoRow(raw string) bool {
	texts, _ := cells(raw)
	n := 0
	for _, t := range texts {
		if lex.is(secLabelReference, t) || lex.is(secLabelDate, t) {
			n++
		}
	}
	return n >= 2
}

// infoDate returns the value under the date label of an information block, by column.
func infoDate(labels, values string) string {
	texts, cols := cells(labels)
	vr := []rune(values)
	for k, t := range texts {
		if !lex.is(secLabelDate, t) {
			continue
		}
		from := cols[k]
		if from >= len(vr) {
			return ""
		}
		// The value may start a little before its label; take the cell around it.
		for from > 0 && vr[from-1] != ' ' {
			from--
		}
		end := len(vr)
		if k+1 < len(cols) && cols[k+1] < end {
			end = cols[k+1]
		}
		return strings.TrimSpace(string(vr[from:end]))
	}
	return ""
}

// placeAbove reports whether a line is a place written over its date line: a short
// name ending with a comma.
func placeAbove(t string) bool {
	t = strings.TrimSpace(t)
	if !strings.HasSuffix(t, ",") || words(t) > 4 {
		return false
	}
	_, ok := parsePlace(strings.TrimSuffix(t, ","), true)
	return ok
}
