package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// bullets mark list items.
var bullets = []string{"-", "–", "—", "•", "*", "·", "▪", "●", "◦", "○", "►", "‣", "⁃", "→", ">"}

// stripBullet removes a bullet or a number ("1.", "2)", "(3)", "۴-", "a)") from the
// start of a list item.
func stripBullet(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, b := range bullets {
		if strings.HasPrefix(s, b) && len(s) > len(b) {
			rest := s[len(b):]
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsSpace(r) || b != "-" && b != "*" {
				return strings.TrimSpace(rest), true
			}
		}
	}
	i := 0
	open := strings.HasPrefix(s, "(")
	if open {
		i = 1
	}
	digits := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsDigit(r) {
			break
		}
		digits++
		i += size
	}
	if digits == 0 && !open && len(s) > 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' {
		digits, i = 1, 1
	}
	if digits == 0 || digits > 3 || i >= len(s) {
		return s, false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case open && r == ')', !open && strings.ContainsRune(".)-–:", r):
		// "12-member committee" is no numbered item: a space must follow.
		rest := s[i+size:]
		if r2, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsSpace(r2) || r == ')') {
			return strings.TrimSpace(rest), true
		}
	}
	return s, false
}
