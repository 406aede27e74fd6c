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
