package text

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Folding a line into words as the cues are matched, each word keeping where it ends
// in the line so that a match can be cut out of the text as written.

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
