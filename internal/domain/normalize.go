package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// honorifics are the titles of address that do not make a new person: "Mr. Edi Rama"
// and "Edi Rama" are one. Compared after NormalizeName-style folding, without dots.
var honorifics = foldKeys(map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "lord": true, "lady": true,
	"rev": true, "reverend": true, "fr": true, "hon": true, "honourable": true,
	"honorable": true, "h e": true, "his excellency": true, "her excellency": true,
	"excellency": true, "madam": true, "madame": true, "mme": true, "monsieur": true,
	"herr": true, "frau": true, "sr": true, "sra": true, "dott": true,
	"aga": true, "agha": true, "agha ye": true, "sheikh": true, "imam": true,
	"ayatollah": true, "hojjatoleslam": true, "janab": true, "jenab": true,
	"آقای": true, "آقا": true, "خانم": true, "دکتر": true, "جناب": true, "جناب آقای": true,
})

// foldKeys folds the keys of a word list written for people to read, so that they
// compare with folded text (Fold turns "آقای" into "اقای").
func foldKeys(words map[string]bool) map[string]bool {
	out := make(map[string]bool, len(words))
	for w := range words {
		out[Fold(w)] = true
	}
	return out
}

// arabicVariants maps Arabic-script letters to the forms Persian text uses, so that a
// name typed with an Arabic keyboard matches the same name typed with a Persian one.
var arabicVariants = strings.NewReplacer(
	"ي", "ی", "ى", "ی", "ك", "ک", "ة", "ه", "ۀ", "ه", "أ", "ا", "إ", "ا", "آ", "ا",
	"\u200c", " ", // zero-width non-joiner separates parts of one Persian word
	"ـ", "", // tatweel is decoration
)

// persianDigits maps Persian and Arabic-Indic digits to ASCII ones.
var persianDigits = strings.NewReplacer(
	"۰", "0", "۱", "1", "۲", "2", "۳", "3", "۴", "4", "۵", "5", "۶", "6", "۷", "7", "۸", "8", "۹", "9",
	"٠", "0", "١", "1", "٢", "2", "٣", "3", "٤", "4", "٥", "5", "٦", "6", "٧", "7", "٨", "8", "٩", "9",
)

// Fold returns s folded for comparison: compatibility-decomposed with combining marks
// removed (so "José" and "Jose" meet), case-folded, Arabic-script variants unified,
// punctuation turned to spaces, and runs of space collapsed. It is the basis of every
// name key.
func Fold(s string) string {
	// Decompose first: compatibility forms (Arabic presentation forms from PDFs) become
	// the letters the replacers know.
	s = norm.NFKD.String(s)
	s = arabicVariants.Replace(persianDigits.Replace(s))
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading space
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ':
			continue // "O'Brien" and "OBrien" meet; "Nejat Society’s" folds to "nejat societys"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), " ")
}

// NormalizeName returns the identity key of a person's or organisation's name: Fold,
// after reading "Last, First" as "First Last" and removing leading honorifics. An empty result means the name has no letters.
func NormalizeName(s string) string {
	s, _, _ = InvertName(s) // "Rama, Edi" and "Edi Rama" are one name
	_, rest := SplitHonorific(s)
	return Fold(rest)
}

// NormalizeTitle returns the identity key of an office title (Fold; a title keeps its
// leading words, since "Minister" is no honorific there).
func NormalizeTitle(s string) string { return Fold(s) }

// SplitHonorific separates the leading honorifics from a name as written: "Mr. Edi
// Rama" gives "Mr.", "Edi Rama"; "H.E. Mr. Edi Rama" gives "H.E. Mr.", "Edi Rama". A
// name that is nothing but honorifics is returned whole as the name.
func SplitHonorific(name string) (honorific, rest string) {
	name = strings.TrimSpace(name)
	words := strings.Fields(name)
	taken := 0
	for taken < len(words)-1 {
		// An honorific is at most three words ("His Excellency", "جناب آقای").
		n := min(3, len(words)-1-taken)
		for ; n >= 1; n-- {
			if isHonorific(Fold(strings.Join(words[taken:taken+n], " "))) {
				break
			}
		}
		if n == 0 {
			break
		}
		taken += n
	}
	if taken == 0 {
		return "", name
	}
	return strings.Join(words[:taken], " "), strings.Join(words[taken:], " ")
}

// isHonorific reports whether a folded phrase is an honorific. "H.E." folds to "h e",
// so the Chinese surname He is not mistaken for it.
func isHonorific(folded string) bool { return honorifics[folded] }

// CleanText trims s and collapses every run of white space inside it to one space. It
// is applied to names, titles and other one-line fields before they are stored.
func CleanText(s string) string { return strings.Join(strings.Fields(s), " ") }

// nameKeys returns the distinct non-empty normalised forms of a name, an acronym and
// aliases: the keys under which a correspondent can be found again.
func nameKeys(names ...[]string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, list := range names {
		for _, n := range list {
			if k := NormalizeName(n); k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// PersonKeys returns the name keys of a person: its name and aliases.
func PersonKeys(p *PersonInput) []string {
	return nameKeys([]string{p.Name}, p.Aliases)
}

// OrganisationKeys returns the name keys of an organisation: its name, acronym,
// aliases and, for a country, its canonical name, so that "ASILA" finds the
// Association for Supporting Iranians Living in Albania once it is known by both, and
// "Republic of Albania" finds Albania.
func OrganisationKeys(o *OrganisationInput) []string {
	names := []string{o.Name, o.Acronym}
	// A country is one organisation however it is written: "Republic of Albania",
	// "Albania" and "Albanian" all key as albania.
	if c, ok := CanonicalCountry(o.Name); ok {
		names = append(names, c)
	}
	return nameKeys(names, o.Aliases)
}

// NormalizeEmail returns the identity key of an email address: lower-cased, trimmed.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
