package email

import (
	"net/mail"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// unquoteName drops quotes that wrap a whole display name, as in "'John Doe'" (which
// Outlook writes) or a doubly quoted name.
func unquoteName(s string) string {
	for len(s) >= 2 {
		f, l := s[0], s[len(s)-1]
		if (f == '\'' || f == '"') && f == l {
			s = strings.TrimSpace(s[1 : len(s)-1])
			continue
		}
		break
	}
	return s
}

// usableName: a name the store accepts — letters or digits besides any honorific,
// and short enough.
func usableName(s string) bool {
	return s != "" && domain.NormalizeName(s) != "" && len([]rune(s)) <= domain.MaxShortText
}

// usableEmail returns addr lower-cased when the store accepts it as an email address
// (net/mail reads it back unchanged, with no display name), else "". An address such
// as `"john q"@example.com` is not: net/mail unquotes it into something it then
// refuses.
func usableEmail(addr string) string {
	e := domain.NormalizeEmail(addr)
	if e == "" || len(e) > 254 || !strings.Contains(e, "@") {
		return ""
	}
	a, err := mail.ParseAddress(e)
	if err != nil || a.Name != "" || domain.NormalizeEmail(a.Address) != e {
		return ""
	}
	return e
}
