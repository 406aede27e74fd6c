package graph

import (
	"html"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// excerptWords is how many words an excerpt shows around the first match.
const excerptWords = 12

// excerpt returns the passage of texts (tried in order) around the first word that
// matches a word of query (folded, so "cafe" marks "Café" and Persian variants meet;
// a query word matches a text word that starts with it), HTML-escaped, with each
// matching word in <mark>…</mark>. It returns "" when no text matches.
func excerpt(query string, texts ...string) string {
	var terms []string
	for _, w := range strings.Fields(query) {
		if t := domain.Fold(strings.Trim(w, `"*`)); t != "" {
			terms = append(terms, strings.Fields(t)...)
		}
	}
	if len(terms) == 0 {
		return ""
	}
	matches := func(word string) bool {
		for _, part := range strings.Fields(domain.Fold(word)) { // "<b>x</b>" folds to "b x b"
			for _, t := range terms {
				if strings.HasPrefix(part, t) {
					return true
				}
			}
		}
		return false
	}
	for _, text := range texts {
		words := strings.Fields(text)
		first := -1
		for i, w := range words {
			if matches(w) {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		from := max(0, first-excerptWords/3)
		to := min(len(words), from+excerptWords)
		var b strings.Builder
		if from > 0 {
			b.WriteString("… ")
		}
		for i := from; i < to; i++ {
			if i > from {
				b.WriteByte(' ')
			}
			if matches(words[i]) {
				b.WriteString("<mark>" + html.EscapeString(words[i]) + "</mark>")
			} else {
				b.WriteString(html.EscapeString(words[i]))
			}
		}
		if to < len(words) {
			b.WriteString(" …")
		}
		return b.String()
	}
	return ""
}
