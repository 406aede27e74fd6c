package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matching the cues of a lexicon section against folded words: prefixes, suffixes,
// compounds, labels, and the articles that start a name.

// prefix finds the longest cue of sec that starts s and returns the number of folded
// words it takes.
func (l *lexicon) prefix(sec section, f fwords) (int, bool) {
	if len(f.w) == 0 {
		return 0, false
	}
	for _, p := range l.byFirst[sec][f.w[0]] {
		if hasPrefix(f.w, p) {
			return len(p), true
		}
	}
	switch sec {
	case secOrganisationWord, secTitleWord, secPublicTitle:
		// "Stadtteilbibliothek", "Kultusminister", "Oberbürgermeister": a compound
		// ending in a cue.
		if l.head(sec, f.w[0]) != "" {
			return 1, true
		}
	}
	return 0, false
}

// Compounds and inflections of organisation and title words: German and Dutch write
// an organisation's kind or a title as the end of one word ("Stadtteilbibliothek",
// "Kreiskrankenhaus", "Kultusminister"), and German declines an organisation's kind
// ("des Landkreises"). The end must be a German or Dutch one-word cue of at least
// minCompoundHead letters after at least three others, so that short cues ("Amt",
// "Rat", "Bank") make no compounds of ordinary words, nor other languages' cues
// compounds of their words ("Cartotecnica").
const minCompoundHead = 6

// declinedHead reports whether a stem is a German organisation word or ends with one
// (a compound): only German declines them, so "Projects" is no "Project" declined.
func (l *lexicon) declinedHead(stem string) bool {
	if len([]rune(stem)) < 3 {
		return false
	}
	return l.declined[stem] || endsIn(l.declined, stem)
}

// endsIn reports whether a folded word is a compound ending in a cue of set: at
// least three letters, then a cue of minCompoundHead letters or more.
func endsIn(set map[string]bool, w string) bool {
	r := []rune(w)
	for i := 3; len(r)-i >= minCompoundHead; i++ {
		if set[string(r[i:])] {
			return true
		}
	}
	return false
}

// head reports whether a folded word is a one-word cue of sec (organisation-word,
// unit-word), ends with one, or declines one, and returns the word in the nominative
// (without its genitive -s or -es); "" when it is none.
func (l *lexicon) head(sec section, w string) string {
	switch {
	case l.words[sec][w] || endsIn(l.compounding[sec], w):
		return w
	case sec == secOrganisationWord && strings.HasSuffix(w, "es") && l.declinedHead(strings.TrimSuffix(w, "es")):
		return strings.TrimSuffix(w, "es") // "Landes", "Kreistages"
	case sec == secOrganisationWord && strings.HasSuffix(w, "s") && l.declinedHead(strings.TrimSuffix(w, "s")):
		return strings.TrimSuffix(w, "s") // "Amts", "Rats"
	}
	return ""
}

// suffix finds the longest cue of sec that ends s and returns the number of folded
// words it takes.
func (l *lexicon) suffix(sec section, f fwords) (int, bool) {
	if len(f.w) == 0 {
		return 0, false
	}
	for _, p := range l.byLast[sec][f.w[len(f.w)-1]] {
		if len(f.w) >= len(p) && slices.Equal(f.w[len(f.w)-len(p):], p) {
			return len(p), true
		}
	}
	return 0, false
}

// contains reports whether a cue of sec occurs anywhere in s.
func (l *lexicon) contains(sec section, f fwords) bool {
	for i, w := range f.w {
		for _, p := range l.byFirst[sec][w] {
			if hasPrefix(f.w[i:], p) {
				return true
			}
		}
		if sec == secOrganisationWord && l.head(sec, w) != "" {
			return true
		}
	}
	return false
}

// is reports whether s is, as a whole, a cue of sec.
func (l *lexicon) is(sec section, s string) bool {
	if len(s) > maxCueLine {
		return false // no cue is that long
	}
	f := foldLine(s)
	n, ok := l.prefix(sec, f)
	return ok && n == len(f.w)
}

// hasWord reports whether one of s's folded words is a one-word cue of sec.
func (l *lexicon) hasWord(sec section, s string) bool {
	for _, w := range foldWords(s) {
		if l.words[sec][w] || sec == secOrganisationWord && l.head(sec, w) != "" {
			return true
		}
	}
	return false
}

// label reads "Label: value" (or "Label value" when the label is followed by a tab or
// two spaces, as memo headers are aligned) for a label of sec, and returns the value.
func (l *lexicon) label(sec section, s string) (string, bool) {
	f := foldHead(s)
	n, ok := l.prefix(sec, f)
	if !ok {
		return "", false
	}
	rest := s[f.end[n-1]:]
	if (sec == secLabelCC || sec == secLabelBCC) && strings.HasPrefix(rest, ". ") {
		return f.after(n), true // "Cc. Albanian Foreign Minister"
	}
	if sec == secLabelReference {
		// "№ 17/2019", "No. 214/2019", "Prot. 1234", "На № СТ-1187": a number.
		if tok, _, _ := strings.Cut(strings.TrimLeft(rest, " .#°№"), " "); strings.IndexFunc(tok, unicode.IsDigit) >= 0 {
			return f.after(n), true
		}
	}
	switch {
	case strings.Trim(rest, " \t.:") == "":
		return "", true // the label alone on its line: "c.c.", "Verteiler:"
	case strings.HasPrefix(strings.TrimLeft(rest, " \t."), ":"), strings.HasPrefix(rest, "\t"),
		strings.HasPrefix(rest, "  "), strings.TrimSpace(rest) == "", strings.HasPrefix(strings.TrimSpace(rest), "："):
		return f.after(n), true
	}
	return "", false
}

// dropLeadingArticle drops an article that starts a party's name: "The Embassy of …",
// "L'Ambassade de …", "Die Botschaft …". A name that is only an article and one word
// keeps it ("The Times" would lose too much; a name of one word after it is kept as
// written).
func dropLeadingArticle(s string) string { return dropArticleOf(s, 3) }

// dropTitleArticle drops the article before an office's title: "le Maire", "Il
// Sindaco del Comune", "the Clerk".
func dropTitleArticle(s string) string { return dropArticleOf(s, 2) }

// dropArticleOf drops a leading article when at least minWords words remain with it,
// or an elided one ("L'", "dell'") before anything.
func dropArticleOf(s string, minWords int) string {
	s = strings.TrimSpace(s)
	// An elided article: "L'", "dell'", "all'".
	if i := strings.IndexAny(s, "'’"); i > 0 && i <= 5 {
		if w := foldWords(s[:i]); len(w) == 1 && lex.words[secArticle][w[0]] {
			_, size := utf8.DecodeRuneInString(s[i:])
			if rest := strings.TrimSpace(s[i+size:]); rest != "" {
				return rest
			}
		}
	}
	f := foldLine(s)
	if len(f.w) >= minWords && lex.words[secArticle][f.w[0]] {
		return f.after(1)
	}
	return s
}
