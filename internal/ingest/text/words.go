package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// token is one word of a short line, with where it sits in the line so that a run of
// tokens can be cut out exactly as written.
type token struct {
	w          string // as written
	f          string // fold(w); "" for punctuation
	start, end int    // byte offsets in the line
}

// tokenize splits s at white space and at the zero-width non-joiner, which joins the
// parts of one Persian word ("رئیس‌جمهور") that are also written apart.
func tokenize(s string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			out = append(out, token{w: w, f: fold(w), start: start, end: end})
			start = -1
		}
	}
	for i, r := range s {
		if unicode.IsSpace(r) || r == '\u200c' {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return out
}

// fold is domain.Fold, with a fast path for ASCII text (most words of most letters)
// that gives the same result without Unicode normalisation: the recognisers fold the
// same short strings many times.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return domain.Fold(s)
		}
	}
	b := make([]byte, 0, len(s))
	space := true // drop leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			continue
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
			space = false
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		default:
			if !space {
				b = append(b, ' ')
				space = true
			}
		}
	}
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return string(b)
}

// spanText returns tokens [i, j) of s as written.
func spanText(s string, toks []token, i, j int) string {
	if i >= j {
		return ""
	}
	return s[toks[i].start:toks[j-1].end]
}

// spanFold returns tokens [i, j) folded and joined with single spaces.
func spanFold(toks []token, i, j int) string {
	var b strings.Builder
	for k := i; k < j; k++ {
		if toks[k].f == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].f)
	}
	return b.String()
}

// breaksPhrase reports whether a token ends with punctuation that no multi-word name
// or title runs across ("Director, Amnesty").
func breaksPhrase(t token) bool {
	return strings.HasSuffix(t.w, ",") || strings.HasSuffix(t.w, ";") || strings.HasSuffix(t.w, ":") ||
		strings.HasSuffix(t.w, "،") || strings.HasSuffix(t.w, "؛")
}

// longestMatch returns the length of the longest run of at most max tokens from i
// whose folded text is a key of set, with its value.
func longestMatch[T any](toks []token, i, max int, set map[string]T) (int, T) {
	var zero T
	best, val := 0, zero
	for n := 1; n <= max && i+n <= len(toks); n++ {
		if v, ok := set[spanFold(toks, i, i+n)]; ok {
			best, val = n, v
		}
		if breaksPhrase(toks[i+n-1]) {
			break
		}
	}
	return best, val
}

// foldSet builds a set of phrases folded the way tokens are.
func foldSet(phrases ...string) map[string]bool {
	out := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		out[domain.Fold(p)] = true
	}
	return out
}

// hasWordIn reports whether any folded word of s is in set.
func hasWordIn(s string, set map[string]bool) bool {
	for _, w := range strings.Fields(fold(s)) {
		if set[w] {
			return true
		}
	}
	return false
}

// isArabicScript reports whether r is a letter of the Arabic script (Persian, Arabic,
// Urdu …).
func isArabicScript(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }

// mostlyArabic reports whether most letters of s are in the Arabic script.
func mostlyArabic(s string) bool {
	arabic, other := 0, 0
	for _, r := range s {
		switch {
		case isArabicScript(r):
			arabic++
		case unicode.IsLetter(r):
			other++
		}
	}
	return arabic > other
}

// cutColon splits s at its first colon (ASCII or full width).
func cutColon(s string) (before, after string, found bool) {
	i := strings.IndexAny(s, ":：")
	if i < 0 {
		return s, "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i], s[i+size:], true
}

// trimPunct trims white space and the punctuation that ends or opens a list item or a
// name line, but not the full stop of an abbreviation ("Inc.", "J."). Each round
// removes at least one character and looks only at the ends, so a long line of
// punctuation costs linear time.
func trimPunct(s string) string {
	for {
		t := strings.TrimSpace(strings.Trim(s, ",;:،؛ \t"))
		if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") {
			body := t[:len(t)-1]
			last := body[strings.LastIndexFunc(body, unicode.IsSpace)+1:]
			if runes(last) > 1 && !abbreviations[strings.ToLower(last)] && !strings.Contains(last, ".") {
				t = strings.TrimSpace(body)
			}
		}
		if t == s {
			return s
		}
		s = t
	}
}

// abbreviations end with a full stop that is part of the word.
var abbreviations = map[string]bool{
	"inc": true, "ltd": true, "co": true, "corp": true, "jr": true, "sr": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "no": true, "etc": true,
	"plc": true, "bros": true, "esq": true, "rev": true, "hon": true, "gen": true, "col": true,
	"vs": true, "ave": true, "dept": true, "univ": true, "assn": true, "intl": true,
}

// allCaps reports whether s has letters and all of them in capitals.
func allCaps(s string) bool {
	return hasCase(s) && strings.ToUpper(s) == s
}
