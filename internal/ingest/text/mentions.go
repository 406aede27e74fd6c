package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// maxMentions bounds the organisations taken from one body.
const maxMentions = 100

// connectors may stand inside an organisation's name ("Association for Supporting
// Iranians Living in Albania"), but not at its start.
var connectors = foldSet("of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "al", "e", "y", "&")

// bodyMentions finds organisations the body names with their acronym in brackets:
// "the Mojahedin-e Khalq (MEK)" → Mojahedin-e Khalq, acronym MEK. The name is the run
// of capitalised words (and connectors inside them) before the bracket. Each acronym
// is mentioned once.
func bodyMentions(body string) []domain.MentionInput {
	var out []domain.MentionInput
	seen := map[string]bool{}
	rest := body
	offset := 0
	for len(out) < maxMentions {
		i := strings.IndexByte(rest, '(')
		if i < 0 {
			break
		}
		// An acronym is short: look for its closing bracket nearby only.
		j := strings.IndexByte(rest[i:min(len(rest), i+16)], ')')
		if j < 0 {
			rest, offset = rest[i+1:], offset+i+1
			continue
		}
		acr := rest[i+1 : i+j]
		from := max(0, offset+i-300)
		for from > 0 && !utf8.RuneStart(body[from]) {
			from--
		}
		before := body[from : offset+i]
		rest, offset = rest[i+j+1:], offset+i+j+1
		if !isAcronym(acr) || seen[acr] {
			continue
		}
		name := nameBefore(before)
		if name == "" {
			continue
		}
		seen[acr] = true
		org := &domain.OrganisationInput{Name: name, Acronym: acr, Kind: orgKind(name)}
		out = append(out, domain.MentionInput{Party: &domain.PartyInput{Organisation: org}})
	}
	return out
}

// nameBefore returns the capitalised name that ends s (at most eight words), or "".
func nameBefore(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	toks := tokenize(s)
	start := len(toks)
	for k := len(toks) - 1; k >= 0 && len(toks)-k <= 8; k-- {
		t := toks[k]
		if k < len(toks)-1 && breaksPhrase(t) || strings.ContainsAny(t.w, ".!?\"“”") {
			break
		}
		if startsUpper(t.w) {
			start = k
			continue
		}
		if !connectors[t.f] {
			break
		}
	}
	for start < len(toks) && connectors[toks[start].f] {
		start++
	}
	if start >= len(toks) {
		return ""
	}
	name := trimPunct(spanText(s, toks, start, len(toks)))
	if words(name) < 1 || fold(name) == "" || isAcronym(name) {
		return ""
	}
	return name
}
