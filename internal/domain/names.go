package domain

import (
	"regexp"
	"strings"
)

// InvertName reads a name written "Last, First" as "First Last" and reports whether
// it did; family is then the part before the comma. One comma (or Arabic comma)
// inverts; a third part that is a generational suffix ("Smith, John, Jr.") follows
// the name; a parenthesised addition after the given names ("Müller, Johann
// (1752-1809)") stays at the end. Anything else is kept as written: more commas, a
// company ("Acme, Inc."), a ruler ("Friedrich II., König von Preußen"), an address.
func InvertName(written string) (name, family string, inverted bool) {
	written = CleanText(written)
	if strings.Contains(written, "@") {
		return written, "", false
	}
	parts := strings.Split(strings.ReplaceAll(written, "،", ","), ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 2 && Fold(parts[0]) != "" && Fold(parts[1]) != "":
	case len(parts) == 3 && Fold(parts[0]) != "" && Fold(parts[1]) != "" && generational[Fold(parts[2])]:
	default:
		return written, "", false
	}
	last, given := parts[0], parts[1]
	if regnal.MatchString(last) || nameSuffixes[Fold(given)] || generational[Fold(given)] {
		return written, "", false
	}
	var addition string
	if i := strings.IndexByte(given, '('); i > 0 && strings.HasSuffix(given, ")") {
		given, addition = strings.TrimSpace(given[:i]), " "+given[i:]
	}
	name = given + " " + last
	if len(parts) == 3 {
		name += " " + parts[2]
	}
	return name + addition, last, true
}

// generational suffixes follow a name rather than being part of it.
var generational = map[string]bool{"jr": true, "sr": true, "jun": true, "sen": true, "junior": true,
	"senior": true, "ii": true, "iii": true, "iv": true}

// nameSuffixes after a comma make the name a company's or a title's, not "Last,
// First": "Acme, Inc.", "Doe, PhD".
var nameSuffixes = map[string]bool{
	"phd": true, "md": true, "esq": true, "inc": true, "ltd": true, "llc": true, "llp": true,
	"plc": true, "gmbh": true, "ag": true, "sa": true, "bv": true, "nv": true, "co": true, "corp": true,
}

// regnal matches a ruler's name with its number, which is not a family name.
var regnal = regexp.MustCompile(`\s[IVXL]+\.?$`)
