package cmif

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// makeTitle builds the title of a CMIF letter, which has none of its own but needs
// one (a letter needs a title, a subject or a body): "Goethe to Schiller, 13 June
// 1794". Each side lists its correspondents by short name (family name of a person
// written inverted, else the name as read; an organisation's name), at most three
// ("A, B and C"; more: "A, B and 3 others"), or "Unknown"; the date in words follows
// after a comma when there is one. The result is cut to domain.MaxShortText.
func makeTitle(authors, recipients []string, date string) string {
	t := side(authors) + " to " + side(recipients)
	if date != "" {
		t += ", " + date
	}
	return truncate(t, domain.MaxShortText)
}

func side(names []string) string {
	switch n := len(names); {
	case n == 0:
		return "Unknown"
	case n == 1:
		return names[0]
	case n <= 3:
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	default:
		return fmt.Sprintf("%s, %s and %d others", names[0], names[1], n-2)
	}
}

// truncate cuts s to at most n runes, marking the cut with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
