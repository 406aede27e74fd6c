package text

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The cue lexicons (lexicon/README.md): one file a language, sections of phrases.
//
//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// section names a list of cues (lexicon/README.md says what each holds).
type section string

const (
	secFunctionWords    section = "function-words"
	secSalutation       section = "salutation"
	secClosing          section = "closing"
	secClosingFormula   section = "closing-formula"
	secNoteVerbale      section = "note-verbale"
	secNoteVerbaleClose section = "note-verbale-close"
	secLabelTo          section = "label-to"
	secLabelFrom        section = "label-from"
	secLabelCC          section = "label-cc"
	secLabelBCC         section = "label-bcc"
	secLabelSubject     section = "label-subject"
	secLabelDate        section = "label-date"
	secLabelReference   section = "label-reference"
	secLabelEnclosure   section = "label-enclosure"
	secPostscript       section = "postscript"
	secPurpose          section = "purpose"
	secOnBehalf         section = "on-behalf"
	secSignedMark       section = "signed-mark"
	secInvocation       section = "invocation"
	secHeading          section = "heading"
	secAddresseePrefix  section = "addressee-prefix"
	secHonorific        section = "honorific"
	secContact          section = "contact"
	secOrganisationWord section = "organisation-word"
	secTitleWord        section = "title-word"
	secPublicTitle      section = "public-title"
	secArticle          section = "article"
	secDateJoiner       section = "date-joiner"
	secGoverningBody    section = "governing-body"
	secUnitWord         section = "unit-word"
	secMembersOf        section = "members-of"
	secTopic            section = "topic"
	secPostalBox        section = "postal-box"
	secField            section = "field"
	secAttention        section = "attention"
	secPreClosing       section = "pre-closing"
	secForwarded        section = "forwarded"
	secMailNote         section = "mail-note"
	secPostNominal      section = "post-nominal"
	secFiling           section = "filing"
)

// sections lists every section a lexicon file may have, in the README's order.
var sections = []section{secFunctionWords, secSalutation, secClosing, secClosingFormula,
	secNoteVerbale, secNoteVerbaleClose, secLabelTo, secLabelFrom, secLabelCC, secLabelBCC,
	secLabelSubject, secLabelDate, secLabelReference, secLabelEnclosure, secPostscript,
	secPurpose, secOnBehalf, secSignedMark, secInvocation, secHeading, secAddresseePrefix,
	secHonorific, secContact, secOrganisationWord, secTitleWord, secPublicTitle, secArticle, secDateJoiner, secGoverningBody, secUnitWord, secMembersOf, secTopic, secPostalBox, secField, secAttention, secPreClosing, secForwarded, secMailNote, secPostNominal, secFiling}

// phrase is a cue as folded words.
type phrase []string

// lexicon holds the cues of every language, merged: a letter in one language often
// carries cues of another.
type lexicon struct {
	phrases map[section][]phrase            // longest first, so that the longest cue wins
	byFirst map[section]map[string][]phrase // the phrases by their first word, longest first
	byLast  map[section]map[string][]phrase // the phrases by their last word, longest first
	words   map[section]map[string]bool     // one-word cues, for word lookups
	// declined holds the one-word organisation cues of German, the language read
	// that declines them in the genitive ("des Landes", "des Kreistages").
	declined map[string]bool
	// compounding holds, by section, the one-word cues of the languages read that
	// write compounds (German, Dutch), which may end a word: "Stadtteilbibliothek",
	// "Kultusminister", "Bewonersvereniging".
	compounding map[section]map[string]bool
	function    map[string]map[string]bool // language → its function words
	verbale     []template                 // note-verbale openings
}

// template is a note-verbale opening: literal words and the two parties' places.
type template struct {
	parts []tpart
	lang  string
}

type tpart struct {
	words phrase // literal words, or nil for a party
	party string // "author" or "recipient" for a party
}

var lex = mustLoadLexicon(lexiconFiles)

func mustLoadLexicon(fsys fs.FS) *lexicon {
	l, err := loadLexicon(fsys)
	if err != nil {
		panic(err) // the files are embedded: a test loads them, so this cannot ship
	}
	return l
}

// loadLexicon reads every lexicon/*.txt of fsys. An unknown section, a phrase outside
// a section or a note-verbale template without both parties is an error naming the
// file and line.
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	l := &lexicon{phrases: map[section][]phrase{}, words: map[section]map[string]bool{},
		function: map[string]map[string]bool{}, declined: map[string]bool{}, compounding: map[section]map[string]bool{}}
	known := map[section]bool{}
	for _, s := range sections {
		known[s] = true
		l.words[s] = map[string]bool{}
	}
	files, err := fs.Glob(fsys, "lexicon/*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range files {
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		var sec section
		for n := 1; sc.Scan(); n++ {
			text := sc.Text()
			if i := strings.Index(text, "#"); i >= 0 && (i == 0 || text[i-1] == ' ' || text[i-1] == '\t') {
				text = text[:i]
			}
			text = strings.TrimSpace(text)
			switch {
			case text == "":
			case strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]"):
				sec = section(strings.TrimSpace(text[1 : len(text)-1]))
				if !known[sec] {
					f.Close()
					return nil, fmt.Errorf("%s:%d: unknown section %q", name, n, sec)
				}
			case sec == "":
				f.Close()
				return nil, fmt.Errorf("%s:%d: %q is in no section", name, n, text)
			case sec == secNoteVerbale:
				t, err := parseTemplate(text, lang)
				if err != nil {
					f.Close()
					return nil, fmt.Errorf("%s:%d: %w", name, n, err)
				}
				l.verbale = append(l.verbale, t)
			case sec == secFunctionWords:
				if l.function[lang] == nil {
					l.function[lang] = map[string]bool{}
				}
				for _, w := range foldWords(text) {
					l.function[lang][w] = true
				}
			default:
				if p := foldWords(text); len(p) > 0 {
					l.phrases[sec] = append(l.phrases[sec], p)
					if len(p) == 1 {
						l.words[sec][p[0]] = true
						if sec == secOrganisationWord && lang == "de" {
							l.declined[p[0]] = true
						}
						if lang == "de" || lang == "nl" {
							if l.compounding[sec] == nil {
								l.compounding[sec] = map[string]bool{}
							}
							l.compounding[sec][p[0]] = true
						}
					}
				}
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	l.byFirst, l.byLast = map[section]map[string][]phrase{}, map[section]map[string][]phrase{}
	for s, list := range l.phrases {
		seen := map[string]bool{}
		var unique []phrase
		for _, p := range list {
			if k := strings.Join(p, " "); !seen[k] {
				seen[k] = true
				unique = append(unique, p)
			}
		}
		slices.SortStableFunc(unique, func(a, b phrase) int { return len(b) - len(a) })
		l.phrases[s] = unique
		// Indexes by first and last word: a line is matched against the few cues
		// that can start or end there, not against every cue of the section.
		first, last := map[string][]phrase{}, map[string][]phrase{}
		for _, p := range unique {
			first[p[0]] = append(first[p[0]], p)
			last[p[len(p)-1]] = append(last[p[len(p)-1]], p)
		}
		l.byFirst[s], l.byLast[s] = first, last
	}
	return l, nil
}

// parseTemplate reads "{author} presents its compliments to {recipient} and has the
// honour".
func parseTemplate(text, lang string) (template, error) {
	t := template{lang: lang}
	rest := text
	seen := map[string]bool{}
	for rest != "" {
		i := strings.Index(rest, "{")
		if i < 0 {
			t.parts = append(t.parts, tpart{words: foldWords(rest)})
			break
		}
		if w := foldWords(rest[:i]); len(w) > 0 {
			t.parts = append(t.parts, tpart{words: w})
		}
		j := strings.Index(rest[i:], "}")
		if j < 0 {
			return t, fmt.Errorf("unclosed { in %q", text)
		}
		name := rest[i+1 : i+j]
		if name != "author" && name != "recipient" {
			return t, fmt.Errorf("{%s} in %q: a template names {author} and {recipient}", name, text)
		}
		if len(t.parts) > 0 && t.parts[len(t.parts)-1].party != "" {
			return t, fmt.Errorf("two parties with no words between them in %q", text)
		}
		seen[name] = true
		t.parts = append(t.parts, tpart{party: name})
		rest = rest[i+j+1:]
	}
	if !seen["author"] || !seen["recipient"] {
		return t, fmt.Errorf("%q lacks {author} or {recipient}", text)
	}
	return t, nil
}

// foldWords folds s into words as the cues are matched. An elided article or
// preposition is a word of its own ("l'association" is "l association"), as
// foldLine reads it.
func foldWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		for {
			i := elision(w)
			if i < 0 {
				break
			}
			out = append(out, strings.Fields(domain.Fold(w[:i]))...)
			w = w[i:]
		}
		out = append(out, strings.Fields(domain.Fold(w))...)
	}
	return out
}

// elidedWords are the French and Italian articles and prepositions written glued to
// the next word by an apostrophe.
var elidedWords = map[string]bool{"l": true, "d": true, "dell": true, "all": true, "nell": true,
	"dall": true, "sull": true, "coll": true, "un": true, "qu": true, "quell": true}

// elision returns where the word after an elided article starts in w ("l'association"
// → 2), or -1.
func elision(w string) int {
	i := strings.IndexAny(w, "'’")
	if i <= 0 || i > 5 {
		return -1
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	if !elidedWords[domain.Fold(w[:i])] {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(w[i+size:]); !unicode.IsLetter(r) {
		return -1
	}
	return i + size
}

// fwords is a line as folded words, each with the byte offset in the line where the
// word it came from ends, so that a match can be cut out of the text as written.
type fwords struct {
	w   []string
	end []int
	src string
}

// foldLine folds s word by word.
func foldLine(s string) fwords {
	out := fwords{src: s}
	start := -1
	flush := func(i int) {
		if start < 0 {
			return
		}
		for _, w := range foldWords(s[start:i]) {
			out.w = append(out.w, w)
			out.end = append(out.end, i)
		}
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' || r == '\u200c' || r == '№' {
			if start < 0 {
				start = i
			}
			if (r == '\'' || r == '’') && elision(s[start:]) == i-start+utf8.RuneLen(r) {
				flush(i + utf8.RuneLen(r)) // "l'association": "l", then "association"
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// foldHead folds the first words of s only (about its first 200 bytes): what a label
// or a cue at the start of a line needs, whatever the line's length. Its offsets are
// those of s, so that after and upto cut s itself.
func foldHead(s string) fwords {
	if len(s) <= 200 {
		return foldLine(s)
	}
	cut := 200
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	f := foldLine(s[:cut])
	f.src = s
	return f
}

// after returns the text after the first n folded words, trimmed of the spaces and
// punctuation that join a label or cue to what follows it.
func (f fwords) after(n int) string {
	if n == 0 {
		return strings.TrimSpace(f.src)
	}
	return trimJoiner(f.src[f.wordEnd(n-1):])
}

// upto returns the text up to the end of the first n folded words.
func (f fwords) upto(n int) string {
	if n == 0 {
		return ""
	}
	return strings.TrimSpace(f.src[:f.wordEnd(n-1)])
}

// word returns folded word k as written.
func (f fwords) word(k int) string {
	start := 0
	if k > 0 {
		start = f.end[k-1]
	}
	return strings.TrimLeftFunc(f.src[start:f.end[k]], func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// wordEnd is where word k ends, with the closing quotes and brackets that stay with
// it ("ООО «Волжский завод»", "(ASILA)").
func (f fwords) wordEnd(k int) int {
	end := f.end[k]
	for end < len(f.src) {
		r, size := utf8.DecodeRuneInString(f.src[end:])
		if !strings.ContainsRune("»”\"')]›", r) {
			break
		}
		end += size
	}
	return end
}

// trimJoiner trims the spaces and punctuation between a cue and its value (": ", ", ",
// ". ", " – "), keeping an opening bracket or quote.
func trimJoiner(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(":,.;-–—=/\\|>»·", r)
	})
}

// hasPrefix reports whether the folded words w start with p.
func hasPrefix(w []string, p phrase) bool {
	return len(w) >= len(p) && slices.Equal(w[:len(p)], p)
}

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
