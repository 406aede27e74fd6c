package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// copyMarkers open a copy list. bare markers may be followed by the first item without
// a colon ("c.c. Minister of Interior"); the others need one ("Copy:"), or stand alone
// on their line. Longer markers come first.
var copyMarkers = []struct {
	prefix string
	role   domain.Role
	bare   bool
}{
	{"with copies to", domain.RoleCC, true}, {"with copy to", domain.RoleCC, true},
	{"copies to", domain.RoleCC, true}, {"copy to", domain.RoleCC, true},
	{"copied to", domain.RoleCC, true}, {"cc to", domain.RoleCC, true},
	{"distribution list", domain.RoleCC, false}, {"distribution", domain.RoleCC, false},
	{"b.c.c.", domain.RoleBCC, true}, {"bcc", domain.RoleBCC, true},
	{"c.c.", domain.RoleCC, true}, {"c.c", domain.RoleCC, true}, {"cc.", domain.RoleCC, true},
	{"cc", domain.RoleCC, true}, {"copies", domain.RoleCC, false}, {"copy", domain.RoleCC, false},
	{"رونوشت به", domain.RoleCC, true}, {"رونوشت", domain.RoleCC, true},
}

// copyMarker recognises the line that opens a copy list: "Copy to:", "Copies to:",
// "cc:", "CC:", "c.c.", "Cc.", "Distribution:", "Copy:", "رونوشت:", "رونوشت". It
// returns the list's role (CC, or BCC for "bcc:") and the items written on the same
// line, if any.
func copyMarker(s string) (role domain.Role, inline string, ok bool) {
	s = strings.TrimSpace(s)
	for _, m := range copyMarkers {
		if len(s) < len(m.prefix) || !strings.EqualFold(s[:len(m.prefix)], m.prefix) {
			continue
		}
		rest := s[len(m.prefix):]
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u200c' {
			continue // "ccTLD", "copyright"
		}
		rest = strings.TrimSpace(rest)
		switch {
		case rest == "":
			if m.prefix == "copy" || m.prefix == "copies" {
				return "", "", false
			}
			return m.role, "", true
		case strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "："):
			_, after, _ := cutColon(rest)
			return m.role, strings.TrimSpace(after), true
		case m.bare && startsName(rest) && !isProse(rest):
			// Names are capitalised: "c.c. Minister of Interior", not "Copies to be sent".
			return m.role, rest, true
		}
		return "", "", false
	}
	return "", "", false
}

// copyList reads the copy list whose marker is on line k, with the items written on
// the marker line. It returns the items and the index of the first line after the list.
// Items follow one a line, or several to a line separated by commas or semicolons;
// the list ends at a blank line (unless it is bulleted and goes on with a bullet), at
// another marker, a closing or a line of prose.
func copyList(lines []line, k, end int, inline string) (items []string, next int) {
	if inline != "" {
		items = append(items, splitItems(inline)...)
		// After items on the marker line only indented or bulleted lines, or a line
		// after a trailing comma, continue the list.
		j := k + 1
		for j < end && !lines[j].blank() && len(items) < domain.MaxParties {
			_, bullet := stripBullet(lines[j].text)
			indented := strings.HasPrefix(lines[j].raw, " ") || strings.HasPrefix(lines[j].raw, "\t")
			if !bullet && !indented && !strings.HasSuffix(strings.TrimSpace(lines[j-1].text), ",") || endsList(lines[j].text) {
				break
			}
			items = append(items, splitItems(lines[j].text)...)
			j++
		}
		return items, j
	}
	j := nextNonBlank(lines, k+1, end)
	if j-k > 2 { // more than one blank line after the marker: no list follows
		return nil, k + 1
	}
	bulleted := false
	if j < end {
		_, bulleted = stripBullet(lines[j].text)
	}
	for j < end && len(items) < domain.MaxParties {
		if lines[j].blank() {
			nb := nextNonBlank(lines, j, end)
			if nb < end && bulleted && nb-j <= 2 {
				if _, b := stripBullet(lines[nb].text); b && !endsList(lines[nb].text) {
					j = nb
					continue
				}
			}
			break
		}
		if endsList(lines[j].text) {
			break
		}
		items = append(items, splitItems(lines[j].text)...)
		j++
	}
	return items, j
}

// endsList reports whether a line cannot be an item of a copy list.
func endsList(s string) bool {
	if _, _, ok := copyMarker(s); ok {
		return true
	}
	if _, ok := closingLine(s); ok {
		return true
	}
	if _, _, ok := trailerHeading(s); ok {
		return true
	}
	return isPS(s) || isEnclosure(s) || runes(s) > 200 || isProse(s)
}

// splitItems splits one line of a copy list into its items: at semicolons, and at
// commas unless the comma joins a person to their title or a title to its organisation
// ("Jane Doe, Director, Amnesty International" is one item).
// At most domain.MaxParties items are returned: a list is never longer.
func splitItems(s string) []string {
	s, _ = stripBullet(strings.TrimSpace(s))
	var out []string
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ';' || r == '؛' }) {
		if len(out) >= domain.MaxParties {
			break
		}
		out = append(out, splitCommas(part, domain.MaxParties-len(out))...)
	}
	return out
}

// itemState says what the item being built holds, to decide whether the next
// comma-separated part continues it.
type itemState int

const (
	itemOther      itemState = iota
	itemPerson               // a name alone
	itemPersonRole           // a name and a title without organisation
	itemTitle                // a title without organisation
)

// splitCommas splits a part of a list line at its commas into at most limit items.
func splitCommas(s string, limit int) []string {
	var out []string
	acc, state := "", itemOther
	for p := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ',' || r == '،' }) {
		if len(out) >= limit {
			return out
		}
		p = cleanItem(dropLeadingAnd(strings.TrimSpace(p)))
		if p == "" {
			continue
		}
		if acc != "" {
			if next, joins := continues(state, p); joins {
				acc, state = acc+", "+p, next
				continue
			}
			out = append(out, acc)
		}
		acc, state = p, startState(p)
	}
	if acc != "" {
		out = append(out, acc)
	}
	return out
}

// startState classifies the first part of an item.
func startState(p string) itemState {
	if isPersonName(p) {
		return itemPerson
	}
	if o, ok := parseOffice(p); ok && o.of == nil {
		return itemTitle
	}
	return itemOther
}

// continues reports whether part p belongs to the item built so far, and the state
// after it.
func continues(state itemState, p string) (itemState, bool) {
	switch state {
	case itemPerson:
		if o, ok := parseOffice(p); ok {
			if o.of == nil {
				return itemPersonRole, true
			}
			return itemOther, true
		}
		if _, ok := strictOrg(p); ok {
			return itemOther, true
		}
		if hasTitleWord(p) && !isPersonName(p) { // "John Smith, Research Coordinator"
			return itemPersonRole, true
		}
	case itemPersonRole, itemTitle:
		if _, ok := strictOrg(p); ok {
			return itemOther, true
		}
	}
	return itemOther, false
}

// hasTitleWord reports whether a word of s is an office title ("Research Coordinator").
func hasTitleWord(s string) bool {
	toks := tokenize(s)
	for i := range toks {
		if n, _ := longestMatch(toks, i, 4, titles); n > 0 {
			return true
		}
	}
	return false
}

func dropLeadingAnd(s string) string {
	for _, and := range []string{"and ", "& ", "و "} {
		if len(s) > len(and) && strings.EqualFold(s[:len(and)], and) {
			return strings.TrimSpace(s[len(and):])
		}
	}
	return s
}

// bullets mark list items.
var bullets = []string{"-", "–", "—", "•", "*", "·", "▪", "●", "◦", "○", "►", "‣", "⁃", "→", ">"}

// stripBullet removes a bullet or a number ("1.", "2)", "(3)", "۴-", "a)") from the
// start of a list item.
func stripBullet(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, b := range bullets {
		if strings.HasPrefix(s, b) && len(s) > len(b) {
			rest := s[len(b):]
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsSpace(r) || b != "-" && b != "*" {
				return strings.TrimSpace(rest), true
			}
		}
	}
	i := 0
	open := strings.HasPrefix(s, "(")
	if open {
		i = 1
	}
	digits := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsDigit(r) {
			break
		}
		digits++
		i += size
	}
	if digits == 0 && !open && len(s) > 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' {
		digits, i = 1, 1
	}
	if digits == 0 || digits > 3 || i >= len(s) {
		return s, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case open && r == ')', !open && strings.ContainsRune(".)-–:", r):
		// "12-member committee" is no numbered item: a space must follow.
		rest := s[i+size:]
		if r2, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsSpace(r2) || r == ')') {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}
