package email

import (
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// splitAddressList splits an address list at the commas (and the semicolons that end
// groups) that lie outside quoted strings, comments, angle brackets and domain
// literals, dropping group names ("A Group:"), up to maxEntries entries. An entry that
// is a bare phrase followed by one with a display name and an angle address is joined
// to it: an unquoted "Doe, John <jdoe@example.com>" is one mailbox, as its writer
// meant.
func splitAddressList(s string) []string {
	var pieces []string
	var commaAfter []bool // pieces[i] ended at a comma, not a semicolon
	var cur strings.Builder
	flush := func(comma bool) {
		if p := strings.TrimSpace(cur.String()); p != "" {
			pieces = append(pieces, p)
			commaAfter = append(commaAfter, comma)
		}
		cur.Reset()
	}
	depth, quoted, angle, bracket := 0, false, false, false
	for i := 0; i < len(s) && len(pieces) < maxEntries; i++ {
		c := s[i]
		switch {
		case quoted || depth > 0:
			cur.WriteByte(c)
			switch {
			case c == '\\' && i+1 < len(s):
				i++
				cur.WriteByte(s[i])
			case quoted && c == '"':
				quoted = false
			case !quoted && c == '(':
				depth++
			case !quoted && c == ')':
				depth--
			}
			continue
		case c == '"':
			quoted = true
		case c == '(':
			depth = 1
		case c == '<':
			angle = true
		case c == '>':
			angle = false
		case c == '[':
			bracket = true
		case c == ']':
			bracket = false
		case angle || bracket:
		case c == ',' || c == ';':
			flush(c == ',')
			continue
		case c == ':':
			cur.Reset() // a group's name: its members are the mailboxes
			continue
		}
		cur.WriteByte(c)
	}
	flush(false)
	return joinLastFirst(pieces, commaAfter)
}

func joinLastFirst(pieces []string, commaAfter []bool) []string {
	out := pieces[:0]
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if i+1 < len(pieces) && commaAfter[i] && isBarePhrase(p) {
			next := pieces[i+1]
			if lt := strings.IndexByte(next, '<'); lt > 0 && isBarePhrase(strings.TrimSpace(next[:lt])) {
				out = append(out, p+", "+next)
				i++
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// isBarePhrase: words only, with no address, quotes or comments.
func isBarePhrase(s string) bool {
	return s != "" && !strings.ContainsAny(s, "@<>\"()[]:;,") && domain.Fold(s) != ""
}

// parseLoose reads an entry net/mail refused: the address is what lies in angle
// brackets (after an obsolete route "@a,@b:"), else the whole entry, with comments and
// white space removed; the display name is what precedes the brackets, unquoted; a
// comment that ends an entry without brackets is returned as comment, which names the
// mailbox if it has an address ("jdoe@example.com (John Doe)").
func parseLoose(piece string) (name, addr, comment string) {
	text, comments := stripComments(piece)
	if lt := strings.IndexByte(text, '<'); lt >= 0 {
		inner := text[lt+1:]
		if gt := strings.IndexByte(inner, '>'); gt >= 0 {
			inner = inner[:gt]
		}
		addr = removeSpace(inner)
		if strings.HasPrefix(addr, "@") {
			if colon := strings.LastIndexByte(addr, ':'); colon >= 0 {
				addr = addr[colon+1:]
			}
		}
		name = unescapeQuoted(text[:lt])
	} else {
		addr = removeSpace(text)
		if trailing := strings.TrimSpace(piece); len(comments) > 0 && strings.HasSuffix(trailing, ")") {
			comment = unquoteName(domain.CleanText(comments[len(comments)-1]))
		}
	}
	return name, addr, comment
}

// unescapeQuoted removes the quotes of quoted strings and their backslash escapes.
func unescapeQuoted(s string) string {
	var b strings.Builder
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case c == '\\' && quoted && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
