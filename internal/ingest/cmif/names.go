package cmif

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// personName reads a person's name as CMIF gives it. Authority files (and so most
// CMIF files) write names inverted, "Goethe, Johann Wolfgang von"; the graph keeps the
// reading order, "Johann Wolfgang von Goethe", with the inverted form as an alias
// (inverted is "" when the name was not inverted). family is the part a title uses:
// the family name of an inverted name, else the whole name, since which word of
// "Samuel Thomas Soemmerring" or a Persian name is the family name cannot be known.
//
// One comma (or Arabic comma) inverts; a third part that is a generational suffix
// ("Smith, John, Jr.") follows the name; anything else with commas, and a regnal name
// ("Friedrich II., König von Preußen"), is kept as written. A parenthesised addition
// after the given names ("Müller, Johann (1752-1809)") stays at the end.
func personName(written string) (name, inverted, family string) {
	written = domain.CleanText(written)
	parts := strings.Split(strings.ReplaceAll(written, "،", ","), ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch {
	case len(parts) == 2 && parts[0] != "" && parts[1] != "":
	case len(parts) == 3 && parts[0] != "" && parts[1] != "" &&
		generational[strings.TrimSuffix(strings.ToLower(parts[2]), ".")]:
	case len(parts) == 2 && parts[0]+parts[1] != "": // "Goethe," or ", Louis"
		return parts[0] + parts[1], "", parts[0] + parts[1]
	default:
		return written, "", written
	}
	last, given := parts[0], parts[1]
	if regnal.MatchString(last) {
		return written, "", written
	}
	var addition string
	if i := strings.IndexByte(given, '('); i > 0 && strings.HasSuffix(given, ")") {
		given, addition = strings.TrimSpace(given[:i]), " "+given[i:]
	}
	name = given + " " + last
	if len(parts) == 3 {
		name += " " + parts[2]
	}
	return name + addition, written, last
}

// generational suffixes that follow a name rather than being part of it.
var generational = map[string]bool{"jr": true, "sr": true, "jun": true, "sen": true, "junior": true,
	"senior": true, "ii": true, "iii": true, "iv": true}

// regnal matches a ruler's name with its number, which is not a family name.
var regnal = regexp.MustCompile(`\s[IVXL]+\.?$`)

// unknownNames are what files write for a correspondent they do not know (CMIF asks
// for "Unknown"). Without an authority id such a name identifies nobody, and as a
// person it would join every anonymous letter into one correspondent; the parser
// leaves it out. Compared folded.
var unknownNames = map[string]bool{"unknown": true, "unbekannt": true, "anonymous": true,
	"anonym": true, "nn": true, "n n": true, "inconnu": true}

// isUnknown reports whether a name says only that the correspondent is not known.
func isUnknown(name string) bool { return unknownNames[domain.Fold(name)] }

// authorityIDs returns the absolute http(s) URIs among the space-separated values of
// a @ref, the only form the store keeps as an authority id. Other values (relative
// references, private schemes such as "gnd:118540238") are left out.
func authorityIDs(ref string) []string {
	var ids []string
	for _, v := range strings.Fields(ref) {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			utf8.RuneCountInString(v) > domain.MaxShortText {
			continue
		}
		ids = append(ids, v)
		if len(ids) == domain.MaxParties {
			break
		}
	}
	return ids
}
