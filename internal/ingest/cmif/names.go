package cmif

import (
	"net/url"
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
	name, family, ok := domain.InvertName(written)
	if !ok {
		if trimmed := strings.Trim(name, " ,،"); trimmed != "" {
			name = trimmed // "Goethe," or ", Louis": half an inverted name
		}
		return name, "", name
	}
	return name, domain.CleanText(written), family
}

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
