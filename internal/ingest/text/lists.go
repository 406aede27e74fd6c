package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The values of list zones and headers: one entry a line, unless a line carries on
// the entry above it.

// listValues returns a list zone's entries: the value after its label and each line
// below, with purpose phrases ("for information", "جهت اطلاع") cut off.
func listValues(lay *layout, z zone) []string {
	texts := []string{z.value}
	for i := z.from + 1; i < z.to; i++ {
		texts = append(texts, lay.lines[i].text)
	}
	return entryLines(texts)
}

// entryLines returns the entries of a list written over lines: one a line, unless a
// line carries on the entry above it (continuesEntry), with purpose phrases cut off.
func entryLines(texts []string) []string {
	var out []string
	listBulleted := false // once an entry has a bullet, a line without one carries the last on
	closed := false       // the last line ended its entry with a semicolon
	add := func(s string) {
		wasClosed := closed
		t := strings.TrimSpace(s)
		closed = strings.HasSuffix(t, ";") || strings.HasSuffix(t, "؛")
		_, bulleted := stripBullet(s)
		starts := bulleted
		if f := foldLine(s); !bulleted && len(f.w) > 1 {
			// "al Sindaco di Trieste", "alla Stampa", "mw. S. Kok": an addressee's
			// prefix or an honorific starts an entry, in lower case too.
			_, pre := lex.prefix(secAddresseePrefix, f)
			_, hon := lex.prefix(secHonorific, f)
			starts = pre || hon
		}
		// Cut on the whole line too: "X, for information" would otherwise split
		// into X and an entry that is only a purpose.
		if s = trimPunct(cutPurpose(s)); s == "" || lex.is(secFiling, trimPunct(strings.TrimLeft(s, "-–—•* "))) {
			return // nothing, or only where a copy is kept ("الملف", "Ablage")
		}
		if len(out) > 0 && !starts && !wasClosed && (continuesEntry(s) || endsInConnector(out[len(out)-1]) || listBulleted) {
			if prev := out[len(out)-1]; strings.HasSuffix(prev, "-") && startsLower(s) {
				out[len(out)-1] = strings.TrimSuffix(prev, "-") + s // "Preserva- / tion Society"
			} else {
				out[len(out)-1] += " " + s // an entry wrapped onto the next line
			}
			return
		}
		out = append(out, s)
		listBulleted = listBulleted || bulleted
	}
	for _, t := range texts {
		add(t)
	}
	return out
}

// endsInConnector reports whether an entry stops at a connector or an article, so
// that the next line carries it on: "… auprès de l'Office des" / "Nations Unies".
func endsInConnector(s string) bool {
	f := foldLine(s)
	if len(f.w) < 2 {
		return false
	}
	w := f.w[len(f.w)-1]
	return orgConnectors[w] || lex.words[secArticle][w] || clauseConjunctions[w]
}

// withTitles joins a title line to the name over it in a To or From header ("À
// l'attention de Monsieur Patrick Ollivier," over "Directeur général"): one
// addressee, named and titled.
func withTitles(entries []string) []string {
	var out []string
	for _, e := range entries {
		if k := len(out) - 1; k >= 0 && isTitleText(e) && !isPersonText(e) && isPersonText(out[k]) && !strings.ContainsAny(out[k], ",()") {
			out[k] += ", " + e
			continue
		}
		out = append(out, e)
	}
	return out
}

// headerEntries returns the lines of a header's value that start entries: a header
// continued on the lines below it ("To: A – Title" and "B – Title" under it) lists
// one entry a line, unless a line carries on the one above.
func headerEntries(value string) []string {
	return entryLines(strings.Split(value, "\n"))
}

// continuesEntry reports whether a list line carries on the entry above it rather
// than starting one: it starts with a connector or in lower case ("di Montevecchio",
// "del Comune di …"), or it is only a kind of body ("Society.", the end of "Essex
// Field Antiquaries' / Society.").
func continuesEntry(s string) bool {
	f := foldLine(s)
	if len(f.w) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return orgConnectors[f.w[0]] || unicode.IsLower(r) || lex.is(secOrganisationWord, s)
}
