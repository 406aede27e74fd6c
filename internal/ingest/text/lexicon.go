package text

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
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
