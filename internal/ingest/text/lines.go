package text

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of the letter. raw keeps what was written (for the body); text is
// what the recognisers look at.
type line struct {
	raw  string // as written, without the line break and trailing white space
	text string // trimmed, with bidi controls removed and odd spaces made plain
	no   int    // 1-based line number in the document
}

func (l line) blank() bool { return l.text == "" }

// lineBreaks turns every way of ending a line into "\n". Form feeds and the Unicode
// separators end lines too: a page break in a scanned letter is no paragraph of its own.
var lineBreaks = strings.NewReplacer(
	"\r\n", "\n", "\r", "\n", "\f", "\n", "\v", "\n",
	"\u2028", "\n", "\u2029", "\n", "\u0085", "\n",
)

// splitLines splits a decoded document into lines.
func splitLines(s string) []line {
	s = lineBreaks.Replace(s)
	parts := strings.Split(s, "\n")
	out := make([]line, 0, len(parts))
	for i, p := range parts {
		raw := strings.TrimRightFunc(p, unicode.IsSpace)
		out = append(out, line{raw: raw, text: cleanLine(raw), no: i + 1})
	}
	for len(out) > 0 && out[len(out)-1].blank() {
		out = out[:len(out)-1]
	}
	return out
}

// cleanLine prepares a line for recognition: right-to-left text carries invisible
// direction marks that would otherwise stick to the words, and pasted text brings
// no-break and other odd spaces. The zero-width non-joiner stays: it is part of
// Persian spelling.
func cleanLine(s string) string {
	if isPlainASCII(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isBidiControl(r) || r == '\ufeff' || r == '\u200b':
			continue
		case r == '\u200c':
			b.WriteRune(r)
		case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || (c < ' ' && c != '\t') {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	switch {
	case r == '\u200e' || r == '\u200f' || r == '\u061c':
		return true
	case r >= '\u202a' && r <= '\u202e':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// span is a run of lines [start, end) by index.
type span struct{ start, end int }

// blocksIn returns the paragraphs (runs of non-blank lines) within lines[from:to].
func blocksIn(lines []line, from, to int) []span {
	var out []span
	start := -1
	for i := from; i < to; i++ {
		switch {
		case lines[i].blank() && start >= 0:
			out = append(out, span{start, i})
			start = -1
		case !lines[i].blank() && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, span{start, to})
	}
	return out
}

// nextNonBlank returns the index of the first non-blank line at or after i, or to.
func nextNonBlank(lines []line, i, to int) int {
	for i < to && lines[i].blank() {
		i++
	}
	return i
}

// runes counts the characters of s.
func runes(s string) int { return utf8.RuneCountInString(s) }

// cutRunes shortens s to at most n characters, at a word boundary when there is one
// in the last fifth, and marks the cut with an ellipsis.
func cutRunes(s string, n int) string {
	if runes(s) <= n {
		return s
	}
	cut, count := 0, 0
	for i := range s {
		if count == n-1 {
			cut = i
			break
		}
		count++
	}
	if sp := strings.LastIndexFunc(s[:cut], unicode.IsSpace); sp > cut*4/5 {
		cut = sp
	}
	return strings.TrimRightFunc(s[:cut], unicode.IsSpace) + "…"
}

// joinRaw joins lines[from:to] as written, without leading or trailing blank lines.
func joinRaw(lines []line, from, to int) string {
	for from < to && lines[from].blank() {
		from++
	}
	for to > from && lines[to-1].blank() {
		to--
	}
	var b strings.Builder
	for i := from; i < to; i++ {
		if i > from {
			b.WriteByte('\n')
		}
		b.WriteString(lines[i].raw)
	}
	return b.String()
}

// words counts the white-space separated words of s.
func words(s string) int { return len(strings.Fields(s)) }

// endsSentence reports whether s ends like a sentence of prose rather than a name
// or a heading: a full stop after a word that is no abbreviation or initial.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)»`)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "。") && !strings.HasSuffix(s, "!") {
		return false
	}
	f := strings.Fields(s)
	last := strings.TrimSuffix(f[len(f)-1], ".")
	if runes(last) <= 2 || abbreviations[strings.ToLower(last)] || strings.Contains(last, ".") {
		return false // "Ltd.", "B.V.", "S.p.A.": an abbreviation ends it, not a sentence
	}
	return true
}

// isProse reports whether a line reads as running text: long, or a sentence of
// several words.
func isProse(s string) bool {
	if parts := splitGap(s); len(parts) > 1 {
		// "Hon. Secretary's Office,   14, Priestpopple,   Hexham.": fields set apart
		// by wide gaps, a letterhead's or a table's, are prose only if one of them is.
		return slices.ContainsFunc(parts, isProse)
	}
	n := words(s)
	return runes(s) > 120 || (n >= 6 && endsSentence(s)) || n > 16
}

// joinText joins the lines' text with spaces.
func joinText(lines []line, from, to int) string {
	var parts []string
	for i := from; i < to; i++ {
		if t := lines[i].text; t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// isRule reports whether s is a rule drawn across the page: three or more dashes,
// underscores, equals signs or stars.
func isRule(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return false
	}
	return strings.Trim(s, "-_=*~─━ .…·") == ""
}

// gap is a run of three or more spaces inside a line: the gap between columns.
var gap = regexp.MustCompile(`\s{3,}|\t+`)

// splitGap splits a line at its column gaps.
func splitGap(s string) []string {
	var out []string
	for _, p := range gap.Split(strings.TrimSpace(s), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
