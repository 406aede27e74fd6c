package text

import (
	"fmt"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// A decoded letter read through its zones, and the zones rendered for the dry run.

// prepare splits a decoded letter into the lines the zoning reads: tables and boxes
// drawn with pipes unpicked, a forwarding cover dropped, a head set in two columns
// read column by column.
func prepare(s string) []line {
	return unfoldColumns(forwardedPart(untable(splitLines(s))))
}

// parseZoned reads a decoded letter through its zones, with how it found each fact;
// ok is false when it has no visible text.
func parseZoned(s string) (domain.LetterInput, *document.Reading, bool) {
	lines := prepare(s)
	first := nextNonBlank(lines, 0, len(lines))
	if first >= len(lines) {
		return domain.LetterInput{}, nil, false
	}
	lay := segment(lines)
	rd := &document.Reading{}
	in := readLetter(lay, rd)
	if structureless(lay) {
		rd.Flag("no letter structure found (no head, salutation, closing, signature or list)")
	}
	if structureless(lay) && in.Title == "" {
		// No recognisable structure: the first line is the title (cut when long, and
		// then kept in the body too).
		l := lines[first].text
		in.Title = cutRunes(l, maxTitle)
		if runes(l) <= maxTitle {
			in.Body = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(in.Body), lines[first].raw))
		}
	}
	in.Mentions = bodyMentions(in.Body)
	if in.Language == "" && in.Body == "" {
		in.Language = detectLanguage(in.Title)
	}
	if strings.TrimSpace(in.Title+in.Subject+in.Body) == "" {
		in.Title = cutRunes(lines[first].text, maxTitle)
	}
	validate(&in)
	capLists(&in)
	return in, rd, true
}

// explain renders the zones of a letter, a line each, for the dry run.
func explain(lay *layout) string {
	kind := make([]string, len(lay.lines))
	for _, z := range lay.zones {
		for i := z.from; i < z.to && i < len(kind); i++ {
			if kind[i] == "" || z.kind == zPage {
				kind[i] = z.kind.String()
				if z.label != "" {
					kind[i] += " (" + string(z.label) + ")"
				}
			}
		}
	}
	var b strings.Builder
	for i, l := range lay.lines {
		if l.blank() {
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(&b, "%-22s| %s\n", kind[i], l.text)
	}
	return b.String()
}

// Zones returns the zones of the plain-text letter raw, a line each ("signature | John
// Smith"), then each fact with how it was found and its confidence, and the reasons
// to review the letter, as `lettergraph import --dry-run --zones` shows them; "" when
// raw is no text letter.
func Zones(raw []byte) string {
	s, err := decode(raw, "")
	if err != nil {
		return ""
	}
	out := explain(segment(prepare(s)))
	if _, rd, ok := parseZoned(s); ok {
		out += "\n" + rd.String()
	}
	return out
}

// structureless reports whether the parser found nothing but a body: no head, no
// salutation, no close, no signature, no list.
func structureless(lay *layout) bool {
	for _, z := range lay.zones {
		switch z.kind {
		case zBody, zPage, zTrailer:
		default:
			return false
		}
	}
	return true
}
