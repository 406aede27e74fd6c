package text

import (
	"strings"
)

// The note verbale: its opening sentence, which says who writes to whom, matched
// against the lexicons' templates, and the parties named in that sentence.

// verbaleOpening is what a note verbale's first sentence says: who writes to whom.
type verbaleOpening struct{ author, recipient string }

// findVerbale finds a note verbale's opening sentence among the first paragraphs and
// returns it and its line.
func findVerbale(lines []line, from, to int) (*verbaleOpening, int) {
	seen := 0
	for _, b := range blocksIn(lines, from, to) {
		if seen++; seen > 12 {
			break
		}
		text := joinText(lines, b.start, b.end)
		if v, ok := matchVerbale(text); ok {
			return v, b.start
		}
	}
	return nil, -1
}

// matchVerbale matches a note-verbale template at the start of a paragraph.
func matchVerbale(text string) (*verbaleOpening, bool) {
	f := foldLine(text)
	for _, t := range lex.verbale {
		if v, ok := t.match(f); ok {
			return v, true
		}
	}
	return nil, false
}

// match matches a template against the start of f: a party takes the words up to the
// next literal part (at most 30 words).
func (t template) match(f fwords) (*verbaleOpening, bool) {
	pos := 0
	found := map[string][2]int{}
	for k, p := range t.parts {
		if p.party == "" {
			if !hasPrefix(f.w[pos:], p.words) {
				return nil, false
			}
			pos += len(p.words)
			continue
		}
		// A party ends where the next literal starts (or at the sentence's end).
		var next phrase
		if k+1 < len(t.parts) {
			next = t.parts[k+1].words
		}
		start := pos
		for ; pos < len(f.w) && pos-start <= 30; pos++ {
			if next != nil && hasPrefix(f.w[pos:], next) {
				break
			}
			if next == nil && pos > start && clauseEnds(f, pos) {
				break // the last party ends with its clause: "… to the Embassy of X and, with reference to …"
			}
		}
		if pos == start || pos-start > 30 || next != nil && pos >= len(f.w) {
			return nil, false
		}
		found[p.party] = [2]int{start, pos}
	}
	cut := func(r [2]int) string {
		from := 0
		if r[0] > 0 {
			from = f.end[r[0]-1]
		}
		return dropLeadingArticle(trimPunct(trimJoiner(f.src[from:f.end[r[1]-1]])))
	}
	return &verbaleOpening{author: cut(found["author"]), recipient: cut(found["recipient"])}, true
}

// clauseEnds reports whether a clause ends before word k of f: the word is a
// conjunction ("and", "et", "und", "و"), or a comma or semicolon follows the word
// before it, or a stop that ends no abbreviation.
func clauseEnds(f fwords, k int) bool {
	if clauseConjunctions[f.w[k]] {
		return true
	}
	rest := strings.TrimLeft(f.src[f.end[k-1]:], " »”\")")
	if strings.HasPrefix(rest, ".") {
		return len([]rune(f.w[k-1])) > 3 // not after "U.S." or "St."
	}
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ";") || strings.HasPrefix(rest, "،")
}

// clauseConjunctions join clauses after a note verbale's addressee.
var clauseConjunctions = foldSet("and", "et", "und", "y", "e", "en", "и", "و")

// withoutAside cuts an aside set off by dashes or brackets from a party named in a
// sentence: "Ministère de l'Europe et des Affaires étrangères – Direction du Protocole –"
// is the ministry.
func withoutAside(s string) string {
	for _, sep := range []string{" – ", " — ", " (", " -- "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// withoutSeat cuts where a body sits from the end of its name in a sentence: "the
// Embassy of Italy in Tehran", "سفارت جمهوری ایتالیا در تهران", "l'Ambassade de
// France à Berne" (a town after "in", "à", "در", "в", "في"; a country, where the
// embassy is accredited, is part of its name).
func withoutSeat(s string) string {
	f := foldLine(s)
	n := len(f.w)
	for k := n - 2; k >= max(1, n-3); k-- {
		if !seatWords[f.w[k]] {
			continue
		}
		at := f.after(k + 1)
		if _, state := country(at); state {
			return s // "Ambassade du Sénégal en Suisse": where it is accredited is its name
		}
		if isPlace(at) || !hasCase(at) && n-k-1 <= 2 || len(strings.Fields(at)) <= 2 && startsUpper(at) {
			return trimPunct(f.upto(k))
		}
	}
	return s
}

// seatWords say where a body sits.
var seatWords = foldSet("in", "at", "à", "a", "en", "в", "во", "در", "في", "بـ")
