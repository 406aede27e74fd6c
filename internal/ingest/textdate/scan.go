package textdate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// kind is the kind of a token.
type kind uint8

const (
	word   kind = iota + 1 // letters, with the marks and joiners inside a word
	number                 // digits: ASCII, Persian (۰–۹) or Arabic-Indic (٠–٩)
	punct                  // any other character but space
)

// token is one word, number or punctuation character of the input. Spaces separate
// tokens and are not tokens; two tokens with nothing between them are glued.
type token struct {
	kind       kind
	start, end int    // byte offsets in the input
	key        string // word: folded, without spaces (wordKey); punct: the character
	val        int    // number: its value, capped at maxNumber
	digits     int    // number: how many digits it has
}

// maxNumber caps a number's value: no part of a date is larger, and the cap keeps a
// run of a million digits from overflowing.
const maxNumber = 1_000_000

// scanner holds the tokens of one input.
type scanner struct {
	src  string
	toks []token
}

func newScanner(s string) *scanner {
	sc := &scanner{src: s}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case digitValue(r) >= 0:
			t := token{kind: number, start: i}
			for j = i; j < len(s); j += size {
				r, size = utf8.DecodeRuneInString(s[j:])
				v := digitValue(r)
				if v < 0 {
					break
				}
				t.val = min(t.val*10+v, maxNumber)
				t.digits++
			}
			t.end = j
			sc.toks = append(sc.toks, t)
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r): // a joiner alone is no word
			for j < len(s) {
				r, size = utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r) {
					break
				}
				j += size
			}
			sc.toks = append(sc.toks, token{kind: word, start: i, end: j, key: wordKey(s[i:j])})
		case isBlank(r):
		default:
			sc.toks = append(sc.toks, token{kind: punct, start: i, end: j, key: s[i:j]})
		}
		i = j
	}
	sc.joinMonthWords()
	return sc
}

// digitValue returns the value of a decimal digit in the scripts dates are written
// in, or -1.
func digitValue(r rune) int {
	switch {
	case '0' <= r && r <= '9':
		return int(r - '0')
	case '۰' <= r && r <= '۹':
		return int(r - '۰')
	case '٠' <= r && r <= '٩':
		return int(r - '٠')
	}
	return -1
}

// Zero-width joiners hold the parts of one Persian word together ("سه‌شنبه").
const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// isWordRune reports whether r continues a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == zwnj || r == zwj
}

// isBlank reports whether r separates tokens: white space, and the invisible format
// characters of right-to-left text (direction marks, byte-order marks, and joiners
// that join nothing).
func isBlank(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) }

// wordKey returns the key a word is looked up by: domain.Fold without spaces, so that
// case, diacritics, Arabic letter variants and the joiner in "سه‌شنبه" do not matter.
func wordKey(w string) string { return strings.ReplaceAll(domain.Fold(w), " ", "") }

// keySet returns the keys of the space-separated words in list.
func keySet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[wordKey(w)] = true
	}
	return set
}

func (s *scanner) kind(i int) kind {
	if i < 0 || i >= len(s.toks) {
		return 0
	}
	return s.toks[i].kind
}

// glued reports whether token i follows token i-1 with nothing between them.
func (s *scanner) glued(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i-1].end == s.toks[i].start
}

// isWord reports whether token i is a word in set.
func (s *scanner) isWord(i int, set map[string]bool) bool {
	return s.kind(i) == word && set[s.toks[i].key]
}

// isPunct reports whether token i is one of the punctuation characters chars.
func (s *scanner) isPunct(i int, chars ...string) bool {
	if s.kind(i) != punct {
		return false
	}
	for _, c := range chars {
		if s.toks[i].key == c {
			return true
		}
	}
	return false
}

// chainSeps join the numbers of a numeric date.
var chainSeps = []string{"/", ".", "-"}

// chain returns the number tokens of the chain that starts at number token i
// ("12/03/2019", "2.0", "1401/7/14"), the separators between them and the index after
// the chain. Numbers and separators must be glued.
func (s *scanner) chain(i int) (nums []int, seps []string, end int) {
	nums = []int{i}
	k := i + 1
	for s.glued(k) && s.isPunct(k, chainSeps...) && s.glued(k+1) && s.kind(k+1) == number {
		seps = append(seps, s.toks[k].key)
		nums = append(nums, k+1)
		k += 2
	}
	return nums, seps, k
}

// inChain reports whether number token i continues a chain begun before it.
func (s *scanner) inChain(i int) bool {
	return s.glued(i) && s.isPunct(i-1, chainSeps...) && s.glued(i-1) && s.kind(i-2) == number
}

// text returns the input from the start of token a to the end of token b-1.
func (s *scanner) text(a, b int) string { return s.src[s.toks[a].start:s.toks[b-1].end] }

// joinMonthWords makes one token of a month named in two words ("كانون الثاني",
// "تشرين الأول"), so that the forms read it as one month name.
func (s *scanner) joinMonthWords() {
	for i := 0; i+1 < len(s.toks); i++ {
		a, b := s.toks[i], s.toks[i+1]
		if a.kind != word || b.kind != word {
			continue
		}
		if _, ok := months[a.key+b.key]; !ok {
			continue
		}
		s.toks[i].end, s.toks[i].key = b.end, a.key+b.key
		s.toks = append(s.toks[:i+1], s.toks[i+2:]...)
	}
}
