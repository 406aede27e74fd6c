package email

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stripComments removes RFC 5322 comments — "(…)", nested, with backslash escapes —
// that lie outside quoted strings, and returns the text without them and the text of
// each top-level comment. An unclosed comment runs to the end.
func stripComments(s string) (string, []string) {
	if !strings.Contains(s, "(") {
		return s, nil
	}
	var out, comment strings.Builder
	var comments []string
	depth, quoted := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case depth > 0:
			switch c {
			case '\\':
				if i+1 < len(s) {
					i++
					comment.WriteByte(s[i])
				}
				continue
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					comments = append(comments, comment.String())
					comment.Reset()
					out.WriteByte(' ') // a comment separates what it stands between
					continue
				}
			}
			comment.WriteByte(c)
		case quoted:
			out.WriteByte(c)
			if c == '\\' && i+1 < len(s) {
				i++
				out.WriteByte(s[i])
			} else if c == '"' {
				quoted = false
			}
		case c == '"':
			quoted = true
			out.WriteByte(c)
		case c == '(':
			depth = 1
		default:
			out.WriteByte(c)
		}
	}
	if depth > 0 {
		comments = append(comments, comment.String())
	}
	return out.String(), comments
}

// removeSpace drops every white-space character, as obsolete syntax allows around the
// dots and "@" of an address or message id ("jdoe@test  . example").
func removeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// truncateBytes cuts s to at most n bytes without splitting a rune, at the last line
// end within the final 4 KiB when there is one, so a cut body ends on a whole line.
func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if nl := strings.LastIndexByte(s[:cut], '\n'); nl >= 0 && cut-nl < 4<<10 {
		cut = nl
	}
	return s[:cut]
}
