package neo4jstore

import (
	"strings"
	"unicode"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// luceneSpecial are the characters Lucene's query parser gives a meaning to.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// LuceneQuery turns what a person types into a safe Lucene query for a Neo4j full-text
// index: every word must occur (AND), "quoted phrases" stay phrases, and a word ending
// in * matches as a prefix. Every other operator character is escaped, so no input can
// make the query invalid. It returns "" when the text has no words.
func LuceneQuery(text string) string {
	var terms []string
	for len(text) > 0 {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			break
		}
		if text[0] == '"' {
			end := strings.IndexByte(text[1:], '"')
			phrase := text[1:]
			if end >= 0 {
				phrase, text = text[1:1+end], text[2+end:]
			} else {
				text = ""
			}
			if words := strings.Fields(phrase); len(words) > 0 && hasWord(phrase) {
				for i, w := range words {
					words[i] = escapeLucene(w)
				}
				terms = append(terms, `"`+strings.Join(words, " ")+`"`)
			}
			continue
		}
		end := strings.IndexFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		word := text
		if end >= 0 {
			word, text = text[:end], text[end:]
		} else {
			text = ""
		}
		prefix := strings.HasSuffix(word, "*")
		word = strings.TrimRight(word, "*")
		if !hasWord(word) {
			continue // punctuation alone is no word
		}
		term := escapeLucene(word)
		if prefix {
			term += "*"
		}
		terms = append(terms, term)
	}
	return strings.Join(terms, " AND ")
}

// FoldedLuceneQuery is LuceneQuery over text folded as the search index is
// (domain.Fold): each word is folded, quotes and a trailing * kept.
func FoldedLuceneQuery(text string) string {
	words := strings.Fields(text)
	for i, w := range words {
		lead := len(w) - len(strings.TrimLeft(w, `"`))
		core := strings.TrimLeft(w, `"`)
		trail := len(core) - len(strings.TrimRight(core, `"*`))
		core = strings.TrimRight(core, `"*`)
		folded := domain.Fold(core)
		if strings.Contains(folded, " ") && lead == 0 && trail == 0 {
			folded = `"` + folded + `"` // "O'Brien-Smith" stays one phrase
		}
		words[i] = w[:lead] + folded + w[len(w)-trail:]
	}
	return LuceneQuery(strings.Join(words, " "))
}

func escapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	// AND, OR and NOT are operators only in upper case; lower-case them as words.
	switch out := b.String(); out {
	case "AND", "OR", "NOT":
		return strings.ToLower(out)
	default:
		return out
	}
}

// hasWord reports whether s has a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
