package text

import (
	"strings"
)

// maxTitle bounds a title taken from a letter's first line.
const (
	maxTitle = 200 // characters of a title taken from a first line
)

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

// findSalutation returns the line of the salutation, or -1: a short line that starts
// with a salutation cue, in the first part of the letter, before any paragraph of prose
// that could be the body (a salutation inside a quoted letter does not count).
func findSalutation(lines []line, from, to int) int {
	prose := 0
	for i := from; i < to && i < from+maxHeadLines; i++ {
		t := lines[i].text
		if t == "" {
			continue
		}
		if len(t) <= maxCueLine && isSalutationLine(t) {
			if j := laterSalutation(lines, i, to); j > i {
				return j // "Sir Geo. Lamplugh, Bart.," over his address, then "Dear Sir George,"
			}
			last := t[len(t)-1]
			if strings.ContainsRune(",:!;", rune(last)) || strings.HasSuffix(t, "،") || strings.HasSuffix(t, "؛") {
				return i
			}
			// Without its comma, a salutation is followed by the body; "Monsieur le
			// Maire de Villeneuve" over more head lines is the addressee.
			if j := nextNonBlank(lines, i+1, to); j >= to || isProse(lines[j].text) || blockIsProse(lines, paragraphAt(lines, j, to)) {
				return i
			} else if isHeadingLine(lines[j].text) {
				// "Dear Mr Hartley" / "NIGHT-TIME VEHICLE MOVEMENTS" / the body: a
				// subject between the salutation and the body.
				if k := nextNonBlank(lines, j+1, to); k < to && k > j+1 && blockIsProse(lines, paragraphAt(lines, k, to)) {
					return i
				}
			}
		}
		if isProse(t) {
			prose++
			if prose > 2 {
				return -1
			}
		}
	}
	return -1
}

// laterSalutation returns the salutation that follows the one at line i over a few
// short lines (an address block) and before any prose, or -1: the first was an
// addressee's name that starts like one ("Sir Geo. Lamplugh, Bart.").
func laterSalutation(lines []line, i, to int) int {
	for j := i + 1; j < to && j <= i+8; j++ {
		t := lines[j].text
		switch {
		case t == "":
		case isProse(t):
			return -1
		case len(t) <= maxCueLine && isSalutationLine(t) && lines[j-1].blank():
			return j
		}
	}
	return -1
}

// isSalutationLine reports whether t is a salutation: a salutation cue and at most a
// few words of address after it, ending as salutations do.
func isSalutationLine(t string) bool {
	f := foldLine(t)
	n, ok := lex.prefix(secSalutation, f)
	if !ok || len(f.w)-n > 8 {
		return false
	}
	last := t[len(t)-1]
	return len(f.w) == n || strings.ContainsRune(",:!،", rune(last)) || strings.HasSuffix(t, "،") || strings.HasSuffix(t, "؛") ||
		len(f.w)-n <= 4 && !strings.HasSuffix(t, ".")
}
