package email

import (
	"html"
	"strings"
)

// invisible elements have content that is not text to read.
var invisible = map[string]bool{"script": true, "style": true, "head": true, "title": true}

// breaking tags end a line: <br>, the ends of blocks, and the starts of list items and
// table rows.
var breaking = map[string]bool{
	"br": true, "/p": true, "/div": true, "/h1": true, "/h2": true, "/h3": true, "/h4": true,
	"/h5": true, "/h6": true, "/blockquote": true, "/pre": true, "/table": true, "li": true, "tr": true,
}

// stripHTML returns the text of an HTML body, crudely but in one pass: comments and
// invisible elements go, breaking tags become line ends, other tags go, line breaks
// in the source are spaces, entities are decoded, and each line's white space is
// collapsed. A "<" that opens no tag is text.
func stripHTML(s string) string {
	lower := lowerASCII(s) // same offsets as s
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			writeFlat(&b, s[i:i+j])
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		end := strings.IndexByte(s[i+1:], '>')
		if end < 0 {
			writeFlat(&b, s[i:])
			break
		}
		name := tagName(lower[i+1 : i+1+end])
		i += end + 2
		switch {
		case invisible[name]:
			if k := strings.Index(lower[i:], "</"+name); k >= 0 {
				i += k
			} else {
				i = len(s)
			}
		case breaking[name]:
			b.WriteByte('\n')
		}
	}
	text := strings.ReplaceAll(html.UnescapeString(b.String()), "\u00a0", " ")
	var out []string
	blank := 0
	for _, l := range strings.Split(text, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			blank++
			if blank > 1 {
				continue // at most one blank line in a row
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// writeFlat writes HTML source text, whose line breaks and tabs are spaces.
func writeFlat(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
}

// tagName returns the name of the tag whose text (between < and >) is t, with a
// leading "/" for an end tag: "/p", "br", "li".
func tagName(t string) string {
	end := 0
	if end < len(t) && t[end] == '/' {
		end++
	}
	for end < len(t) && (t[end] >= 'a' && t[end] <= 'z' || t[end] >= '0' && t[end] <= '9') {
		end++
	}
	return t[:end]
}

// lowerASCII lower-cases ASCII letters only, so offsets stay those of s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
