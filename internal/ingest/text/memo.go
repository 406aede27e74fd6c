package text

import (
	"strings"
)

// Memo headers: the run of labelled lines (To, From, Cc, Subject, Date) near the top
// of a letter, and the header zones read from it.

// findHeaders returns the memo header lines [from, to): a run of labelled lines (To,
// From, Cc, Subject, Date) near the top, with at least two labels and a To or From
// among them, and the lines that continue them. It returns from == to when there is
// none.
func findHeaders(lines []line, from, to int) (int, int) {
	start, end, labels, toFrom := -1, -1, 0, false
	limit := min(to, from+40)
	for i := from; i < limit; i++ {
		t := lines[i].text
		if t == "" {
			if start >= 0 && labels >= 2 {
				// A blank line inside the headers is allowed when more follow.
				if j := nextNonBlank(lines, i, limit); j < limit && headerLabel(lines[j].text) != "" {
					continue
				}
				break
			}
			continue
		}
		if _, encl := lex.label(secLabelEnclosure, t); encl && start >= 0 {
			end = i + 1 // "Encl.: 2" among the headers
			continue
		}
		if l := headerLabel(t); l != "" {
			if start < 0 {
				start = i
			}
			labels++
			toFrom = toFrom || l == secLabelTo || l == secLabelFrom
			end = i + 1
			continue
		}
		if start >= 0 {
			if isContinuation(lines[i]) {
				end = i + 1
				continue
			}
			break
		}
	}
	if start < 0 || labels < 2 || !toFrom {
		return 0, 0
	}
	return start, end
}

// headerSections are the labels of memo headers.
var headerSections = []section{secLabelTo, secLabelFrom, secLabelCC, secLabelBCC,
	secLabelSubject, secLabelDate, secLabelReference}

// headerLabel returns the section of a labelled header line ("To: …"), or "".
func headerLabel(t string) section {
	if attentionLine(t) {
		return "" // "Attn: Mr Tane" belongs to the addressee's block, not to memo headers
	}
	for _, s := range headerSections {
		if v, ok := lex.label(s, t); ok && (v != "" || s == secLabelCC || s == secLabelTo) {
			if _, _, colon := cutColon(t); colon || strings.Contains(t, "\t") || strings.Contains(t, "  ") {
				return s
			}
		}
	}
	return ""
}

// isContinuation reports whether a line continues the header above it: indented, or
// an entry of a list.
func isContinuation(l line) bool {
	return strings.HasPrefix(l.raw, " ") || strings.HasPrefix(l.raw, "\t")
}

// headers adds the memo header zones.
func (lay *layout) headers(from, to int) {
	for i := from; i < to; i++ {
		t := lay.lines[i].text
		if t == "" {
			continue
		}
		l := headerLabel(t)
		if l == "" && attentionLine(t) {
			// "À l'attention de Monsieur Patrick Ollivier," among a note's headers: its
			// addressee, as a To header.
			f := foldLine(t)
			n, _ := lex.prefix(secAttention, f)
			z := lay.add(zHeader, i, i+1)
			z.label, z.value = secLabelTo, strings.TrimSpace(strings.TrimLeft(f.after(n), ":： "))
			continue
		}
		if l == "" {
			if _, ok := lex.label(secLabelEnclosure, t); ok {
				continue // "پیوست: دارد", "Encl.: 2": beside the headers, none of them
			}
			// a continuation: extend the last header
			if n := len(lay.zones); n > 0 && lay.zones[n-1].kind == zHeader {
				lay.zones[n-1].to = i + 1
				lay.zones[n-1].value += "\n" + t
			}
			continue
		}
		// Two headers side by side ("شماره: ۳۱۵/م‌ا/۹۹          تاریخ: ۵ اسفند ۱۳۹۹"):
		// each part that is a header of its own is one.
		for _, p := range headerParts(t) {
			pl := headerLabel(p)
			v, _ := lex.label(pl, p)
			if c, ok := dateColumn(v); ok && pl == secLabelReference {
				lay.add(zDate, i, i+1).value = c // "Ref: MH/DHS/142          4th April, 2024"
			}
			z := lay.add(zHeader, i, i+1)
			z.label, z.value = pl, v
		}
	}
}

// headerParts splits a header line at each gap that a header label follows: "Ref:
// AP/22/14          Date:  4 May 2022" is two headers side by side.
func headerParts(t string) []string {
	var parts []string
	start := 0
	for _, g := range gap.FindAllStringIndex(t, -1) {
		if g[0] > start && headerLabel(t[g[1]:]) != "" {
			parts = append(parts, strings.TrimSpace(t[start:g[0]]))
			start = g[1]
		}
	}
	return append(parts, strings.TrimSpace(t[start:]))
}
